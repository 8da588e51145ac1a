package web

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"html/template"
	"math"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/offerloop/offerloop/internal/drill"
	"github.com/offerloop/offerloop/internal/errs"
	"github.com/offerloop/offerloop/internal/fsrs"
	"github.com/offerloop/offerloop/internal/tracker"
)

// withDrill returns the drill service the server uses: cfg's, with the
// tracker's interviews plugged in when the caller left them out, so that the
// interview-date plan sees what the tracker knows, and its store behind a
// cache of each user's cards and progress (drill_cache.go). The caller's
// value is not changed.
func (s *Server) withDrill(d *drill.Drill) *drill.Drill {
	if d == nil {
		return nil
	}
	dd := *d
	if dd.Now == nil {
		dd.Now = s.cfg.Now
	}
	if dd.Loc == nil {
		dd.Loc = s.cfg.Loc
	}
	if dd.Interviews == nil {
		dd.Interviews = s.drillInterviews
	}
	if _, ok := dd.Store.(*drillCache); !ok {
		dd.Store = newDrillCache(dd.Store)
	}
	return &dd
}

// drillInterviews lists the user's pending interviews from now on, with the
// rounds each prepares for (tracker.InterviewsAhead: its own kind, then its
// application's planned rounds still ahead), as the CLI gives them.
func (s *Server) drillInterviews(ctx context.Context, userID int64) ([]drill.Interview, error) {
	ivs, err := tracker.InterviewsAhead(ctx, s.store, userID, s.now())
	if err != nil {
		return nil, err
	}
	out := make([]drill.Interview, 0, len(ivs))
	for _, ia := range ivs {
		rounds := make([]string, len(ia.Rounds))
		for i, k := range ia.Rounds {
			rounds[i] = string(k)
		}
		out = append(out, drill.Interview{ID: ia.Interview.ID, Company: ia.Interview.Company, At: ia.Interview.At, Rounds: rounds})
	}
	return out, nil
}

// drillUser returns the drill service and the local user, or answers the
// request: with a page saying the drill is off when the server has none.
func (s *Server) drillUser(w http.ResponseWriter, r *http.Request) (*drill.Drill, *tracker.User, bool) {
	if s.drill == nil {
		if wantsJSON(r) {
			writeJSON(w, http.StatusNotFound, map[string]string{"error": "the drill is not enabled on this server"})
			return nil, nil, false
		}
		d := &drillOffPage{}
		d.Title, d.Nav = "Drill", "drill"
		s.renderStatus(w, r, http.StatusNotFound, "drill_off", d)
		return nil, nil, false
	}
	u, err := s.user(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return nil, nil, false
	}
	return s.drill, u, true
}

type drillOffPage struct{ base }

// drillPage is the review page.
type drillPage struct {
	base
	Topic      string
	TopicTitle string
	Topics     []drill.Topic
	Review     *reviewView
	Plan       *planView
}

// reviewView is the part of the page a rating replaces: the counts, the card
// and its answer, or the done state. With JavaScript it is fetched alone.
type reviewView struct {
	Turn    *drill.Turn
	Topic   string
	Reveal  bool
	Answer  template.HTML
	Round   string
	Message string // why the card is shown again (a stale rating)
	Here    string // the review URL with its topic
	Reveal1 string // the same with reveal=1
	NextDue string // when the next card falls due, for the done state
	NextRel string
	Others  []drill.Topic // other topics, for the done state
	// Elsewhere: cards of other topics are waiting; CapReached: today's new
	// cards are used up (else the topic has none left to start).
	Elsewhere, CapReached bool
}

func drillURL(topic string, reveal bool) string {
	q := url.Values{}
	if topic != "" {
		q.Set("topic", topic)
	}
	if reveal {
		q.Set("reveal", "1")
	}
	if len(q) == 0 {
		return "/drill"
	}
	return "/drill?" + q.Encode()
}

var roundNames = map[drill.Round]string{
	drill.RoundTheory:       "ML theory",
	drill.RoundPhoneScreen:  "Phone screen",
	drill.RoundSystemDesign: "ML system design",
	drill.RoundBehavioral:   "Behavioral",
}

func roundName(r drill.Round) string {
	if n, ok := roundNames[r]; ok {
		return n
	}
	return string(r)
}

// review builds the review part for the next card of topic.
func (s *Server) review(ctx context.Context, d *drill.Drill, u *tracker.User, topic string, reveal bool, topics []drill.Topic) (*reviewView, error) {
	t, err := d.Next(ctx, u.ID, topic)
	if err != nil {
		return nil, err
	}
	v := &reviewView{Turn: t, Topic: topic, Reveal: reveal, Here: drillURL(topic, false), Reveal1: drillURL(topic, true)}
	if t.Card != nil {
		v.Answer = markdown(t.Card.Answer)
		v.Round = roundName(t.Card.Round)
		return v, nil
	}
	if topic != "" {
		// Are other topics waiting?
		all, err := d.Next(ctx, u.ID, "")
		if err != nil {
			return nil, err
		}
		v.Elsewhere = all.Card != nil
	}
	// Is it the day's allowance that is spent, or are there no cards left to
	// start? No new card was offered, so any card not started yet is held
	// back by the allowance.
	cards, err := d.Cards(ctx, u.ID, topic)
	if err != nil {
		return nil, err
	}
	ids := make([]string, len(cards))
	for i, c := range cards {
		ids[i] = c.ID
	}
	started, err := d.Store.HasProgress(ctx, u.ID, ids)
	if err != nil {
		return nil, err
	}
	v.CapReached = len(started) < len(ids)
	if !t.NextDue.IsZero() {
		v.NextDue, v.NextRel = s.when(t.NextDue), s.relDay(t.NextDue)
		if h := t.NextDue.Sub(s.now()); h < 24*time.Hour {
			v.NextRel = "in " + drill.FormatInterval(h)
		}
	}
	v.others(topics)
	return v, nil
}

// others lists the topics but the current one, for the done state.
func (v *reviewView) others(topics []drill.Topic) {
	v.Others = v.Others[:0]
	for _, tp := range topics {
		if tp.Key != v.Topic {
			v.Others = append(v.Others, tp)
		}
	}
}

func (s *Server) drillTopic(r *http.Request, topics []drill.Topic) (string, string, error) {
	topic := strings.TrimSpace(r.FormValue("topic"))
	if topic == "" {
		return "", "", nil
	}
	for _, t := range topics {
		if t.Key == topic {
			return topic, t.Title, nil
		}
	}
	return "", "", errs.NotFoundf("there is no topic %q", topic)
}

func (s *Server) drillReview(w http.ResponseWriter, r *http.Request) {
	d, u, ok := s.drillUser(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	topics, err := d.Topics(ctx, u.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	topic, title, err := s.drillTopic(r, topics)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	rv, err := s.review(ctx, d, u, topic, r.URL.Query().Get("reveal") == "1", topics)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.renderDrill(w, r, http.StatusOK, d, u, topic, title, topics, rv)
}

func (s *Server) renderDrill(w http.ResponseWriter, r *http.Request, code int, d *drill.Drill, u *tracker.User, topic, title string, topics []drill.Topic, rv *reviewView) {
	p := &drillPage{Topic: topic, TopicTitle: title, Topics: topics, Review: rv}
	p.Title, p.Nav = "Drill", "drill"
	if title != "" {
		p.Title = title + " · Drill"
	}
	plan, err := s.planView(r.Context(), d, u)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p.Plan = plan
	s.renderStatus(w, r, code, "drill", p)
}

// fetched reports whether app.js sent the request and wants the fragment.
func fetched(r *http.Request) bool { return r.Header.Get("X-Requested-With") == "fetch" }

// renderFragment writes one template of a page set alone: the part of a page
// that app.js swaps in.
func (s *Server) renderFragment(w http.ResponseWriter, code int, page, name string, data any) {
	p := s.pages[page]
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	defer bufPool.Put(buf)
	if p == nil || p.t.ExecuteTemplate(buf, name, data) != nil {
		s.log.Error("render fragment", "page", page, "name", name)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	w.Write(buf.Bytes())
}

// rating is what a rating form or API call sends.
type rating struct {
	Card   string `json:"card"`
	Rating int    `json:"rating"`
	Reps   int    `json:"reps"`
	MS     int64  `json:"ms"`
	Topic  string `json:"topic"`
}

func readRating(w http.ResponseWriter, r *http.Request) (rating, error) {
	var rt rating
	if strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
		if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 64<<10)).Decode(&rt); err != nil {
			return rt, errs.Invalidf("cannot read the rating: %v", err)
		}
	} else {
		r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
		if err := r.ParseForm(); err != nil {
			return rt, errs.Invalidf("cannot read the form")
		}
		rt.Card = formString(r, "card")
		rt.Topic = formString(r, "topic")
		var err error
		if rt.Rating, err = strconv.Atoi(formString(r, "rating")); err != nil {
			return rt, errs.Invalidf("a rating is 1 (again), 2 (hard), 3 (good) or 4 (easy), not %q", formString(r, "rating"))
		}
		if rt.Reps, err = strconv.Atoi(formString(r, "reps")); err != nil || rt.Reps < 0 {
			return rt, errs.Invalidf("the form lost which showing of the card this was; reload the page")
		}
		if v := formString(r, "ms"); v != "" {
			ms, err := strconv.ParseInt(v, 10, 64)
			if err == nil && ms > 0 && ms < int64(24*time.Hour/time.Millisecond) {
				rt.MS = ms
			}
		}
	}
	if rt.Card == "" {
		return rt, errs.Invalidf("which card was rated? the form sent none")
	}
	if rt.Rating < 1 || rt.Rating > 4 {
		return rt, errs.Invalidf("a rating is 1 (again), 2 (hard), 3 (good) or 4 (easy), not %d", rt.Rating)
	}
	return rt, nil
}

// drillRate records a rating from the review form. It redirects to the next
// card, or with X-Requested-With: fetch answers with the next card's
// fragment. A stale rating (the card was rated elsewhere since it was shown)
// shows the card as it is now, with a word of explanation, as 409.
func (s *Server) drillRate(w http.ResponseWriter, r *http.Request) {
	d, u, ok := s.drillUser(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	rt, err := readRating(w, r)
	if err != nil {
		s.failDrill(w, r, err)
		return
	}
	topic := rt.Topic
	_, err = d.Rate(ctx, u.ID, rt.Card, fsrs.Rating(rt.Rating), rt.Reps, rt.MS)
	code, msg := http.StatusOK, ""
	switch {
	case errs.CodeOf(err) == errs.Conflict:
		code, msg = http.StatusConflict, "That card was already rated in another tab or by a double click, so this rating was not counted. Here is where you are now."
	case err != nil:
		s.failDrill(w, r, err)
		return
	case !fetched(r):
		seeOther(w, r, drillURL(topic, false))
		return
	}
	// The next card, of the same topic unless it went away meanwhile. The
	// topics are read only when they are shown: the fragment of a card does
	// without them, which keeps a review's round trip short.
	rv, err := s.review(ctx, d, u, topic, false, nil)
	if errs.CodeOf(err) == errs.NotFound && topic != "" {
		topic = ""
		rv, err = s.review(ctx, d, u, topic, false, nil)
	}
	if err != nil {
		s.failDrill(w, r, err)
		return
	}
	rv.Message = msg
	if fetched(r) && rv.Turn.Card != nil {
		s.renderFragment(w, code, "drill", "review", rv)
		return
	}
	topics, err := d.Topics(ctx, u.ID)
	if err != nil {
		s.failDrill(w, r, err)
		return
	}
	rv.others(topics)
	if fetched(r) {
		s.renderFragment(w, code, "drill", "review", rv)
		return
	}
	title := ""
	for _, t := range topics {
		if t.Key == topic {
			title = t.Title
		}
	}
	s.renderDrill(w, r, code, d, u, topic, title, topics, rv)
}

// failDrill answers a failed rating or run: a short text for app.js, else
// the error page.
func (s *Server) failDrill(w http.ResponseWriter, r *http.Request, err error) {
	if fetched(r) && !wantsJSON(r) {
		s.logInternal(r, err)
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(status(err, false))
		fmt.Fprint(w, sentence(message(err)))
		return
	}
	s.fail(w, r, err)
}

// apiTurn is the JSON of the next card: the turn with the answer's HTML.
type apiTurn struct {
	*drill.Turn
	AnswerHTML template.HTML `json:"answer_html,omitempty"`
}

func (s *Server) apiDrillNext(w http.ResponseWriter, r *http.Request) {
	d, u, ok := s.drillUser(w, r)
	if !ok {
		return
	}
	t, err := d.Next(r.Context(), u.ID, strings.TrimSpace(r.URL.Query().Get("topic")))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	out := apiTurn{Turn: t}
	if t.Card != nil {
		out.AnswerHTML = markdown(t.Card.Answer)
	}
	writeJSON(w, http.StatusOK, out)
}

// apiDrillRate records a rating sent as JSON ({"card", "rating", "reps",
// "ms", "topic"}) or as a form, and answers with the review and the next turn.
func (s *Server) apiDrillRate(w http.ResponseWriter, r *http.Request) {
	d, u, ok := s.drillUser(w, r)
	if !ok {
		return
	}
	rt, err := readRating(w, r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	log, err := d.Rate(r.Context(), u.ID, rt.Card, fsrs.Rating(rt.Rating), rt.Reps, rt.MS)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	// The rating is recorded: the next card comes from all topics when the
	// topic has none (any more), as in drillRate, rather than an error.
	t, err := d.Next(r.Context(), u.ID, rt.Topic)
	if errs.CodeOf(err) == errs.NotFound && rt.Topic != "" {
		t, err = d.Next(r.Context(), u.ID, "")
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	next := apiTurn{Turn: t}
	if t.Card != nil {
		next.AnswerHTML = markdown(t.Card.Answer)
	}
	writeJSON(w, http.StatusOK, map[string]any{"review": log, "next": next})
}

// planView is the interview-date panel.
type planView struct {
	Target     string
	DailyCap   int
	Interviews []planInterview
}

type planInterview struct {
	Company, When, Rel, Link string
	Rounds                   string
	Plan                     drill.InterviewPlan
	RecallAt, ReadyAt        string
	Why                      string
	Topics                   []planTopic
	Days                     []planDay
	Extra                    int
	OK                       bool // every reviewed card reaches the target
}

type planTopic struct {
	Title, Link  string
	Cards        int
	Reviewed     int
	NotStudied   int
	Below        int
	RecallAt     string
	Recall       string
	Class        string
	Why          string
	HasPredicted bool
	recallAt     float64
}

type planDay struct {
	Day     string
	Reviews int
}

// planShown caps the interviews the panel lists.
const planShown = 4

func (s *Server) planView(ctx context.Context, d *drill.Drill, u *tracker.User) (*planView, error) {
	ivs, err := d.Interviews(ctx, u.ID)
	if err != nil || len(ivs) == 0 {
		return nil, err
	}
	plan, err := d.Plan(ctx, u.ID, ivs)
	if err != nil {
		return nil, err
	}
	pv := &planView{Target: pct(plan.Target), DailyCap: plan.DailyCap}
	for i, ip := range plan.Interviews {
		if i >= planShown {
			break
		}
		var names []string
		other := 0
		for _, k := range ip.Interview.Rounds {
			if n := drill.NeedOf(k); len(n.Topics) == 0 && len(n.Rounds) == 0 && !n.Theory {
				other++
				continue
			}
			names = append(names, s.roundKindName(tracker.RoundKind(k)))
		}
		if other > 0 {
			names = append(names, fmt.Sprintf("and %s without drill cards", plural(other, "round")))
		}
		pi := planInterview{Company: ip.Interview.Company, When: s.when(ip.Interview.At), Rel: s.relDay(ip.Interview.At),
			Link: "/interviews/" + strconv.FormatInt(ip.Interview.ID, 10), Rounds: strings.Join(names, ", "), Plan: ip,
			RecallAt: pct(ip.RecallAt), ReadyAt: pct(ip.ReadyAt), OK: ip.Reviewed > 0 && recallClass(ip.RecallAt, plan.Target) == "ok"}
		days := max(0, int(math.Round(ip.Day.Sub(plan.Today).Hours()/24)))
		pi.Why = fmt.Sprintf("Mean predicted recall on %s, %s from now, of the %d reviewed cards this interview needs, "+
			"if you do only your regular reviews: each card's recall R = (1 + f·t/S)^−decay, with t the days from its last review to the interview "+
			"and S its stability (FSRS-6). Counting the %d cards not studied yet as 0, you are %s ready.",
			s.day(ip.Day), plural(days, "day"), ip.Reviewed, ip.NotStudied, pct(ip.ReadyAt))
		for _, t := range ip.Topics {
			pt := planTopic{Title: t.Title, Link: drillURL(t.Topic, false), Cards: t.Cards, Reviewed: t.Reviewed, NotStudied: t.NotStudied,
				Below: t.BelowTarget, HasPredicted: t.Reviewed > 0, recallAt: t.RecallAt}
			if pt.Title == "" {
				pt.Title = t.Topic
			}
			if t.Reviewed > 0 {
				pt.RecallAt, pt.Recall = pct(t.RecallAt), pct(t.Recall)
				pt.Why = fmt.Sprintf("%d of %d cards reviewed; their mean recall is %s now and predicted %s on the interview day without extra reviews; %d fall below the %s target and get an extra review before then.",
					t.Reviewed, t.Cards, pct(t.Recall), pct(t.RecallAt), t.BelowTarget, pct(plan.Target))
				pt.Class = recallClass(t.RecallAt, plan.Target)
			} else {
				pt.Why = fmt.Sprintf("None of the %d cards has been studied yet: there is no recall to predict. Study new cards of this topic to start.", t.Cards)
				pt.Class = "new"
			}
			pi.Topics = append(pi.Topics, pt)
		}
		// Weakest first: studied topics by predicted recall, then the new ones.
		slices.SortStableFunc(pi.Topics, func(a, b planTopic) int {
			if a.HasPredicted != b.HasPredicted {
				if a.HasPredicted {
					return -1
				}
				return 1
			}
			return cmp.Compare(a.recallAt, b.recallAt)
		})
		for _, pd := range ip.Days {
			pi.Days = append(pi.Days, planDay{Day: s.day(pd.Day), Reviews: pd.Reviews})
			pi.Extra += pd.Reviews
		}
		pv.Interviews = append(pv.Interviews, pi)
	}
	return pv, nil
}
