package web

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/offerloop/offerloop/internal/errs"
	"github.com/offerloop/offerloop/internal/practice"
	"github.com/offerloop/offerloop/internal/tracker"
)

// ML system design practice: /design lists the prompts and the scored
// sessions with their score per step over time; /design/{promptID} shows a
// brief and starts a session; /design/sessions/{id} runs it one step at a
// time with a clock, then shows the rubric to score it against.
//
// Each step is one form: the notes, the step's id and when the step began
// (a hidden field), so that without JavaScript the server counts the step's
// time from that moment; practice.js counts it in the page instead and posts
// the seconds with the notes.

// maxStepSeconds caps one step's time: the store refuses more than a day.
const maxStepSeconds = 24 * 3600

// historyCharted is how many scored sessions the per-step charts show.
const historyCharted = 12

// sessionRow is a design session in a list, with its score.
type sessionRow struct {
	S       practice.DesignSession
	Link    string
	Prompt  string
	When    string
	Score   practice.SessionScore
	Percent int
	Time    string
	Over    int // steps over their time budget
	Done    int // steps done, while in progress
	Cells   []scoreCell
}

type scoreCell struct {
	Step    string
	Percent int
	Checked int
	Total   int
	Over    bool
	Level   string // low, mid, high: the cell's colour
}

func scoreLevel(p int) string {
	switch {
	case p >= 70:
		return "high"
	case p >= 40:
		return "mid"
	}
	return "low"
}

func (s *Server) sessionRow(ss practice.DesignSession) sessionRow {
	row := sessionRow{S: ss, Link: "/design/sessions/" + itoa(ss.ID), When: s.when(ss.StartedAt), Prompt: ss.PromptID, Done: len(ss.Seconds)}
	if p, ok := s.lib.Prompt(ss.PromptID); ok {
		row.Prompt = p.Title
	}
	row.Score = s.lib.Score(ss)
	row.Percent = row.Score.Percent()
	row.Time = mmss(row.Score.Seconds)
	for _, st := range row.Score.Steps {
		if st.Over() {
			row.Over++
		}
		row.Cells = append(row.Cells, scoreCell{Step: st.Step.Name, Percent: st.Percent(), Checked: st.Checked, Total: st.Total, Over: st.Over(), Level: scoreLevel(st.Percent())})
	}
	return row
}

type designPage struct {
	base
	Steps    []practice.Step
	Minutes  int
	Prompts  []promptRow
	Open     []sessionRow
	History  []sessionRow
	Trends   []stepTrend
	Charted  int
	StepIDs  []string
	Finished int
}

type promptRow struct {
	P        practice.Prompt
	Link     string
	Sessions int
	Best     int // best score in percent, -1 when never scored
}

func (s *Server) designList(w http.ResponseWriter, r *http.Request) {
	st, u, ok := s.practiceUser(w, r)
	if !ok {
		return
	}
	sessions, err := st.DesignSessions(r.Context(), u.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d := &designPage{Steps: s.lib.Design.Steps, Minutes: s.lib.DesignMinutes()}
	d.Title, d.Nav = "ML system design", "practice"
	best := map[string]int{}
	count := map[string]int{}
	for _, ss := range sessions { // newest first
		row := s.sessionRow(ss)
		count[ss.PromptID]++
		if !ss.Finished() {
			d.Open = append(d.Open, row)
			continue
		}
		d.History = append(d.History, row)
		if b, ok := best[ss.PromptID]; !ok || row.Percent > b {
			best[ss.PromptID] = row.Percent
		}
	}
	d.Finished = len(d.History)
	for _, p := range s.lib.Design.Prompts {
		b, ok := best[p.ID]
		if !ok {
			b = -1
		}
		d.Prompts = append(d.Prompts, promptRow{P: p, Link: "/design/" + p.ID, Sessions: count[p.ID], Best: b})
	}
	charted := d.History
	if len(charted) > historyCharted {
		charted = charted[:historyCharted]
	}
	d.Charted = len(charted)
	d.Trends = newStepTrends(s.lib.Design.Steps, charted)
	s.render(w, r, "design", d)
}

// stepTrend is one step's score over the last sessions, oldest first, drawn
// as a small line chart.
type stepTrend struct {
	Step   practice.Step
	W, H   float64
	Line   string // polyline points
	Dots   []trendDot
	Last   int
	Change int // last minus first, in points
	Level  string
}

type trendDot struct {
	X, Y  float64
	Title string
}

const (
	trendW   = 180.0
	trendH   = 56.0
	trendPad = 6.0
)

// newStepTrends draws each step's percentage over sessions (newest first in
// rows, drawn oldest first, left to right).
func newStepTrends(steps []practice.Step, rows []sessionRow) []stepTrend {
	if len(rows) == 0 {
		return nil
	}
	var out []stepTrend
	n := len(rows)
	for i, st := range steps {
		t := stepTrend{Step: st, W: trendW, H: trendH}
		var pts []string
		for k := 0; k < n; k++ {
			row := rows[n-1-k]
			if i >= len(row.Cells) {
				continue
			}
			c := row.Cells[i]
			x := trendW / 2
			if n > 1 {
				x = trendPad + float64(k)*(trendW-2*trendPad)/float64(n-1)
			}
			y := trendH - trendPad - float64(c.Percent)/100*(trendH-2*trendPad)
			x, y = r1(x), r1(y)
			pts = append(pts, fmt.Sprintf("%g,%g", x, y))
			t.Dots = append(t.Dots, trendDot{X: x, Y: y, Title: fmt.Sprintf("%s, %s: %d%% (%d of %d)", row.When, row.Prompt, c.Percent, c.Checked, c.Total)})
		}
		t.Line = strings.Join(pts, " ")
		t.Last = rows[0].Cells[i].Percent
		t.Change = t.Last - rows[n-1].Cells[i].Percent
		t.Level = scoreLevel(t.Last)
		out = append(out, t)
	}
	return out
}

// designPromptPage is a prompt's brief with the Start button.
type designPromptPage struct {
	base
	P        practice.Prompt
	Steps    []practice.Step
	Minutes  int
	Sessions []sessionRow
}

// promptOf returns the prompt the path names.
func (s *Server) promptOf(r *http.Request) (practice.Prompt, error) {
	id := r.PathValue("prompt")
	p, ok := s.lib.Prompt(id)
	if !ok {
		return p, errs.NotFoundf("there is no design prompt %q", id)
	}
	return p, nil
}

func (s *Server) designPrompt(w http.ResponseWriter, r *http.Request) {
	st, u, ok := s.practiceUser(w, r)
	if !ok {
		return
	}
	p, err := s.promptOf(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	sessions, err := st.DesignSessions(r.Context(), u.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d := &designPromptPage{P: p, Steps: s.lib.Design.Steps, Minutes: s.lib.DesignMinutes()}
	d.Title, d.Nav = p.Title+" · ML system design", "practice"
	for _, ss := range sessions {
		if ss.PromptID == p.ID {
			d.Sessions = append(d.Sessions, s.sessionRow(ss))
		}
	}
	s.render(w, r, "design_prompt", d)
}

// startDesign starts a timed session of the prompt.
func (s *Server) startDesign(w http.ResponseWriter, r *http.Request) {
	st, u, ok := s.practiceUser(w, r)
	if !ok {
		return
	}
	p, err := s.promptOf(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if err := s.parseForm(w, r); err != nil {
		s.fail(w, r, err)
		return
	}
	ss := practice.DesignSession{PromptID: p.ID, StartedAt: s.now().UTC().Truncate(time.Second)}
	if err := st.SaveDesignSession(r.Context(), u.ID, &ss); err != nil {
		s.fail(w, r, err)
		return
	}
	seeOther(w, r, "/design/sessions/"+itoa(ss.ID))
}

// sessionPage is a session in one of its three states: a step in progress,
// scoring once the seven steps are done, or scored.
type sessionPage struct {
	base
	S       practice.DesignSession
	P       practice.Prompt
	Steps   []sessionStep
	Current *sessionStep // the step in progress; nil once all are done
	Next    string       // the next step's name
	Scoring bool         // all steps done, not scored yet
	Score   practice.SessionScore
	Row     sessionRow
	Minutes int
	Budget  int // the whole session's, in seconds
	Error   string
	Notes   string // the notes typed, when the form failed
	Saved   bool
}

// sessionStep is one step of a session with what the user did in it.
type sessionStep struct {
	N        int
	Step     practice.Step
	Done     bool
	Current  bool
	Seconds  int
	Time     string
	Budget   int // seconds
	Over     bool
	Notes    string
	Rubric   []rubricPoint
	Checked  int
	Percent  int
	Level    string
	Since    int64 // when the current step began, in Unix seconds
	Elapsed  int   // seconds into the current step when the page was made
	Before   int   // seconds spent on the steps before
	Total    string
	TotalNow string
}

type rubricPoint struct {
	I       int
	Text    string
	Checked bool
}

func (s *Server) sessionOf(w http.ResponseWriter, r *http.Request) (practice.Store, *tracker.User, practice.DesignSession, bool) {
	st, u, ok := s.practiceUser(w, r)
	if !ok {
		return nil, nil, practice.DesignSession{}, false
	}
	id, err := pathID(r, "id")
	if err != nil {
		s.fail(w, r, err)
		return nil, nil, practice.DesignSession{}, false
	}
	ss, err := st.DesignSession(r.Context(), u.ID, id)
	if err != nil {
		s.fail(w, r, err)
		return nil, nil, practice.DesignSession{}, false
	}
	return st, u, ss, true
}

// currentStep is the index of the first step without a recorded time, or
// len(StepIDs) once every step is done.
func currentStep(ss practice.DesignSession) int {
	for i, id := range practice.StepIDs {
		if _, ok := ss.Seconds[id]; !ok {
			return i
		}
	}
	return len(practice.StepIDs)
}

func (s *Server) sessionView(ss practice.DesignSession) *sessionPage {
	p, _ := s.lib.Prompt(ss.PromptID)
	d := &sessionPage{S: ss, P: p, Minutes: s.lib.DesignMinutes(), Score: s.lib.Score(ss), Row: s.sessionRow(ss)}
	d.Budget = d.Minutes * 60
	d.Title, d.Nav = p.Title+" · Design session", "practice"
	cur := currentStep(ss)
	before := 0
	for i, st := range s.lib.Design.Steps {
		v := sessionStep{N: i + 1, Step: st, Budget: st.Minutes * 60, Notes: ss.Notes[st.ID]}
		v.Seconds, v.Done = ss.Seconds[st.ID], i < cur
		v.Time, v.Over = mmss(v.Seconds), v.Done && v.Seconds > v.Budget
		for k, text := range p.Rubric[st.ID] {
			v.Rubric = append(v.Rubric, rubricPoint{I: k, Text: text, Checked: slices.Contains(ss.Checked[st.ID], k)})
		}
		v.Checked = len(ss.Checked[st.ID])
		if len(v.Rubric) > 0 {
			v.Percent = v.Checked * 100 / len(v.Rubric)
		}
		v.Level = scoreLevel(v.Percent)
		if i == cur && !ss.Finished() {
			v.Current = true
			v.Before = before
			since := ss.StartedAt.Add(time.Duration(before) * time.Second)
			v.Since = since.Unix()
			v.Elapsed = max(0, int(s.now().Sub(since)/time.Second))
			v.TotalNow = mmss(before + v.Elapsed)
		}
		before += v.Seconds
		d.Steps = append(d.Steps, v)
	}
	if cur < len(d.Steps) && !ss.Finished() {
		d.Current = &d.Steps[cur]
		if cur+1 < len(d.Steps) {
			d.Next = d.Steps[cur+1].Step.Name
		}
	}
	d.Scoring = cur == len(d.Steps) && !ss.Finished()
	return d
}

func (s *Server) showSession(w http.ResponseWriter, r *http.Request) {
	_, _, ss, ok := s.sessionOf(w, r)
	if !ok {
		return
	}
	d := s.sessionView(ss)
	d.Saved = r.URL.Query().Get("saved") != ""
	s.render(w, r, "design_session", d)
}

// sessionFail shows the session again with why the form was refused and
// the notes as typed; failures that are not the user's are errors.
func (s *Server) sessionFail(w http.ResponseWriter, r *http.Request, ss practice.DesignSession, notes string, err error) {
	if !userError(err) {
		s.fail(w, r, err)
		return
	}
	d := s.sessionView(ss)
	d.Error, d.Notes = message(err), notes
	s.renderStatus(w, r, status(err, true), "design_session", d)
}

// designStep records the current step's notes and time, and moves on.
func (s *Server) designStep(w http.ResponseWriter, r *http.Request) {
	st, u, ss, ok := s.sessionOf(w, r)
	if !ok {
		return
	}
	if err := s.parseForm(w, r); err != nil {
		s.fail(w, r, err)
		return
	}
	step, notes := formString(r, "step"), formText(r, "notes")
	if !slices.Contains(practice.StepIDs, step) {
		s.fail(w, r, errs.Invalidf("there is no design step %q; the steps are %s", step, strings.Join(practice.StepIDs, ", ")))
		return
	}
	if ss.Finished() {
		s.fail(w, r, errs.Conflictf("this session was scored already; start a new one to practise again"))
		return
	}
	cur := currentStep(ss)
	if cur == len(practice.StepIDs) || practice.StepIDs[cur] != step {
		s.fail(w, r, errs.Conflictf("this session is not at the %s step; reload the page to see where it is", step))
		return
	}
	if len(notes) > practice.MaxNotes {
		s.sessionFail(w, r, ss, notes, errs.E(errs.TooLarge, "the notes are %d characters; a step's notes may have at most %d", len(notes), practice.MaxNotes))
		return
	}
	secs, err := s.stepSeconds(r, ss)
	if err != nil {
		s.sessionFail(w, r, ss, notes, err)
		return
	}
	next := ss
	next.Notes, next.Seconds = cloneMap(ss.Notes), cloneMap(ss.Seconds)
	if strings.TrimSpace(notes) != "" {
		next.Notes[step] = notes
	}
	next.Seconds[step] = secs
	if err := st.SaveDesignSession(r.Context(), u.ID, &next); err != nil {
		s.sessionFail(w, r, ss, notes, err)
		return
	}
	seeOther(w, r, "/design/sessions/"+itoa(ss.ID)+"#step")
}

// stepSeconds is the time the step took: the seconds practice.js counted,
// else the time since the step began (the form's "since").
func (s *Server) stepSeconds(r *http.Request, ss practice.DesignSession) (int, error) {
	if v := formString(r, "seconds"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 || n > maxStepSeconds {
			return 0, errs.Invalidf("the step's time must be a whole number of seconds up to a day, not %q", v)
		}
		return n, nil
	}
	v := formString(r, "since")
	unix, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return 0, errs.Invalidf("the form lacks the time the step began; reload the page")
	}
	since, now := time.Unix(unix, 0), s.now()
	if since.Before(ss.StartedAt.Truncate(time.Second)) || since.After(now) {
		return 0, errs.Invalidf("the time the step began is outside the session; reload the page")
	}
	return min(maxStepSeconds, int(now.Sub(since)/time.Second)), nil
}

// scoreDesign records the rubric points ticked, and finishes the session.
func (s *Server) scoreDesign(w http.ResponseWriter, r *http.Request) {
	st, u, ss, ok := s.sessionOf(w, r)
	if !ok {
		return
	}
	if err := s.parseForm(w, r); err != nil {
		s.fail(w, r, err)
		return
	}
	if currentStep(ss) < len(practice.StepIDs) {
		s.fail(w, r, errs.Conflictf("this session has steps still to do; score it after the last one"))
		return
	}
	next := ss
	next.Checked = map[string][]int{}
	for _, id := range practice.StepIDs {
		for _, v := range r.PostForm["check-"+id] {
			i, err := strconv.Atoi(v)
			if err != nil {
				s.fail(w, r, errs.Invalidf("%q is not a point of the rubric", v))
				return
			}
			next.Checked[id] = append(next.Checked[id], i)
		}
	}
	for k := range r.PostForm {
		if id, ok := strings.CutPrefix(k, "check-"); ok && !slices.Contains(practice.StepIDs, id) {
			s.fail(w, r, errs.Invalidf("there is no design step %q", id))
			return
		}
	}
	if !next.Finished() {
		next.FinishedAt = s.now().UTC().Truncate(time.Second)
	}
	if err := s.lib.CheckSession(&next); err != nil {
		s.fail(w, r, err)
		return
	}
	if err := st.SaveDesignSession(r.Context(), u.ID, &next); err != nil {
		s.fail(w, r, err)
		return
	}
	seeOther(w, r, "/design/sessions/"+itoa(ss.ID)+"?saved=1")
}

// cloneMap copies m, never returning nil, so the copy can be written to.
func cloneMap[K comparable, V any](m map[K]V) map[K]V {
	out := make(map[K]V, len(m)+1)
	for k, v := range m {
		out[k] = v
	}
	return out
}
