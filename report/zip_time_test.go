package report

import (
	"archive/zip"
	"bytes"
	"testing"
	"time"
)

// Every part of the workbook carries the time it was made, in the zip's
// MS-DOS fields too, so `unzip -l` no longer lists 1980-00-00; the spliced
// Responses sheet as well as excelize's own parts.
func TestZipEntriesCarryTheTimeMade(t *testing.T) {
	for _, tc := range []struct {
		name string
		rows int
	}{{"without responses", 0}, {"with spliced response rows", 40}} {
		t.Run(tc.name, func(t *testing.T) {
			d := fixture("en")
			if tc.rows > 0 {
				d.Responses = &Responses{Header: syntheticHeader(), Rows: syntheticRows(tc.rows)}
			}
			made := d.Study.Generated.Local()
			out := mustWrite(t, d)
			zr, err := zip.NewReader(bytes.NewReader(out), int64(len(out)))
			if err != nil {
				t.Fatal(err)
			}
			sheets := 0
			for _, f := range zr.File {
				day := f.ModifiedDate & 0x1f
				month := (f.ModifiedDate >> 5) & 0xf
				year := 1980 + int(f.ModifiedDate>>9)
				if year != made.Year() || time.Month(month) != made.Month() || int(day) != made.Day() {
					t.Errorf("%s: MS-DOS date %d-%02d-%02d, want %s", f.Name, year, month, day, made.Format("2006-01-02"))
				}
				hour, minute := int(f.ModifiedTime>>11), int(f.ModifiedTime>>5)&0x3f
				if hour != made.Hour() || minute != made.Minute() {
					t.Errorf("%s: MS-DOS time %02d:%02d, want %s", f.Name, hour, minute, made.Format("15:04"))
				}
				if f.Modified.Unix() != made.Unix() {
					t.Errorf("%s: modified %v, want %v", f.Name, f.Modified, made)
				}
				if bytes.HasPrefix([]byte(f.Name), []byte("xl/worksheets/sheet")) {
					sheets++
				}
			}
			if sheets == 0 {
				t.Fatal("no worksheet parts")
			}
		})
	}
}
