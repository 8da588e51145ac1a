package coach

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/offerloop/offerloop/internal/drill"
	"github.com/offerloop/offerloop/internal/fsrs"
	"github.com/offerloop/offerloop/internal/judge"
	"github.com/offerloop/offerloop/internal/tracker"
)

// bigInput is a heavy user: 5,000 reviewed cards over the bank's topics,
// 200 judge attempts, 50 applications with 10 interviews ahead, stories,
// design sessions, tasks and a week of marks and reviews.
func bigInput(tb testing.TB) *Input {
	bank, err := drill.LoadBank()
	if err != nil {
		tb.Fatal(err)
	}
	probs, err := judge.Problems()
	if err != nil {
		tb.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(7, 7))
	in := baseInput()
	topics := bank.Topics()
	rounds := []string{"ml_theory", "phone_screen", "ml_system_design"}
	for i := range 5000 {
		tp := topics[i%len(topics)]
		c := reviewed(fmt.Sprintf("c%d", i), tp.Key, rounds[rng.IntN(3)], 1+rng.IntN(60), 0.5+rng.Float64()*90)
		c.TopicTitle = tp.Title
		c.Difficulty = 1 + 9*rng.Float64()
		in.Cards = append(in.Cards, c)
		if i%10 == 0 {
			in.Reviews = append(in.Reviews, Review{Topic: tp.Key, Rating: fsrs.Rating(1 + rng.IntN(4)), At: at(-rng.IntN(7), 9)})
		}
	}
	in.Reviewed = 5000
	attempts := 0
	for i, p := range probs {
		pb := Problem{ID: p.ID, Title: p.Title, Topic: p.Topic, Difficulty: p.Difficulty}
		if i%3 != 2 && attempts < 200 {
			pb.Attempts = 1 + rng.IntN(8)
			attempts += pb.Attempts
			pb.Solved = rng.IntN(2) == 0
			pb.LastVerdict, pb.Last = "wrong_answer", at(-rng.IntN(30), 12)
			if pb.Solved {
				pb.LastVerdict = "accepted"
			}
		}
		in.Problems = append(in.Problems, pb)
	}
	kinds := []string{"big-tech", "mid-size", "startup", "research-lab"}
	ivRounds := [][]string{{"phone_screen", "ml_coding"}, {"ml_theory", "ml_system_design", "behavioral"}, {"paper_discussion", "ml_theory"}, {"ml_coding", "take_home"}}
	for i := range 50 {
		id := int64(i + 1)
		m := 20 + rng.IntN(70)
		a := Application{ID: id, Company: fmt.Sprintf("Co%d", id), Kind: kinds[i%4], Active: true, Stage: "applied", HasJD: true, Match: &m, TakeHome: i%7 == 0}
		if i < 10 {
			a.Stage, a.Interviews = "interviewing", 1
			in.Interviews = append(in.Interviews, Interview{ID: 100 + id, ApplicationID: id, Company: a.Company, CompanyKind: a.Kind,
				At: at(1+i*2, 10+i%6), Rounds: ivRounds[i%4]})
			for j := range 6 {
				in.Tasks = append(in.Tasks, tracker.Task{Key: fmt.Sprintf("checklist:%d:%d", 100+id, j), Kind: tracker.TaskChecklist,
					Title: "Check", ApplicationID: id, InterviewID: 100 + id, Due: at(i*2, 9)})
			}
		}
		in.Applications = append(in.Applications, a)
	}
	for i := range 12 {
		c := Category{Name: fmt.Sprintf("Cat %d", i), Key: fmt.Sprintf("cat%d", i), Stories: i % 3, Status: []string{"missing", "thin", "ok"}[i%3]}
		for _, iv := range in.Interviews {
			if iv.ID%2 == int64(i%2) {
				c.NeededBy = append(c.NeededBy, iv.ID)
			}
		}
		in.Categories = append(in.Categories, c)
	}
	for i := range 20 {
		in.Prompts = append(in.Prompts, Prompt{ID: fmt.Sprint("p", i), Title: "Prompt"})
		if i < 8 {
			in.Design = append(in.Design, DesignSession{PromptID: fmt.Sprint("p", i), At: at(-3*i-1, 20), Percent: 30 + 8*i})
		}
	}
	for d := range 7 {
		in.Marks = append(in.Marks, Mark{Key: "review:metrics", Day: dayStr(-d), Status: "done"}, Mark{Key: "problem:x", Day: dayStr(-d), Status: "skipped"})
	}
	return in
}

func BenchmarkBuild(b *testing.B) {
	in := bigInput(b)
	if p := Build(in); len(p.Items) == 0 || len(p.Readiness) != 10 {
		b.Fatalf("plan: %d items, %d readiness", len(p.Items), len(p.Readiness))
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		Build(in)
	}
}

// For BenchmarkLoadAndBuild, in package coach_test: internal/sqlite imports
// this package.
var (
	BenchInput = bigInput
	BenchNow   = now0
	BenchLoc   = london
	BenchAt    = at
)
