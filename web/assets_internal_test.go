package web

import (
	"bytes"
	"io/fs"
	"path"
	"strings"
	"testing"

	"github.com/safarhq/safar/static"
)

// TestServedScripts: the scripts are served without their comment-only
// lines, which is safe only while no script holds a template literal or a
// string continued over lines; the code lines are all kept.
func TestServedScripts(t *testing.T) {
	got := string(stripLineComments([]byte("// head\nvar a = 1; // kept\n  // indented\n\t// tab\nvar u = \"http://x\";\n/* block */\n")))
	if want := "var a = 1; // kept\nvar u = \"http://x\";\n/* block */\n"; got != want {
		t.Errorf("stripLineComments:\n%q\nwant\n%q", got, want)
	}
	err := fs.WalkDir(static.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || path.Ext(p) != ".js" {
			return err
		}
		b, err := fs.ReadFile(static.FS, p)
		if err != nil {
			return err
		}
		if bytes.ContainsRune(b, '`') {
			t.Errorf("%s holds a template literal: a line in it starting with // would be stripped", p)
		}
		for i, line := range strings.Split(string(b), "\n") {
			if strings.HasSuffix(line, "\\") {
				t.Errorf("%s:%d continues a string over lines", p, i+1)
			}
		}
		s := stripLineComments(b)
		code := 0
		for line := range strings.Lines(string(b)) {
			if !strings.HasPrefix(strings.TrimSpace(line), "//") {
				code++
			}
		}
		if n := strings.Count(string(s), "\n"); n != code {
			t.Errorf("%s: %d lines served, want its %d lines of code", p, n, code)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
