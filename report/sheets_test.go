package report

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestSheetsReadsEveryWorksheet(t *testing.T) {
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "survey")
	f.SetSheetRow("survey", "A1", &[]any{"type", "name", "label"})
	f.SetSheetRow("survey", "A2", &[]any{"text", "why", "چرا؟"})
	f.NewSheet("choices")
	f.SetSheetRow("choices", "A1", &[]any{"list_name", "name", "label"})
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	sheets, err := Sheets(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if got := sheets["survey"]; len(got) != 2 || got[1][2] != "چرا؟" {
		t.Errorf("survey sheet %q", got)
	}
	if _, ok := sheets["choices"]; !ok {
		t.Error("choices sheet missing")
	}
}

func TestSheetsRefusesBombsAndJunk(t *testing.T) {
	if _, err := Sheets([]byte("PK\x03\x04not a zip")); err == nil || !strings.Contains(err.Error(), "not a readable .xlsx") {
		t.Errorf("junk: %v", err)
	}
	// A worksheet that inflates past the limit.
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	w, _ := z.Create("xl/worksheets/sheet1.xml")
	w.Write(bytes.Repeat([]byte(" "), maxUnzipped+1))
	z.Close()
	if _, err := Sheets(buf.Bytes()); err == nil {
		t.Error("a zip bomb was read")
	}
}
