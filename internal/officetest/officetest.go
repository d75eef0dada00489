// Package officetest runs LibreOffice and poppler on workbooks in tests:
// converting them (to CSV or PDF), reading a PDF's text and keeping its
// pages as images for a person to look at. Each helper skips the test, and
// says which Debian package to install, when its program is missing.
package officetest

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Soffice finds LibreOffice or skips the test (also with -short). On
// Debian/Ubuntu: apt-get install -y libreoffice-calc-nogui.
func Soffice(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("skipping LibreOffice conversion in -short mode")
	}
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("LibreOffice not on PATH (soffice/libreoffice); install the Debian package libreoffice-calc-nogui to run this test")
	return ""
}

// Convert runs LibreOffice headless on file with a private profile in dir,
// writing the converted files (filter to, e.g. "pdf") into dir.
func Convert(t *testing.T, bin, dir, file, to string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "--headless", "--norestore", "--nolockcheck",
		"-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", to, "--outdir", dir, file)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s: %v\n%s", strings.Join(cmd.Args, " "), err, out)
	}
	t.Logf("%s", out)
}

// poppler finds a poppler-utils program or skips the test.
func poppler(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Skipf("%s not on PATH; install the Debian package poppler-utils to run this test", name)
	}
	return p
}

// PDFText is the text of pdf, page by page in reading layout (pdftotext
// -layout); pages are separated by form feeds.
func PDFText(t *testing.T, pdf string) string {
	t.Helper()
	out, err := exec.Command(poppler(t, "pdftotext"), "-layout", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", pdf, err)
	}
	return string(out)
}

// KeepPages renders the first pages of pdf as PNG images named
// prefix-N.png under $SAFAR_ARTIFACTS/dir, for a person to look at; without
// SAFAR_ARTIFACTS it does nothing.
func KeepPages(t *testing.T, pdf, dir, prefix string, pages int) {
	t.Helper()
	root := os.Getenv("SAFAR_ARTIFACTS")
	if root == "" {
		return
	}
	out := filepath.Join(root, dir)
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(poppler(t, "pdftoppm"), "-png", "-r", "60", "-l", strconv.Itoa(pages), pdf, filepath.Join(out, prefix))
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, b)
	}
	t.Logf("page images of %s in %s", filepath.Base(pdf), out)
}

// bidiMarks are Unicode's explicit directional formatting characters
// (embeddings, overrides, isolates and their ends): invisible, they only
// order the letters around them.
var bidiMarks = strings.NewReplacer(
	"\u202a", "", "\u202b", "", "\u202c", "", "\u202d", "", "\u202e", "",
	"\u2066", "", "\u2067", "", "\u2068", "", "\u2069", "")

// Plain is the text a reader sees in s, a workbook cell or a PDF's text:
// s without its directional formatting characters (the report marks each
// right-to-left line as an embedding, and pdftotext marks its runs).
func Plain(s string) string { return bidiMarks.Replace(s) }
