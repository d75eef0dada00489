package study

import (
	"encoding/binary"
	"maps"
	"math"
	"slices"
	"strings"

	"github.com/safarhq/safar/survey"
)

// A big study does not keep its responses: Analyze reads each once and
// keeps, per respondent, one pointer per question into a table of the
// distinct answers seen (answerTable). Closed answers repeat endlessly
// (a five-point rating has five values, a single choice one per option),
// so 100,000 respondents share a few thousand answer values; an open text
// is kept once per distinct text, which the pain-point engine reads
// anyway. A respondent then costs a few hundred bytes instead of the
// response's decoded answer map (several kilobytes).

// answers are one respondent's answers by catalog position: 0 for not
// answered, else 1 + the index of the value in the catalog's table of
// distinct answers (4 bytes an answer rather than a pointer's 8). The
// values are shared and must not be changed. The catalog keeps every
// respondent's answers in blocks (catalog.answers), found by the
// respondent's position, so a respondent holds no slice of its own.
type answers []uint32

// answersPerBlock is how many respondents' answers share one block.
const answersPerBlock = 1024

// answersOf are the answers of the respondent at position idx.
func (c *catalog) answersOf(idx int32) answers {
	n := len(c.order)
	b := c.answers[idx/answersPerBlock]
	at := int(idx%answersPerBlock) * n
	return b[at : at+n : at+n]
}

// answerAt is the respondent's answer to the question at catalog position
// i, nil when none: answer without the lookup of the position and the
// copy of the value (which is shared and must not be changed).
func (p *respondent) answerAt(cat *catalog, i int) *survey.Value {
	ref := cat.answers[p.idx/answersPerBlock][int(p.idx%answersPerBlock)*len(cat.order)+i]
	if ref == 0 {
		return nil
	}
	return cat.values[ref-1]
}

// answer returns the respondent's answer to question id.
func (p *respondent) answer(cat *catalog, id string) (survey.Value, bool) {
	i, ok := cat.pos[id]
	if !ok {
		return survey.Value{}, false
	}
	ref := cat.answers[p.idx/answersPerBlock][int(p.idx%answersPerBlock)*len(cat.order)+i]
	if ref == 0 {
		return survey.Value{}, false
	}
	return *cat.values[ref-1], true
}

// answerTable interns answer values: equal answers to one question share
// one value, kept in the catalog (catalog.values).
type answerTable struct {
	cat  *catalog
	vals map[string]uint32 // key -> 1 + index in cat.values
	key  []byte            // scratch
}

func newAnswerTable(cat *catalog) *answerTable {
	return &answerTable{cat: cat, vals: map[string]uint32{}}
}

// compact stores a's answers to the catalog's questions as shared values,
// as the answers of the respondent at position idx (the next one).
// Nothing of a is retained: the shared values hold copies.
func (t *answerTable) compact(idx int32, a survey.Answers) {
	c := t.cat
	if int(idx/answersPerBlock) == len(c.answers) {
		c.answers = append(c.answers, make(answers, answersPerBlock*len(c.order)))
	}
	out := c.answersOf(idx)
	clear(out)
	for id, v := range a {
		i, ok := c.pos[id]
		if !ok {
			continue
		}
		out[i] = t.intern(i, v)
	}
}

// intern returns the shared copy of v as an answer to question i (as 1 +
// its index in cat.values). The key spells every field with its length,
// so two different values never share a key.
func (t *answerTable) intern(i int, v survey.Value) uint32 {
	k := binary.AppendUvarint(t.key[:0], uint64(i))
	str := func(s string) {
		k = binary.AppendUvarint(k, uint64(len(s)))
		k = append(k, s...)
	}
	str(v.Choice)
	k = binary.AppendUvarint(k, uint64(len(v.Choices)))
	for _, c := range v.Choices {
		str(c)
	}
	str(v.Other)
	if v.Number != nil {
		k = append(k, 1)
		k = binary.LittleEndian.AppendUint64(k, math.Float64bits(*v.Number))
	} else {
		k = append(k, 0)
	}
	k = binary.AppendUvarint(k, uint64(len(v.Matrix)))
	if len(v.Matrix) > 0 {
		for _, st := range slices.Sorted(maps.Keys(v.Matrix)) {
			str(st)
			k = binary.AppendVarint(k, int64(v.Matrix[st]))
		}
	}
	str(v.Text)
	t.key = k
	if ref, ok := t.vals[string(k)]; ok {
		return ref
	}
	sv := &survey.Value{Choice: strings.Clone(v.Choice), Other: strings.Clone(v.Other), Text: strings.Clone(v.Text)}
	if v.Choices != nil {
		sv.Choices = make([]string, len(v.Choices))
		for j, c := range v.Choices {
			sv.Choices[j] = t.str(c)
		}
	}
	if v.Number != nil {
		n := *v.Number
		sv.Number = &n
	}
	if v.Matrix != nil {
		sv.Matrix = make(map[string]int, len(v.Matrix))
		for st, pt := range v.Matrix {
			sv.Matrix[t.str(st)] = pt
		}
	}
	t.cat.values = append(t.cat.values, sv)
	ref := uint32(len(t.cat.values))
	t.vals[string(k)] = ref
	return ref
}

// str shares the option and statement values of the questions, which the
// choices name, rather than copying each.
func (t *answerTable) str(s string) string {
	if v, ok := t.cat.names[s]; ok {
		return v
	}
	return strings.Clone(s)
}
