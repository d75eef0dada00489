package analysis

import (
	"context"
	"maps"
	"sync"
)

// A TextStream does FindPainPointsContext's per-text work (cleaning,
// Persian normalisation, tokens, clauses and their polarity: step 1) on a
// goroutine of its own as the texts are added, while the caller is still
// reading them. The report reads 100,000 responses from SQLite with one
// core busy reading and the other mostly waiting for it; the texts are
// analysed in that wait rather than after the read (docs/report.md,
// session 16). Find runs the rest on the texts made; its result is
// FindPainPointsContext's on the same texts and options.
//
// A text's analysis depends on the ignore set (PainPointOptions.Ignore,
// the SegmentKey segment's values, the speakers' names), which depends on
// every text that names a speaker or carries that segment. The stream
// assumes the set that the options and the texts given to NewTextStream
// make; should the texts added make another, Find analyses them afresh.
type TextStream struct {
	ignore    map[string]bool
	in        chan []string
	batch     []string
	done      chan struct{}
	closeOnce sync.Once
	// Written by the goroutine, read once done is closed.
	voc      *vocab
	first    map[string]int32 // a text -> its position in distinct
	distinct []*tdoc
	err      error
}

// streamBatch is how many texts go to the stream's goroutine at once.
const streamBatch = 256

// NewTextStream starts analysing texts as they are added. known are texts
// the caller will add (in any order) that name a speaker ("t3:Hefin
// David") or carry opt.SegmentKey: the ignore set is made from them and
// opt. Close the stream, or Find on it, to end its goroutine.
func NewTextStream(ctx context.Context, opt PainPointOptions, known []Text) *TextStream {
	s := &TextStream{
		ignore: ignoreSet(known, opt),
		in:     make(chan []string, 64),
		done:   make(chan struct{}),
		voc:    newVocab(),
		first:  map[string]int32{},
	}
	go s.run(ctx)
	return s
}

func (s *TextStream) run(ctx context.Context) {
	defer close(s.done)
	a := newAnalyser(s.voc, s.ignore)
	var store []tdoc // the distinct texts' docs, allocated a block at a time
	for b := range s.in {
		if s.err != nil {
			continue // drain, so Add never blocks
		}
		if s.err = ctx.Err(); s.err != nil {
			continue
		}
		for _, t := range b {
			if _, seen := s.first[t]; seen {
				continue
			}
			if len(store) == 0 {
				store = make([]tdoc, 256)
			}
			d := &store[0]
			store = store[1:]
			*d = a.analyse(t)
			s.first[t] = int32(len(s.distinct))
			s.distinct = append(s.distinct, d)
		}
	}
	s.voc.drop(a.dropped)
}

// Add adds the next text (Text.Text) of those Find will be given, in
// their order.
func (s *TextStream) Add(text string) {
	if s.batch == nil {
		s.batch = make([]string, 0, streamBatch)
	}
	s.batch = append(s.batch, text)
	if len(s.batch) == streamBatch {
		s.in <- s.batch
		s.batch = nil
	}
}

// Close ends the stream's goroutine once it has analysed the texts added.
func (s *TextStream) Close() {
	s.closeOnce.Do(func() {
		if len(s.batch) > 0 {
			s.in <- s.batch
			s.batch = nil
		}
		close(s.in)
	})
}

// Find is FindPainPointsContext(ctx, texts, opt), with the texts analysed
// as they were added when the stream had them all and its ignore set is
// theirs.
func (s *TextStream) Find(ctx context.Context, texts []Text, opt PainPointOptions) (PainPointResult, error) {
	return findPainPoints(ctx, texts, opt, s)
}

// docs gives texts' docs and the distinct ones in first-seen order, as
// analyseAll would, from what the stream made with ignore; ok is false
// when it cannot (a text not added, another ignore set, ctx ended).
func (s *TextStream) docs(texts []Text, ignore map[string]bool) (docs, distinct []*tdoc, ok bool) {
	s.Close()
	<-s.done
	if s.err != nil || !maps.Equal(s.ignore, ignore) {
		return nil, nil, false
	}
	docs = make([]*tdoc, len(texts))
	next := int32(0) // distinct texts are first seen in order
	for i, t := range texts {
		j, found := s.first[t.Text]
		if !found || j > next {
			return nil, nil, false
		}
		if j == next {
			next++
		}
		docs[i] = s.distinct[j]
	}
	if int(next) != len(s.distinct) {
		return nil, nil, false // texts added that Find was not given
	}
	readSpoken(docs)
	return docs, s.distinct, true
}
