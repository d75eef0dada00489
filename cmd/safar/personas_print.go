package main

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/safarhq/safar/personas"
	"github.com/safarhq/safar/web"
)

func printPersonas(env *cliEnv, r *personas.Result, infos []personas.ColumnInfo) error {
	w := tabwriter.NewWriter(env.stdout, 0, 4, 2, ' ', 0)
	wrapText(w, "", fmt.Sprintf("%s (%s)", web.Count("en", "n_personas_from", r.K, r.Quality.N), r.Quality.KSelected))
	wrapText(w, "quality: ", fmt.Sprintf("%s; BIC %.1f", r.Quality.Verdict, r.Quality.BIC))
	if len(r.Quality.Candidates) > 0 {
		fmt.Fprintln(w, "\ncandidates (another k: --k N)\n   k\tBIC\tsmallest\tstability ARI\tverdict\t")
		for _, c := range r.Quality.Candidates {
			ari, verdict := "", c.Verdict
			if c.Verdict != "" {
				ari = fmt.Sprintf("%.2f", c.Stability)
			} else if !c.OK {
				verdict = "a persona under 5%"
			}
			mark := " "
			if c.Chosen {
				mark = "*"
			}
			fmt.Fprintf(w, " %s %d\t%.1f\t%.1f%%\t%s\t%s\t\n", mark, c.K, c.BIC, 100*c.MinShare, ari, verdict)
		}
	}
	var skipped, profile []string
	for _, c := range infos {
		switch {
		case c.Skipped != "":
			skipped = append(skipped, fmt.Sprintf("%s (%s)", c.Name, c.Skipped))
		case c.Role == personas.Open:
			skipped = append(skipped, fmt.Sprintf("%s (free text: quotes and pain points)", c.Name))
		case c.Profile:
			profile = append(profile, c.Name)
		}
	}
	fmt.Fprintln(w)
	wrapText(w, "columns used: ", clean(strings.Join(r.Quality.Items, ", ")))
	if len(profile) > 0 {
		wrapText(w, "profile only (not segmented on): ", clean(strings.Join(profile, ", ")))
	}
	if len(skipped) > 0 {
		wrapText(w, "not clustered: ", clean(strings.Join(skipped, ", ")))
	}
	for _, p := range r.Personas {
		fmt.Fprintln(w)
		wrapText(w, fmt.Sprintf("%d. ", p.ID), fmt.Sprintf("%s: %s (%.1f%%)", clean(p.Name), web.Count("en", "n_respondents", p.Size), 100*p.Share))
		wrapText(w, "   ", p.Trust)
		fmt.Fprintln(w, "   trait\tvalue\tshare\toverall\tlift\t")
		for _, t := range p.Traits {
			fmt.Fprintf(w, "   %s\t%s\t%.0f%%\t%.0f%%\t%.2f\t\n", personaClip(t.Column, 30), personaClip(t.Value, 40), 100*t.Share, 100*t.Overall, t.Lift)
		}
		for _, t := range p.Profile {
			fmt.Fprintf(w, "   %s (profile)\t%s\t%.0f%%\t%.0f%%\t%.2f\t\n", personaClip(t.Column, 30), personaClip(t.Value, 40), 100*t.Share, 100*t.Overall, t.Lift)
		}
		for _, pp := range p.PainPoints {
			fmt.Fprintf(w, "   pain point: %s (%.0f%% vs %.0f%% overall)\n", personaClip(firstOf(pp.Label, pp.Value), 60), 100*pp.Share, 100*pp.Overall)
			if pp.Quote != nil {
				wrapText(w, "      ", fmt.Sprintf("\"%s\" (%s)", personaClip(pp.Quote.Text, 160), clean(pp.Quote.ID)))
			}
		}
		for _, q := range p.Quotes {
			wrapText(w, "   ", fmt.Sprintf("\"%s\" (%s)", personaClip(q.Text, 160), clean(q.ID)))
		}
	}
	return w.Flush()
}

func firstOf(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// personaClip is respondent or file text made safe for a terminal (clean)
// and cut to n display cells.
func personaClip(s string, n int) string {
	return clip(clean(s), n)
}
