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
			p.addCode("questions."+oq.ID, "def_keep_question")
			continue
		}
		if nq.Type != oq.Type {
			p.addCode("questions."+oq.ID+".type", "def_keep_type", oq.Type, nq.Type)
			continue
		}
		for _, o := range oq.Options {
			if !nq.HasOption(o.Value) {
				p.addCode("questions."+oq.ID+".options", "def_keep_option", o.Value)
			}
		}
		if oq.Other && !nq.Other {
			p.addCode("questions."+oq.ID+".other", "def_keep_other")
		}
		for _, st := range oq.Statements {
			found := false
			for _, ns := range nq.Statements {
				found = found || ns.Value == st.Value
			}
			if !found {
				p.addCode("questions."+oq.ID+".statements", "def_keep_statement", st.Value)
			}
		}
		lo, n := oq.ScalePoints()
		nlo, nn := nq.ScalePoints()
		if lo != nlo || n != nn {
			p.addCode("questions."+oq.ID+".scale", "def_keep_scale")
		}
	}
	return p.err()
}
