package main

import "flag"

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
