package practice

import (
	"strings"
	"testing"
	"time"
)

func words(n int, w string) string { return strings.TrimSpace(strings.Repeat(w+" ", n)) }

// good is a story that passes every check: about two minutes, first person,
// a number in the result, setup under a third.
func good() Story {
	return Story{
		Title:      "Cut fraud false positives",
		Situation:  "Our fraud model flagged too many good payments, and support was overwhelmed by angry customers.",
		Task:       "I owned raising precision to 95% without losing recall.",
		Action:     "I " + words(200, "rebuilt") + " and I ran an A/B test.",
		Result:     "Precision rose from 87% to 96% at 82% recall, and false positives fell by 60%.",
		Categories: []string{"challenges"},
	}
}

func finding(fs []Finding, check string) Finding {
	for _, f := range fs {
		if f.Check == check {
			return f
		}
	}
	return Finding{Check: "absent"}
}

func TestCheckStory(t *testing.T) {
	tests := []struct {
		name   string
		change func(*Story)
		check  string
		ok     bool
		msg    string
	}{
		{"good story: parts", nil, "parts", true, ""},
		{"good story: quantified", nil, "quantified", true, ""},
		{"good story: first person", nil, "first_person", true, ""},
		{"good story: length", nil, "length", true, ""},
		{"good story: balance", nil, "balance", true, ""},
		{"good story: blame", nil, "blame", true, ""},
		{"missing task", func(s *Story) { s.Task = "" }, "parts", false, "task"},
		{"missing result and situation", func(s *Story) { s.Result, s.Situation = "ok", " " }, "parts", false, "situation, result"},
		{"no number", func(s *Story) { s.Result = "The customers were much happier and the team was pleased with it." }, "quantified", false, "no number"},
		{"number as a word", func(s *Story) { s.Result = "We halved the review queue." }, "quantified", true, ""},
		{"no I in the action", func(s *Story) { s.Action = "The team " + words(200, "worked") }, "first_person", false, "no \"I\""},
		{"we outnumbers I", func(s *Story) { s.Action = "I joined. We built it, we tested it, we shipped it " + words(200, "fast") }, "first_person", false, "\"we\" 3 times"},
		{"too short", func(s *Story) { s.Action = "I retrained the model." }, "length", false, "about two minutes"},
		{"too long", func(s *Story) { s.Action = "I " + words(400, "iterated") }, "length", false, "about two minutes"},
		{"setup too long", func(s *Story) { s.Situation = words(200, "context") }, "balance", false, "Situation and task take"},
		{"blame", func(s *Story) { s.Result += " It was not my fault that the data team was lazy." }, "blame", false, "blame"},
		{"blame word boundary", func(s *Story) { s.Result += " We used a blameless postmortem." }, "blame", true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := good()
			if tt.change != nil {
				tt.change(&s)
			}
			f := finding(CheckStory(s), tt.check)
			if f.OK != tt.ok || !strings.Contains(f.Message, tt.msg) {
				t.Errorf("%s: ok=%v %q; want ok=%v containing %q", tt.check, f.OK, f.Message, tt.ok, tt.msg)
			}
			if !f.OK && f.Fix == "" {
				t.Errorf("%s failed without a fix", tt.check)
			}
		})
	}
	if n := Passed(CheckStory(good())); n != 6 {
		t.Errorf("the good story passes %d of 6 checks", n)
	}
}

func TestSpokenSeconds(t *testing.T) {
	s := Story{Situation: words(150, "a"), Task: words(75, "b"), Action: words(50, "c"), Result: words(25, "d")}
	if got := s.SpokenSeconds(); got != 120 {
		t.Errorf("300 words at 150 a minute: %d s, want 120", got)
	}
}

func testLibrary() *Library {
	l := &Library{}
	for _, id := range CategoryIDs {
		l.Behavioral.Categories = append(l.Behavioral.Categories, Category{ID: id, Name: strings.ToUpper(id[:1]) + id[1:]})
	}
	l.Behavioral.RoundNeeds = map[string][]string{
		"behavioral": {"leadership", "conflict", "challenges", "success", "failure"},
		"team_fit":   {"conflict", "influence"},
	}
	return l
}

func TestCoverage(t *testing.T) {
	l := testLibrary()
	stories := []Story{
		{ID: 1, Categories: []string{"leadership", "influence"}},
		{ID: 2, Categories: []string{"leadership"}},
		{ID: 3, Categories: []string{"conflict"}},
		{ID: 4, Categories: []string{"leadership", "failure"}},
	}
	at := time.Date(2026, 12, 1, 15, 0, 0, 0, time.UTC)
	up := []Upcoming{{InterviewID: 7, Company: "Acme", Kind: "behavioral", At: at}, {InterviewID: 8, Company: "Beta", Kind: "team_fit", At: at}, {InterviewID: 9, Kind: "ml_coding", At: at}}
	rows := l.Coverage(stories, up)
	want := map[string]struct {
		n      int
		status string
		needed []int64
	}{
		"leadership": {3, "ok", []int64{7}},
		"conflict":   {1, "thin", []int64{7, 8}},
		"challenges": {0, "missing", []int64{7}},
		"failure":    {1, "thin", []int64{7}},
		"influence":  {1, "thin", []int64{8}},
		"ownership":  {0, "missing", nil},
		"ambiguity":  {0, "missing", nil},
	}
	for _, r := range rows {
		w, ok := want[r.Category.ID]
		if !ok {
			continue
		}
		if len(r.Stories) != w.n || r.Status != w.status {
			t.Errorf("%s: %d stories, %s; want %d, %s", r.Category.ID, len(r.Stories), r.Status, w.n, w.status)
		}
		var ids []int64
		for _, u := range r.NeededBy {
			ids = append(ids, u.InterviewID)
		}
		if len(ids) != len(w.needed) {
			t.Errorf("%s needed by %v, want %v", r.Category.ID, ids, w.needed)
		}
	}
	if len(rows) != len(CategoryIDs) {
		t.Errorf("%d rows, want one per category", len(rows))
	}
}

func TestBestStories(t *testing.T) {
	q := Question{ID: "q", Categories: []string{"leadership", "influence"}, Keywords: []string{"mentor", "junior", "code review"}}
	stories := []Story{
		{ID: 1, Title: "Shipped search", Categories: []string{"success"}},
		{ID: 2, Title: "Onboarding", Action: "I mentored two junior engineers through code review.", Categories: []string{"influence"}},
		{ID: 3, Title: "Led migration", Categories: []string{"leadership"}},
	}
	got := BestStories(q, stories)
	if len(got) != 2 || got[0].Story.ID != 2 || got[1].Story.ID != 3 {
		t.Fatalf("ranking: %+v", got)
	}
	if !strings.Contains(got[0].Why, "mentor") || !strings.Contains(got[0].Why, "code review") {
		t.Errorf("why: %q", got[0].Why)
	}
}

func TestStoryValidate(t *testing.T) {
	s := Story{Title: "  x ", Categories: []string{"Leadership", "leadership", ""}, Companies: []string{"Acme", " Acme ", ""}}
	if err := s.Validate(); err != nil {
		t.Fatal(err)
	}
	if s.Title != "x" || len(s.Categories) != 1 || len(s.Companies) != 1 {
		t.Errorf("normalised: %+v", s)
	}
	for _, bad := range []Story{{Title: ""}, {Title: "x", Categories: []string{"charisma"}}, {Title: strings.Repeat("x", 201)}, {Title: "x", Action: strings.Repeat("x", MaxStoryField+1)}} {
		if err := bad.Validate(); err == nil {
			t.Errorf("accepted %+v", bad.Title)
		}
	}
}

// TestContent loads the real practice content and checks what the issue asks
// of it: at least 60 behavioral questions over every category, at least 15
// design prompts with a rubric for each step, the study plan's shape, the mock
// rounds' phases, and questions to ask in every group.
func TestContent(t *testing.T) {
	l, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if n := len(l.Behavioral.Questions); n < 60 {
		t.Errorf("%d behavioral questions, want 60+", n)
	}
	for _, c := range CategoryIDs {
		if n := len(l.QuestionsFor(c)); n < 5 {
			t.Errorf("category %s has %d questions", c, n)
		}
	}
	if n := len(l.Design.Prompts); n < 15 {
		t.Errorf("%d design prompts, want 15+", n)
	}
	if m := l.DesignMinutes(); m != 50 {
		t.Errorf("the framework takes %d minutes, want 50", m)
	}
	phases := map[string]int{}
	for _, it := range l.Plan.Items {
		phases[it.Phase]++
		if !strings.HasPrefix(it.URL, "https://leetcode.com/problems/"+it.ID+"/") {
			t.Errorf("plan item %s has URL %s", it.ID, it.URL)
		}
	}
	if phases["easy"] != 15 || phases["medium"] != 30 || phases["hard"] != 5 || phases["ml"] < 5 {
		t.Errorf("plan phases %v, want 15 easy, 30 medium, 5 hard and ML-flavoured ones", phases)
	}
	want := map[string][]int{"coding": {2, 3, 30, 10, 5}, "phone": {5, 10, 15, 5}}
	for id, mins := range want {
		r, ok := l.MockRound(id)
		if !ok || len(r.Phases) != len(mins) {
			t.Fatalf("mock round %s: %+v", id, r)
		}
		for i, m := range mins {
			if r.Phases[i].Minutes != m {
				t.Errorf("mock %s phase %s: %d min, want %d", id, r.Phases[i].ID, r.Phases[i].Minutes, m)
			}
		}
	}
	for _, g := range l.Asks.Groups {
		n := 0
		for _, q := range l.Asks.Questions {
			if q.Group == g.ID {
				n++
			}
		}
		if n < 5 {
			t.Errorf("group %s has %d questions to ask", g.ID, n)
		}
	}
}
