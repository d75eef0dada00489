package evaluate

import (
	"fmt"
	"io"
	"strings"
	"unicode"
)

// WriteTable prints reports for a reader: per set, one line per method
// (peers as mean [min-max] over seeds), the labels each found, then the
// engine's top 10 labels with two quotes each. Respondent text is printed
// on one line with control characters removed.
func WriteTable(w io.Writer, reps []SetReport) error {
	ew := &errWriter{w: w}
	for i, r := range reps {
		if i > 0 {
			ew.printf("\n")
		}
		ew.printf("== %s: %d texts. %s\n", r.Set, r.Texts, r.About)
		if r.Labelled {
			var ls []string
			for _, l := range r.Labels {
				ls = append(ls, fmt.Sprintf("%s %d", l.Label, l.Texts))
			}
			ew.printf("labels: %s\n", strings.Join(ls, ", "))
		}
		if sg := r.Segmentation; sg != nil {
			ew.printf("conversation segments (TextTiling): %d, gold %d; Pk %.3f (one segment per conversation: %.3f), WindowDiff %.3f, k %d; purity %.3f\n",
				sg.Segments, sg.Gold, sg.Pk, sg.NoCut, sg.WindowDiff, sg.K, sg.Purity)
		}
		ew.printf("%-6s %-13s %-20s %-20s %-20s %s\n", "method", "found", "NMI", "ARI", "placed", "seconds")
		for _, m := range r.Methods {
			found, nmi, ari := "-", "-", "-"
			if r.Labelled {
				found = fmt.Sprintf("%s/%d", rangeText(m.Found, "%.3g"), len(r.Labels))
				nmi, ari = rangeText(m.NMI, "%.3f"), rangeText(m.ARI, "%.3f")
			}
			ew.printf("%-6s %-13s %-20s %-20s %-20s %s\n", m.Method, found, nmi, ari,
				rangeText(m.Placed, "%.3f"), rangeText(m.Seconds, "%.2f"))
		}
		if len(r.Methods) == 0 {
			continue
		}
		if r.Labelled {
			for _, m := range r.Methods {
				ew.printf("%s found: %s\n", m.Method, foundText(m))
			}
			ew.printf("%s\n", versusText(r.Methods))
		}
		safar := r.Methods[0].Runs[0]
		anyFound := ""
		if r.Labelled {
			anyFound = fmt.Sprintf(", %d/%d labels found by one of them", safar.FoundAll, len(r.Labels))
		}
		ew.printf("%s: %d pain points in all, %.3f of the texts in one of them%s; top %d:\n",
			r.Methods[0].Method, safar.Groups, safar.PlacedAll, anyFound, len(safar.Top))
		for g, p := range safar.Top {
			said := ""
			if p.Said > 0 {
				said = fmt.Sprintf("; %d say the label", p.Said)
			}
			ew.printf("%3d. %s (%d texts%s)\n", g+1, clean(p.Label, 100), p.Size, said)
			for _, q := range p.Quotes {
				ew.printf("       %q\n", clean(q, 160))
			}
		}
		if len(safar.Top) > 0 {
			ew.printf("%s\n", saidText(safar.Top))
		}
	}
	return ew.err
}

// saidText sums up how well the top labels speak for their members: the
// mean share of a pain point's texts that say its label's own phrase, how
// many labels fewer than a tenth of them say, and how many of the quotes
// shown say the phrase.
func saidText(top []Group) string {
	var share float64
	under, quotes, say := 0, 0, 0
	for _, p := range top {
		s := float64(p.Said) / float64(max(1, p.Size))
		share += s
		if s < 0.1 {
			under++
		}
		quotes += len(p.Quotes)
		say += p.QuotesSay
	}
	return fmt.Sprintf("top %d labels: %.3f of a pain point's texts say its label (mean), %d said by under a tenth; %d/%d quotes say the label",
		len(top), share/float64(len(top)), under, say, quotes)
}

// versusText compares the engine (first method) with each peer's mean and
// says whether it beats them all: more labels found and a higher NMI.
func versusText(ms []MethodReport) string {
	safar := ms[0]
	var parts []string
	beats := true
	for _, p := range ms[1:] {
		parts = append(parts, fmt.Sprintf("%s - %s: found %+.2f, NMI %+.3f, ARI %+.3f", safar.Method, p.Method,
			safar.Found.Mean-p.Found.Mean, safar.NMI.Mean-p.NMI.Mean, safar.ARI.Mean-p.ARI.Mean))
		beats = beats && safar.Found.Mean > p.Found.Mean && safar.NMI.Mean > p.NMI.Mean
	}
	verdict := "no"
	if beats {
		verdict = "yes"
	}
	return strings.Join(parts, "; ") + "; beats every peer (found and NMI above its mean): " + verdict
}

// rangeText prints a mean, with [min-max] when runs differ.
func rangeText(r Range, f string) string {
	s := fmt.Sprintf(f, r.Mean)
	if r.Min != r.Max {
		s += fmt.Sprintf(" ["+f+"-"+f+"]", r.Min, r.Max)
	}
	return s
}

// foundText names the labels found, with how many runs found each when
// there are several runs ("staff 3/3, price 1/3").
func foundText(m MethodReport) string {
	count := map[string]int{}
	var order []string
	for _, s := range m.Runs {
		for _, l := range s.FoundLabels {
			if count[l] == 0 {
				order = append(order, l)
			}
			count[l]++
		}
	}
	if len(order) == 0 {
		return "none"
	}
	parts := make([]string, len(order))
	for i, l := range order {
		parts[i] = l
		if len(m.Runs) > 1 {
			parts[i] = fmt.Sprintf("%s %d/%d", l, count[l], len(m.Runs))
		}
	}
	return strings.Join(parts, ", ")
}

// clean puts untrusted text on one line without control characters and
// cuts it to at most n runes.
func clean(s string, n int) string {
	s = strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r)
	}), " ")
	if r := []rune(s); len(r) > n {
		s = string(r[:n-1]) + "…"
	}
	return s
}

type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}
