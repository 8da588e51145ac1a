package resume

// Diff compares two reports of the same person's resume, before and after a
// revision, against the same job description when both have a match.
type Diff struct {
	Old        string    `json:"old"`
	New        string    `json:"new"`
	ScoreFrom  int       `json:"score_from"`
	ScoreTo    int       `json:"score_to"`
	MatchFrom  *int      `json:"match_from"`
	MatchTo    *int      `json:"match_to"`
	Fixed      []Finding `json:"fixed"`
	Appeared   []Finding `json:"appeared"`
	Remaining  []Finding `json:"remaining"`
	NowMatched []string  `json:"now_matched"` // JD terms the revision added
	NowMissing []string  `json:"now_missing"` // JD terms the revision lost
}

// findingKey identifies a finding across two versions: its code and the text
// it refers to (a bullet that was reworded counts as fixed, and its new
// version's problems as new).
func findingKey(f Finding) string { return f.Code + "\x00" + f.Text }

// Compare reports what changed between two reports.
func Compare(old, new *Report) *Diff {
	d := &Diff{Old: old.File, New: new.File, ScoreFrom: old.Score, ScoreTo: new.Score,
		Fixed: []Finding{}, Appeared: []Finding{}, Remaining: []Finding{}, NowMatched: []string{}, NowMissing: []string{}}
	before := map[string]bool{}
	for _, f := range old.Findings {
		before[findingKey(f)] = true
	}
	after := map[string]bool{}
	for _, f := range new.Findings {
		after[findingKey(f)] = true
		if before[findingKey(f)] {
			d.Remaining = append(d.Remaining, f)
		} else {
			d.Appeared = append(d.Appeared, f)
		}
	}
	for _, f := range old.Findings {
		if !after[findingKey(f)] {
			d.Fixed = append(d.Fixed, f)
		}
	}
	if old.Match != nil && new.Match != nil {
		a, b := old.Match.Score, new.Match.Score
		d.MatchFrom, d.MatchTo = &a, &b
		had := map[string]bool{}
		for _, t := range old.Match.Matched {
			had[t.Term] = true
		}
		has := map[string]bool{}
		for _, t := range new.Match.Matched {
			has[t.Term] = true
			if !had[t.Term] {
				d.NowMatched = append(d.NowMatched, t.Term)
			}
		}
		for _, t := range old.Match.Matched {
			if !has[t.Term] {
				d.NowMissing = append(d.NowMissing, t.Term)
			}
		}
	}
	return d
}
