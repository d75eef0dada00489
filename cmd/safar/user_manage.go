package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"

	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/web"
)

func init() {
	register(command{name: "user passwd", summary: "set an account's password (from SAFAR_PASSWORD or stdin); ends its sessions", run: runUserPasswd})
	register(command{name: "user role", summary: "change an account's role: safar user role EMAIL admin|researcher|viewer", run: runUserRole})
	register(command{name: "user disable", summary: "disable an account (ends its sessions at once); --enable undoes it", run: runUserDisable})
	register(command{name: "user delete", summary: "delete an account and its sessions (not the last admin)", run: runUserDelete})
}

// userCommand parses the flags of a `safar user ...` subcommand that takes
// an EMAIL and nargs-1 more arguments, opens the store and finds the user.
func userCommand(ctx context.Context, env *cliEnv, name, usage string, nargs int, args []string, extra func(*flag.FlagSet),
	do func(store survey.UserStore, u *survey.User, rest []string) error) error {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	dsn := dbFlag(fs, env)
	if extra != nil {
		extra(fs)
	}
	fs.Usage = func() {
		fmt.Fprintln(env.stderr, "usage: safar "+name+" "+usage+" [--db ...]")
		fs.PrintDefaults()
	}
	if err := parseInterspersed(fs, args); err != nil {
		return err
	}
	if fs.NArg() != nargs {
		fs.Usage()
		return fmt.Errorf("give %s", usage)
	}
	store, err := openStore(ctx, *dsn, false)
	if err != nil {
		return err
	}
	defer store.Close()
	u, err := store.UserByEmail(ctx, fs.Arg(0))
	if err != nil {
		return fmt.Errorf("account %q: %w", fs.Arg(0), err)
	}
	return do(store, u, fs.Args()[1:])
}

// readPassword reads a password from SAFAR_PASSWORD, else one line of stdin
// (never from a flag: flags show in `ps` and shell history).
func readPassword(env *cliEnv) (string, error) {
	if pw := env.getenv("SAFAR_PASSWORD"); pw != "" {
		return pw, nil
	}
	fmt.Fprint(env.stderr, "Password (input is shown; set SAFAR_PASSWORD to avoid it): ")
	line, err := bufio.NewReader(env.stdin).ReadString('\n')
	if err != nil && line == "" {
		return "", errors.New("no password: set SAFAR_PASSWORD or type one on stdin")
	}
	return strings.TrimRight(line, "\r\n"), nil
}

func runUserPasswd(ctx context.Context, env *cliEnv, args []string) error {
	return userCommand(ctx, env, "user passwd", "EMAIL", 1, args, nil, func(store survey.UserStore, u *survey.User, _ []string) error {
		pw, err := readPassword(env)
		if err != nil {
			return err
		}
		if err := survey.ValidatePassword(u.Email, pw); err != nil {
			return err
		}
		hash, err := web.HashPassword(pw)
		if err != nil {
			return err
		}
		if err := store.SetUserPassword(ctx, u.ID, hash, 0); err != nil {
			return err
		}
		fmt.Fprintf(env.stdout, "password set for %s; its sessions ended\n", u.Email)
		return nil
	})
}

func runUserRole(ctx context.Context, env *cliEnv, args []string) error {
	return userCommand(ctx, env, "user role", "EMAIL admin|researcher|viewer", 2, args, nil, func(store survey.UserStore, u *survey.User, rest []string) error {
		role := survey.UserRole(rest[0])
		if !role.Valid() {
			return fmt.Errorf("role %q: must be admin, researcher or viewer", rest[0])
		}
		if err := store.SetUserRole(ctx, u.ID, role); err != nil {
			return err
		}
		fmt.Fprintf(env.stdout, "%s is now %s\n", u.Email, role)
		return nil
	})
}

func runUserDisable(ctx context.Context, env *cliEnv, args []string) error {
	var enable *bool
	return userCommand(ctx, env, "user disable", "EMAIL [--enable]", 1, args,
		func(fs *flag.FlagSet) { enable = fs.Bool("enable", false, "enable the account again") },
		func(store survey.UserStore, u *survey.User, _ []string) error {
			if err := store.SetUserDisabled(ctx, u.ID, !*enable); err != nil {
				return err
			}
			if *enable {
				fmt.Fprintf(env.stdout, "%s enabled\n", u.Email)
			} else {
				fmt.Fprintf(env.stdout, "%s disabled; its sessions ended\n", u.Email)
			}
			return nil
		})
}

func runUserDelete(ctx context.Context, env *cliEnv, args []string) error {
	return userCommand(ctx, env, "user delete", "EMAIL", 1, args, nil, func(store survey.UserStore, u *survey.User, _ []string) error {
		if err := store.DeleteUser(ctx, u.ID); err != nil {
			return err
		}
		fmt.Fprintf(env.stdout, "%s deleted\n", u.Email)
		return nil
	})
}
