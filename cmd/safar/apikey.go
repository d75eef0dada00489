package main

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/safarhq/safar/survey"
)

func init() {
	register(command{name: "apikey create", summary: "make an API key for a user (shown once; stored hashed)", run: runAPIKeyCreate})
	register(command{name: "apikey list", summary: "list API keys with their scopes and last use", run: runAPIKeyList})
	register(command{name: "apikey revoke", summary: "revoke an API key; it stops working at once", run: runAPIKeyRevoke})
}

func runAPIKeyCreate(ctx context.Context, env *cliEnv, args []string) error {
	fs := newFlags(env, "apikey create", "--user EMAIL --name NAME [--scopes responses:read,surveys:write] [--db ...]")
	dsn := dbFlag(fs, env)
	email := fs.String("user", "", "the user the key acts as (email)")
	name := fs.String("name", "", "what will use the key, e.g. \"CRM sync\"")
	scopes := fs.String("scopes", survey.ScopeResponsesRead, "comma-separated: "+strings.Join(survey.APIScopes, ","))
	if err := parseInterspersed(fs, args); err != nil {
		return err
	}
	if *email == "" {
		return errors.New("give --user EMAIL")
	}
	store, err := openStore(ctx, *dsn, false)
	if err != nil {
		return err
	}
	defer store.Close()
	u, err := store.UserByEmail(ctx, survey.NormalizeEmail(*email))
	if err != nil {
		return fmt.Errorf("user %s: %w", *email, err)
	}
	k := &survey.APIKey{Name: *name, Scopes: splitList(*scopes)}
	if err := survey.ValidateAPIKey(k, u); err != nil {
		return err
	}
	raw, prefix := survey.NewAPIKey()
	k.Prefix = prefix
	if err := store.CreateAPIKey(ctx, raw, k); err != nil {
		return err
	}
	fmt.Fprintf(env.stderr, "API key %d for %s (%s); shown once here, only its hash is stored:\n", k.ID, u.Email, strings.Join(k.Scopes, ", "))
	fmt.Fprintln(env.stdout, raw)
	return nil
}

func runAPIKeyList(ctx context.Context, env *cliEnv, args []string) error {
	fs := newFlags(env, "apikey list", "[--user EMAIL] [--db ...]")
	dsn := dbFlag(fs, env)
	email := fs.String("user", "", "only this user's keys (email)")
	if err := parseInterspersed(fs, args); err != nil {
		return err
	}
	store, err := openStore(ctx, *dsn, false)
	if err != nil {
		return err
	}
	defer store.Close()
	users, err := store.Users(ctx)
	if err != nil {
		return err
	}
	emails := map[int64]string{}
	var only int64
	for _, u := range users {
		emails[u.ID] = u.Email
		if u.Email == survey.NormalizeEmail(*email) {
			only = u.ID
		}
	}
	if *email != "" && only == 0 {
		return fmt.Errorf("user %s: %w", *email, survey.ErrNotFound)
	}
	keys, err := store.APIKeys(ctx, only)
	if err != nil {
		return err
	}
	stamp := func(t *time.Time) string {
		if t == nil {
			return "-"
		}
		return t.UTC().Format("2006-01-02 15:04")
	}
	tw := tabwriter.NewWriter(env.stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tUSER\tNAME\tKEY\tSCOPES\tCREATED\tLAST USED\tREVOKED")
	for _, k := range keys {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s…\t%s\t%s\t%s\t%s\n", k.ID, emails[k.UserID], k.Name, k.Prefix,
			strings.Join(k.Scopes, ","), stamp(&k.CreatedAt), stamp(k.LastUsedAt), stamp(k.RevokedAt))
	}
	return tw.Flush()
}

func runAPIKeyRevoke(ctx context.Context, env *cliEnv, args []string) error {
	fs := newFlags(env, "apikey revoke", "ID [--db ...]")
	dsn := dbFlag(fs, env)
	if err := parseInterspersed(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New("usage: safar apikey revoke ID")
	}
	id, err := strconv.ParseInt(fs.Arg(0), 10, 64)
	if err != nil {
		return fmt.Errorf("API key id %q is not a number", fs.Arg(0))
	}
	store, err := openStore(ctx, *dsn, false)
	if err != nil {
		return err
	}
	defer store.Close()
	if err := store.RevokeAPIKey(ctx, id, 0, time.Now()); err != nil {
		return err
	}
	fmt.Fprintf(env.stdout, "revoked API key %d\n", id)
	return nil
}
