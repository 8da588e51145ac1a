package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/offerloop/offerloop/internal/errs"
	"github.com/offerloop/offerloop/internal/judge"
	"github.com/offerloop/offerloop/internal/tracker"
)

// The problem pages: /problems lists the ML coding problems with the user's
// marks, /problems/{id} shows one with an editor, and a run grades the code on
// the judge (internal/judge) and stores the attempt. Without a judge the pages
// still show the problems, with a notice instead of the Run button.

// maxRunBody caps a run's request: the code may be MaxSourceLength bytes,
// which form encoding or JSON escaping can make up to three or six times
// longer.
const maxRunBody = 6*judge.MaxSourceLength + 4<<10

// historyShown is how many attempts the problem page lists.
const historyShown = 20

var topicTitles = map[string]string{
	"regression": "Regression", "classification": "Classification", "clustering": "Clustering",
	"metrics": "Metrics", "evaluation": "Evaluation", "preprocessing": "Preprocessing",
	"probability": "Probability", "optimization": "Optimization", "deep-learning": "Deep learning",
	"nlp-retrieval": "NLP and retrieval", "recommenders": "Recommenders", "sampling": "Sampling",
}

func topicTitle(key string) string {
	if t, ok := topicTitles[key]; ok {
		return t
	}
	return sentence(strings.ReplaceAll(key, "-", " "))
}

var verdictNames = map[string]string{
	judge.Accepted:      "Accepted",
	judge.WrongAnswer:   "Wrong answer",
	judge.RuntimeError:  "Runtime error",
	judge.TimeLimit:     "Time limit exceeded",
	judge.MemoryLimit:   "Memory limit exceeded",
	judge.OutputLimit:   "Output limit exceeded",
	judge.SyntaxError:   "Syntax error",
	judge.InternalError: "Judge error",
	judge.Skipped:       "Not run",
}

func verdictName(v string) string {
	if n, ok := verdictNames[v]; ok {
		return n
	}
	return v
}

// verdictClass is the colour of a verdict: ok (accepted), bad (the code is
// wrong), warn (a limit was hit) or off (not run, or the judge failed).
func verdictClass(v string) string {
	switch v {
	case judge.Accepted:
		return "v-ok"
	case judge.WrongAnswer, judge.RuntimeError, judge.SyntaxError:
		return "v-bad"
	case judge.TimeLimit, judge.MemoryLimit, judge.OutputLimit:
		return "v-warn"
	}
	return "v-off"
}

// duration prints a run time: "<0.1 ms", "0.4 ms", "12 ms", "1.25 s".
func duration(ms float64) string {
	switch {
	case ms < 0.05:
		return "<0.1 ms"
	case ms < 10:
		return strconv.FormatFloat(ms, 'f', 1, 64) + " ms"
	case ms < 1000:
		return strconv.FormatFloat(ms, 'f', 0, 64) + " ms"
	}
	return strconv.FormatFloat(ms/1000, 'f', 2, 64) + " s"
}

// judgeOff says why runs are off, or "" when the judge can grade.
func (s *Server) judgeOff() string {
	switch {
	case s.judge == nil:
		return "this server was started without the judge"
	case s.judge.Judge != nil:
		return ""
	case s.judge.Err != nil:
		// "judge unavailable: " says what the page already says.
		return strings.TrimPrefix(s.judge.Err.Error(), judge.ErrUnavailable.Error()+": ")
	}
	return "the judge could not start"
}

func (s *Server) judgeStore() judge.Store {
	if s.judge == nil {
		return nil
	}
	return s.judge.Store
}

// problemFor returns the problem the path names.
func problemFor(r *http.Request) (*judge.Problem, error) {
	if _, err := judge.Problems(); err != nil {
		return nil, fmt.Errorf("load problems: %w", err)
	}
	id := r.PathValue("id")
	p, ok := judge.Get(id)
	if !ok {
		return nil, errs.NotFoundf("there is no problem %q", id)
	}
	return p, nil
}

// problemsPage is the problem list.
type problemsPage struct {
	base
	Topics       []filterOption
	Difficulties []filterOption
	Statuses     []filterOption
	Topic        string
	Difficulty   string
	Status       string
	Filtered     bool
	Groups       []problemGroup
	Shown        int
	Total        int
	Solved       int
	Attempted    int
	ByDifficulty []difficultyCount
	Off          string
}

type filterOption struct {
	Value, Title string
	Count        int
}

type difficultyCount struct {
	Title         string
	Solved, Total int
}

type problemGroup struct {
	Topic, Title, Link string
	Solved             int
	Rows               []problemRow
}

// problemRow is one problem with the user's mark: solved (accepted at least
// once), attempted (with the last verdict) or untouched.
type problemRow struct {
	P          *judge.Problem
	Link       string
	Difficulty string
	Mark       string
	Verdict    string
	VClass     string
	Attempts   int
	Last       string
}

var markTitles = map[string]string{"solved": "Solved", "attempted": "Attempted", "untouched": "Not started"}

func (s *Server) problemList(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	ps, err := judge.Problems()
	if err != nil {
		s.fail(w, r, fmt.Errorf("load problems: %w", err))
		return
	}
	u, err := s.user(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	prog, err := s.progress(ctx, u)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	q := r.URL.Query()
	d := &problemsPage{Topic: strings.TrimSpace(q.Get("topic")), Difficulty: strings.TrimSpace(q.Get("difficulty")),
		Status: strings.TrimSpace(q.Get("status")), Total: len(ps), Off: s.judgeOff()}
	d.Title, d.Nav = "Problems", "problems"
	d.Filtered = d.Topic != "" || d.Difficulty != "" || d.Status != ""
	if d.Topic != "" && !slices.Contains(judge.Topics, d.Topic) {
		s.fail(w, r, errs.NotFoundf("there is no topic %q", d.Topic))
		return
	}
	if d.Difficulty != "" && !slices.Contains(judge.Difficulties, d.Difficulty) {
		s.fail(w, r, errs.Invalidf("a difficulty is %s, not %q", strings.Join(judge.Difficulties, ", "), d.Difficulty))
		return
	}
	if _, ok := markTitles[d.Status]; d.Status != "" && !ok {
		s.fail(w, r, errs.Invalidf("a status is solved, attempted or untouched, not %q", d.Status))
		return
	}

	topicCount := map[string]int{}
	byDiff := map[string]*difficultyCount{}
	for _, df := range judge.Difficulties {
		byDiff[df] = &difficultyCount{Title: sentence(df)}
	}
	statusCount := map[string]int{}
	for _, p := range ps {
		row := s.problemRow(p, prog[p.ID])
		topicCount[p.Topic]++
		statusCount[row.Mark]++
		if dc := byDiff[p.Difficulty]; dc != nil {
			dc.Total++
			if row.Mark == "solved" {
				dc.Solved++
			}
		}
		if (d.Topic != "" && p.Topic != d.Topic) || (d.Difficulty != "" && p.Difficulty != d.Difficulty) || (d.Status != "" && row.Mark != d.Status) {
			continue
		}
		if n := len(d.Groups); n == 0 || d.Groups[n-1].Topic != p.Topic {
			d.Groups = append(d.Groups, problemGroup{Topic: p.Topic, Title: topicTitle(p.Topic), Link: problemsURL(p.Topic, "", "")})
		}
		g := &d.Groups[len(d.Groups)-1]
		g.Rows = append(g.Rows, row)
		if row.Mark == "solved" {
			g.Solved++
		}
		d.Shown++
	}
	d.Solved, d.Attempted = statusCount["solved"], statusCount["attempted"]
	for _, t := range judge.Topics {
		if topicCount[t] > 0 {
			d.Topics = append(d.Topics, filterOption{Value: t, Title: topicTitle(t), Count: topicCount[t]})
		}
	}
	for _, df := range judge.Difficulties {
		d.Difficulties = append(d.Difficulties, filterOption{Value: df, Title: sentence(df), Count: byDiff[df].Total})
		d.ByDifficulty = append(d.ByDifficulty, *byDiff[df])
	}
	for _, st := range []string{"solved", "attempted", "untouched"} {
		d.Statuses = append(d.Statuses, filterOption{Value: st, Title: markTitles[st], Count: statusCount[st]})
	}
	s.render(w, r, "problems", d)
}

func (s *Server) progress(ctx context.Context, u *tracker.User) (map[string]judge.Progress, error) {
	st := s.judgeStore()
	if st == nil {
		return nil, nil
	}
	return st.ProgressByProblem(ctx, u.ID)
}

func (s *Server) problemRow(p *judge.Problem, pr judge.Progress) problemRow {
	row := problemRow{P: p, Link: "/problems/" + url.PathEscape(p.ID), Difficulty: sentence(p.Difficulty), Mark: "untouched", Attempts: pr.Attempts}
	switch {
	case pr.Solved:
		row.Mark = "solved"
	case pr.Attempts > 0:
		row.Mark = "attempted"
		row.Verdict, row.VClass = verdictName(pr.LastVerdict), verdictClass(pr.LastVerdict)
	}
	if pr.Attempts > 0 {
		row.Last = s.relDay(pr.Last)
	}
	return row
}

func problemsURL(topic, difficulty, status string) string {
	q := url.Values{}
	for k, v := range map[string]string{"topic": topic, "difficulty": difficulty, "status": status} {
		if v != "" {
			q.Set(k, v)
		}
	}
	if len(q) == 0 {
		return "/problems"
	}
	return "/problems?" + q.Encode()
}

// problemPage is one problem: statement, examples, editor, the last run's
// result and the history of attempts.
type problemPage struct {
	base
	P          *judge.Problem
	TopicTitle string
	TopicLink  string
	Difficulty string
	Mark       string
	Statement  template.HTML
	Examples   []judge.Example
	Code       string // the editor's text
	CodeFrom   string // where it comes from
	Action     string // the run form's address
	MaxKiB     int
	Off        string
	Error      string // why a run was refused
	Result     *resultView
	History    []attemptView
	More       bool // more attempts than shown
}

// resultView is a graded run.
type resultView struct {
	R      *judge.Result
	Name   string
	Class  string
	Time   string
	CPU    string
	Memory string
	Cases  []caseView
}

type caseView struct {
	judge.CaseResult
	VName, VClass, Time string
}

type attemptView struct {
	A      judge.Attempt
	When   string
	VName  string
	VClass string
	Time   string
	Load   string
}

// problemView builds the page of p for u without a run.
func (s *Server) problemView(ctx context.Context, u *tracker.User, p *judge.Problem) (*problemPage, error) {
	d := &problemPage{P: p, TopicTitle: topicTitle(p.Topic), TopicLink: problemsURL(p.Topic, "", ""), Difficulty: sentence(p.Difficulty),
		Mark: "untouched", Statement: markdown(p.Statement), Examples: judge.Examples(p), Code: p.Starter, CodeFrom: "the starter code",
		Action: "/problems/" + url.PathEscape(p.ID) + "/run", MaxKiB: judge.MaxSourceLength >> 10, Off: s.judgeOff()}
	d.Title, d.Nav = p.Title+" · Problems", "problems"
	st := s.judgeStore()
	if st == nil {
		return d, nil
	}
	as, err := st.Attempts(ctx, u.ID, p.ID, historyShown+1)
	if err != nil {
		return nil, err
	}
	if len(as) > historyShown {
		as, d.More = as[:historyShown], true
	}
	for _, a := range as {
		if a.Verdict == judge.Accepted {
			d.Mark = "solved"
		} else if d.Mark == "untouched" {
			d.Mark = "attempted"
		}
		d.History = append(d.History, attemptView{A: a, When: s.when(a.At), VName: verdictName(a.Verdict), VClass: verdictClass(a.Verdict),
			Time: duration(a.TimeMS), Load: "/problems/" + url.PathEscape(p.ID) + "?load=" + strconv.FormatInt(a.ID, 10) + "#editor"})
	}
	if d.More && d.Mark != "solved" {
		// Older attempts may hold the accepted one.
		prog, err := st.ProgressByProblem(ctx, u.ID)
		if err != nil {
			return nil, err
		}
		if prog[p.ID].Solved {
			d.Mark = "solved"
		}
	}
	if len(as) > 0 {
		d.Code, d.CodeFrom = as[0].Code, "your latest attempt ("+s.when(as[0].At)+")"
	}
	return d, nil
}

func (s *Server) showProblem(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	p, err := problemFor(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	u, err := s.user(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d, err := s.problemView(ctx, u, p)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if err := s.loadCode(ctx, u, d, r.URL.Query().Get("load")); err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, "problem", d)
}

// loadCode puts the code that ?load= asks for in the editor: "starter", or
// the id of one of the user's attempts at the problem.
func (s *Server) loadCode(ctx context.Context, u *tracker.User, d *problemPage, load string) error {
	switch load {
	case "":
		return nil
	case "starter":
		d.Code, d.CodeFrom = d.P.Starter, "the starter code"
		return nil
	}
	id, err := strconv.ParseInt(load, 10, 64)
	notFound := errs.NotFoundf("there is no attempt %q at this problem", load)
	if err != nil {
		return notFound
	}
	as := make([]judge.Attempt, 0, len(d.History))
	for _, h := range d.History {
		as = append(as, h.A)
	}
	if d.More && s.judgeStore() != nil {
		if as, err = s.judgeStore().Attempts(ctx, u.ID, d.P.ID, 0); err != nil {
			return err
		}
	}
	for _, a := range as {
		if a.ID == id {
			d.Code, d.CodeFrom = a.Code, "your attempt of "+s.when(a.At)
			return nil
		}
	}
	return notFound
}

// runProblem grades the code the form sent and shows the page with the
// result, or, when app.js sent it, only the part that shows the result.
func (s *Server) runProblem(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	p, err := problemFor(r)
	if err != nil {
		s.failDrill(w, r, err)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxRunBody)
	if err := r.ParseForm(); err != nil {
		s.failDrill(w, r, runBodyError(err))
		return
	}
	u, err := s.user(ctx)
	if err != nil {
		s.failDrill(w, r, err)
		return
	}
	code := strings.ReplaceAll(r.PostFormValue("code"), "\r\n", "\n")
	res, runErr := s.grade(ctx, u, p, code)
	if runErr != nil && !userError(runErr) && errs.CodeOf(runErr) != errs.Unavailable {
		s.failDrill(w, r, runErr)
		return
	}
	d, err := s.problemView(ctx, u, p)
	if err != nil {
		s.failDrill(w, r, err)
		return
	}
	d.Code, d.CodeFrom = code, "the code you ran"
	st := http.StatusOK
	if runErr != nil {
		// The page again, with the code as sent and why it was not run.
		d.Error, st = message(runErr), status(runErr, true)
		d.CodeFrom = "the code you sent"
	} else {
		d.Result = newResultView(res)
	}
	if fetched(r) {
		s.renderFragment(w, st, "problem", "run", d)
		return
	}
	s.renderStatus(w, r, st, "problem", d)
}

// apiJudge grades {"code": "..."} and answers with the result as JSON.
func (s *Server) apiJudge(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	p, err := problemFor(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var body struct {
		Code string `json:"code"`
	}
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxRunBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&body); err != nil {
		s.fail(w, r, runBodyError(err))
		return
	}
	u, err := s.user(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	res, err := s.grade(ctx, u, p, body.Code)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, res)
}

func runBodyError(err error) error {
	var mb *http.MaxBytesError
	if errors.As(err, &mb) {
		return errs.E(errs.TooLarge, "the code is too long: a solution may be at most %d KiB", judge.MaxSourceLength>>10)
	}
	return errs.Invalidf("cannot read the request: %v", err)
}

// grade runs code on the judge and stores the attempt. A refusal (no judge,
// no code, too much code) is an error with its code; a failing solution is a
// result.
func (s *Server) grade(ctx context.Context, u *tracker.User, p *judge.Problem, code string) (*judge.Result, error) {
	if off := s.judgeOff(); off != "" {
		return nil, errs.E(errs.Unavailable, "the judge cannot run code on this server: %s", off)
	}
	if strings.TrimSpace(code) == "" {
		return nil, errs.Invalidf("there is no code to run: write the function %s first", p.Signature)
	}
	if len(code) > judge.MaxSourceLength {
		return nil, errs.E(errs.TooLarge, "the code is %d KiB; a solution may be at most %d KiB", (len(code)+1023)>>10, judge.MaxSourceLength>>10)
	}
	res, err := s.judge.Judge.Grade(ctx, p, code)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		s.log.Warn("the judge could not run", "problem", p.ID, "err", err)
		return nil, errs.E(errs.Unavailable, "the judge could not run the code: %v", err)
	}
	if st := s.judgeStore(); st != nil {
		if _, err := st.AddAttempt(ctx, u.ID, judge.FromResult(code, res, s.now())); err != nil {
			return nil, fmt.Errorf("store attempt: %w", err)
		}
	}
	return res, nil
}

func newResultView(res *judge.Result) *resultView {
	v := &resultView{R: res, Name: verdictName(res.Verdict), Class: verdictClass(res.Verdict), Time: duration(res.TimeMS), CPU: duration(res.CPUMS)}
	if res.MemoryKB > 0 {
		v.Memory = byteSize(res.MemoryKB << 10)
	}
	for _, c := range res.Cases {
		v.Cases = append(v.Cases, caseView{CaseResult: c, VName: verdictName(c.Verdict), VClass: verdictClass(c.Verdict), Time: duration(c.TimeMS)})
	}
	return v
}
