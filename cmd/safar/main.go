// Command safar is the Safar research platform: a survey server and a set of
// analysis commands that also work on plain CSV files.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	env := &cliEnv{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv}
	os.Exit(run(ctx, env, os.Args[1:]))
}

// run dispatches to a subcommand and turns its error into an exit code.
func run(ctx context.Context, env *cliEnv, args []string) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(env.stdout)
		return 0
	}
	c, rest, ok := lookup(args)
	if !ok {
		if subs := subcommands(args[0]); len(subs) > 0 {
			fmt.Fprintf(env.stderr, "safar: %q needs one of: %s\n", args[0], strings.Join(subs, ", "))
			return 2
		}
		fmt.Fprintf(env.stderr, "safar: unknown command %q\n\n", args[0])
		usage(env.stderr)
		return 2
	}
	if err := c.run(ctx, env, rest); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		fmt.Fprintf(env.stderr, "safar %s: %v\n", c.name, err)
		return 1
	}
	return 0
}
