package web

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestReportJobsClose: closing the server removes the workbooks prepared
// for download, and one that finishes after it is removed at once.
func TestReportJobsClose(t *testing.T) {
	dir := t.TempDir()
	file := func(name string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("xlsx"), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	var r reportJobs
	now := time.Now()
	done, _ := r.start("survey:1", "en", 10, false, now)
	running, _ := r.start("survey:1", "fa", 10, false, now)
	kept := file("done.xlsx")
	r.finished(done, kept, 4, nil)
	if _, err := os.Stat(kept); err != nil {
		t.Fatalf("a finished workbook is gone before close: %v", err)
	}
	r.close()
	if _, err := os.Stat(kept); !os.IsNotExist(err) {
		t.Errorf("close kept the prepared workbook (%v)", err)
	}
	late := file("late.xlsx")
	r.finished(running, late, 4, nil)
	if _, err := os.Stat(late); !os.IsNotExist(err) {
		t.Errorf("a workbook finished after close was kept (%v)", err)
	}
	if finished, err, _ := running.state(); !finished || !errors.Is(err, errServerClosed) {
		t.Errorf("the late job: finished %v, err %v; want errServerClosed", finished, err)
	}
}
