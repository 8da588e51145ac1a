package tracker

import (
	"fmt"
	"slices"
	"sync"

	"github.com/offerloop/offerloop/internal/content"
	"github.com/offerloop/offerloop/internal/errs"
)

// RoundKind is the kind of one interview round.
type RoundKind string

// Round kinds.
const (
	RoundRecruiterScreen      RoundKind = "recruiter_screen"
	RoundPhoneScreen          RoundKind = "phone_screen"
	RoundTakeHome             RoundKind = "take_home"
	RoundMLCoding             RoundKind = "ml_coding"
	RoundCoding               RoundKind = "coding"
	RoundMLSystemDesign       RoundKind = "ml_system_design"
	RoundMLTheory             RoundKind = "ml_theory"
	RoundBehavioral           RoundKind = "behavioral"
	RoundTeamFit              RoundKind = "team_fit"
	RoundBarRaiser            RoundKind = "bar_raiser"
	RoundPaperDiscussion      RoundKind = "paper_discussion"
	RoundResearchPresentation RoundKind = "research_presentation"
	RoundTheoryDeepDive       RoundKind = "theory_deep_dive"
	RoundOther                RoundKind = "other"
)

// Round is a planned interview round of one application.
type Round struct {
	ID            int64     `json:"id"`
	UserID        int64     `json:"user_id"`
	ApplicationID int64     `json:"application_id"`
	StageID       int64     `json:"stage_id"`
	Position      int       `json:"position"`
	Kind          RoundKind `json:"kind"`
	Name          string    `json:"name"`
	Minutes       int       `json:"minutes"`
}

// RoundKindInfo describes a round kind: its name, usual length and what it tests.
type RoundKindInfo struct {
	Kind    RoundKind `json:"kind"`
	Name    string    `json:"name"`
	Minutes int       `json:"minutes"`
	About   string    `json:"about"`
}

// LoopTemplate is the usual loop of one company kind.
type LoopTemplate struct {
	Kind     CompanyKind     `json:"kind"`
	Timeline string          `json:"timeline"`
	About    string          `json:"about"`
	Stages   []StageKind     `json:"stages"`
	Rounds   []TemplateRound `json:"rounds"`
}

// TemplateRound is a round in a LoopTemplate.
type TemplateRound struct {
	Stage StageKind `json:"stage"`
	Kind  RoundKind `json:"kind"`
	Name  string    `json:"name,omitempty"` // defaults to the kind's name
}

// Loops is the content of tracker/loops.json.
type Loops struct {
	RoundKinds []RoundKindInfo `json:"round_kinds"`
	Templates  []LoopTemplate  `json:"templates"`
}

var loadLoops = sync.OnceValues(func() (*Loops, error) {
	var l Loops
	if err := content.DecodeJSON("tracker/loops.json", &l); err != nil {
		return nil, err
	}
	if err := l.validate(); err != nil {
		return nil, fmt.Errorf("content: tracker/loops.json: %w", err)
	}
	return &l, nil
})

// LoadLoops returns the round kinds and loop templates from the content files.
func LoadLoops() (*Loops, error) { return loadLoops() }

func (l *Loops) validate() error {
	for _, rk := range l.RoundKinds {
		if rk.Name == "" || rk.Minutes <= 0 || rk.About == "" {
			return fmt.Errorf("round kind %q needs a name, minutes and about", rk.Kind)
		}
	}
	for _, k := range CompanyKinds {
		if _, err := l.Template(k); err != nil {
			return err
		}
	}
	for _, t := range l.Templates {
		if len(t.Stages) == 0 || t.Stages[0] != Applied || t.Stages[len(t.Stages)-1] != OfferStage {
			return fmt.Errorf("template %s must start at applied and end at offer", t.Kind)
		}
		for i, s := range t.Stages {
			if s.Order() < 0 || (i > 0 && s.Order() <= t.Stages[i-1].Order()) {
				return fmt.Errorf("template %s: stage %q unknown or out of order", t.Kind, s)
			}
		}
		for _, r := range t.Rounds {
			if !slices.Contains(t.Stages, r.Stage) {
				return fmt.Errorf("template %s: round %s in stage %s, which the template lacks", t.Kind, r.Kind, r.Stage)
			}
			if _, ok := l.RoundKind(r.Kind); !ok {
				return fmt.Errorf("template %s: unknown round kind %q", t.Kind, r.Kind)
			}
		}
	}
	return nil
}

// RoundKind returns the description of a round kind.
func (l *Loops) RoundKind(k RoundKind) (RoundKindInfo, bool) {
	i := slices.IndexFunc(l.RoundKinds, func(r RoundKindInfo) bool { return r.Kind == k })
	if i < 0 {
		return RoundKindInfo{}, false
	}
	return l.RoundKinds[i], true
}

// Template returns the loop template of a company kind.
func (l *Loops) Template(k CompanyKind) (LoopTemplate, error) {
	i := slices.IndexFunc(l.Templates, func(t LoopTemplate) bool { return t.Kind == k })
	if i < 0 {
		return LoopTemplate{}, fmt.Errorf("no loop template for company kind %q", k)
	}
	return l.Templates[i], nil
}

// Plan is the stages and rounds a new application starts with. Rounds name their
// stage by index into Stages, since neither has an id yet.
type Plan struct {
	Stages []Stage
	Rounds []PlannedRound
}

// PlannedRound is a round of a Plan.
type PlannedRound struct {
	Stage int
	Round Round
}

// NewPlan builds the plan of an application at a company of the given kind.
func (l *Loops) NewPlan(k CompanyKind) (Plan, error) {
	if k == "" {
		k = MidSize
	}
	t, err := l.Template(k)
	if err != nil {
		return Plan{}, errs.Invalidf("%v", err)
	}
	var p Plan
	for i, sk := range t.Stages {
		p.Stages = append(p.Stages, Stage{Position: i + 1, Kind: sk, Name: sk.Label()})
	}
	for i, tr := range t.Rounds {
		info, _ := l.RoundKind(tr.Kind)
		name := tr.Name
		if name == "" {
			name = info.Name
		}
		p.Rounds = append(p.Rounds, PlannedRound{
			Stage: slices.Index(t.Stages, tr.Stage),
			Round: Round{Position: i + 1, Kind: tr.Kind, Name: name, Minutes: info.Minutes},
		})
	}
	return p, nil
}
