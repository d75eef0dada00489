package main

import (
	"context"
	"errors"
	"flag"
	"fmt"

	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/web"
)

func init() {
	register(command{name: "user add", summary: "create a researcher account (password from SAFAR_PASSWORD or stdin)", run: runUserAdd})
}

// runUserAdd creates an account. The password never comes from a flag
// (flags show in `ps` and shell history): SAFAR_PASSWORD, else one line
// read from stdin after a prompt.
func runUserAdd(ctx context.Context, env *cliEnv, args []string) error {
	fs := flag.NewFlagSet("user add", flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	dsn := dbFlag(fs, env)
	role := fs.String("role", "researcher", "admin, researcher or viewer")
	name := fs.String("name", "", "display name")
	lang := fs.String("lang", "en", "workspace language: fa or en")
	fs.Usage = func() {
		fmt.Fprintln(env.stderr, "usage: safar user add EMAIL --role admin|researcher|viewer [--name NAME] [--lang fa|en] [--db ...]")
		fmt.Fprintln(env.stderr, "The password is read from SAFAR_PASSWORD, or from stdin.")
		fs.PrintDefaults()
	}
	if err := parseInterspersed(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errors.New("give exactly one EMAIL")
	}
	pw, err := readPassword(env)
	if err != nil {
		return err
	}
	u := &survey.User{Email: fs.Arg(0), Name: *name, Role: survey.UserRole(*role), Lang: *lang}
	if err := survey.ValidateNewUser(u, pw); err != nil {
		return err
	}
	hash, err := web.HashPassword(pw)
	if err != nil {
		return err
	}
	u.PasswordHash = hash
	store, err := openStore(ctx, *dsn, false)
	if err != nil {
		return err
	}
	defer store.Close()
	if err := store.CreateUser(ctx, u); err != nil {
		return err
	}
	fmt.Fprintf(env.stdout, "created %s %s\n", u.Role, u.Email)
	return nil
}
