package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestExportSAVReadByPSPP exports the Persian demo survey as SPSS and has
// PSPP count its cases and read a Persian value label.
func TestExportSAVReadByPSPP(t *testing.T) {
	bin, err := exec.LookPath("pspp")
	if err != nil {
		t.Skip("pspp not installed (apt-get install pspp): the .sav export is not checked by a reader")
	}
	db := filepath.Join(t.TempDir(), "safar.db")
	if code, _, errs := runSafar(t, db, "demo"); code != 0 {
		t.Fatalf("demo: %s", errs)
	}
	code, out, errs := runSafar(t, db, "export", "responses", "--survey", "demo-fa", "--format", "sav")
	if code != 0 || !strings.HasPrefix(out, "$FL2") {
		t.Fatalf("export --format sav: %d %q", code, errs)
	}
	dir := t.TempDir()
	sav := filepath.Join(dir, "demo.sav")
	sps := filepath.Join(dir, "count.sps")
	os.WriteFile(sav, []byte(out), 0o600)
	os.WriteFile(sps, []byte("GET FILE='"+sav+"'.\nDISPLAY DICTIONARY.\nCOMPUTE one=1.\nAGGREGATE /OUTFILE=* /BREAK=one /n=N.\nLIST /VARIABLES=n.\n"), 0o600)
	csvOut := filepath.Join(dir, "out.csv")
	if msg, err := exec.Command(bin, "-O", "format=csv", "-o", csvOut, sps).CombinedOutput(); err != nil {
		t.Fatalf("pspp: %v\n%s", err, msg)
	}
	got, _ := os.ReadFile(csvOut)
	text := string(got)
	if strings.Contains(text, "error") || strings.Contains(text, "warning") {
		t.Fatalf("pspp complained:\n%s", text)
	}
	if !strings.Contains(text, "\nn\n360\n") {
		t.Errorf("PSPP did not count 360 cases:\n%s", text[max(0, len(text)-300):])
	}
	if !strings.Contains(text, "ناتمام") {
		t.Error("Persian value labels missing from the dictionary")
	}
}
