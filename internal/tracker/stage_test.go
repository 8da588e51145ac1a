package tracker

import (
	"testing"
	"time"

	"github.com/offerloop/offerloop/internal/errs"
)

func TestCheckMove(t *testing.T) {
	t0 := time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
	stages := []Stage{
		{ID: 1, Kind: Applied, Name: "Applied"},
		{ID: 2, Kind: PhoneScreen, Name: "Phone screen"},
		{ID: 3, Kind: Onsite, Name: "Onsite"},
		{ID: 4, Kind: OfferStage, Name: "Offer"},
	}
	at := func(s int64, o Outcome) State {
		st := State{StageID: s, Outcome: o, Since: t0}
		for _, x := range stages {
			if x.ID == s {
				st.StageKind, st.StageName = x.Kind, x.Name
			}
		}
		return st
	}
	later := t0.Add(48 * time.Hour)
	tests := []struct {
		name string
		cur  State
		m    Move
		want errs.Code
	}{
		{"forward one stage", at(1, ""), Move{StageID: 2, At: later}, ""},
		{"skip stages", at(1, ""), Move{StageID: 3, At: later}, ""},
		{"back a stage to correct a mistake", at(3, ""), Move{StageID: 2, At: later}, ""},
		{"same stage", at(2, ""), Move{StageID: 2, At: later}, errs.Conflict},
		{"unknown stage", at(1, ""), Move{StageID: 99, At: later}, errs.NotFound},
		{"reject at any stage", at(2, ""), Move{Outcome: Rejected, At: later}, ""},
		{"withdraw at applied", at(1, ""), Move{Outcome: Withdrawn, At: later}, ""},
		{"ghosted at onsite", at(3, ""), Move{Outcome: Ghosted, At: later}, ""},
		{"accept an offer", at(4, ""), Move{Outcome: Accepted, At: later}, ""},
		{"decline an offer", at(4, ""), Move{Outcome: Declined, At: later}, ""},
		{"accept without an offer", at(3, ""), Move{Outcome: Accepted, At: later}, errs.Conflict},
		{"decline without an offer", at(1, ""), Move{Outcome: Declined, At: later}, errs.Conflict},
		{"rejected is final", at(2, Rejected), Move{StageID: 3, At: later}, errs.Conflict},
		{"withdrawn is final", at(2, Withdrawn), Move{StageID: 3, At: later}, errs.Conflict},
		{"accepted is final", at(4, Accepted), Move{Outcome: Declined, At: later}, errs.Conflict},
		{"ghosted comes back to a stage", at(2, Ghosted), Move{StageID: 3, At: later}, ""},
		{"ghosted comes back to the same stage", at(2, Ghosted), Move{StageID: 2, At: later}, ""},
		{"ghosted cannot be rejected again", at(2, Ghosted), Move{Outcome: Rejected, At: later}, errs.Conflict},
		{"both stage and outcome", at(1, ""), Move{StageID: 2, Outcome: Rejected, At: later}, errs.Invalid},
		{"neither stage nor outcome", at(1, ""), Move{At: later}, errs.Invalid},
		{"no time", at(1, ""), Move{StageID: 2}, errs.Invalid},
		{"before the current state", at(1, ""), Move{StageID: 2, At: t0.Add(-time.Hour)}, errs.Invalid},
		{"unknown outcome", at(1, ""), Move{Outcome: "hired-twice", At: later}, errs.Invalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckMove(tt.cur, stages, tt.m)
			if got := errs.CodeOf(err); got != tt.want {
				t.Errorf("CheckMove(%+v, %+v) = %v (code %q), want code %q", tt.cur, tt.m, err, got, tt.want)
			}
		})
	}
}

func TestResolveTarget(t *testing.T) {
	stages := []Stage{
		{ID: 1, Kind: Applied, Name: "Applied"},
		{ID: 2, Kind: PhoneScreen, Name: "Phone screen"},
		{ID: 5, Kind: Onsite, Name: "Hiring committee", Custom: true},
		{ID: 3, Kind: Onsite, Name: "Onsite"},
	}
	tests := []struct {
		in      string
		stage   int64
		outcome Outcome
		bad     bool
	}{
		{"phone_screen", 2, "", false},
		{"Phone Screen", 2, "", false},
		{"onsite", 3, "", false}, // the canonical stage, not the custom one of the same kind
		{"hiring committee", 5, "", false},
		{"rejected", 0, Rejected, false},
		{"no response", 0, Ghosted, false},
		{"take_home", 0, "", true}, // the application has no take-home
		{"lunch", 0, "", true},
		{"", 0, "", true},
	}
	for _, tt := range tests {
		m, err := ResolveTarget(stages, tt.in)
		if (err != nil) != tt.bad || m.StageID != tt.stage || m.Outcome != tt.outcome {
			t.Errorf("ResolveTarget(%q) = %+v, %v; want stage %d outcome %q bad %v", tt.in, m, err, tt.stage, tt.outcome, tt.bad)
		}
	}
}

func TestNewPlan(t *testing.T) {
	loops, err := LoadLoops()
	if err != nil {
		t.Fatal(err)
	}
	count := func(p Plan, stage StageKind) (n int, kinds map[RoundKind]bool) {
		kinds = map[RoundKind]bool{}
		for _, r := range p.Rounds {
			if p.Stages[r.Stage].Kind == stage {
				n++
				kinds[r.Round.Kind] = true
			}
		}
		return n, kinds
	}
	hasStage := func(p Plan, k StageKind) bool {
		for _, s := range p.Stages {
			if s.Kind == k {
				return true
			}
		}
		return false
	}
	t.Run("big tech has 5 to 7 onsite rounds with a bar raiser", func(t *testing.T) {
		p, _ := loops.NewPlan(BigTech)
		n, kinds := count(p, Onsite)
		if n < 5 || n > 7 || !kinds[RoundBarRaiser] {
			t.Errorf("big tech onsite: %d rounds, kinds %v", n, kinds)
		}
	})
	t.Run("startup weighs the take-home and skips theory", func(t *testing.T) {
		p, _ := loops.NewPlan(Startup)
		_, kinds := count(p, Onsite)
		if !hasStage(p, TakeHome) || kinds[RoundMLTheory] {
			t.Errorf("startup plan: take-home %v, onsite kinds %v", hasStage(p, TakeHome), kinds)
		}
		tmpl, _ := loops.Template(Startup)
		if tmpl.Timeline != "2–3 weeks" {
			t.Errorf("startup timeline = %q, want 2–3 weeks", tmpl.Timeline)
		}
	})
	t.Run("research lab adds paper, presentation and theory deep dive", func(t *testing.T) {
		p, _ := loops.NewPlan(ResearchLab)
		_, kinds := count(p, Onsite)
		for _, k := range []RoundKind{RoundPaperDiscussion, RoundResearchPresentation, RoundTheoryDeepDive} {
			if !kinds[k] {
				t.Errorf("research lab onsite lacks %s: %v", k, kinds)
			}
		}
	})
	t.Run("every plan runs applied to offer with standard round lengths", func(t *testing.T) {
		want := map[RoundKind]int{RoundRecruiterScreen: 30, RoundMLCoding: 60, RoundMLSystemDesign: 60, RoundMLTheory: 45, RoundBehavioral: 45, RoundTeamFit: 30}
		for _, k := range CompanyKinds {
			p, err := loops.NewPlan(k)
			if err != nil {
				t.Fatal(err)
			}
			if p.Stages[0].Kind != Applied || p.Stages[len(p.Stages)-1].Kind != OfferStage {
				t.Errorf("%s: stages %v", k, p.Stages)
			}
			for _, r := range p.Rounds {
				if m, ok := want[r.Round.Kind]; ok && r.Round.Minutes != m {
					t.Errorf("%s: %s lasts %d min, want %d", k, r.Round.Kind, r.Round.Minutes, m)
				}
			}
		}
	})
	t.Run("unknown kind", func(t *testing.T) {
		if _, err := loops.NewPlan("agency"); errs.CodeOf(err) != errs.Invalid {
			t.Errorf("NewPlan(agency) = %v, want invalid", err)
		}
	})
}

func TestParseDate(t *testing.T) {
	for _, s := range []string{"2026-02-30", "2026-13-01", "yesterday", "2026-1-5"} {
		if _, err := ParseDate(s); err == nil {
			t.Errorf("ParseDate(%q) accepted an impossible date", s)
		}
	}
	if d, err := ParseDate("2028-02-29"); err != nil || d.String() != "2028-02-29" {
		t.Errorf("ParseDate(2028-02-29) = %v, %v", d, err)
	}
}

func TestApplicationValidate(t *testing.T) {
	ok := func() Application {
		return Application{Company: Company{Name: "Acme"}, Role: "ML Engineer", AppliedOn: NewDate(2026, 11, 1)}
	}
	tests := []struct {
		name   string
		change func(*Application)
	}{
		{"no company", func(a *Application) { a.Company.Name = " " }},
		{"no role", func(a *Application) { a.Role = "" }},
		{"no applied date", func(a *Application) { a.AppliedOn = Date{} }},
		{"year 1900", func(a *Application) { a.AppliedOn = NewDate(1900, 1, 1) }},
		{"bad url", func(a *Application) { a.JDURL = "javascript:alert(1)" }},
		{"bad level", func(a *Application) { a.Level = "wizard" }},
		{"bad kind", func(a *Application) { a.Company.Kind = "agency" }},
		{"huge notes", func(a *Application) { a.Notes = string(make([]byte, MaxText+1)) }},
		{"invalid utf-8", func(a *Application) { a.Role = "ML \xff" }},
	}
	a := ok()
	if err := a.Validate(); err != nil {
		t.Fatalf("valid application: %v", err)
	}
	for _, tt := range tests {
		a := ok()
		tt.change(&a)
		if err := a.Validate(); errs.CodeOf(err) != errs.Invalid {
			t.Errorf("%s: Validate() = %v, want invalid", tt.name, err)
		}
	}
}
