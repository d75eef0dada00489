package main

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"
)

// A command is one `safar` subcommand. Each lives in its own file and
// registers itself in init, so adding a command never touches main.go.
type command struct {
	name    string // first word after `safar`, e.g. "painpoints" or "import survey"
	summary string // one line for `safar help`
	run     func(ctx context.Context, env *cliEnv, args []string) error
}

// cliEnv carries what a command may touch: its streams and environment.
type cliEnv struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	getenv func(string) string
}

var commands = map[string]command{}

func register(c command) {
	if _, dup := commands[c.name]; dup {
		panic("duplicate command " + c.name)
	}
	commands[c.name] = c
}

// lookup finds the longest registered command name that prefixes args
// ("import survey" before "import").
func lookup(args []string) (command, []string, bool) {
	for n := min(len(args), 2); n >= 1; n-- {
		if c, ok := commands[strings.Join(args[:n], " ")]; ok {
			return c, args[n:], true
		}
	}
	return command{}, nil, false
}

// subcommands lists, sorted, the commands whose first word is word
// ("import" gives "import qdpx", "import responses"...).
func subcommands(word string) []string {
	var out []string
	for n := range commands {
		if strings.HasPrefix(n, word+" ") {
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}

func usage(w io.Writer) {
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	fmt.Fprintln(w, "usage: safar COMMAND [flags]\n\ncommands:")
	for _, n := range names {
		fmt.Fprintf(w, "  %-20s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nRun `safar COMMAND -h` for a command's flags.")
}
