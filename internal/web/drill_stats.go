package web

import (
	"errors"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/offerloop/offerloop/internal/drill"
	"github.com/offerloop/offerloop/internal/fsrs"
)

// drillStatsPage is the stats page.
type drillStatsPage struct {
	base
	S          *drill.Stats
	Reviews    *barChart
	Forecast   *barChart
	Topics     *hbarChart
	Retention  string
	Target     string
	RetWhy     string
	DueWeek    int
	Optimize   *optimizeView
	TotalLog   int // reviews in the whole log
	MinReviews int
}

// optimizeView is the outcome of "Optimise parameters".
type optimizeView struct {
	Ran                    bool
	Error                  string
	Before, After          fsrs.Metrics
	LossBefore, LossAfter  string
	RMSEBefore, RMSEAfter  string
	Improved, Saved        bool
	Iterations             int
	Elapsed                string
	Predicted              int
	Parameters, Previously string
}

// barChart is a column chart drawn server-side as SVG: the template writes
// the rectangles as they are.
type barChart struct {
	W, H   float64
	Bars   []bar
	Grid   []gridLine
	Labels []axisLabel
	Max    int
	Empty  bool
}

type bar struct {
	X, Y, W, H float64
	Class      string
	Title      string
}

type gridLine struct {
	Y     float64
	Label string
}

type axisLabel struct {
	X      float64
	Label  string
	Anchor string
}

// Chart geometry, in SVG user units.
const (
	chW      = 640.0
	chH      = 200.0
	chLeft   = 34.0
	chRight  = 6.0
	chTop    = 10.0
	chBottom = 24.0
)

// niceMax rounds a chart's top up to 1, 2 or 5 times a power of ten, and
// returns the step of its grid.
func niceMax(v int) (top, step int) {
	if v <= 4 {
		return 4, 1
	}
	p := int(math.Pow(10, math.Floor(math.Log10(float64(v)))))
	for _, m := range []int{1, 2, 5, 10} {
		if m*p >= v {
			top = m * p
			break
		}
	}
	step = top / 4
	if step == 0 {
		step = 1
	}
	for top%step != 0 || top/step > 5 {
		step++
	}
	return top, step
}

// stack is one column: its segments bottom up.
type stack struct {
	Label string // x-axis label, "" for none
	Parts []part
}

type part struct {
	N     int
	Class string
	Title string
}

func newBarChart(cols []stack) *barChart {
	c := &barChart{W: chW, H: chH}
	total := 0
	for _, col := range cols {
		n := 0
		for _, p := range col.Parts {
			n += p.N
		}
		c.Max = max(c.Max, n)
		total += n
	}
	c.Empty = total == 0
	top, step := niceMax(c.Max)
	plotH := chH - chTop - chBottom
	scale := plotH / float64(top)
	for v := 0; v <= top; v += step {
		c.Grid = append(c.Grid, gridLine{Y: round1(chTop + plotH - float64(v)*scale), Label: strconv.Itoa(v)})
	}
	slot := (chW - chLeft - chRight) / float64(len(cols))
	w := math.Max(slot*0.72, 1)
	for i, col := range cols {
		x := chLeft + float64(i)*slot + (slot-w)/2
		y := chTop + plotH
		for _, p := range col.Parts {
			if p.N == 0 {
				continue
			}
			h := float64(p.N) * scale
			y -= h
			c.Bars = append(c.Bars, bar{X: round1(x), Y: round1(y), W: round1(w), H: round1(h), Class: p.Class, Title: p.Title})
		}
		if col.Label != "" {
			l := axisLabel{X: round1(x + w/2), Label: col.Label, Anchor: "middle"}
			switch {
			case i == 0:
				l.X, l.Anchor = round1(x), "start"
			case i == len(cols)-1:
				l.X, l.Anchor = round1(x+w), "end"
			}
			c.Labels = append(c.Labels, l)
		}
	}
	return c
}

func round1(x float64) float64 { return math.Round(x*10) / 10 }

// hbarChart is recall by topic: a horizontal bar a row, with its numbers.
type hbarChart struct {
	W, H       float64
	BarW       float64 // the full track
	ValX, CntX float64
	Rows       []hbar
	Target     float64 // x of the target line
	TLabel     string
}

type hbar struct {
	Y, BarW    float64
	Label      string
	Value      string
	Count      string
	Class      string
	Title      string
	TextY      float64
	Studied    bool
	BarX, BarH float64
}

const (
	hbLabelW = 230.0
	hbBarW   = 330.0
	hbRow    = 26.0
)

func newHBarChart(ts []drill.TopicRecall, target float64) *hbarChart {
	c := &hbarChart{W: hbLabelW + hbBarW + 110, BarW: hbBarW, ValX: hbLabelW + hbBarW + 10, CntX: hbLabelW + hbBarW + 54,
		Target: round1(hbLabelW + target*hbBarW), TLabel: pct(target)}
	for i, t := range ts {
		y := float64(i)*hbRow + 18
		r := hbar{Y: y, BarX: hbLabelW, BarH: hbRow - 10, TextY: y + (hbRow-10)/2 + 4, Label: t.Title, Studied: t.Reviewed > 0,
			Count: fmt.Sprintf("%d/%d", t.Reviewed, t.Cards)}
		if r.Label == "" {
			r.Label = t.Topic
		}
		if t.Reviewed > 0 {
			r.BarW = round1(math.Max(t.Recall*hbBarW, 1))
			r.Value = pct(t.Recall)
			r.Class = recallClass(t.Recall, target)
			r.Title = fmt.Sprintf("%s: mean recall now %s over the %d cards you have reviewed (%d of %d not studied yet)", r.Label, pct(t.Recall), t.Reviewed, t.NotStudied, t.Cards)
		} else {
			r.Value = "–"
			r.Class = "none"
			r.Title = fmt.Sprintf("%s: none of its %d cards studied yet", r.Label, t.Cards)
		}
		c.Rows = append(c.Rows, r)
	}
	c.H = float64(len(ts))*hbRow + 24
	return c
}

// recallClass grades a recall against the target as the page shows them, in
// whole percents: ok at or above it, warn within ten points, else low.
func recallClass(r, target float64) string {
	pr, pt := math.Round(r*100), math.Round(target*100)
	switch {
	case pr >= pt:
		return "ok"
	case pr >= pt-10:
		return "warn"
	}
	return "low"
}

func (s *Server) statsPage(r *http.Request, d *drill.Drill, userID int64) (*drillStatsPage, error) {
	ctx := r.Context()
	st, err := d.Stats(ctx, userID, 30)
	if err != nil {
		return nil, err
	}
	set, err := d.Settings(ctx, userID)
	if err != nil {
		return nil, err
	}
	p := &drillStatsPage{S: st, Target: pct(set.Retention), MinReviews: fsrs.MinOptimizeReviews}
	p.Title, p.Nav = "Drill stats", "drill"
	var cols []stack
	for i, day := range st.Days {
		label := ""
		if i%7 == len(st.Days)%7 || i == len(st.Days)-1 {
			label = day.Day.Format("2 Jan")
		}
		passed := day.Reviews - day.Again
		dl := s.day(day.Day)
		cols = append(cols, stack{Label: label, Parts: []part{
			{N: day.Again, Class: "again", Title: fmt.Sprintf("%s: %d reviews, %d forgotten (Again), %d new", dl, day.Reviews, day.Again, day.New)},
			{N: passed, Class: "passed", Title: fmt.Sprintf("%s: %d reviews, %d recalled, %d new", dl, day.Reviews, passed, day.New)},
		}})
	}
	p.Reviews = newBarChart(cols)
	cols = cols[:0]
	for i, f := range st.Forecast {
		label := ""
		switch {
		case i == 0:
			label = "Today"
		case i%7 == 0:
			label = f.Day.Format("2 Jan")
		}
		if i < 7 {
			p.DueWeek += f.Due + f.Planned
		}
		dl := s.day(f.Day)
		if i == 0 {
			dl = "Today (with overdue cards)"
		}
		cols = append(cols, stack{Label: label, Parts: []part{
			{N: f.Due, Class: "due", Title: fmt.Sprintf("%s: %d cards due", dl, f.Due)},
			{N: f.Planned, Class: "planned", Title: fmt.Sprintf("%s: %d extra reviews for an interview", dl, f.Planned)},
		}})
	}
	p.Forecast = newBarChart(cols)
	p.Topics = newHBarChart(st.Topics, set.Retention)
	if st.RetentionOf > 0 {
		p.Retention = pct(st.Retention)
	}
	p.RetWhy = fmt.Sprintf("True retention: of the %d reviews in the last 30 days of cards already in the review state (learning steps left out), the share rated Hard, Good or Easy rather than Again. FSRS schedules each card for a %s chance of recall.", st.RetentionOf, pct(set.Retention))
	all, err := d.Store.Reviews(ctx, userID, time.Time{})
	if err != nil {
		return nil, err
	}
	p.TotalLog = len(all)
	return p, nil
}

func (s *Server) drillStats(w http.ResponseWriter, r *http.Request) {
	d, u, ok := s.drillUser(w, r)
	if !ok {
		return
	}
	p, err := s.statsPage(r, d, u.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, "drill_stats", p)
}

func (s *Server) apiDrillStats(w http.ResponseWriter, r *http.Request) {
	d, u, ok := s.drillUser(w, r)
	if !ok {
		return
	}
	days := 30
	if v := r.URL.Query().Get("days"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 3650 {
			writeJSON(w, http.StatusBadRequest, map[string]string{"error": "days is a whole number from 1 to 3650"})
			return
		}
		days = n
	}
	st, err := d.Stats(r.Context(), u.ID, days)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, st)
}

// drillOptimize fits the FSRS parameters to the user's review log and saves
// them when they predict it better; the stats page shows the outcome.
func (s *Server) drillOptimize(w http.ResponseWriter, r *http.Request) {
	d, u, ok := s.drillUser(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	ov := &optimizeView{Ran: true}
	sched, err := d.Scheduler(ctx, u.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	init, err := drill.LoadParameters(ctx, d.Store, u.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	logs, err := d.Store.Reviews(ctx, u.ID, time.Time{})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	lines := make([]fsrs.ReviewLine, len(logs))
	for i, l := range logs {
		lines[i] = fsrs.ReviewLine{Card: l.CardID, Rating: l.Rating, Time: l.At}
	}
	res, err := fsrs.Optimize(fsrs.Histories(sched, lines), init, 0)
	ov.Before, ov.After, ov.Predicted = res.Before, res.After, res.Before.Reviews
	ov.LossBefore, ov.RMSEBefore = metric(res.Before.LogLoss), metric(res.Before.RMSE)
	switch {
	case errors.Is(err, fsrs.ErrTooFewReviews):
		ov.Error = fmt.Sprintf("%d of your reviews came a day or more after the card's previous one; the optimiser needs %d. Until then the default parameters, fitted to millions of reviews, predict you better than a fit to a short history would.", res.Before.Reviews, fsrs.MinOptimizeReviews)
	case err != nil:
		s.fail(w, r, err)
		return
	default:
		ov.LossAfter, ov.RMSEAfter = metric(res.After.LogLoss), metric(res.After.RMSE)
		ov.Improved, ov.Iterations = res.Improved, res.Iterations
		ov.Elapsed = res.Elapsed.Round(time.Millisecond).String()
		if res.Improved {
			if err := drill.SaveParameters(ctx, d.Store, u.ID, res.Parameters); err != nil {
				s.fail(w, r, err)
				return
			}
			ov.Saved = true
			ov.Parameters = shortParams(res.Parameters)
			ov.Previously = shortParams(init)
		}
	}
	p, err := s.statsPage(r, d, u.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p.Optimize = ov
	s.render(w, r, "drill_stats", p)
}

// shortParams writes parameters for reading: four decimals at most.
func shortParams(p fsrs.Parameters) string {
	parts := make([]string, len(p))
	for i, v := range p {
		parts[i] = strconv.FormatFloat(math.Round(v*1e4)/1e4, 'f', -1, 64)
	}
	return strings.Join(parts, ", ")
}

func metric(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "–"
	}
	return strconv.FormatFloat(x, 'f', 4, 64)
}
