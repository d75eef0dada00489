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
	fmt.Fprintf(w, "%s (%s)\n", web.Count("en", "n_personas_from", r.K, r.Quality.N), r.Quality.KSelected)
	fmt.Fprintf(w, "quality: %s; BIC %.1f\n", r.Quality.Verdict, r.Quality.BIC)
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
	fmt.Fprintf(w, "\ncolumns used: %s\n", strings.Join(r.Quality.Items, ", "))
	if len(profile) > 0 {
		fmt.Fprintf(w, "profile only (not segmented on): %s\n", strings.Join(profile, ", "))
	}
	if len(skipped) > 0 {
		fmt.Fprintf(w, "not clustered: %s\n", strings.Join(skipped, ", "))
	}
	for _, p := range r.Personas {
		fmt.Fprintf(w, "\n%d. %s: %s (%.1f%%)\n   %s\n", p.ID, p.Name, web.Count("en", "n_respondents", p.Size), 100*p.Share, p.Trust)
		fmt.Fprintln(w, "   trait\tvalue\tshare\toverall\tlift\t")
		for _, t := range p.Traits {
			fmt.Fprintf(w, "   %s\t%s\t%.0f%%\t%.0f%%\t%.2f\t\n", t.Column, personaClip(t.Value, 40), 100*t.Share, 100*t.Overall, t.Lift)
		}
		for _, t := range p.Profile {
			fmt.Fprintf(w, "   %s (profile)\t%s\t%.0f%%\t%.0f%%\t%.2f\t\n", t.Column, personaClip(t.Value, 40), 100*t.Share, 100*t.Overall, t.Lift)
		}
		for _, pp := range p.PainPoints {
			fmt.Fprintf(w, "   pain point: %s (%.0f%% vs %.0f%% overall)\n", personaClip(firstOf(pp.Label, pp.Value), 60), 100*pp.Share, 100*pp.Overall)
			if pp.Quote != nil {
				fmt.Fprintf(w, "      \"%s\" (%s)\n", personaClip(pp.Quote.Text, 160), pp.Quote.ID)
			}
		}
		for _, q := range p.Quotes {
			fmt.Fprintf(w, "   \"%s\" (%s)\n", personaClip(q.Text, 160), q.ID)
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

func personaClip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
