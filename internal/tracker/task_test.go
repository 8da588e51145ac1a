package tracker

import (
	"slices"
	"strings"
	"testing"
	"time"
)

var testLists = []Checklist{
	{Key: DayBefore, Title: "Day before", Items: []ChecklistItem{{Key: "resume", Text: "Reread your resume"}, {Key: "framework", Text: "Rehearse the framework", Rounds: []RoundKind{RoundMLSystemDesign}}}},
	{Key: MorningOf, Title: "Morning of", Items: []ChecklistItem{{Key: "stories", Text: "Review stories"}}},
	{Key: During, Title: "During", Items: []ChecklistItem{{Key: "aloud", Text: "Think aloud"}}},
	{Key: After, Title: "After", Items: []ChecklistItem{{Key: "notes", Text: "Write notes"}}},
}

func keys(ts []Task) []string {
	var out []string
	for _, t := range ts {
		out = append(out, t.Key)
	}
	return out
}

func TestDeriveTasks(t *testing.T) {
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	app := func(id int64, st State, last time.Time) *Application {
		return &Application{ID: id, Role: "ML Engineer", Company: Company{Name: "Acme"}, State: st, LastActivity: last}
	}
	phone := State{StageKind: PhoneScreen, StageName: "Phone screen"}
	offer := State{StageKind: OfferStage, StageName: "Offer"}
	iv := func(id, app int64, at time.Time, kind RoundKind, o InterviewOutcome) *Interview {
		return &Interview{ID: id, ApplicationID: app, At: at, Minutes: 60, Kind: kind, Title: "ML system design", Outcome: o,
			Interviewers: []Interviewer{{Name: "Priya Raman", Email: "priya@acme.test"}, {Name: "Tom Lee"}}}
	}
	tests := []struct {
		name    string
		in      TaskInput
		want    []string // keys that must be present
		absent  []string // keys that must not be
		checkFn func(t *testing.T, tasks []Task)
	}{
		{
			name: "an interview tomorrow gets its four checklists and a thank-you",
			in: TaskInput{
				Applications: []*Application{app(1, phone, now.Add(-24*time.Hour))},
				Interviews:   []*Interview{iv(7, 1, now.Add(26*time.Hour), RoundMLSystemDesign, OutcomePending)},
			},
			want: []string{"thank-you/7", "checklist/7/day_before/resume", "checklist/7/day_before/framework",
				"checklist/7/morning_of/stories", "checklist/7/during/aloud", "checklist/7/after/notes"},
			absent: []string{"follow-up/1/20261124T120000"}, // an interview is ahead: no follow-up
			checkFn: func(t *testing.T, tasks []Task) {
				for _, tk := range tasks {
					if tk.Key == "thank-you/7" {
						wantDue := now.Add(26*time.Hour + time.Hour + 24*time.Hour)
						if !tk.Due.Equal(wantDue) || !strings.Contains(tk.Title, "Priya and Tom") {
							t.Errorf("thank-you = %+v, want due %v to Priya and Tom", tk, wantDue)
						}
					}
				}
			},
		},
		{
			name: "round-specific items only on their rounds",
			in: TaskInput{
				Applications: []*Application{app(1, phone, now)},
				Interviews:   []*Interview{iv(8, 1, now.Add(30*time.Hour), RoundBehavioral, OutcomePending)},
			},
			want:   []string{"checklist/8/day_before/resume"},
			absent: []string{"checklist/8/day_before/framework"},
		},
		{
			name: "a past interview keeps its thank-you and after list, not the others",
			in: TaskInput{
				Applications: []*Application{app(1, phone, now.Add(-3*time.Hour))},
				Interviews:   []*Interview{iv(9, 1, now.Add(-3*time.Hour), RoundMLCoding, OutcomeUnknown)},
			},
			want:   []string{"thank-you/9", "checklist/9/after/notes"},
			absent: []string{"checklist/9/day_before/resume", "checklist/9/during/aloud"},
		},
		{
			name: "an interview more than two weeks ago drops off",
			in: TaskInput{
				Applications: []*Application{app(1, phone, now.Add(-20*24*time.Hour))},
				Interviews:   []*Interview{iv(10, 1, now.Add(-20*24*time.Hour), RoundMLCoding, OutcomeUnknown)},
			},
			absent: []string{"thank-you/10", "checklist/10/after/notes"},
		},
		{
			name: "cancelled interviews make no tasks",
			in: TaskInput{
				Applications: []*Application{app(1, phone, now)},
				Interviews:   []*Interview{iv(11, 1, now.Add(-2*time.Hour), RoundMLCoding, OutcomeCancelled)},
			},
			absent: []string{"thank-you/11"},
		},
		{
			name: "silence for the configured days makes a follow-up",
			in: TaskInput{
				Applications: []*Application{app(2, phone, time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC))},
				FollowUpDays: 3,
			},
			want: []string{"follow-up/2/20261120T090000"},
			checkFn: func(t *testing.T, tasks []Task) {
				if want := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC); !tasks[0].Due.Equal(want) || !tasks[0].Overdue(now) {
					t.Errorf("follow-up due %v (overdue %v), want %v and overdue", tasks[0].Due, tasks[0].Overdue(now), want)
				}
			},
		},
		{
			name: "closed applications and offers need no follow-up; offers get their deadline",
			in: TaskInput{Applications: []*Application{
				app(3, State{StageKind: PhoneScreen, Outcome: Rejected}, now.AddDate(0, 0, -30)),
				func() *Application {
					a := app(4, offer, now.AddDate(0, 0, -30))
					a.Deadline = NewDate(2026, 12, 1)
					return a
				}(),
			}},
			want:   []string{"deadline/4/2026-12-01"},
			absent: []string{"follow-up/3/", "follow-up/4/"},
		},
		{
			name: "marks make tasks done",
			in: TaskInput{
				Applications: []*Application{app(1, phone, now)},
				Interviews:   []*Interview{iv(12, 1, now.Add(-time.Hour*2), RoundMLCoding, OutcomeUnknown)},
				Marks:        map[string]time.Time{"thank-you/12": now},
			},
			checkFn: func(t *testing.T, tasks []Task) {
				for _, tk := range tasks {
					if tk.Key == "thank-you/12" && (!tk.Done || !tk.DoneAt.Equal(now)) {
						t.Errorf("thank-you/12 = %+v, want done at %v", tk, now)
					}
				}
			},
		},
		{
			name: "manual tasks are listed with their application",
			in: TaskInput{
				Applications: []*Application{app(1, phone, now)},
				Manual:       []ManualTask{{ID: 5, ApplicationID: 1, Title: "Ask about the team's on-call", Due: now.Add(time.Hour)}},
			},
			want: []string{"manual/5"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.in.Checklists == nil {
				tt.in.Checklists = testLists
			}
			tasks := DeriveTasks(tt.in, now)
			got := keys(tasks)
			for _, k := range tt.want {
				if !slices.Contains(got, k) {
					t.Errorf("DeriveTasks() keys = %v, want %q among them", got, k)
				}
			}
			for _, k := range tt.absent {
				for _, g := range got {
					if strings.HasPrefix(g, k) {
						t.Errorf("DeriveTasks() keys = %v, want none starting %q", got, k)
					}
				}
			}
			if !slices.IsSortedFunc(tasks, func(a, b Task) int { return a.Due.Compare(b.Due) }) {
				t.Errorf("tasks not ordered by due time: %v", got)
			}
			if tt.checkFn != nil {
				tt.checkFn(t, tasks)
			}
		})
	}
}

func TestBuildAgenda(t *testing.T) {
	loc := time.FixedZone("PST", -8*3600)
	now := time.Date(2026, 11, 25, 10, 0, 0, 0, loc)
	tasks := []Task{
		{Key: "late", Due: now.Add(-time.Hour)},
		{Key: "today", Due: now.Add(5 * time.Hour)},
		{Key: "week", Due: now.AddDate(0, 0, 3)},
		{Key: "later", Due: now.AddDate(0, 0, 30)},
		{Key: "hidden", Due: now.AddDate(0, 0, 2), Visible: now.AddDate(0, 0, 1)},
		{Key: "done", Due: now, Done: true, DoneAt: now.Add(-time.Hour)},
	}
	ivs := []*Interview{
		{ID: 1, At: now.Add(24 * time.Hour), Minutes: 60},
		{ID: 2, At: now.AddDate(0, 0, 20), Minutes: 60},
		{ID: 3, At: now.Add(-3 * time.Hour), Minutes: 60},
	}
	ag := BuildAgenda(tasks, ivs, now, loc)
	if k := keys(ag.Overdue); !slices.Equal(k, []string{"late"}) {
		t.Errorf("overdue = %v", k)
	}
	if k := keys(ag.Today); !slices.Equal(k, []string{"today"}) {
		t.Errorf("today = %v", k)
	}
	if k := keys(ag.ThisWeek); !slices.Equal(k, []string{"week"}) {
		t.Errorf("this week = %v", k)
	}
	if ag.DoneToday != 1 || len(ag.Interviews) != 1 || ag.Interviews[0].ID != 1 {
		t.Errorf("done today %d, interviews %v", ag.DoneToday, ag.Interviews)
	}
}

func TestMarkEvent(t *testing.T) {
	if k, _ := MarkEvent(Task{Kind: TaskFollowUp}, true); k != EventFollowedUp {
		t.Errorf("follow-up done = %s, want %s", k, EventFollowedUp)
	}
	if k, _ := MarkEvent(Task{Kind: TaskThankYou}, true); k != EventTaskDone {
		t.Errorf("thank-you done = %s", k)
	}
	if k, _ := MarkEvent(Task{Kind: TaskThankYou}, false); k != EventTaskReopened {
		t.Errorf("thank-you undone = %s", k)
	}
}

func TestParseFollowUpDays(t *testing.T) {
	for in, want := range map[string]int{"": 7, "3": 3, " 14 ": 14} {
		if got, err := ParseFollowUpDays(in); err != nil || got != want {
			t.Errorf("ParseFollowUpDays(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"0", "-2", "abc", "365"} {
		if _, err := ParseFollowUpDays(in); err == nil {
			t.Errorf("ParseFollowUpDays(%q) accepted", in)
		}
	}
}
