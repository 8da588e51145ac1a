package coach

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/offerloop/offerloop/internal/drill"
	"github.com/offerloop/offerloop/internal/judge"
	"github.com/offerloop/offerloop/internal/practice"
	"github.com/offerloop/offerloop/internal/resume"
	"github.com/offerloop/offerloop/internal/takehome"
	"github.com/offerloop/offerloop/internal/tracker"
)

// MarkStore keeps the coach's done and skipped marks.
type MarkStore interface {
	// CoachMarks returns the marks of days from `from` (YYYY-MM-DD) on.
	CoachMarks(ctx context.Context, userID int64, from string) ([]Mark, error)
	// MarkCoachItem records a mark; an empty status clears it.
	MarkCoachItem(ctx context.Context, userID int64, m Mark, at time.Time) error
}

// Stores are where Load reads from; a nil store is a source that is off.
type Stores struct {
	Tracker  tracker.Store
	Drill    *drill.Drill
	Judge    judge.Store
	Practice practice.Store
	Library  *practice.Library
	Settings interface {
		Setting(ctx context.Context, userID int64, key string) (string, error)
	}
	Resume   resume.Store
	Takehome takehome.Store
	Marks    MarkStore
}

// Load reads everything the coach looks at. A source that fails to load is
// left out of the plan and its error returned in skipped, so one broken part
// does not take the plan down.
func Load(ctx context.Context, s Stores, userID int64, now time.Time, loc *time.Location, minutes int) (in *Input, skipped []error, err error) {
	if loc == nil {
		loc = time.UTC
	}
	in = &Input{Now: now, Loc: loc, Minutes: minutes}
	tasks, _, err := tracker.LoadTasks(ctx, s.Tracker, userID, now, loc)
	if err != nil {
		return nil, nil, err
	}
	in.Tasks = tasks
	apps, err := s.Tracker.FindApplications(ctx, tracker.ApplicationFilter{UserID: userID})
	if err != nil {
		return nil, nil, err
	}
	ahead, err := tracker.InterviewsAhead(ctx, s.Tracker, userID, now)
	if err != nil {
		return nil, nil, err
	}
	kinds := map[int64]string{}
	ivCount := map[int64]int{}
	for _, a := range apps {
		kinds[a.ID] = string(a.Company.Kind)
	}
	planned := map[int64][]tracker.Round{}
	for _, a := range ahead {
		iv := a.Interview
		rounds := make([]string, 0, len(a.Rounds))
		for _, r := range a.Rounds {
			rounds = append(rounds, string(r))
		}
		// The rounds of the interview's own stage: an onsite's rounds, or
		// a phone screen alone; the stages after it come later.
		var own []string
		if iv.RoundID != 0 {
			rs, ok := planned[iv.ApplicationID]
			if !ok {
				if rs, err = s.Tracker.Rounds(ctx, userID, iv.ApplicationID); err != nil {
					return nil, nil, err
				}
				planned[iv.ApplicationID] = rs
			}
			for _, r := range rs {
				if r.ID == iv.RoundID {
					for _, rr := range rs {
						if rr.StageID == r.StageID && !slices.Contains(own, string(rr.Kind)) {
							own = append(own, string(rr.Kind))
						}
					}
				}
			}
		}
		if iv.Kind != "" && iv.Kind != tracker.RoundOther && !slices.Contains(own, string(iv.Kind)) {
			own = append(own, string(iv.Kind))
		}
		in.Interviews = append(in.Interviews, Interview{ID: iv.ID, ApplicationID: iv.ApplicationID, Company: iv.Company,
			CompanyKind: kinds[iv.ApplicationID], Title: iv.Title, Kind: string(iv.Kind), At: iv.At, Rounds: rounds, Own: own})
		ivCount[iv.ApplicationID]++
	}
	takeHomeAhead := map[int64]bool{}
	for _, iv := range in.Interviews {
		if slices.Contains(iv.Rounds, string(tracker.RoundTakeHome)) {
			takeHomeAhead[iv.ApplicationID] = true
		}
	}
	var reports map[int64]*TakehomeReport
	if s.Takehome != nil {
		if reports, err = latestTakehomes(ctx, s.Takehome, userID); err != nil {
			skipped = append(skipped, fmt.Errorf("take-home reports: %w", err))
		} else {
			in.On.Takehome = true
		}
	}
	in.On.Resume = s.Resume != nil
	for _, a := range apps {
		app := Application{ID: a.ID, Company: a.Company.Name, Title: a.Title(), Kind: string(a.Company.Kind), Active: a.Active(),
			Stage: string(a.State.StageKind), Interviews: ivCount[a.ID]}
		if !a.AppliedOn.IsZero() {
			app.AppliedDays = int(now.Sub(a.AppliedOn.Time(loc)).Hours() / 24)
		}
		app.TakeHome = app.Active && (a.State.StageKind == tracker.TakeHome || takeHomeAhead[a.ID])
		if reports != nil {
			app.Takehome = reports[a.ID]
		}
		if app.Active && in.On.Resume {
			full, err := s.Tracker.FindApplication(ctx, userID, a.ID)
			if err == nil {
				app.HasJD = full.JDText != ""
			}
			if app.HasJD {
				checks, err := s.Resume.Checks(ctx, userID, a.ID)
				if err != nil {
					skipped = append(skipped, fmt.Errorf("resume checks: %w", err))
					in.On.Resume = false
				} else if len(checks) > 0 {
					app.Checked = true
					app.Match = checks[0].MatchScore
				}
			}
		}
		in.Applications = append(in.Applications, app)
	}
	if s.Drill != nil {
		if err := loadDrill(ctx, s.Drill, userID, now, in); err != nil {
			skipped = append(skipped, fmt.Errorf("drill: %w", err))
			in.Cards, in.Reviews = nil, nil
		} else {
			in.On.Drill = true
		}
	}
	if s.Judge != nil {
		if err := loadJudge(ctx, s.Judge, userID, in); err != nil {
			skipped = append(skipped, fmt.Errorf("problems: %w", err))
			in.Problems = nil
		} else {
			in.On.Judge = true
		}
	}
	if s.Practice != nil && s.Library != nil {
		if err := loadPractice(ctx, s, userID, now, loc, in); err != nil {
			skipped = append(skipped, fmt.Errorf("practice: %w", err))
		} else {
			in.On.Practice = true
		}
	}
	if s.Marks != nil {
		from := now.In(loc).AddDate(0, 0, -7).Format("2006-01-02")
		if in.Marks, err = s.Marks.CoachMarks(ctx, userID, from); err != nil {
			skipped = append(skipped, fmt.Errorf("marks: %w", err))
			in.Marks = nil
		}
	}
	return in, skipped, nil
}

func latestTakehomes(ctx context.Context, st takehome.Store, userID int64) (map[int64]*TakehomeReport, error) {
	all, err := st.TakehomeReports(ctx, userID, 0)
	if err != nil {
		return nil, err
	}
	out := map[int64]*TakehomeReport{}
	for _, r := range all { // newest first
		if r.ApplicationID == 0 || out[r.ApplicationID] != nil {
			continue
		}
		out[r.ApplicationID] = &TakehomeReport{ID: r.ID, Score: r.Score, High: r.High(), At: r.CheckedAt}
	}
	return out, nil
}

func loadDrill(ctx context.Context, d *drill.Drill, userID int64, now time.Time, in *Input) error {
	sched, err := d.Scheduler(ctx, userID)
	if err != nil {
		return err
	}
	in.Params = sched.Params
	st, err := d.Settings(ctx, userID)
	if err != nil {
		return err
	}
	midnight := time.Date(now.In(d.Loc).Year(), now.In(d.Loc).Month(), now.In(d.Loc).Day(), 0, 0, 0, 0, d.Loc)
	started, err := d.Store.NewSince(ctx, userID, midnight)
	if err != nil {
		return err
	}
	left := max(0, st.NewPerDay-started)
	in.NewLeft = &left
	cards, err := deckTopics(ctx, d, userID)
	if err != nil {
		return err
	}
	// Titles come from the bank; a topic only the user's cards have is
	// titled by its key, as the drill does. (d.Topics would read every
	// user card a second time.)
	titles := map[string]string{}
	if d.Bank != nil {
		for _, t := range d.Bank.Topics() {
			titles[t.Key] = t.Title
		}
	}
	progress, err := d.Store.AllProgress(ctx, userID)
	if err != nil {
		return err
	}
	byID := make(map[string]*drill.Progress, len(progress))
	for i := range progress {
		byID[progress[i].CardID] = &progress[i]
	}
	in.Cards = make([]Card, 0, len(cards))
	topicOf := make(map[string]string, len(cards))
	for _, c := range cards {
		title := titles[c.Topic]
		if title == "" {
			title = c.Topic
		}
		cc := Card{ID: c.ID, Topic: c.Topic, TopicTitle: title, Round: string(c.Round), New: true}
		if p := byID[c.ID]; p != nil && p.Stability > 0 && !p.LastReview.IsZero() {
			cc.New = false
			cc.Due, cc.LastReview, cc.Stability, cc.Difficulty = p.Due, p.LastReview, p.Stability, p.Difficulty
		}
		topicOf[c.ID] = c.Topic
		in.Cards = append(in.Cards, cc)
	}
	in.Reviewed = len(progress)
	// Which cards the drill's interview-date plan brings forward to today:
	// with the due ones, what its page will show.
	if len(in.Interviews) > 0 {
		ivs := make([]drill.Interview, 0, len(in.Interviews))
		for _, iv := range in.Interviews {
			ivs = append(ivs, drill.Interview{ID: iv.ID, Company: iv.Company, At: iv.At, Rounds: iv.Rounds})
		}
		plan, err := d.PlanWith(ctx, userID, ivs, cards, progress)
		if err != nil {
			return err
		}
		for i := range in.Cards {
			if day, ok := plan.PlannedDay(in.Cards[i].ID); ok && day.Equal(plan.Today) {
				in.Cards[i].Planned = true
			}
		}
	}
	in.Served = true
	logs, err := d.Store.Reviews(ctx, userID, now.Add(-7*24*time.Hour))
	if err != nil {
		return err
	}
	var ms, timed int64
	for _, l := range logs {
		in.Reviews = append(in.Reviews, Review{Topic: topicOf[l.CardID], Rating: l.Rating, At: l.At})
		if l.DurationMS > 0 && l.DurationMS < 5*60*1000 {
			ms += l.DurationMS
			timed++
		}
	}
	if timed > 0 {
		in.ReviewSecs = float64(ms) / float64(timed) / 1000
	}
	return nil
}

func loadJudge(ctx context.Context, st judge.Store, userID int64, in *Input) error {
	probs, err := judge.Problems()
	if err != nil {
		return err
	}
	prog, err := st.ProgressByProblem(ctx, userID)
	if err != nil {
		return err
	}
	for _, p := range probs {
		pr := prog[p.ID]
		in.Problems = append(in.Problems, Problem{ID: p.ID, Title: p.Title, Topic: p.Topic, Difficulty: p.Difficulty,
			Attempts: pr.Attempts, Solved: pr.Solved, LastVerdict: pr.LastVerdict, Last: pr.Last})
	}
	return nil
}

func loadPractice(ctx context.Context, s Stores, userID int64, now time.Time, loc *time.Location, in *Input) error {
	lib := s.Library
	stories, err := s.Practice.Stories(ctx, userID)
	if err != nil {
		return err
	}
	up, err := practice.UpcomingInterviews(ctx, s.Tracker, userID, now)
	if err != nil {
		return err
	}
	for _, row := range lib.Coverage(stories, up) {
		c := Category{Name: row.Category.Name, Key: row.Category.ID, Stories: len(row.Stories), Status: row.Status}
		for _, u := range row.NeededBy {
			if !slices.Contains(c.NeededBy, u.InterviewID) {
				c.NeededBy = append(c.NeededBy, u.InterviewID)
			}
		}
		in.Categories = append(in.Categories, c)
	}
	sessions, err := s.Practice.DesignSessions(ctx, userID)
	if err != nil {
		return err
	}
	for _, ds := range sessions {
		if ds.FinishedAt.IsZero() {
			continue
		}
		in.Design = append(in.Design, DesignSession{PromptID: ds.PromptID, At: ds.FinishedAt, Percent: lib.Score(ds).Percent()})
	}
	for _, p := range lib.Design.Prompts {
		in.Prompts = append(in.Prompts, Prompt{ID: p.ID, Title: p.Title})
	}
	// The study plan counts only once the user has started it: the coach
	// reads its start date and never sets it.
	if s.Settings != nil {
		raw, err := s.Settings.Setting(ctx, userID, practice.SettingPlanStart)
		if err != nil {
			return err
		}
		if start, err := practice.ParseDay(raw); raw != "" && err == nil {
			marks, err := s.Practice.PlanMarks(ctx, userID)
			if err != nil {
				return err
			}
			view := lib.Schedule(start, practice.DayOf(now, loc), marks, practice.NextCoding(up), loc)
			in.PlanBehind = view.Behind
			for _, e := range view.Entries {
				if e.Status == "today" {
					in.PlanToday = append(in.PlanToday, PlanItem{ID: e.Item.ID, Title: e.Item.Title, URL: e.Item.URL, Difficulty: e.Item.Difficulty, Pattern: e.Item.Pattern})
				}
			}
		}
	}
	return nil
}

// deckTopics lists every card the user can study with its topic and round:
// the bank's, then the user's. A store that can list the user's cards
// without their text (sqlite's UserCardTopics) saves reading thousands of
// prompts and answers.
func deckTopics(ctx context.Context, d *drill.Drill, userID int64) ([]drill.Card, error) {
	lean, ok := d.Store.(interface {
		UserCardTopics(ctx context.Context, userID int64) ([]drill.Card, error)
	})
	if !ok || d.Bank == nil {
		return d.Cards(ctx, userID, "")
	}
	user, err := lean.UserCardTopics(ctx, userID)
	if err != nil {
		return nil, err
	}
	bank := d.Bank.Cards()
	out := make([]drill.Card, 0, len(bank)+len(user))
	seen := make(map[string]bool, len(bank)+len(user))
	for _, c := range append(slices.Clip(bank), user...) {
		if !seen[c.ID] { // a user card never shadows a bank card
			seen[c.ID] = true
			out = append(out, c)
		}
	}
	return out, nil
}
