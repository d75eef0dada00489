package web_test

import (
	"context"
	"fmt"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/survey/surveytest"
)

// allocated is how many bytes the process allocated while f ran.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestRandomTouchpointsAllocateLittle is the ?tp= flood of issue 21: every
// made-up touchpoint used to render and brotli-compress the page (about
// 32 MB each). Now an undeclared touchpoint is spliced into the page
// rendered once and gzipped, and the page is still right.
func TestRandomTouchpointsAllocateLittle(t *testing.T) {
	app := newCachedApp(t, surveytest.TwentyFa(t))
	plain := decode(t, app.get("/s/twenty-fa", "br"))
	const n = 200
	var bad []string
	perRequest := allocated(func() {
		for i := range n {
			tp := fmt.Sprintf("flood%d", i)
			w := app.get("/s/twenty-fa?tp="+tp, "gzip, deflate, br")
			if w.Code != 200 || w.Header().Get("Content-Encoding") != "gzip" {
				t.Fatalf("tp %s: status %d, encoding %q", tp, w.Code, w.Header().Get("Content-Encoding"))
			}
			if i%50 == 0 {
				if got, want := decode(t, w), strings.Replace(plain, `name="tp" value=""`, `name="tp" value="`+tp+`"`, 1); got != want {
					bad = append(bad, tp)
				}
			}
		}
	}) / n
	if len(bad) > 0 {
		t.Errorf("pages for %v differ from the plain page with their touchpoint", bad)
	}
	t.Logf("%d random touchpoints: %d bytes allocated per request", n, perRequest)
	if perRequest > 512<<10 {
		t.Errorf("a random touchpoint allocates %d bytes per request, want under 512 KiB", perRequest)
	}
}

// TestDeclaredTouchpointsArePrecompressed: the project's own touchpoints get
// the brotli page made once, like the page without a touchpoint.
func TestDeclaredTouchpointsArePrecompressed(t *testing.T) {
	app := newCachedApp(t, surveytest.TwentyFa(t))
	ctx := context.Background()
	p, err := app.store.ProjectByID(ctx, app.sv.ProjectID)
	if err != nil {
		t.Fatal(err)
	}
	p.Touchpoints = []string{"instagram", "اینستاگرام"}
	if err := app.store.UpdateProject(ctx, p); err != nil {
		t.Fatal(err)
	}
	for _, tp := range []string{"", "instagram", "اینستاگرام"} {
		w := app.get("/s/twenty-fa?tp="+tp, "gzip, br")
		if enc := w.Header().Get("Content-Encoding"); w.Code != 200 || enc != "br" {
			t.Fatalf("tp %q: status %d, encoding %q, want br", tp, w.Code, enc)
		}
		if page := decode(t, w); !strings.Contains(page, `name="tp" value="`+tp+`"`) {
			t.Errorf("tp %q: the page lacks its touchpoint", tp)
		}
	}
	again := allocated(func() { app.get("/s/twenty-fa?tp=instagram", "br") })
	if again > 64<<10 {
		t.Errorf("a cached declared touchpoint allocated %d bytes", again)
	}
}

// TestConcurrentMissesRenderOnce: 32 phones opening a survey right after an
// edit wait for one render instead of each compressing the page (64 first
// hits used to reach 805 MB).
func TestConcurrentMissesRenderOnce(t *testing.T) {
	app := newCachedApp(t, surveytest.TwentyFa(t))
	one := allocated(func() { app.get("/s/twenty-fa", "br") })
	d := surveytest.TwentyFa(t)
	d.Title = survey.Text("edited")
	if _, err := app.store.UpdateDefinition(context.Background(), app.sv.ID, d); err != nil {
		t.Fatal(err)
	}
	app.clock.add(2e9) // past the survey lookup's TTL
	const n = 32
	var wg sync.WaitGroup
	codes := make(chan int, n)
	all := allocated(func() {
		for range n {
			wg.Go(func() {
				w := app.get("/s/twenty-fa", "br")
				if !strings.Contains(decode(t, w), "edited") {
					t.Error("a request got the old page")
				}
				codes <- w.Code
			})
		}
		wg.Wait()
	})
	close(codes)
	for c := range codes {
		if c != http.StatusOK {
			t.Fatalf("status %d", c)
		}
	}
	t.Logf("one cold request: %d bytes; %d concurrent cold requests: %d bytes", one, n, all)
	if all > 3*one {
		t.Errorf("%d concurrent misses allocated %d bytes, more than 3 renders (%d each)", n, all, one)
	}
}
