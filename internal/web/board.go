package web

import (
	"html/template"
	"net/http"
	"strings"

	"github.com/offerloop/offerloop/internal/tracker"
)

// How many cards a board column shows, most recently moved first; the rest are
// counted, and the column's "show all" link lists them.
const (
	boardShown  = 40
	closedShown = 30
)

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
	More  int // applications in the column not shown
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
	full := r.URL.Query().Get("column") // a column to show uncut
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
	here := r.URL.RequestURI()
	d := &boardPage{Query: q}
	d.Title, d.Nav, d.Wide = "Board", "board", true
	cols := make(map[string]*boardColumn)
	for _, k := range tracker.StageKinds {
		c := &boardColumn{Key: string(k), Label: k.Label(), Here: here}
		cols[c.Key] = c
		d.Columns = append(d.Columns, c)
	}
	closed := &boardColumn{Key: closedColumn, Label: "Closed", Here: here}
	cols[closedColumn] = closed
	d.Columns = append(d.Columns, closed)
	if q != "" {
		// A search reads every match and shows them all.
		apps, err := s.store.FindApplications(ctx, tracker.ApplicationFilter{UserID: u.ID, Query: q, RecentFirst: true})
		if err != nil {
			s.fail(w, r, err)
			return
		}
		d.Total = len(apps)
		for _, a := range apps {
			c := closed
			if a.Active() {
				if c = cols[string(a.State.StageKind)]; c == nil {
					c = cols[string(tracker.Applied)]
				}
			}
			c.Cards = append(c.Cards, s.card(a, next[a.ID]))
		}
		s.render(w, r, "board", d)
		return
	}
	// Without a search, each column reads only the cards it shows, most recently
	// moved first, and counts the rest: a board of thousands stays fast.
	counts, err := s.store.CountApplications(ctx, u.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	total := map[string]int{}
	for _, c := range counts {
		d.Total += c.Count
		key := string(c.StageKind)
		if c.Closed {
			key = closedColumn
		} else if cols[key] == nil {
			key = string(tracker.Applied)
		}
		total[key] += c.Count
	}
	for _, c := range d.Columns {
		if total[c.Key] == 0 {
			continue
		}
		f := tracker.ApplicationFilter{UserID: u.ID, RecentFirst: true, Limit: boardShown}
		if c == closed {
			f.ClosedOnly, f.Limit = true, closedShown
		} else {
			f.ActiveOnly, f.StageKind = true, tracker.StageKind(c.Key)
		}
		if full == c.Key {
			f.Limit = 0
		}
		apps, err := s.store.FindApplications(ctx, f)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		for _, a := range apps {
			c.Cards = append(c.Cards, s.card(a, next[a.ID]))
		}
		c.More = total[c.Key] - len(c.Cards)
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
