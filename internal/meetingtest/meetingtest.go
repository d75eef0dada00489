// Package meetingtest writes the design meeting that the tests of the
// conversation rules read (analysis' own and the painpoints CLI's): turns
// in the order they were said, each topic in a stretch of its own.
package meetingtest

import "fmt"

// A Turn is one speaker's turn.
type Turn struct {
	Speaker string // "Speaker A".."Speaker D"
	Text    string
}

// Topics are the meeting's three topics' words, one said per turn.
var Topics = [][]string{
	{"battery", "charger", "power", "drains", "socket", "voltage"},
	{"buttons", "layout", "menu", "scroll", "screen", "icons"},
	{"colour", "plastic", "case", "finish", "rubber", "shape"},
}

// Turns is a design meeting whose topic k takes turns[k] turns, said by
// speakers[k] of its four speakers. Every turn says one topic word and two
// of the meeting's own words (the remote control, the design, the
// customer...), each of those said in about 40% of the turns, anywhere in
// the meeting: a fixed pseudo-random draw of two different ones per turn.
func Turns(turns, speakers []int) []Turn {
	background := []string{"remote control", "design", "customer", "project", "market"}
	var out []Turn
	i := 0
	for k, n := range turns {
		tp := Topics[k]
		for range n {
			a := tp[i%len(tp)]
			r := uint32(i)*2654435761 + 12345
			j1 := int(r>>8) % 5
			j2 := (j1 + 1 + int(r>>16)%4) % 5
			bg1, bg2 := background[j1], background[j2]
			var s string
			switch i % 3 {
			case 0:
				s = fmt.Sprintf("I think the %s of the %s is for the %s.", a, bg1, bg2)
			case 1:
				s = fmt.Sprintf("The %s and the %s, for our %s, that is it.", bg1, a, bg2)
			default:
				s = fmt.Sprintf("So the %s, the %s, what about the %s?", bg1, a, bg2)
			}
			out = append(out, Turn{Speaker: fmt.Sprintf("Speaker %c", 'A'+i%speakers[k]), Text: s})
			i++
		}
	}
	return out
}
