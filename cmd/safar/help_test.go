package main

import (
	"strings"
	"testing"
)

// TestEveryCommandHelp: `safar COMMAND -h` starts with the command's usage
// line and lists its flags (ten commands printed Go's bare "Usage of
// analyze:"), and a first word alone names the commands it starts
// (`safar eval` said "unknown command").
func TestEveryCommandHelp(t *testing.T) {
	for name := range commands {
		_, errs, code := runCLI(t, append(strings.Fields(name), "-h")...)
		if code != 0 || !strings.HasPrefix(errs, "usage: safar "+name) {
			t.Errorf("safar %s -h: exit %d, first line %q; want the usage line", name, code, strings.SplitN(errs, "\n", 2)[0])
		}
	}
	_, errs, code := runCLI(t, "import")
	if code != 2 || !strings.Contains(errs, "import responses, import survey, import transcript") {
		t.Errorf("safar import: exit %d, %q; want the import commands listed", code, errs)
	}
	if _, errs, _ := runCLI(t, "eval"); !strings.Contains(errs, "eval painpoints") {
		t.Errorf("safar eval: %q; want eval painpoints named", errs)
	}
}

// TestEvalHelpNamesTheSets: `eval painpoints -h` names the sets --set
// takes (it said only "this set"; the names came from an error).
func TestEvalHelpNamesTheSets(t *testing.T) {
	_, errs, _ := runCLI(t, "eval", "painpoints", "-h")
	if !strings.Contains(errs, "mams, steam") || !strings.Contains(errs, "clothing-all") {
		t.Errorf("eval painpoints -h does not name the sets:\n%s", errs)
	}
}
