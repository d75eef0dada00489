package main

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/safarhq/safar/survey"
)

func init() {
	register(command{name: "webhook add", summary: "send a survey's (or project's) events to a URL, signed (Standard Webhooks)", run: runWebhookAdd})
	register(command{name: "webhook list", summary: "list webhooks with their delivery state", run: runWebhookList})
	register(command{name: "webhook remove", summary: "remove a webhook and its undelivered messages", run: runWebhookRemove})
}

func runWebhookAdd(ctx context.Context, env *cliEnv, args []string) error {
	fs := newFlags(env, "webhook add", "(--survey SLUG | --project NAME) --url URL [--secret whsec_...] [--events ...] [--db ...]")
	dsn := dbFlag(fs, env)
	slug := fs.String("survey", "", "the survey whose events to send")
	project := fs.String("project", "", "or: every survey of this project")
	url := fs.String("url", "", "the receiver (http or https; loopback and private addresses need serve --webhooks-allow-private)")
	secret := fs.String("secret", "", "signing secret, whsec_ + base64 (default: a new one, printed once)")
	events := fs.String("events", strings.Join(survey.WebhookEvents, ","), "comma-separated events")
	if err := parseInterspersed(fs, args); err != nil {
		return err
	}
	if (*slug == "") == (*project == "") {
		return errors.New("give --survey SLUG or --project NAME")
	}
	store, err := openStore(ctx, *dsn, false)
	if err != nil {
		return err
	}
	defer store.Close()
	w := &survey.Webhook{URL: *url, Secret: *secret, Events: splitList(*events)}
	if *slug != "" {
		sv, err := store.SurveyBySlug(ctx, *slug)
		if err != nil {
			return err
		}
		w.ProjectID, w.SurveyID = sv.ProjectID, sv.ID
	} else {
		p, err := store.ProjectByName(ctx, *project)
		if err != nil {
			return err
		}
		w.ProjectID = p.ID
	}
	newSecret := w.Secret == ""
	if newSecret {
		w.Secret = survey.NewWebhookSecret()
	}
	if err := store.CreateWebhook(ctx, w); err != nil {
		return err
	}
	fmt.Fprintf(env.stdout, "webhook %d sends %s to %s\n", w.ID, strings.Join(w.Events, ", "), w.URL)
	if newSecret {
		fmt.Fprintf(env.stdout, "signing secret (give it to the receiver; shown once here, and on the webhook's page): %s\n", w.Secret)
	}
	return nil
}

func runWebhookList(ctx context.Context, env *cliEnv, args []string) error {
	fs := newFlags(env, "webhook list", "[--db ...]")
	dsn := dbFlag(fs, env)
	if err := parseInterspersed(fs, args); err != nil {
		return err
	}
	store, err := openStore(ctx, *dsn, false)
	if err != nil {
		return err
	}
	defer store.Close()
	hooks, err := store.Webhooks(ctx, 0)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(env.stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tPROJECT\tSURVEY\tURL\tEVENTS\tPENDING\tDELIVERED\tLAST ERROR")
	for _, h := range hooks {
		ms, err := store.WebhookMessages(ctx, h.ID, 1000)
		if err != nil {
			return err
		}
		pending, delivered, last := 0, 0, ""
		for _, m := range ms {
			if m.DeliveredAt != nil {
				delivered++
			} else {
				pending++
				if last == "" && m.LastError != "" {
					last = m.LastError
				}
			}
		}
		sv := "all"
		if h.SurveyID != 0 {
			sv = strconv.FormatInt(h.SurveyID, 10)
		}
		fmt.Fprintf(tw, "%d\t%d\t%s\t%s\t%s\t%d\t%d\t%s\n", h.ID, h.ProjectID, sv, h.URL, strings.Join(h.Events, ","), pending, delivered, last)
	}
	return tw.Flush()
}

func runWebhookRemove(ctx context.Context, env *cliEnv, args []string) error {
	fs := newFlags(env, "webhook remove", "ID [--db ...]")
	dsn := dbFlag(fs, env)
	if err := parseInterspersed(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New("usage: safar webhook remove ID")
	}
	id, err := strconv.ParseInt(fs.Arg(0), 10, 64)
	if err != nil {
		return fmt.Errorf("webhook id %q is not a number", fs.Arg(0))
	}
	store, err := openStore(ctx, *dsn, false)
	if err != nil {
		return err
	}
	defer store.Close()
	if err := store.DeleteWebhook(ctx, id); err != nil {
		return err
	}
	fmt.Fprintf(env.stdout, "removed webhook %d\n", id)
	return nil
}
