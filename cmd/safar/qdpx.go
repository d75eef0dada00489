package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/safarhq/safar/qdpx"
	"github.com/safarhq/safar/qdpx/exchange"
)

func init() {
	register(command{name: "export qdpx", summary: "write a project's codes, sources and coded passages as REFI-QDA (.qdpx, or .qdc for the codebook)", run: runExportQDPX})
	register(command{name: "import qdpx", summary: "read a REFI-QDA project (.qdpx) or codebook (.qdc) into a project, all or nothing", run: runImportQDPX})
}

func runExportQDPX(ctx context.Context, env *cliEnv, args []string) error {
	fs := newFlags(env, "export qdpx", "--project NAME -o FILE.qdpx|FILE.qdc [--db ...]")
	dsn := dbFlag(fs, env)
	project := fs.String("project", "", "project name (required)")
	out := fs.String("o", "", "output file: .qdpx for the project, .qdc for the codebook alone (required)")
	if err := parseInterspersed(fs, args); err != nil {
		return err
	}
	if *project == "" || *out == "" {
		return errors.New("usage: safar export qdpx --project NAME -o FILE.qdpx|FILE.qdc")
	}
	codebookOnly := strings.HasSuffix(strings.ToLower(*out), ".qdc")
	if !codebookOnly && !strings.HasSuffix(strings.ToLower(*out), ".qdpx") {
		return fmt.Errorf("-o %s: want a .qdpx or .qdc file", *out)
	}
	store, err := openStore(ctx, *dsn, false)
	if err != nil {
		return err
	}
	defer store.Close()
	p, err := store.ProjectByName(ctx, *project)
	if err != nil {
		return err
	}
	d, err := exchange.Load(ctx, store, p)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if codebookOnly {
		err = qdpx.WriteCodebook(&buf, d.Codebook(), exchange.Origin)
	} else {
		err = qdpx.WriteProject(&buf, exchange.Export(d))
	}
	if err != nil {
		return err
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(env.stdout, "%s: %d codes, %d transcripts, %d questions' answers, %d codings\n", *out, len(d.Codes), len(d.Transcripts), len(d.Answers), len(d.Codings))
	return nil
}

func runImportQDPX(ctx context.Context, env *cliEnv, args []string) error {
	fs := newFlags(env, "import qdpx", "--project NAME [--coder EMAIL] [--db ...] FILE.qdpx|FILE.qdc")
	dsn := dbFlag(fs, env)
	project := fs.String("project", "", "project to import into (created if missing; required)")
	coder := fs.String("coder", "", "e-mail of the account the imported codings are attributed to when the file's coder is not an account (default: none)")
	if err := parseInterspersed(fs, args); err != nil {
		return err
	}
	if *project == "" || fs.NArg() != 1 {
		return errors.New("usage: safar import qdpx --project NAME [--coder EMAIL] FILE.qdpx|FILE.qdc")
	}
	path := fs.Arg(0)
	info, err := os.Stat(path)
	if err != nil {
		return err
	}
	if info.Size() > qdpx.MaxTotalSize {
		return fmt.Errorf("%s: %d MiB; the limit is %d MiB", path, info.Size()>>20, qdpx.MaxTotalSize>>20)
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	var proj *qdpx.Project
	var skipped []qdpx.Skipped
	if strings.HasSuffix(strings.ToLower(path), ".qdc") {
		codes, err := qdpx.ReadCodebook(f)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		proj = &qdpx.Project{Codes: codes}
	} else if proj, skipped, err = qdpx.ReadProject(f, info.Size()); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	store, err := openStore(ctx, *dsn, false)
	if err != nil {
		return err
	}
	defer store.Close()
	var userID int64
	if *coder != "" {
		u, err := store.UserByEmail(ctx, *coder)
		if err != nil {
			return fmt.Errorf("--coder %s: %w", *coder, err)
		}
		userID = u.ID
	}
	users, err := store.Users(ctx)
	if err != nil {
		return err
	}
	// Check the whole file before creating the project.
	imp, rep, err := exchange.Import(proj, 0, userID, exchange.Accounts(users))
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	p, err := ensureProject(ctx, env, store, *project)
	if err != nil {
		return err
	}
	imp.ProjectID = p.ID
	if err := store.ImportCoding(ctx, imp); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	fmt.Fprintf(env.stdout, "%s: %d codes, %d sources (%d utterances), %d codings imported into %s\n", path, rep.Codes, rep.Sources, rep.Utterances, rep.Codings, p.Name)
	for _, s := range append(skipped, rep.Skipped...) {
		fmt.Fprintf(env.stdout, "  skipped: %s\n", s)
	}
	return nil
}
