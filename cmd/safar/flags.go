package main

import (
	"flag"
	"fmt"
)

// parseInterspersed parses flags that may come before or after the
// positional arguments (`safar painpoints FILE.csv --text COL` reads
// naturally), which the flag package alone does not allow.
func parseInterspersed(fs *flag.FlagSet, args []string) error {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return err
		}
		if fs.NArg() == 0 {
			break
		}
		positional = append(positional, fs.Arg(0))
		args = fs.Args()[1:]
	}
	return fs.Parse(positional)
}

// sheetFlag is --sheet, for commands that read a table file: the workbook
// sheet to read when the file is .xlsx (default: the first).
func sheetFlag(fs *flag.FlagSet) *string {
	return fs.String("sheet", "", "XLSX input: the sheet to read (default: the first)")
}

// newFlags is a command's flag set: errors and -h go to stderr, and -h
// starts with the command's usage line ("usage: safar NAME SYNOPSIS")
// before each flag, what it does and its default.
func newFlags(env *cliEnv, name, synopsis string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	fs.Usage = func() {
		fmt.Fprintf(env.stderr, "usage: safar %s %s\n", name, synopsis)
		fs.PrintDefaults()
	}
	return fs
}
