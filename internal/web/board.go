package web

import (
	"cmp"
	"html/template"
	"net/http"
	"slices"
	"strings"

	"github.com/offerloop/offerloop/internal/tracker"
)

// closedShown is how many closed applications the board lists; the rest are counted.
const closedShown = 30

// closedColumn is the board column of applications that ended.
const closedColumn = "closed"

type boardPage struct {
	base
	Query   string
	Total   int
	Columns []*boardColumn
}

type boardColumn struct {
	Key   string // a stage kind, or closedColumn
	Label string
	Cards []boardCard
	More  int // closed applications not shown
	Here  string
}

// Count is how many applications the column holds, shown or not.
func (c *boardColumn) Count() int { return len(c.Cards) + c.More }

// CardsHTML renders the column's cards. A board can hold thousands of them,
// and html/template's escaping of each field of each card costs more than the
// rest of the page, so the card markup is written here, every value escaped
// with template.HTMLEscapeString: a few plain appends per field.
func (c *boardColumn) CardsHTML() template.HTML {
	var b strings.Builder
	b.Grow(len(c.Cards) * 900)
	here := template.HTMLEscapeString(c.Here)
	for i := range c.Cards {
		c.Cards[i].write(&b, here)
	}
	return template.HTML(b.String())
}

func (c *boardCard) write(b *strings.Builder, here string) {
	id := itoa(c.ID)
	esc := template.HTMLEscapeString
	w := b.WriteString
	w(`<li class="card" data-app="`)
	w(id)
	w(`" draggable="true"><a class="card-title" href="/applications/`)
	w(id)
	w(`"><strong>`)
	w(esc(c.Company))
	w(`</strong><span>`)
	w(esc(c.Role))
	w(`</span></a><p class="card-meta">`)
	if c.Kind != "" {
		w(`<span class="badge kind-`)
		w(esc(string(c.Kind)))
		w(`">`)
		w(esc(c.KindLabel))
		w(`</span>`)
	}
	if c.Level != "" {
		w(`<span class="badge">`)
		w(esc(c.Level))
		w(`</span>`)
	}
	if c.Outcome != "" {
		w(`<span class="badge out-`)
		w(esc(string(c.Outcome)))
		w(`">`)
		w(esc(c.State))
		w(`</span>`)
	}
	w(`<span class="muted">`)
	w(esc(c.InStage))
	w(`</span></p>`)
	if c.Next != "" {
		w(`<p class="card-next"><a href="`)
		w(esc(c.NextURL))
		w(`">`)
		w(esc(c.Next))
		w(`</a></p>`)
	}
	w(`<form class="move" method="post" action="/applications/`)
	w(id)
	w(`/move"><input type="hidden" name="return" value="`)
	w(here)
	w(`"><label class="sr-only" for="mv`)
	w(id)
	w(`">Move `)
	w(esc(c.Company))
	w(` to</label><select id="mv`)
	w(id)
	w(`" name="target">`)
	w(string(c.Options))
	w(`</select><button class="btn btn-small" type="submit">Move</button></form></li>`)
}

// boardCard holds what a card shows, worked out in Go so that the template for
// thousands of cards stays a handful of plain substitutions.
type boardCard struct {
	ID        int64
	Company   string
	Role      string
	Level     string
	Kind      tracker.CompanyKind
	KindLabel string
	State     string
	Outcome   tracker.Outcome
	InStage   string
	Next      string // the next interview, "" when none
	NextURL   string
	Options   template.HTML
}

func (s *Server) board(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	u, err := s.user(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	apps, err := s.store.FindApplications(ctx, tracker.ApplicationFilter{UserID: u.ID, Query: q})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	now := s.now()
	ivs, err := s.store.FindInterviews(ctx, tracker.InterviewFilter{UserID: u.ID, From: now, PendingOnly: true})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	next := make(map[int64]*tracker.Interview)
	for _, iv := range ivs {
		if next[iv.ApplicationID] == nil {
			next[iv.ApplicationID] = iv
		}
	}
	d := &boardPage{Query: q, Total: len(apps)}
	d.Title, d.Nav, d.Wide = "Board", "board", true
	here := r.URL.RequestURI()
	cols := make(map[string]*boardColumn)
	for _, k := range tracker.StageKinds {
		c := &boardColumn{Key: string(k), Label: k.Label(), Here: here}
		cols[c.Key] = c
		d.Columns = append(d.Columns, c)
	}
	closed := &boardColumn{Key: closedColumn, Label: "Closed", Here: here}
	d.Columns = append(d.Columns, closed)
	var ended []*tracker.Application
	for _, a := range apps {
		if !a.Active() {
			ended = append(ended, a)
			continue
		}
		c := cols[string(a.State.StageKind)]
		if c == nil {
			c = cols[string(tracker.Applied)]
		}
		c.Cards = append(c.Cards, s.card(a, next[a.ID]))
	}
	slices.SortStableFunc(ended, func(x, y *tracker.Application) int {
		return cmp.Or(y.State.Since.Compare(x.State.Since), cmp.Compare(y.ID, x.ID))
	})
	for i, a := range ended {
		if i == closedShown {
			closed.More = len(ended) - closedShown
			break
		}
		closed.Cards = append(closed.Cards, s.card(a, nil))
	}
	s.render(w, r, "board", d)
}

func (s *Server) card(a *tracker.Application, next *tracker.Interview) boardCard {
	c := boardCard{
		ID:        a.ID,
		Company:   a.Company.Name,
		Role:      a.Role,
		Level:     levelLabel(a.Level),
		Kind:      a.Company.Kind,
		KindLabel: a.Company.Kind.Label(),
		State:     a.State.Label(),
		Outcome:   a.State.Outcome,
		InStage:   s.inStage(a.State),
		Options:   s.moveSelect(a.State),
	}
	if next != nil {
		c.Next = next.Title + " · " + s.when(next.At)
		c.NextURL = "/interviews/" + itoa(next.ID)
	}
	return c
}

func levelLabel(l tracker.Level) string {
	if l == "" {
		return ""
	}
	return strings.ToUpper(string(l[:1])) + string(l[1:])
}

// inStage says how long the application has been where it is.
func (s *Server) inStage(st tracker.State) string {
	d := s.ago(st.Since)
	switch {
	case d == "":
		return ""
	case d == "today" && st.Outcome != "":
		return "closed today"
	case d == "today":
		return "moved today"
	case st.Outcome != "":
		return d + " ago"
	}
	return d + " in stage"
}
