package survey

// CheckEvolution reports the edits from old to next that would orphan
// stored answers: a question removed, its type changed, or an option or
// matrix statement removed. A survey that has responses may only grow
// (new questions, options, pages) or change wording, order, conditions
// and metadata; each such change is stored as a new version, and every
// response keeps the version its respondent saw.
func CheckEvolution(old, next *Definition) error {
	var p problems
	for _, oq := range old.Questions() {
		nq, ok := next.Question(oq.ID)
		if !ok {
			p.add("questions."+oq.ID, "cannot be removed: the survey has responses (hide it with show_if instead, or copy the survey)")
			continue
		}
		if nq.Type != oq.Type {
			p.add("questions."+oq.ID+".type", "cannot change from %s to %s: the survey has responses", oq.Type, nq.Type)
			continue
		}
		for _, o := range oq.Options {
			if !nq.HasOption(o.Value) {
				p.add("questions."+oq.ID+".options", "option %q cannot be removed: the survey has responses", o.Value)
			}
		}
		if oq.Other && !nq.Other {
			p.add("questions."+oq.ID+".other", "\"other\" cannot be turned off: the survey has responses")
		}
		for _, st := range oq.Statements {
			found := false
			for _, ns := range nq.Statements {
				found = found || ns.Value == st.Value
			}
			if !found {
				p.add("questions."+oq.ID+".statements", "statement %q cannot be removed: the survey has responses", st.Value)
			}
		}
		lo, n := oq.ScalePoints()
		nlo, nn := nq.ScalePoints()
		if lo != nlo || n != nn {
			p.add("questions."+oq.ID+".scale", "the scale cannot change: the survey has responses")
		}
	}
	return p.err()
}
