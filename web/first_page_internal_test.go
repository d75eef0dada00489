package web

import "testing"

// TestPageCacheBounds: the cache drops pages past maxCachedPages entries
// and past maxCachedPageBytes, however many languages each survey has.
func TestPageCacheBounds(t *testing.T) {
	pc := newPageCache()
	for id := range int64(maxCachedPages/2 + 50) {
		pc.put(pageKey{id, "fa"}, &firstPage{size: 1})
		pc.put(pageKey{id, "en"}, &firstPage{size: 1})
	}
	if n := pc.len(); n != maxCachedPages {
		t.Errorf("%d entries, want %d", n, maxCachedPages)
	}
	big := maxCachedPageBytes / 4
	for id := range int64(10) {
		pc.put(pageKey{1000 + id, "en"}, &firstPage{size: big})
		if pc.m[pageKey{1000 + id, "en"}] == nil {
			t.Fatalf("the entry just put (%d) was dropped", id)
		}
	}
	if pc.size > maxCachedPageBytes {
		t.Errorf("%d bytes cached, over %d", pc.size, maxCachedPageBytes)
	}
	total := 0
	for _, fp := range pc.m {
		total += fp.size
	}
	if total != pc.size {
		t.Errorf("size accounting: %d counted, %d summed", pc.size, total)
	}
}
