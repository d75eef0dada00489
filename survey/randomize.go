package survey

import (
	"crypto/sha256"
	"encoding/binary"
	"math/rand/v2"
	"strconv"
	"strings"
)

// Randomisation. A question with "randomize" shows its options (or a
// matrix its statements) in a random order, pinned ones ("pin": true) and
// "other" last; a page with "randomize" shows its questions in a random
// order. The order is a pure function of a seed, the respondent's client
// id, and of the item's key, so it is the same on every reload, on the
// resume link and after the server restarts, and differs between
// respondents. What a respondent saw is also stored with the response
// (Response.Order) so that exports show it even after the survey is
// edited. Answers keep their option values whatever the order.

// ItemOrder is the order a respondent was shown randomised items in. Its
// keys are question ids (the option values, or a matrix's statement
// values, as shown; pinned items included) and PageOrderKey(pi) for a page
// (the question ids as shown). It is nil when nothing was randomised.
type ItemOrder map[string][]string

// PageOrderKey is the ItemOrder key of page pi: "pages[pi]", pi counted
// from 0 like the paths of validation messages. Brackets are not allowed
// in question ids, so it never clashes with one.
func PageOrderKey(pi int) string { return "pages[" + strconv.Itoa(pi) + "]" }

// Randomizes reports whether anything in d is shown in a random order.
func (d *Definition) Randomizes() bool {
	for pi := range d.Pages {
		if d.PageRandomizes(pi) {
			return true
		}
	}
	return false
}

// PageRandomizes reports whether page pi or one of its questions is shown
// in a random order (so the page differs between respondents).
func (d *Definition) PageRandomizes(pi int) bool {
	if pi < 0 || pi >= len(d.Pages) {
		return false
	}
	if d.Pages[pi].Randomize {
		return true
	}
	for _, q := range d.Pages[pi].Questions {
		if q.Randomize {
			return true
		}
	}
	return false
}

// permutation is a random order of n items for seed and key: the same
// arguments always give the same order. An empty seed (no respondent:
// the builder's preview, an export of an API response) keeps the order
// of the definition.
func permutation(seed, key string, n int) []int {
	p := make([]int, n)
	for i := range p {
		p[i] = i
	}
	if seed == "" || n < 2 {
		return p
	}
	h := sha256.Sum256([]byte(seed + "\x00" + key))
	r := rand.New(rand.NewPCG(binary.LittleEndian.Uint64(h[:8]), binary.LittleEndian.Uint64(h[8:16])))
	r.Shuffle(n, func(i, j int) { p[i], p[j] = p[j], p[i] })
	return p
}

// PageOrder is the order of page pi's questions for a respondent with
// this seed, as indexes into Pages[pi].Questions.
func (d *Definition) PageOrder(pi int, seed string) []int {
	page := &d.Pages[pi]
	if !page.Randomize {
		return permutation("", "", len(page.Questions))
	}
	return permutation(seed, PageOrderKey(pi), len(page.Questions))
}

// ItemsInOrder returns the options of q (its statements for a matrix) in
// the order a respondent with this seed sees them: shuffled when q says
// "randomize", the pinned ones last in their written order.
func (q *Question) ItemsInOrder(seed string) []Option {
	items := q.Options
	if q.Type == Matrix {
		items = q.Statements
	}
	if !q.Randomize {
		return items
	}
	var free, pinned []Option
	for _, o := range items {
		if o.Pin {
			pinned = append(pinned, o)
		} else {
			free = append(free, o)
		}
	}
	out := make([]Option, 0, len(items))
	for _, i := range permutation(seed, q.ID, len(free)) {
		out = append(out, free[i])
	}
	return append(out, pinned...)
}

// OrderFor is everything a respondent with this seed is shown in a random
// order, for storing with their response; nil when d randomises nothing
// or there is no seed.
func (d *Definition) OrderFor(seed string) ItemOrder {
	if seed == "" || !d.Randomizes() {
		return nil
	}
	o := ItemOrder{}
	for pi := range d.Pages {
		page := &d.Pages[pi]
		if page.Randomize {
			ids := make([]string, 0, len(page.Questions))
			for _, i := range d.PageOrder(pi, seed) {
				ids = append(ids, page.Questions[i].ID)
			}
			o[PageOrderKey(pi)] = ids
		}
		for qi := range page.Questions {
			q := &page.Questions[qi]
			if !q.Randomize {
				continue
			}
			items := q.ItemsInOrder(seed)
			vals := make([]string, len(items))
			for i, it := range items {
				vals[i] = it.Value
			}
			if q.Other {
				vals = append(vals, OtherValue)
			}
			o[q.ID] = vals
		}
	}
	return o
}

// OrderKeys are the ItemOrder keys d can record, in definition order:
// each randomised page, then each randomised question, page by page. The
// exports give each one a column.
func (d *Definition) OrderKeys() []string {
	var keys []string
	for pi := range d.Pages {
		if d.Pages[pi].Randomize {
			keys = append(keys, PageOrderKey(pi))
		}
		for _, q := range d.Pages[pi].Questions {
			if q.Randomize {
				keys = append(keys, q.ID)
			}
		}
	}
	return keys
}

// OrderColumn is the export column of ItemOrder key k: "order:QID" or
// "order:pages[N]". The colon keeps it apart from question columns (QID,
// QID.other, QID.STATEMENT).
func OrderColumn(k string) string { return "order:" + k }

// OrderCell is the cell of key k: the items as shown, joined like the
// choices of a multiple-choice answer ("b; a; c"); "" when r has none.
func (r *Response) OrderCell(k string) string {
	return strings.Join(r.Order[k], ListSeparator)
}
