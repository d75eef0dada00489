package spss

import (
	"bytes"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// pspp runs PSPP's syntax on a file and returns what it printed; it skips
// when PSPP is not installed (.ci/run installs it).
func pspp(t *testing.T, sav string, syntax string) string {
	t.Helper()
	bin, err := exec.LookPath("pspp")
	if err != nil {
		t.Skip("pspp not installed (apt-get install pspp): the .sav files are not checked by a reader")
	}
	sps := filepath.Join(t.TempDir(), "check.sps")
	body := "SET LOCALE='UTF-8'.\nGET FILE='" + sav + "'.\n" + syntax
	if err := os.WriteFile(sps, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	csvPath := filepath.Join(filepath.Dir(sps), "out.csv")
	msgs, err := exec.Command(bin, "-O", "format=csv", "-o", csvPath, sps).CombinedOutput()
	out, _ := os.ReadFile(csvPath)
	if err != nil || bytes.Contains(out, []byte("error:")) || bytes.Contains(out, []byte("warning:")) || len(out) == 0 {
		t.Fatalf("pspp: %v\n%s%s", err, msgs, out)
	}
	return string(out)
}

// listed returns the rows of the last LIST in PSPP's CSV output, cells
// trimmed and joined by single spaces.
func listed(out string) []string {
	table := out[strings.LastIndex(out, "Table: Data List"):]
	var rows []string
	for i, line := range strings.Split(table, "\n") {
		if i < 2 || strings.TrimSpace(line) == "" {
			if i >= 2 {
				break
			}
			continue
		}
		r := csv.NewReader(strings.NewReader(line))
		cells, err := r.Read()
		if err != nil {
			break
		}
		for j := range cells {
			cells[j] = strings.TrimSpace(cells[j])
		}
		rows = append(rows, strings.Join(cells, " "))
	}
	return rows
}

func writeFile(t *testing.T, vars []Variable, cases [][]Value) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "out.sav")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w, err := NewWriter(f, "Safar test", vars, time.Date(2026, 12, 6, 10, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		if err := w.WriteCase(c); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestPSPPReadsWhatWeWrite(t *testing.T) {
	long := strings.Repeat("خیلی دیر رسید ", 40) // 1,000+ bytes: a very long string
	vars := []Variable{
		{Name: "city", Label: "شهر شما", Measure: Nominal, ValueLabels: []ValueLabel{{1, "تهران"}, {2, "Shiraz"}, {-99, "Seen, not answered"}}, Missing: []float64{-99}},
		{Name: "nps", Label: "How likely are you to recommend us?", Measure: Ordinal, ValueLabels: []ValueLabel{{0, "Not at all likely"}, {10, "Extremely likely"}}},
		{Name: "orders", Label: "Orders last year", Measure: Scale, Decimals: 2},
		{Name: "nickname", Label: "Nickname", Width: 12},
		{Name: "complaint_text_with_a_long_name", Label: "What went wrong?", Width: 1200},
		{Name: "completed_at", Label: "Completed", Kind: DateTime, Measure: Scale},
	}
	at := time.Date(2026, 3, 21, 9, 30, 15, 0, time.UTC)
	path := writeFile(t, vars, [][]Value{
		{Num(1), Num(9), Num(12.5), Str("Sara"), Str(long), Time(at)},
		{Num(-99), Sysmis, Num(1e6), Str(""), Str("short"), Sysmis},
		{Num(2), Num(0), Num(-3), Str("=1+1 not a formula"), Str(""), Time(at.Add(time.Hour))},
	})
	out := pspp(t, path, "DISPLAY DICTIONARY.\nLIST /VARIABLES=city nps orders nickname completed_at.\nCOMPUTE len=LENGTH(RTRIM(complaint_text_with_a_long_name)).\nLIST /VARIABLES=len.\nFREQUENCIES /VARIABLES=city.\n")
	for _, want := range []string{
		"شهر شما", "تهران", "Extremely likely", "complaint_text_with_a_long_name", "A1200",
		"Ordinal", "Scale", "Nominal", "-99", "21-MAR-2026 09:30:15", "1000000.00", "=1+1 not a f",
		"Seen, not answered",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("PSPP output lacks %q:\n%s", want, out)
		}
	}
	if !strings.Contains(out, strconv.Itoa(len(strings.TrimRight(long, " ")))+".00") {
		t.Errorf("very long string not read back whole (want length %d):\n%s", len(strings.TrimRight(long, " ")), out)
	}
}
