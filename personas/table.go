package personas

import (
	"fmt"
	"math"
)

// Table holds the respondents' answers as compact columns, for a study too
// big to give every answer a Value (32 bytes): one 16-bit code per answer
// to a categorical, ordinal or binary item (an index into the item's
// distinct answers) and one float64 per numeric answer. A Build given
// Input.Table reads answers from it instead of Respondent.Values, and
// says exactly what it says of the same answers as Values.
type Table struct {
	n    int
	cols []tableCol
}

type tableCol struct {
	numeric bool
	nums    []float64 // numeric: NaN for no answer
	codes   []uint16  // others: 0 for no answer, else index+1 into texts
	texts   []string
	index   map[string]uint16
}

// NewTable makes an empty table (every answer missing) of n respondents
// for the items.
func NewTable(items []Item, n int) *Table {
	t := &Table{n: n, cols: make([]tableCol, len(items))}
	for j, it := range items {
		c := &t.cols[j]
		if it.Kind == Numeric {
			c.numeric = true
			c.nums = make([]float64, n)
			for i := range c.nums {
				c.nums[i] = math.NaN()
			}
			continue
		}
		c.codes = make([]uint16, n)
		c.index = map[string]uint16{}
	}
	return t
}

// Set stores respondent i's answer to item j. A text answer to a numeric
// item, or a number to any other, is an error, as is a 65,536th distinct
// answer to one item.
func (t *Table) Set(i, j int, v Value) error {
	c := &t.cols[j]
	if !v.OK {
		if c.numeric {
			c.nums[i] = math.NaN()
		} else {
			c.codes[i] = 0
		}
		return nil
	}
	if c.numeric {
		if v.Text != "" {
			return fmt.Errorf("personas: item %d: text answer %q to a numeric item", j, v.Text)
		}
		c.nums[i] = v.Num
		return nil
	}
	if v.Text == "" {
		return fmt.Errorf("personas: item %d: a number answers a text item", j)
	}
	code, ok := c.index[v.Text]
	if !ok {
		if len(c.texts) == math.MaxUint16 {
			return fmt.Errorf("personas: item %d: more than %d distinct answers", j, math.MaxUint16-1)
		}
		c.texts = append(c.texts, v.Text)
		code = uint16(len(c.texts))
		c.index[v.Text] = code
	}
	c.codes[i] = code
	return nil
}

// value is respondent i's answer to item j.
func (t *Table) value(i, j int) Value {
	c := &t.cols[j]
	if c.numeric {
		return Number(c.nums[i])
	}
	if code := c.codes[i]; code > 0 {
		return Text(c.texts[code-1])
	}
	return Value{}
}

// value is respondent i's answer to item j, from the table when there is
// one.
func (in *Input) value(i, j int) Value {
	if in.Table != nil {
		return in.Table.value(i, j)
	}
	return in.Respondents[i].Values[j]
}

// codesOf returns item j's answer codes (0: no answer, else an index+1
// into texts) and its distinct answers, or nil for a numeric item or
// without a table: the counts of a big study then take one array lookup
// per respondent instead of a string per answer.
func (in *Input) codesOf(j int) (codes []uint16, texts []string) {
	if in.Table == nil || in.Table.cols[j].numeric {
		return nil, nil
	}
	c := &in.Table.cols[j]
	return c.codes, c.texts
}

// byCode maps each of item j's distinct answers in the table (texts, as
// codesOf gives them) through f: out[code] = f(text), out[0] = f("") for
// no answer.
func byCode[T any](texts []string, f func(string) T) []T {
	out := make([]T, len(texts)+1)
	out[0] = f("")
	for i, s := range texts {
		out[i+1] = f(s)
	}
	return out
}
