package main

import (
	"archive/zip"
	"encoding/json"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeXLSX writes the smallest workbook Excel and other tools produce:
// one sheet of inline strings. Built by hand so this package need not
// import excelize (only report/ does).
func writeXLSX(t *testing.T, rows [][]string) string {
	t.Helper()
	var sheet strings.Builder
	sheet.WriteString(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	for r, row := range rows {
		fmt.Fprintf(&sheet, `<row r="%d">`, r+1)
		for c, v := range row {
			fmt.Fprintf(&sheet, `<c r="%c%d" t="inlineStr"><is><t>%s</t></is></c>`, 'A'+c, r+1, html.EscapeString(v))
		}
		sheet.WriteString(`</row>`)
	}
	sheet.WriteString(`</sheetData></worksheet>`)
	parts := map[string]string{
		"[Content_Types].xml":        `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
		"_rels/.rels":                `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml":            `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Export" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
		"xl/worksheets/sheet1.xml":   sheet.String(),
	}
	p := filepath.Join(t.TempDir(), "export.xlsx")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml"} {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(parts[name]))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	return p
}

func TestPainpointsReadsXLSX(t *testing.T) {
	rows := [][]string{{"id", "channel", "answer"}}
	for i, line := range strings.Split(strings.TrimSpace(painCSV), "\n")[1:] {
		parts := strings.SplitN(line, ",", 3)
		rows = append(rows, []string{fmt.Sprintf("r%d", i+1), parts[1], strings.Trim(parts[2], `"`)})
	}
	p := writeXLSX(t, rows)
	out, errs, code := runCLI(t, "painpoints", p, "--text", "answer", "--id", "id", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d, stderr %s", code, errs)
	}
	var res struct {
		Documents  int `json:"documents"`
		PainPoints []struct {
			Members []string `json:"members"`
		} `json:"pain_points"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("%v in %s", err, out)
	}
	if res.Documents != 8 || len(res.PainPoints) == 0 {
		t.Errorf("read %d documents and %d pain points from the workbook, want 8 and some", res.Documents, len(res.PainPoints))
	}
	_, errs, code = runCLI(t, "painpoints", p, "--text", "answer", "--sheet", "Data")
	if code == 0 || !strings.Contains(errs, `no such sheet; the workbook has "Export"`) {
		t.Errorf("unknown sheet: exit %d, stderr %q", code, errs)
	}
}

func TestTableCommandsRefuseBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, body []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, body, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	binary := write("export.csv", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"))
	pdf := write("export.pdf", []byte("%PDF-1.7\n"))
	headerOnly := write("header.csv", []byte("id,answer\n"))
	headerOnlyXLSX := writeXLSX(t, [][]string{{"id", "answer"}})
	db := filepath.Join(dir, "safar.db")
	commands := map[string][]string{
		"painpoints":       {"painpoints", "--text", "answer"},
		"personas":         {"personas"},
		"report":           {"report", "--text", "answer", "-o", filepath.Join(dir, "out.xlsx")},
		"import responses": {"import", "responses", "--db", db, "--survey", "s"},
	}
	inputs := []struct {
		name, path, want string
	}{
		{"binary", binary, "this looks like a binary file; export it as CSV or XLSX"},
		{"pdf", pdf, "this looks like a PDF file; export it as CSV or XLSX"},
		{"header-only csv", headerOnly, "no data rows below the header"},
		{"header-only xlsx", headerOnlyXLSX, "no data rows below the header"},
	}
	for cmd, args := range commands {
		for _, in := range inputs {
			t.Run(cmd+"/"+in.name, func(t *testing.T) {
				out, errs, code := runCLI(t, append(append([]string{}, args...), in.path)...)
				if code == 0 {
					t.Fatalf("exit 0, stdout %q", out)
				}
				if !strings.Contains(errs, in.want) || strings.Count(strings.TrimSpace(errs), "\n") > 0 {
					t.Errorf("stderr %q, want one line with %q", errs, in.want)
				}
				if _, err := os.Stat(filepath.Join(dir, "out.xlsx")); err == nil {
					t.Error("a workbook was written for unusable input")
				}
			})
		}
	}
}
