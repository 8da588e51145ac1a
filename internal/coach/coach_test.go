package coach

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/offerloop/offerloop/internal/fsrs"
	"github.com/offerloop/offerloop/internal/tracker"
)

// The fixed clock of the tests: Wednesday 25 November 2026, 10:00 in London
// (GMT: the clocks went back in October).
var (
	london = func() *time.Location {
		l, err := time.LoadLocation("Europe/London")
		if err != nil {
			panic(err)
		}
		return l
	}()
	now0  = time.Date(2026, 11, 25, 10, 0, 0, 0, london)
	today = "2026-11-25"
)

// at is `days` days from the test's today at hour:00 London time.
func at(days, hour int) time.Time { return time.Date(2026, 11, 25+days, hour, 0, 0, 0, london) }

// dayStr is the YYYY-MM-DD of `days` days from today.
func dayStr(days int) string { return at(days, 12).Format("2006-01-02") }

func baseInput() *Input {
	return &Input{Now: now0, Loc: london, Params: fsrs.DefaultParameters, ReviewSecs: 20,
		On: Sources{Drill: true, Judge: true, Practice: true, Resume: true, Takehome: true}}
}

// reviewed is a card last reviewed daysAgo days ago with stability s, due
// when its recall falls to 0.9.
func reviewed(id, topic, round string, daysAgo int, s float64) Card {
	last := at(-daysAgo, 9)
	return Card{ID: id, Topic: topic, TopicTitle: topic, Round: round, LastReview: last, Stability: s, Difficulty: 5,
		Due: last.Add(time.Duration(s*24) * time.Hour)}
}

func newCard(id, topic, round string) Card {
	return Card{ID: id, Topic: topic, TopicTitle: topic, Round: round, New: true}
}

// deck makes n reviewed cards of a topic, all with the same memory.
func deck(topic, round string, n, daysAgo int, s float64) []Card {
	var out []Card
	for i := range n {
		out = append(out, reviewed(fmt.Sprintf("%s-%d", topic, i), topic, round, daysAgo, s))
	}
	return out
}

func keysOf(items []Item) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = it.Key
	}
	return out
}

func indexOf(items []Item, key string) int {
	return slices.IndexFunc(items, func(it Item) bool { return it.Key == key })
}

func minutesOf(items []Item) int {
	n := 0
	for _, it := range items {
		n += it.Minutes
	}
	return n
}

// candidates returns every candidate Build considered, whatever fitted.
func candidates(in *Input) []Item {
	b := newBuilder(in)
	b.generate()
	return b.cands
}

func candidate(t *testing.T, in *Input, key string) Item {
	t.Helper()
	cs := candidates(in)
	i := indexOf(cs, key)
	if i < 0 {
		t.Fatalf("no candidate %s; candidates: %v", key, keysOf(cs))
	}
	return cs[i]
}

// rich is a busy user: two applications with interviews tomorrow and in five
// days, overdue and open tasks, a reviewed deck, judge history, stories,
// design, a study plan, resume matches and a take-home.
func rich() *Input {
	in := baseInput()
	low := 35
	in.Applications = []Application{
		{ID: 1, Company: "Googol", Title: "ML Engineer", Kind: "big-tech", Active: true, Stage: "interviewing", HasJD: true, Match: &low, Checked: true, Interviews: 1},
		{ID: 2, Company: "Tiny", Title: "Applied Scientist", Kind: "startup", Active: true, Stage: "applied", HasJD: true, TakeHome: true, Interviews: 1},
		{ID: 3, Company: "Labby", Title: "Research Scientist", Kind: "research-lab", Active: true, Stage: "applied", HasJD: true},
	}
	in.Interviews = []Interview{
		{ID: 10, ApplicationID: 1, Company: "Googol", CompanyKind: "big-tech", Title: "Phone screen", Kind: "phone_screen", At: at(1, 15), Rounds: []string{"phone_screen", "ml_coding"}},
		{ID: 20, ApplicationID: 2, Company: "Tiny", CompanyKind: "startup", Title: "Onsite", Kind: "ml_theory", At: at(5, 11), Rounds: []string{"ml_theory", "ml_system_design", "behavioral"}},
	}
	in.Tasks = []tracker.Task{
		{Key: "thank_you:9", Kind: tracker.TaskThankYou, Title: "Thank Acme", Company: "Acme", ApplicationID: 3, InterviewID: 9, Due: at(-2, 18)},
		{Key: "checklist:10:day_before:a", Kind: tracker.TaskChecklist, Title: "Test the video link", ApplicationID: 1, InterviewID: 10, Due: at(1, 9)},
		{Key: "checklist:10:day_before:b", Kind: tracker.TaskChecklist, Title: "Print the JD", ApplicationID: 1, InterviewID: 10, Due: at(1, 9)},
		{Key: "follow_up:2", Kind: tracker.TaskFollowUp, Title: "Follow up with Tiny", Company: "Tiny", ApplicationID: 2, Due: at(0, 9)},
	}
	for _, tp := range []string{"regularization", "metrics", "bias-variance", "trees-ensembles", "transformers", "mlops"} {
		in.Cards = append(in.Cards, deck(tp, "ml_theory", 20, 9, 4)...)
	}
	for i := range 10 {
		in.Cards = append(in.Cards, newCard(fmt.Sprintf("new-ml-system-design-%d", i), "ml-system-design", "ml_system_design"))
	}
	in.Reviewed = 120
	in.Problems = []Problem{
		{ID: "softmax", Title: "Softmax", Topic: "numpy", Difficulty: "easy", Attempts: 2, LastVerdict: "wrong_answer", Last: at(-1, 20)},
		{ID: "kmeans", Title: "K-means", Topic: "clustering", Difficulty: "medium"},
		{ID: "logreg", Title: "Logistic regression", Topic: "linear", Difficulty: "medium", Attempts: 1, Solved: true, LastVerdict: "accepted"},
		{ID: "attention", Title: "Attention", Topic: "deep", Difficulty: "hard"},
		{ID: "pca", Title: "PCA", Topic: "numpy", Difficulty: "medium"},
		{ID: "knn", Title: "kNN", Topic: "linear", Difficulty: "easy"},
	}
	in.Categories = []Category{
		{Name: "Conflict", Key: "conflict", Status: "missing", NeededBy: []int64{20}},
		{Name: "Failure", Key: "failure", Stories: 1, Status: "thin", NeededBy: []int64{20}},
		{Name: "Leadership", Key: "leadership", Stories: 2, Status: "ok", NeededBy: []int64{20}},
	}
	in.Prompts = []Prompt{{ID: "feed", Title: "News feed ranking"}, {ID: "fraud", Title: "Fraud detection"}}
	in.Design = []DesignSession{{PromptID: "feed", At: at(-6, 20), Percent: 55}}
	in.PlanToday = []PlanItem{{ID: "two-sum", Title: "Two Sum", URL: "https://leetcode.com/problems/two-sum/", Difficulty: "easy", Pattern: "hashing"}}
	return in
}

func TestBudget(t *testing.T) {
	for _, tc := range []struct {
		minutes, want int
	}{{0, DefaultMinutes}, {-5, DefaultMinutes}, {15, 15}, {30, 30}, {45, 45}, {60, 60}, {120, 120}} {
		t.Run(fmt.Sprint(tc.minutes), func(t *testing.T) {
			in := rich()
			in.Minutes = tc.minutes
			p := Build(in)
			if p.Minutes != tc.want {
				t.Fatalf("Plan.Minutes = %d, want %d", p.Minutes, tc.want)
			}
			if got := minutesOf(p.Items); got > tc.want {
				t.Fatalf("items add up to %d minutes, over the budget %d: %v", got, tc.want, keysOf(p.Items))
			}
			// A busy user's plan uses most of the time.
			if got := minutesOf(p.Items); tc.want >= 30 && got < tc.want*2/3 {
				t.Errorf("items add up to only %d of %d minutes: %v", got, tc.want, keysOf(p.Items))
			}
			if p.Date != today {
				t.Errorf("Date = %s", p.Date)
			}
			for _, it := range p.Items {
				if it.Minutes <= 0 {
					t.Errorf("%s has %d minutes", it.Key, it.Minutes)
				}
			}
		})
	}
}

func TestInterviewTomorrowFirst(t *testing.T) {
	for _, tc := range []struct {
		name string
		at   time.Time
		want bool
	}{
		{"tomorrow afternoon", at(1, 15), true},
		{"tomorrow late evening (37 hours away)", at(1, 23), true},
		{"today later", at(0, 17), true},
		{"in two days", at(2, 15), false},
		{"in a week", at(7, 15), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := rich()
			in.Tasks = slices.DeleteFunc(in.Tasks, func(t tracker.Task) bool { return t.Kind == tracker.TaskThankYou })
			in.Interviews[0].At = tc.at
			for i := range in.Tasks {
				if in.Tasks[i].InterviewID == 10 {
					in.Tasks[i].Due = tc.at.Add(-6 * time.Hour)
				}
			}
			p := Build(in)
			check, research := fmt.Sprintf("task:checklist:10:%s", today), "research:10"
			got := keysOf(p.Items)
			if !tc.want {
				if slices.Contains(got, check) || slices.Contains(got, research) {
					t.Fatalf("an interview %s should not force its checklist and research: %v", tc.name, got)
				}
				return
			}
			if len(got) < 2 || !(got[0] == check && got[1] == research) {
				t.Fatalf("items = %v, want the checklist and then the research first", got)
			}
			for _, it := range p.Items[:2] {
				if it.Application == nil || *it.Application != 1 {
					t.Errorf("%s: application = %v, want 1", it.Key, it.Application)
				}
			}
			if !strings.Contains(p.Items[0].Title, "(2 left)") || !strings.Contains(p.Items[0].Why, "Test the video link") {
				t.Errorf("checklist item: %q / %q", p.Items[0].Title, p.Items[0].Why)
			}
			if !strings.Contains(p.Items[1].Title, "Googol") {
				t.Errorf("research item title %q does not name the company", p.Items[1].Title)
			}
			// The checklist tasks themselves are folded into the one item.
			for _, k := range got {
				if strings.HasPrefix(k, "task:checklist:10:day_before") {
					t.Errorf("checklist task %s listed on its own", k)
				}
			}
		})
	}
}

func TestOverdueThankYouNeverPushedOut(t *testing.T) {
	for _, minutes := range []int{10, 15, 25, 60} {
		t.Run(fmt.Sprint(minutes), func(t *testing.T) {
			in := rich()
			in.Minutes = minutes
			// Many high-benefit items: a deck collapsing right before the interview.
			for _, tp := range []string{"optimization", "neural-networks", "loss-functions", "clustering"} {
				in.Cards = append(in.Cards, deck(tp, "phone_screen", 30, 40, 1)...)
			}
			p := Build(in)
			if len(p.Items) == 0 || p.Items[0].Key != "task:thank_you:9" {
				t.Fatalf("items = %v, want the overdue thank-you first", keysOf(p.Items))
			}
			it := p.Items[0]
			if it.TaskKey != "thank_you:9" || !strings.Contains(it.Why, "2 days ago") {
				t.Errorf("thank-you item: task key %q, why %q", it.TaskKey, it.Why)
			}
			if minutesOf(p.Items) > minutes {
				t.Errorf("over budget: %d > %d", minutesOf(p.Items), minutes)
			}
		})
	}
	t.Run("skipped yesterday", func(t *testing.T) {
		in := rich()
		in.Marks = []Mark{{Key: "task:thank_you:9", Day: dayStr(-1), Status: "skipped"}}
		if p := Build(in); indexOf(p.Items, "task:thank_you:9") != 0 {
			t.Fatalf("a skip must not drop an overdue thank-you: %v", keysOf(p.Items))
		}
	})
	t.Run("due tonight is forced too", func(t *testing.T) {
		// A note due today is as time-bound as an overdue one: a big bundle
		// of cards must not push it out of today's plan.
		in := rich()
		in.Tasks[0].Due = at(0, 20)
		it := candidate(t, in, "task:thank_you:9")
		if it.must != 1 {
			t.Errorf("thank-you due tonight: must %d", it.must)
		}
	})
	t.Run("due tomorrow waits", func(t *testing.T) {
		in := rich()
		in.Tasks[0].Due = at(1, 20)
		for _, it := range candidates(in) {
			if it.Key == "task:thank_you:9" {
				t.Errorf("a thank-you due tomorrow is in today's plan: %+v", it)
			}
		}
	})
}

func TestMarksDone(t *testing.T) {
	for _, key := range []string{"research:10", "task:thank_you:9", "problem:softmax", "review:regularization", "story:conflict", "resume:1"} {
		t.Run(key, func(t *testing.T) {
			in := rich()
			in.Minutes = 240
			before := Build(in)
			if indexOf(before.Items, key) < 0 {
				t.Fatalf("%s is not in the plan before the mark: %v", key, keysOf(before.Items))
			}
			in.Marks = []Mark{{Key: key, Day: today, Status: "done"}}
			p := Build(in)
			if indexOf(p.Items, key) >= 0 || indexOf(p.Later, key) >= 0 {
				t.Errorf("%s marked done today is still suggested: items %v later %v", key, keysOf(p.Items), keysOf(p.Later))
			}
			if indexOf(p.Done, key) < 0 {
				t.Errorf("%s is not in Done: %v", key, keysOf(p.Done))
			}
			for _, r := range p.Readiness {
				if indexOf(r.Actions, key) >= 0 {
					t.Errorf("%s is still an action for interview %d", key, r.Interview)
				}
			}
			// Done yesterday: suggested again today.
			in.Marks = []Mark{{Key: key, Day: dayStr(-1), Status: "done"}}
			if p := Build(in); indexOf(p.Items, key) < 0 {
				t.Errorf("%s done yesterday is not suggested today: %v", key, keysOf(p.Items))
			}
		})
	}
}

func TestSkippedRestsThreeDays(t *testing.T) {
	for _, tc := range []struct {
		ago  int
		want bool
	}{{0, false}, {1, false}, {2, false}, {3, true}, {5, true}} {
		for _, key := range []string{"problem:softmax", "story:conflict", "review:regularization"} {
			t.Run(fmt.Sprintf("%s/%d days ago", key, tc.ago), func(t *testing.T) {
				in := rich()
				in.Minutes = 240
				in.Marks = []Mark{{Key: key, Day: dayStr(-tc.ago), Status: "skipped"}}
				p := Build(in)
				all := append(append(slices.Clone(p.Items), p.Later...), p.Done...)
				if got := indexOf(all, key) >= 0; got != tc.want {
					t.Fatalf("skipped %d days ago: suggested = %v, want %v (%v)", tc.ago, got, tc.want, keysOf(p.Items))
				}
			})
		}
	}
}

func TestDoneThisWeekLowersArea(t *testing.T) {
	// Two candidates of about the same benefit per minute in different
	// areas; work done this week in one area puts the other first.
	mk := func(marks []Mark) *Plan {
		in := baseInput()
		in.Reviewed = 20 // past the diagnostic
		in.Minutes = 80
		in.Interviews = []Interview{{ID: 5, ApplicationID: 1, Company: "Co", CompanyKind: "mid-size", Kind: "onsite", At: at(6, 10),
			Rounds: []string{"ml_system_design", "behavioral"}}}
		in.Applications = []Application{{ID: 1, Company: "Co", Kind: "mid-size", Active: true, Stage: "interviewing", Interviews: 1}}
		in.Categories = []Category{{Name: "Conflict", Key: "conflict", Status: "missing", NeededBy: []int64{5}}}
		in.Prompts = []Prompt{{ID: "feed", Title: "Feed"}}
		in.Marks = marks
		return Build(in)
	}
	base := mk(nil)
	if len(base.Items) < 2 {
		t.Fatalf("items = %v", keysOf(base.Items))
	}
	first := base.Items[0]
	if first.Area != "design" && first.Area != "behavioral" {
		t.Fatalf("first item %s in area %s", first.Key, first.Area)
	}
	// Mark the same area's work done on three days this week, under keys
	// whose prefix differs from the area name (design-outline, story).
	var marks []Mark
	for d := 1; d <= 3; d++ {
		key := "story:other"
		if first.Area == "design" {
			key = "design-outline:feed"
		}
		marks = append(marks, Mark{Key: key, Day: dayStr(-d), Status: "done"})
	}
	p := mk(marks)
	if p.Items[0].Area == first.Area {
		t.Fatalf("after three %s items this week the plan still starts with %s: %v", first.Area, p.Items[0].Key, keysOf(p.Items))
	}
	// Marks older than a week do not count.
	for i := range marks {
		marks[i].Day = dayStr(-8 - i)
	}
	if p := mk(marks); p.Items[0].Key != first.Key {
		t.Errorf("marks older than a week changed the order: %v", keysOf(p.Items))
	}
}

func TestAreaOfKey(t *testing.T) {
	for key, want := range map[string]string{
		"review:metrics": "theory", "learn:metrics": "theory", "problem:x": "coding", "plan:x": "coding",
		"story:x": "behavioral", "design:x": "design", "design-outline:x": "design", "task:x:y": "tasks",
		"research:1": "tasks", "resume:1": "resume", "takehome:1": "takehome", "takehome-fix:1": "takehome",
	} {
		if got := areaOfKey(key); got != want {
			t.Errorf("areaOfKey(%s) = %s, want %s", key, got, want)
		}
	}
	// Every candidate's area is the area of its key, so marks count where the item is.
	in := rich()
	in.Minutes = 30 // a design outline too
	for _, it := range candidates(in) {
		if got := areaOfKey(it.Key); got != it.Area {
			t.Errorf("%s: area %s, areaOfKey %s", it.Key, it.Area, got)
		}
	}
}

func TestWhyLinkApplication(t *testing.T) {
	for _, minutes := range []int{30, 60, 180} {
		in := rich()
		in.Minutes = minutes
		p := Build(in)
		ivApp := map[int64]int64{}
		for _, iv := range in.Interviews {
			ivApp[iv.ID] = iv.ApplicationID
		}
		var all []Item
		all = append(all, p.Items...)
		all = append(all, p.Later...)
		for _, r := range p.Readiness {
			all = append(all, r.Actions...)
		}
		if len(all) < 8 {
			t.Fatalf("only %d items", len(all))
		}
		for _, it := range all {
			if strings.TrimSpace(it.Why) == "" || strings.TrimSpace(it.Link) == "" || it.Title == "" || it.Kind == "" {
				t.Errorf("%s: why %q link %q title %q kind %q", it.Key, it.Why, it.Link, it.Title, it.Kind)
			}
			if it.iv != 0 {
				if it.Application == nil || *it.Application != ivApp[it.iv] {
					t.Errorf("%s prepares for interview %d but carries application %v, want %d", it.Key, it.iv, it.Application, ivApp[it.iv])
				}
			}
		}
	}
	// Items for an interview: the card, problem, story and design items.
	in := rich()
	for _, key := range []string{"review:regularization", "problem:softmax", "story:conflict", "design:fraud", "research:10"} {
		it := candidate(t, in, key)
		if it.Application == nil || it.iv == 0 {
			t.Errorf("%s: application %v interview %d", key, it.Application, it.iv)
		}
	}
}

func TestRankingDaysUntil(t *testing.T) {
	// Fundamentals for a phone screen, deep learning for a paper discussion,
	// same memory: the sooner interview's topic goes first.
	mk := func(phoneDays, paperDays int) *Input {
		in := baseInput()
		in.Interviews = []Interview{
			{ID: 1, ApplicationID: 1, Company: "A", CompanyKind: "mid-size", Kind: "phone_screen", At: at(phoneDays, 10), Rounds: []string{"phone_screen"}},
			{ID: 2, ApplicationID: 2, Company: "B", CompanyKind: "mid-size", Kind: "paper_discussion", At: at(paperDays, 10), Rounds: []string{"paper_discussion"}},
		}
		in.Cards = append(deck("metrics", "ml_theory", 10, 10, 3), deck("transformers", "ml_theory", 10, 10, 3)...)
		in.Reviewed = 20
		return in
	}
	for _, tc := range []struct {
		phone, paper int
		first        string
	}{{2, 12, "review:metrics"}, {12, 2, "review:transformers"}, {1, 4, "review:metrics"}, {6, 3, "review:transformers"}} {
		p := Build(mk(tc.phone, tc.paper))
		p.Items = slices.DeleteFunc(p.Items, func(it Item) bool { return it.must > 0 }) // research for an interview tomorrow
		if len(p.Items) < 2 || p.Items[0].Key != tc.first {
			t.Errorf("phone screen in %d days, paper discussion in %d: items %v, want %s first", tc.phone, tc.paper, keysOf(p.Items), tc.first)
		}
		soon := p.Items[0]
		if soon.Application == nil {
			t.Errorf("%s has no application", soon.Key)
		}
	}
	// Cards no interview needs and not due: no item.
	in := mk(2, 12)
	in.Interviews = in.Interviews[:1]
	in.Cards = append(in.Cards, deck("clustering", "ml_theory", 5, 1, 30)...)
	for _, k := range keysOf(candidates(in)) {
		if k == "review:clustering" {
			t.Errorf("%s suggested though no interview needs it and it is not due", k)
		}
	}
	// Due cards no interview needs are still kept from slipping (the
	// transformers cards are 10 days past a 3-day stability).
	if it := candidate(t, in, "review:transformers"); !strings.Contains(it.Why, "due") || it.iv != 0 || it.Application != nil {
		t.Errorf("due cards why: %q", it.Why)
	}
}

func TestRankingCompanyKind(t *testing.T) {
	// The same round a week ahead, at companies of different kinds.
	theory := func(kind string) float64 {
		in := baseInput()
		in.Interviews = []Interview{{ID: 1, ApplicationID: 1, Company: "A", CompanyKind: kind, At: at(7, 10), Rounds: []string{"ml_theory"}}}
		in.Cards = deck("metrics", "ml_theory", 10, 10, 3)
		return candidate(t, in, "review:metrics").benefit
	}
	coding := func(kind string) float64 {
		in := baseInput()
		in.Interviews = []Interview{{ID: 1, ApplicationID: 1, Company: "A", CompanyKind: kind, At: at(7, 10), Rounds: []string{"ml_coding"}}}
		in.Problems = []Problem{{ID: "p", Title: "P", Topic: "numpy", Difficulty: "medium"}}
		return candidate(t, in, "problem:p").benefit
	}
	takehome := func(kind string) float64 {
		in := baseInput()
		in.Applications = []Application{{ID: 1, Company: "A", Kind: kind, Active: true, TakeHome: true}}
		return candidate(t, in, "takehome:1").benefit
	}
	design := func(kind string) float64 {
		in := baseInput()
		in.Interviews = []Interview{{ID: 1, ApplicationID: 1, Company: "A", CompanyKind: kind, At: at(7, 10), Rounds: []string{"ml_system_design"}}}
		in.Prompts = []Prompt{{ID: "feed", Title: "Feed"}}
		return candidate(t, in, "design:feed").benefit
	}
	bt, su, rl := "big-tech", "startup", "research-lab"
	for _, c := range []struct {
		name   string
		hi, lo float64
	}{
		{"theory: research lab over big tech", theory(rl), theory(bt)},
		{"theory: big tech over startup", theory(bt), theory(su)},
		{"coding: big tech over startup", coding(bt), coding(su)},
		{"coding: startup over research lab", coding(su), coding(rl)},
		{"take-home: startup over big tech", takehome(su), takehome(bt)},
		{"take-home: startup over research lab", takehome(su), takehome(rl)},
		{"design: startup over research lab", design(su), design(rl)},
	} {
		if !(c.hi > c.lo) {
			t.Errorf("%s: %.4f vs %.4f", c.name, c.hi, c.lo)
		}
	}
	// The order a user sees: a research lab's theory round puts cards above
	// a problem; a big tech coding round puts the problem above them.
	mk := func(kind string, rounds ...string) []string {
		in := baseInput()
		in.Minutes = 30
		in.Interviews = []Interview{{ID: 1, ApplicationID: 1, Company: "A", CompanyKind: kind, At: at(3, 10), Rounds: rounds}}
		in.Cards = deck("metrics", "ml_theory", 10, 5, 6)
		in.Problems = []Problem{{ID: "p", Title: "P", Topic: "numpy", Difficulty: "medium", Attempts: 1, LastVerdict: "wrong_answer", Last: at(-1, 10)}}
		return keysOf(Build(in).Items)
	}
	if got := mk(rl, "ml_theory", "paper_discussion"); len(got) == 0 || got[0] != "review:metrics" {
		t.Errorf("research lab theory round: %v", got)
	}
	if got := mk(bt, "ml_coding"); len(got) == 0 || got[0] != "problem:p" {
		t.Errorf("big tech coding round: %v", got)
	}
}

func TestRankingRecall(t *testing.T) {
	in := baseInput()
	in.Interviews = []Interview{{ID: 1, ApplicationID: 1, Company: "A", CompanyKind: "mid-size", At: at(4, 10), Rounds: []string{"ml_theory"}}}
	in.Cards = append(in.Cards, deck("metrics", "ml_theory", 10, 30, 2)...)        // recall fallen
	in.Cards = append(in.Cards, deck("regularization", "ml_theory", 10, 2, 60)...) // fresh and stable
	in.Cards = append(in.Cards, deck("fitting", "ml_theory", 10, 0, 3)...)         // reviewed this morning
	in.Reviewed = 30
	p := Build(in)
	if len(p.Items) == 0 || p.Items[0].Key != "review:metrics" {
		t.Fatalf("items %v, want the fading topic first", keysOf(p.Items))
	}
	lo, hi := candidate(t, in, "review:metrics"), candidate(t, in, "review:regularization")
	if !(lo.benefit > 3*hi.benefit) {
		t.Errorf("benefit of fading cards %.3f, of stable ones %.3f", lo.benefit, hi.benefit)
	}
	if slices.Contains(keysOf(candidates(in)), "review:fitting") {
		t.Error("cards reviewed today are suggested again")
	}
	if !strings.Contains(lo.Why, "recall on these cards is") {
		t.Errorf("why %q does not give the recall", lo.Why)
	}
	// The gain is what FSRS predicts: positive, below 1, and larger for the
	// card whose recall fell further.
	b := newBuilder(in)
	g1, g2 := b.gain(&in.Cards[0], 4), b.gain(&in.Cards[10], 4)
	if !(g1 > g2 && g1 < 1 && g2 >= 0) {
		t.Errorf("gain %v vs %v", g1, g2)
	}
	if g := b.gain(&in.Cards[20], 4); g != 0 {
		t.Errorf("gain of a card reviewed today = %v", g)
	}
}

func TestRankingWeakTopics(t *testing.T) {
	mk := func(weak bool) *Input {
		in := baseInput()
		in.Interviews = []Interview{{ID: 1, ApplicationID: 1, Company: "A", CompanyKind: "mid-size", At: at(4, 10), Rounds: []string{"ml_theory"}}}
		in.Cards = append(deck("metrics", "ml_theory", 10, 10, 4), deck("optimization", "ml_theory", 10, 10, 4)...)
		in.Reviewed = 40
		for i := range 8 {
			r := fsrs.Good
			if weak && i%2 == 0 {
				r = fsrs.Again
			}
			in.Reviews = append(in.Reviews, Review{Topic: "optimization", Rating: r, At: at(-1-i%5, 9)})
			in.Reviews = append(in.Reviews, Review{Topic: "metrics", Rating: fsrs.Good, At: at(-1-i%5, 9)})
		}
		return in
	}
	// Without failures the two topics tie and sort by key; with them the
	// weak one leads.
	if got := keysOf(Build(mk(false)).Items); len(got) < 2 || got[0] != "review:metrics" {
		t.Fatalf("no weak topic: %v", got)
	}
	in := mk(true)
	p := Build(in)
	if len(p.Items) < 2 || p.Items[0].Key != "review:optimization" {
		t.Fatalf("weak optimization: %v", keysOf(p.Items))
	}
	if !strings.Contains(p.Items[0].Why, "You missed 50%") {
		t.Errorf("why %q does not say the topic is weak", p.Items[0].Why)
	}
	// Fewer than four reviews in a week is not enough to call a topic weak.
	in.Reviews = in.Reviews[:3]
	if b := newBuilder(in); len(b.weakTopic) != 0 {
		t.Errorf("weak topics from three reviews: %v", b.weakTopic)
	}
}

func TestRankingJudgeVerdicts(t *testing.T) {
	in := baseInput()
	in.Interviews = []Interview{{ID: 1, ApplicationID: 7, Company: "A", CompanyKind: "big-tech", At: at(3, 10), Rounds: []string{"ml_coding"}}}
	in.Problems = []Problem{
		{ID: "tried-ok", Title: "A", Topic: "x", Difficulty: "medium", Attempts: 1, Solved: true, LastVerdict: "accepted"},
		{ID: "untried-x", Title: "B", Topic: "x", Difficulty: "medium"},
		{ID: "failed", Title: "C", Topic: "y", Difficulty: "medium", Attempts: 3, LastVerdict: "time_limit_exceeded", Last: at(-2, 10)},
		{ID: "untried-y", Title: "D", Topic: "y", Difficulty: "medium"},
		{ID: "untried-z", Title: "E", Topic: "z", Difficulty: "medium"},
		{ID: "hard-z", Title: "F", Topic: "z", Difficulty: "hard"},
	}
	cs := candidates(in)
	var got []string
	for _, c := range cs {
		if c.Kind == "problem" {
			got = append(got, c.Key)
		}
	}
	slices.SortStableFunc(got, func(a, b string) int {
		return -cmpF(cs[indexOf(cs, a)].benefit, cs[indexOf(cs, b)].benefit)
	})
	want := []string{"problem:failed", "problem:untried-y", "problem:untried-z", "problem:untried-x"}
	if !slices.Equal(got, want) {
		t.Fatalf("problems by benefit %v, want %v (at most four, solved ones left out)", got, want)
	}
	failed := cs[indexOf(cs, "problem:failed")]
	if !strings.Contains(failed.Why, "time limit exceeded") || failed.Minutes != 30 || failed.Link != "/problems/failed" || *failed.Application != 7 {
		t.Errorf("failed problem item: %+v", failed)
	}
	// No coding round ahead: problems still come, at a low weight.
	in.Interviews = nil
	for _, c := range candidates(in) {
		if c.Kind == "problem" && (c.benefit > 0.2 || !strings.Contains(c.Why, "keeps the skill warm")) {
			t.Errorf("%s without a coding round: benefit %v why %q", c.Key, c.benefit, c.Why)
		}
	}
}

func cmpF(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func TestColdStart(t *testing.T) {
	t.Run("zero input", func(t *testing.T) {
		p := Build(&Input{Now: now0})
		if !p.Onboarding {
			t.Fatal("Onboarding is false for an empty input")
		}
		if got := keysOf(p.Items); !slices.Equal(got, []string{"onboarding:application"}) {
			t.Errorf("items %v", got)
		}
		if p.Minutes != DefaultMinutes || p.Items == nil || p.Later == nil || p.Done == nil || p.Readiness == nil {
			t.Errorf("plan %+v", p)
		}
	})
	t.Run("all sources on, nothing recorded", func(t *testing.T) {
		in := baseInput()
		in.Problems = []Problem{{ID: "hard", Title: "H", Difficulty: "hard"}, {ID: "easy", Title: "Dot product", Difficulty: "easy"}}
		for i := range 30 {
			in.Cards = append(in.Cards, newCard(fmt.Sprint(i), "metrics", "ml_theory"))
		}
		in.Prompts = []Prompt{{ID: "feed", Title: "Feed"}}
		in.Categories = []Category{{Name: "Conflict", Key: "conflict", Status: "missing"}}
		p := Build(in)
		if !p.Onboarding {
			t.Fatal("Onboarding is false")
		}
		want := []string{"onboarding:application", "onboarding:resume", "onboarding:diagnostic", "onboarding:problem"}
		got := keysOf(p.Items)
		if len(got) < 4 || !slices.Equal(got[:4], want) {
			t.Fatalf("items %v, want %v first", got, want)
		}
		if !strings.Contains(p.Items[2].Title, "ten") || !strings.Contains(p.Items[3].Title, "Dot product") {
			t.Errorf("diagnostic %q, problem %q", p.Items[2].Title, p.Items[3].Title)
		}
		if minutesOf(p.Items) > 60 {
			t.Errorf("onboarding over budget: %d", minutesOf(p.Items))
		}
	})
	for name, mut := range map[string]func(*Input){
		"an application":  func(in *Input) { in.Applications = []Application{{ID: 1, Company: "A"}} },
		"a review":        func(in *Input) { in.Reviewed = 1 },
		"a judge attempt": func(in *Input) { in.Problems = []Problem{{ID: "p", Attempts: 1}} },
		"a story":         func(in *Input) { in.Categories = []Category{{Key: "c", Stories: 1, Status: "thin"}} },
	} {
		t.Run("not cold with "+name, func(t *testing.T) {
			in := baseInput()
			mut(in)
			// Not cold: no forced first steps; the steps not taken yet may
			// stay as ordinary candidates.
			p := Build(in)
			if p.Onboarding || indexOf(p.Items, "onboarding:application") >= 0 {
				t.Errorf("onboarding for a user with %s: %v", name, keysOf(p.Items))
			}
			for _, it := range append(p.Items, p.Later...) {
				if it.Kind == "onboarding" && it.must != 0 {
					t.Errorf("forced onboarding step %s for a user with %s", it.Key, name)
				}
			}
		})
	}
}

func TestReadiness(t *testing.T) {
	in := rich()
	in.Tasks = append(in.Tasks, tracker.Task{Key: "checklist:20:x", Kind: tracker.TaskChecklist, InterviewID: 20, ApplicationID: 2, Done: true, Due: at(4, 9)},
		tracker.Task{Key: "checklist:20:y", Kind: tracker.TaskChecklist, InterviewID: 20, ApplicationID: 2, Due: at(0, 20)},
		// Not due until the day before: it does not count yet.
		tracker.Task{Key: "checklist:20:z", Kind: tracker.TaskChecklist, InterviewID: 20, ApplicationID: 2, Due: at(4, 9), Visible: at(3, 9)})
	p := Build(in)
	if len(p.Readiness) != 2 {
		t.Fatalf("readiness for %d interviews, want 2", len(p.Readiness))
	}
	wantAreas := map[int64][]string{
		10: {"theory", "coding", "resume", "checklists"},
		20: {"theory", "behavioral", "design", "resume", "checklists"},
	}
	for _, r := range p.Readiness {
		var areas []string
		sum := 0
		for _, c := range r.Parts {
			areas = append(areas, c.Area)
			sum += c.Score
			if c.Score < 0 || c.Score > 100 || c.Detail == "" || c.Label == "" {
				t.Errorf("interview %d part %+v", r.Interview, c)
			}
		}
		if !slices.Equal(areas, wantAreas[r.Interview]) {
			t.Errorf("interview %d areas %v, want %v", r.Interview, areas, wantAreas[r.Interview])
		}
		if want := (sum + len(r.Parts)/2) / len(r.Parts); r.Overall < want-1 || r.Overall > want+1 {
			t.Errorf("interview %d overall %d, mean of parts %d", r.Interview, r.Overall, want)
		}
		if n := len(r.Actions); n < 2 || n > 3 {
			t.Errorf("interview %d has %d actions, want 2 or 3: %v", r.Interview, n, keysOf(r.Actions))
		}
		for _, a := range r.Actions {
			if a.Kind == "task" || a.Kind == "research" {
				t.Errorf("action %s is a task", a.Key)
			}
			if a.Application == nil || *a.Application != r.Application {
				t.Errorf("action %s for interview %d carries application %v", a.Key, r.Interview, a.Application)
			}
		}
		for i := 1; i < len(r.Actions); i++ {
			if r.Actions[i].benefit > r.Actions[i-1].benefit {
				t.Errorf("actions not by benefit: %v", keysOf(r.Actions))
			}
		}
	}
	r := p.Readiness[1]
	if r.Days != 5 || r.Company != "Tiny" || r.Application != 2 {
		t.Errorf("readiness header %+v", r)
	}
	for _, c := range r.Parts {
		switch c.Area {
		case "behavioral":
			if c.Score != 50 || !strings.Contains(c.Detail, "conflict") { // ok 1 + thin 0.5 + missing 0 of 3
				t.Errorf("behavioral %+v", c)
			}
		case "checklists":
			if c.Score != 50 {
				t.Errorf("checklists %+v", c)
			}
		case "design":
			if c.Score != 46 { // one session at 55%: 40·1/3 + 0.6·55
				t.Errorf("design %+v", c)
			}
		case "resume":
			if c.Score != 0 || !strings.Contains(c.Detail, "not been checked") {
				t.Errorf("resume %+v", c)
			}
		}
	}
	// A source that is off has no part.
	in.On.Practice = false
	for _, c := range Build(in).Readiness[1].Parts {
		if c.Area == "behavioral" || c.Area == "design" {
			t.Errorf("practice is off but readiness has %s", c.Area)
		}
	}
}

// ---- candidates of each source ----

func TestTaskCandidates(t *testing.T) {
	in := baseInput()
	in.Applications = []Application{{ID: 1, Company: "A"}}
	in.Tasks = []tracker.Task{
		{Key: "follow_up:1", Kind: tracker.TaskFollowUp, Company: "A", Title: "Follow up", ApplicationID: 1, Due: at(0, 9)},
		{Key: "deadline:1", Kind: tracker.TaskDeadline, Company: "A", Title: "Offer deadline", ApplicationID: 1, Due: at(1, 17)},
		{Key: "deadline:2", Kind: tracker.TaskDeadline, Company: "B", Title: "Offer deadline", ApplicationID: 2, Due: at(5, 17)},
		{Key: "thank_you:3", Kind: tracker.TaskThankYou, Company: "C", Title: "Thank C", InterviewID: 3, Due: at(0, 20)},
		{Key: "custom:1", Kind: "custom", Title: "Call mum", Due: at(-1, 9)},
		{Key: "custom:2", Kind: "custom", Title: "Later", Due: at(3, 9)},
		{Key: "custom:3", Kind: "custom", Title: "Done", Due: at(-1, 9), Done: true},
		{Key: "custom:4", Kind: "custom", Title: "Hidden", Due: at(0, 9), Visible: at(0, 12)},
	}
	cs := candidates(in)
	got := keysOf(cs)
	want := []string{"task:follow_up:1", "task:deadline:1", "task:thank_you:3", "task:custom:1"}
	if !slices.Equal(got, want) {
		t.Fatalf("task candidates %v, want %v", got, want)
	}
	for _, c := range cs {
		if c.TaskKey != strings.TrimPrefix(c.Key, "task:") || c.Area != "tasks" || c.Link == "" || c.Why == "" {
			t.Errorf("%+v", c)
		}
	}
	if c := cs[1]; c.must == 0 || !strings.Contains(c.Why, "tomorrow") {
		t.Errorf("offer deadline tomorrow is not forced: %+v", c)
	}
	if cs[0].Link != "/applications/1" || cs[2].Link != "/interviews/3" || cs[3].Link != "/today" {
		t.Errorf("links %q %q %q", cs[0].Link, cs[2].Link, cs[3].Link)
	}
}

func TestCardCandidates(t *testing.T) {
	in := baseInput()
	in.ReviewSecs = 30
	in.Interviews = []Interview{{ID: 1, ApplicationID: 4, Company: "A", CompanyKind: "big-tech", At: at(6, 10), Rounds: []string{"phone_screen", "ml_system_design"}}}
	in.Cards = append(in.Cards, deck("metrics", "ml_theory", 50, 12, 3)...) // fundamentals: needed
	for i := range 8 {
		in.Cards = append(in.Cards, newCard(fmt.Sprint("sd", i), "ml-system-design", "ml_system_design"))
	}
	in.Cards = append(in.Cards, reviewed("clust-ps", "clustering", "phone_screen", 12, 3)) // a phone-screen card of another topic
	in.Cards = append(in.Cards, newCard("clust-new", "clustering", "ml_theory"))           // not needed, new: no item
	in.Reviewed = 51
	cs := candidates(in)
	got := keysOf(cs)
	slices.Sort(got)
	if want := []string{"learn:ml-system-design", "review:clustering", "review:metrics"}; !slices.Equal(got, want) {
		t.Fatalf("card candidates %v, want %v", got, want)
	}
	rev := cs[indexOf(cs, "review:metrics")]
	// 15 minutes at 30 s a card: 30 of the 50 cards.
	if len(rev.cards) != 30 || rev.Minutes != 15 || rev.Title != "Review 30 metrics cards" || rev.Link != "/drill?topic=metrics" || rev.Kind != "review" || rev.Area != "theory" {
		t.Errorf("review item %+v (%d cards)", rev, len(rev.cards))
	}
	if *rev.Application != 4 || rev.iv != 1 {
		t.Errorf("review item application %v interview %d", rev.Application, rev.iv)
	}
	learn := cs[indexOf(cs, "learn:ml-system-design")]
	// New cards take three passes: 8 cards × 90 s = 12 minutes.
	if len(learn.cards) != 8 || learn.Minutes != 12 || learn.Kind != "learn" || !strings.Contains(learn.Why, "not studied") {
		t.Errorf("learn item %+v", learn)
	}
	// Each card belongs to one item, of its own topic.
	seen := map[string]bool{}
	for _, c := range cs {
		for _, id := range c.cards {
			if seen[id] {
				t.Errorf("card %s in two items", id)
			}
			seen[id] = true
		}
	}
	// The drill is off: no card items.
	in.On.Drill = false
	if slices.ContainsFunc(candidates(in), func(it Item) bool { return it.Area == "theory" }) {
		t.Error("card items with the drill off")
	}
}

func TestProblemCandidatesAtMostFour(t *testing.T) {
	in := baseInput()
	in.Interviews = []Interview{{ID: 1, ApplicationID: 1, Company: "A", CompanyKind: "big-tech", At: at(3, 10), Rounds: []string{"phone_screen"}}}
	for i := range 10 {
		in.Problems = append(in.Problems, Problem{ID: fmt.Sprint("p", i), Title: "P", Topic: "t", Difficulty: []string{"easy", "medium", "hard"}[i%3]})
	}
	n := 0
	for _, c := range candidates(in) {
		if c.Kind == "problem" {
			n++
			if want := problemMinutes(in.Problems[indexOfProblem(in.Problems, strings.TrimPrefix(c.Key, "problem:"))].Difficulty); c.Minutes != want {
				t.Errorf("%s: %d minutes, want %d", c.Key, c.Minutes, want)
			}
		}
	}
	if n != 4 {
		t.Errorf("%d problem items, want 4", n)
	}
	in.On.Judge = false
	if slices.ContainsFunc(candidates(in), func(it Item) bool { return it.Kind == "problem" }) {
		t.Error("problem items with the judge off")
	}
}

func indexOfProblem(ps []Problem, id string) int {
	return slices.IndexFunc(ps, func(p Problem) bool { return p.ID == id })
}

func TestStoryDesignPlanCandidates(t *testing.T) {
	in := rich()
	cs := candidates(in)
	conflict, failure := cs[indexOf(cs, "story:conflict")], cs[indexOf(cs, "story:failure")]
	if conflict.Minutes != 20 || !strings.HasPrefix(conflict.Title, "Write a story") || failure.Minutes != 15 || !strings.HasPrefix(failure.Title, "Add a second") {
		t.Errorf("stories %+v %+v", conflict, failure)
	}
	if !(conflict.benefit > failure.benefit) {
		t.Errorf("a missing story (%.3f) should matter more than a thin one (%.3f)", conflict.benefit, failure.benefit)
	}
	if indexOf(cs, "story:leadership") >= 0 {
		t.Error("a covered category is suggested")
	}
	// The first prompt not practised yet, and an outline when 50 minutes do not fit.
	d := cs[indexOf(cs, "design:fraud")]
	if d.Minutes != 50 || !strings.Contains(d.Why, "55%") || *d.Application != 2 {
		t.Errorf("design %+v", d)
	}
	if indexOf(cs, "design-outline:fraud") >= 0 {
		t.Error("an outline with a 60-minute budget")
	}
	in.Minutes = 45
	if o := candidate(t, in, "design-outline:fraud"); o.Minutes != 20 || o.Area != "design" {
		t.Errorf("outline %+v", o)
	}
	plan := cs[indexOf(cs, "plan:two-sum")]
	if plan.Link != "https://leetcode.com/problems/two-sum/" || plan.Minutes != 20 || !strings.Contains(plan.Why, "hashing") {
		t.Errorf("study plan %+v", plan)
	}
	// A design session yesterday lowers the benefit of another today.
	in = rich()
	before := candidate(t, in, "design:fraud").benefit
	in.Design = append(in.Design, DesignSession{PromptID: "fraud", At: at(-1, 20), Percent: 55})
	if after := candidate(t, in, "design:feed").benefit; !(after < before/2) {
		t.Errorf("design benefit after a session yesterday %.3f, before %.3f", after, before)
	}
	// Practice off: none of them.
	in.On.Practice = false
	for _, c := range candidates(in) {
		if c.Kind == "story" || c.Kind == "design" || c.Kind == "plan" {
			t.Errorf("%s with practice off", c.Key)
		}
	}
}

func TestResumeCandidates(t *testing.T) {
	m := func(v int) *int { return &v }
	in := baseInput()
	in.Applications = []Application{
		{ID: 1, Company: "Nomatch", Active: true, HasJD: true, Stage: "applied"},
		{ID: 2, Company: "Low", Active: true, HasJD: true, Stage: "interviewing", Match: m(30), Interviews: 1},
		{ID: 3, Company: "Mid", Active: true, HasJD: true, Stage: "applied", Match: m(50)},
		{ID: 4, Company: "Good", Active: true, HasJD: true, Stage: "applied", Match: m(80)},
		{ID: 5, Company: "NoJD", Active: true, Stage: "applied"},
		{ID: 6, Company: "Offer", Active: true, HasJD: true, Stage: "offer", Match: m(10)},
		{ID: 7, Company: "Closed", HasJD: true, Stage: "applied"},
	}
	var got []string
	for _, c := range candidates(in) {
		if c.Kind == "resume" {
			got = append(got, c.Key)
			if c.Application == nil || c.Link != fmt.Sprintf("/applications/%d#resume", *c.Application) {
				t.Errorf("%+v", c)
			}
		}
	}
	if want := []string{"resume:2", "resume:1"}; !slices.Equal(got, want) {
		t.Errorf("resume candidates %v, want %v (the two that matter most)", got, want)
	}
}

func TestTakehomeCandidates(t *testing.T) {
	in := baseInput()
	in.Applications = []Application{
		{ID: 1, Company: "A", Kind: "startup", Active: true, TakeHome: true},
		{ID: 2, Company: "B", Kind: "startup", Active: true, TakeHome: true, Takehome: &TakehomeReport{ID: 9, Score: 60, High: 2, At: at(-1, 10)}},
		{ID: 3, Company: "C", Kind: "startup", Active: true, TakeHome: true, Takehome: &TakehomeReport{ID: 8, Score: 95}},
		{ID: 4, Company: "D", Kind: "startup", TakeHome: true},
	}
	cs := candidates(in)
	var got []string
	for _, c := range cs {
		got = append(got, c.Key)
	}
	if want := []string{"takehome:1", "takehome-fix:2"}; !slices.Equal(got, want) {
		t.Fatalf("take-home candidates %v, want %v", got, want)
	}
	if fix := cs[1]; fix.Link != "/takehome/reports/9" || !strings.Contains(fix.Title, "2 red flags") || fix.Minutes != 45 || fix.Area != "takehome" {
		t.Errorf("%+v", fix)
	}
	in.On.Takehome = false
	if len(candidates(in)) != 0 {
		t.Error("take-home items with the source off")
	}
}

func TestCurveIsFSRS(t *testing.T) {
	for _, p := range []fsrs.Parameters{fsrs.DefaultParameters, func() fsrs.Parameters { q := fsrs.DefaultParameters; q[20] = 0.5; return q }()} {
		c := newCurve(&p)
		for _, s := range []float64{0.01, 0.3, 2.3, 17, 400} {
			for _, d := range []float64{-1, 0, 1, 3, 30, 365} {
				if got, want := c.at(d, s), p.Retrievability(d, s); math.Abs(got-want) > 1e-12 {
					t.Errorf("w20 %v: R(%v, %v) = %v, fsrs says %v", p[20], d, s, got, want)
				}
			}
		}
	}
}

// TestDoneAfterTheItemIsGone: an item marked done whose candidate no longer
// exists (the problem is now solved) still shows in Done, titled.
func TestDoneAfterTheItemIsGone(t *testing.T) {
	in := rich()
	in.Minutes = 240
	i := indexOfProblem(in.Problems, "softmax")
	if i < 0 {
		t.Fatal("the fixture has no softmax problem")
	}
	in.Problems[i].Solved = true
	in.Marks = []Mark{{Key: "problem:softmax", Day: today, Status: "done"}, {Key: "task:thank_you:9", Day: today, Status: "done"}}
	p := Build(in)
	j := indexOf(p.Done, "problem:softmax")
	if j < 0 {
		t.Fatalf("the solved problem marked done is not in Done: %v", keysOf(p.Done))
	}
	if got := p.Done[j].Title; got != "Worked on "+in.Problems[i].Title {
		t.Errorf("Done title %q", got)
	}
	if indexOf(p.Items, "problem:softmax") >= 0 {
		t.Error("a solved problem is suggested")
	}
}

// TestNewCardAllowance: learn items never ask for more new cards than the
// drill still allows today, across topics; without a limit they may.
func TestNewCardAllowance(t *testing.T) {
	in := rich()
	in.Minutes = 240
	for _, tp := range []string{"optimization", "neural-networks", "regularization"} {
		for i := range 30 {
			in.Cards = append(in.Cards, newCard(fmt.Sprintf("%s-new-%d", tp, i), tp, "ml_theory"))
		}
	}
	newIn := func(p *Plan) int {
		n := 0
		for _, it := range append(append([]Item{}, p.Items...), p.Later...) {
			if it.Kind == "learn" {
				n += len(it.cards)
			}
		}
		return n
	}
	if n := newIn(Build(in)); n <= 10 {
		t.Fatalf("without a limit the plan learns only %d new cards; the fixture does not test the limit", n)
	}
	left := 10
	in.NewLeft = &left
	if n := newIn(Build(in)); n > 10 || n == 0 {
		t.Errorf("with 10 new cards left the plan learns %d", n)
	}
	zero := 0
	in.NewLeft = &zero
	if n := newIn(Build(in)); n != 0 {
		t.Errorf("with no new cards left the plan learns %d", n)
	}
}

// TestNoAreaTakesItAll: with other kinds of work waiting, cards get at most
// two thirds of the budget, however large the decks.
func TestNoAreaTakesItAll(t *testing.T) {
	in := rich()
	in.Minutes = 60
	for _, tp := range []string{"optimization", "neural-networks", "loss-functions", "clustering"} {
		in.Cards = append(in.Cards, deck(tp, "ml_theory", 40, 40, 1)...)
	}
	p := Build(in)
	theory, others := 0, 0
	for _, it := range p.Items {
		if it.Area == "theory" {
			theory += it.Minutes
		} else if it.must == 0 {
			others++
		}
	}
	if theory > 40 {
		t.Errorf("cards take %d of 60 minutes: %v", theory, keysOf(p.Items))
	}
	if others == 0 {
		t.Errorf("nothing but cards and rule items: %v", keysOf(p.Items))
	}
}

// TestOnboardingContinues: once an application exists, the first steps not
// taken yet stay in the plan until they are.
func TestOnboardingContinues(t *testing.T) {
	in := baseInput()
	in.On = Sources{Drill: true, Judge: true, Resume: true}
	in.Applications = []Application{{ID: 1, Company: "Acme", Active: true, HasJD: true}}
	in.Problems = []Problem{{ID: "dot", Title: "Dot product", Difficulty: "easy"}}
	p := Build(in)
	for _, k := range []string{"onboarding:resume", "onboarding:diagnostic", "onboarding:problem"} {
		if indexOf(p.Items, k) < 0 {
			t.Errorf("%s missing: %v", k, keysOf(p.Items))
		}
	}
	in.Applications[0].Checked = true
	in.Reviewed = 12
	in.Problems[0].Attempts = 1
	p = Build(in)
	for _, it := range append(p.Items, p.Later...) {
		if it.Kind == "onboarding" {
			t.Errorf("step %s after it was taken", it.Key)
		}
	}
}

// TestLaterRounds: a phone screen whose loop goes on to an onsite is
// prepared for as a phone screen; the onsite's rounds count for less and
// say so, and readiness covers the phone screen's own round.
func TestLaterRounds(t *testing.T) {
	mk := func(own []string) *Input {
		in := baseInput()
		in.Reviewed = 20
		in.Interviews = []Interview{{ID: 1, ApplicationID: 1, Company: "Initech", CompanyKind: "mid-size", Kind: "phone_screen", Title: "Technical phone screen",
			At: at(1, 16), Rounds: []string{"phone_screen", "ml_system_design", "behavioral"}, Own: own}}
		in.Cards = append(deck("ml-system-design", "ml_system_design", 10, 20, 3), deck("metrics", "phone_screen", 10, 20, 3)...)
		in.Prompts = []Prompt{{ID: "feed", Title: "Feed"}}
		in.Categories = []Category{{Name: "Conflict", Key: "conflict", Status: "missing", NeededBy: []int64{1}}}
		return in
	}
	all, own := mk(nil), mk([]string{"phone_screen"})
	if a, o := candidate(t, all, "design:feed").benefit, candidate(t, own, "design:feed").benefit; !(o < a) {
		t.Errorf("design for a later round: benefit %.3f, not below %.3f", o, a)
	}
	sd := candidate(t, own, "review:ml-system-design")
	if !strings.Contains(sd.Why, "leads to rounds that ask about") {
		t.Errorf("why for a later round's topic: %q", sd.Why)
	}
	if m := candidate(t, own, "review:metrics"); !strings.Contains(m.Why, "and asks about") {
		t.Errorf("why for the screen's own topic: %q", m.Why)
	}
	for _, c := range Build(own).Readiness[0].Parts {
		if c.Area == "design" { // behavioral stays: phone screens probe some categories too
			t.Errorf("the phone screen's readiness has the onsite's %s", c.Area)
		}
	}
}
