package personas

// NamesIn names the personas for readers of another language. tr is a
// translation of the input the personas were built from: the same items
// in the same order, with labels and levels in lang (a survey asked in
// two languages under the same question ids gives one). Each trait is
// carried over by item position and level position, then the names are
// made as Build makes them. ok is false when tr does not line up with in.
func (r *Result) NamesIn(in, tr Input, lang string) (names []string, ok bool) {
	if len(in.Items) != len(tr.Items) {
		return nil, false
	}
	for j := range in.Items {
		if in.Items[j].Kind != tr.Items[j].Kind || len(in.Items[j].Levels) != len(tr.Items[j].Levels) {
			return nil, false
		}
	}
	other := *r
	other.Language = lang
	names = make([]string, len(r.Personas))
	for p, card := range r.Personas {
		// The same traits as the name in the analysis' language, said
		// in lang: a name that fits there may run longer here, and
		// choosing again would name another trait (a bilingual team
		// read two different personas).
		_, used := r.pick(in, card.Traits)
		parts := make([]string, 0, len(used))
		for _, i := range used {
			t := card.Traits[i]
			j := itemIndex(in, t.Column)
			if j < 0 {
				continue
			}
			t.Column, t.Label = tr.Items[j].Name, tr.Items[j].Label
			for l, level := range in.Items[j].Levels {
				if level == t.Value {
					t.Value = tr.Items[j].Levels[l]
					break
				}
			}
			if w := other.word(tr, t); w != "" {
				parts = append(parts, w)
			}
		}
		names[p] = other.joinName(p, parts)
	}
	return uniqueNames(names, lang), true
}
