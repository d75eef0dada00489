package survey

// Page flow: which page a respondent sees next or goes back to, given the
// answers so far. A page is skipped when show_if hides all its questions.

// NextPage is the first page after pi that the respondent sees, or -1
// when there is none (the survey is finished). NextPage(-1, a) is the
// first page.
func (d *Definition) NextPage(pi int, a Answers) int {
	for i := pi + 1; i < len(d.Pages); i++ {
		if d.pageShown(i, a) {
			return i
		}
	}
	return -1
}

// PrevPage is the last page before pi that the respondent sees, or -1.
func (d *Definition) PrevPage(pi int, a Answers) int {
	for i := min(pi, len(d.Pages)) - 1; i >= 0; i-- {
		if d.pageShown(i, a) {
			return i
		}
	}
	return -1
}

// PagePosition numbers page pi among the pages the respondent sees
// ("page n of total"), counting pi itself even when the answers hide it.
func (d *Definition) PagePosition(pi int, a Answers) (n, total int) {
	for i := range d.Pages {
		if i == pi || d.pageShown(i, a) {
			total++
			if i <= pi {
				n++
			}
		}
	}
	return n, total
}

// pageShown: a page with a visible question is shown, and so is a page
// with a question whose condition depends on another question of the same
// page, since the respondent's answers there decide.
func (d *Definition) pageShown(pi int, a Answers) bool {
	if d.PageVisible(pi, a) {
		return true
	}
	for _, q := range d.Pages[pi].Questions {
		if q.ShowIf != nil && d.PageOf(q.ShowIf.Question) == pi {
			return true
		}
	}
	return false
}
