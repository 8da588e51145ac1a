package web

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
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

// cardRow is one line of the card list.
type cardRow struct {
	C          drill.Card
	Link       string
	Prompt     string
	Round      string
	TopicTitle string
	State      string // "new" when never reviewed
	Due        string
	DueSoon    bool // due now
	Recall     string
	RecallCls  string
}

type cardsPage struct {
	base
	Topics    []drill.Topic
	Topic     string
	Q         string
	Rows      []cardRow
	Total     int // cards before the filter
	Shown     int
	More      int
	Imported  string
	Deleted   string
	Error     string
	MaxUpload string
	Rounds    []roundOption
	ExportQ   string
}

type roundOption struct {
	Value drill.Round
	Name  string
}

func roundOptions() []roundOption {
	out := make([]roundOption, 0, len(drill.Rounds))
	for _, r := range drill.Rounds {
		out = append(out, roundOption{Value: r, Name: roundName(r)})
	}
	return out
}

// cardListShown caps the card list; a search narrows it.
const cardListShown = 400

func matches(c *drill.Card, q string) bool {
	if q == "" {
		return true
	}
	for _, f := range []string{c.ID, c.Prompt, c.Answer, strings.Join(c.Tags, " ")} {
		if strings.Contains(strings.ToLower(f), q) {
			return true
		}
	}
	return false
}

func (s *Server) cardList(w http.ResponseWriter, r *http.Request) {
	d, u, ok := s.drillUser(w, r)
	if !ok {
		return
	}
	p, err := s.cardsPage(r, d, u)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, "cards", p)
}

func (s *Server) cardsPage(r *http.Request, d *drill.Drill, u *tracker.User) (*cardsPage, error) {
	ctx := r.Context()
	topics, err := d.Topics(ctx, u.ID)
	if err != nil {
		return nil, err
	}
	q := r.URL.Query()
	p := &cardsPage{Topics: topics, Q: strings.TrimSpace(q.Get("q")), MaxUpload: byteSize(s.cfg.MaxUpload), Rounds: roundOptions()}
	p.Title, p.Nav = "Cards", "drill"
	if t := q.Get("topic"); t != "" {
		if _, _, err := s.drillTopic(r, topics); err != nil {
			return nil, err
		}
		p.Topic = t
	}
	if p.Topic != "" {
		p.ExportQ = "?topic=" + url.QueryEscape(p.Topic)
	}
	if n := q.Get("imported"); n != "" {
		p.Imported = n
	}
	p.Deleted = q.Get("deleted")
	cards, err := d.Cards(ctx, u.ID, p.Topic)
	if err != nil {
		return nil, err
	}
	p.Total = len(cards)
	progress, err := d.Store.AllProgress(ctx, u.ID)
	if err != nil {
		return nil, err
	}
	sched, err := d.Scheduler(ctx, u.ID)
	if err != nil {
		return nil, err
	}
	byID := make(map[string]*drill.Progress, len(progress))
	for i := range progress {
		byID[progress[i].CardID] = &progress[i]
	}
	titles := map[string]string{}
	for _, t := range topics {
		titles[t.Key] = t.Title
	}
	needle := strings.ToLower(p.Q)
	now := s.now()
	for i := range cards {
		c := &cards[i]
		if !matches(c, needle) {
			continue
		}
		p.Shown++
		if len(p.Rows) >= cardListShown {
			p.More++
			continue
		}
		p.Rows = append(p.Rows, s.cardRow(c, byID[c.ID], sched, now, titles))
	}
	return p, nil
}

func (s *Server) cardRow(c *drill.Card, pr *drill.Progress, sched *fsrs.Scheduler, now time.Time, titles map[string]string) cardRow {
	row := cardRow{C: *c, Link: "/cards/" + url.PathEscape(c.ID), Prompt: plainText(c.Prompt, 160), Round: roundName(c.Round), TopicTitle: titles[c.Topic], State: "new"}
	if pr == nil {
		return row
	}
	row.State = pr.State
	row.DueSoon = !pr.Due.After(now)
	if row.DueSoon {
		row.Due = "now"
	} else if pr.Due.Sub(now) < 24*time.Hour {
		row.Due = "in " + drill.FormatInterval(pr.Due.Sub(now))
	} else {
		row.Due = s.relDay(pr.Due)
	}
	if fc, err := pr.FSRS(); err == nil && !fc.LastReview.IsZero() {
		rc := sched.Retrievability(fc, now)
		row.Recall, row.RecallCls = pct(rc), recallClass(rc, sched.DesiredRetention)
	}
	return row
}

// cardPage is one card with its answer and review history.
type cardPage struct {
	base
	C          drill.Card
	Row        cardRow
	Answer     template.HTML
	TopicTitle string
	Progress   *drill.Progress
	Reviews    []reviewRow
	Tags       string
	Saved      bool
	Stability  string
	Difficulty string
}

type reviewRow struct {
	When, Rating, Class, Interval, Recall, Took, State string
}

func (s *Server) showCard(w http.ResponseWriter, r *http.Request) {
	d, u, ok := s.drillUser(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	c, err := d.Card(ctx, u.ID, r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p := &cardPage{C: c, Answer: markdown(c.Answer), Tags: strings.Join(c.Tags, " "), Saved: r.URL.Query().Get("saved") == "1"}
	p.Title, p.Nav = plainText(c.Prompt, 60), "drill"
	topics, err := d.Topics(ctx, u.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	titles := map[string]string{}
	for _, t := range topics {
		titles[t.Key] = t.Title
	}
	p.TopicTitle = titles[c.Topic]
	sched, err := d.Scheduler(ctx, u.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	pr, err := d.Store.Progress(ctx, u.ID, c.ID)
	switch {
	case err == nil:
		p.Progress = &pr
		p.Stability = strconv.FormatFloat(pr.Stability, 'f', 1, 64) + " d"
		p.Difficulty = strconv.FormatFloat(pr.Difficulty, 'f', 1, 64) + " / 10"
	case errs.CodeOf(err) != errs.NotFound:
		s.fail(w, r, err)
		return
	}
	p.Row = s.cardRow(&c, p.Progress, sched, s.now(), titles)
	logs, err := d.Store.Reviews(ctx, u.ID, time.Time{})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	for i := len(logs) - 1; i >= 0; i-- {
		l := logs[i]
		if l.CardID != c.ID {
			continue
		}
		rr := reviewRow{When: s.when(l.At), Rating: drill.RatingLabel(l.Rating), Class: "rate-" + l.Rating.String(),
			Interval: drill.FormatInterval(l.Due.Sub(l.At)), State: l.StateBefore + " → " + l.StateAfter}
		if l.StateBefore != fsrs.New.String() {
			rr.Recall = pct(l.Retrievability)
		}
		if l.DurationMS > 0 {
			rr.Took = strconv.FormatFloat(float64(l.DurationMS)/1000, 'f', 1, 64) + " s"
		}
		p.Reviews = append(p.Reviews, rr)
	}
	s.render(w, r, "card", p)
}

// cardFormPage adds or edits a user card.
type cardFormPage struct {
	base
	New    bool
	C      drill.Card
	Tags   string
	Topics []drill.Topic
	Rounds []roundOption
	Error  string
	Action string
}

func (s *Server) cardForm(w http.ResponseWriter, r *http.Request, code int, d *drill.Drill, u *tracker.User, p *cardFormPage) {
	topics, err := d.Topics(r.Context(), u.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p.Topics, p.Rounds = topics, roundOptions()
	p.Nav = "drill"
	if p.New {
		p.Title, p.Action = "New card", "/cards/new"
	} else {
		p.Title, p.Action = "Edit card", "/cards/"+url.PathEscape(p.C.ID)+"/edit"
	}
	s.renderStatus(w, r, code, "card_form", p)
}

func (s *Server) newCard(w http.ResponseWriter, r *http.Request) {
	d, u, ok := s.drillUser(w, r)
	if !ok {
		return
	}
	c := drill.Card{Round: drill.RoundTheory, Difficulty: 2, Topic: r.URL.Query().Get("topic")}
	s.cardForm(w, r, http.StatusOK, d, u, &cardFormPage{New: true, C: c})
}

// readCard reads the card form.
func readCard(r *http.Request) (drill.Card, string, error) {
	c := drill.Card{
		ID:     formString(r, "id"),
		Topic:  drill.NormalizeTopic(formString(r, "topic")),
		Round:  drill.Round(formString(r, "round")),
		Prompt: formText(r, "prompt"),
		Answer: formText(r, "answer"),
		User:   true,
	}
	tags := formString(r, "tags")
	c.Tags = strings.FieldsFunc(tags, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' })
	n, err := formInt(r, "difficulty", "difficulty")
	if err != nil {
		return c, tags, err
	}
	c.Difficulty = n
	if c.ID == "" && strings.TrimSpace(c.Prompt) != "" {
		c.ID = drill.GenerateID(c.Prompt)
	}
	return c, tags, c.Validate()
}

func (s *Server) createCard(w http.ResponseWriter, r *http.Request) {
	d, u, ok := s.drillUser(w, r)
	if !ok {
		return
	}
	if err := s.parseForm(w, r); err != nil {
		s.fail(w, r, err)
		return
	}
	c, tags, err := readCard(r)
	if err == nil {
		if _, err = d.Card(r.Context(), u.ID, c.ID); err == nil {
			err = errs.Conflictf("there is already a card %s; choose another id", c.ID)
		} else if errs.CodeOf(err) == errs.NotFound {
			err = d.SaveCard(r.Context(), u.ID, c)
		}
	}
	if err != nil {
		if !userError(err) {
			s.fail(w, r, err)
			return
		}
		s.cardForm(w, r, status(err, true), d, u, &cardFormPage{New: true, C: c, Tags: tags, Error: message(err)})
		return
	}
	seeOther(w, r, "/cards/"+url.PathEscape(c.ID)+"?saved=1")
}

// userCard loads the user card of the path, answering the request when it is
// a bank card (read-only) or none.
func (s *Server) userCard(w http.ResponseWriter, r *http.Request, d *drill.Drill, u *tracker.User) (drill.Card, bool) {
	c, err := d.Card(r.Context(), u.ID, r.PathValue("id"))
	if err == nil && !c.User {
		err = errs.Conflictf("card %s is from the question bank, which is read-only; write your own card instead", c.ID)
	}
	if err != nil {
		s.fail(w, r, err)
		return c, false
	}
	return c, true
}

func (s *Server) editCard(w http.ResponseWriter, r *http.Request) {
	d, u, ok := s.drillUser(w, r)
	if !ok {
		return
	}
	c, ok := s.userCard(w, r, d, u)
	if !ok {
		return
	}
	s.cardForm(w, r, http.StatusOK, d, u, &cardFormPage{C: c, Tags: strings.Join(c.Tags, " ")})
}

func (s *Server) updateCard(w http.ResponseWriter, r *http.Request) {
	d, u, ok := s.drillUser(w, r)
	if !ok {
		return
	}
	old, ok := s.userCard(w, r, d, u)
	if !ok {
		return
	}
	if err := s.parseForm(w, r); err != nil {
		s.fail(w, r, err)
		return
	}
	c, tags, err := readCard(r)
	c.ID = old.ID // the id names the card's progress and reviews: it stays
	if err == nil || errs.CodeOf(err) == errs.Invalid {
		err = c.Validate()
	}
	if err == nil {
		err = d.SaveCard(r.Context(), u.ID, c)
	}
	if err != nil {
		if !userError(err) {
			s.fail(w, r, err)
			return
		}
		s.cardForm(w, r, status(err, true), d, u, &cardFormPage{C: c, Tags: tags, Error: message(err)})
		return
	}
	seeOther(w, r, "/cards/"+url.PathEscape(c.ID)+"?saved=1")
}

type cardDeletePage struct {
	base
	C      drill.Card
	Prompt string
}

func (s *Server) confirmDeleteCard(w http.ResponseWriter, r *http.Request) {
	d, u, ok := s.drillUser(w, r)
	if !ok {
		return
	}
	c, ok := s.userCard(w, r, d, u)
	if !ok {
		return
	}
	p := &cardDeletePage{C: c, Prompt: plainText(c.Prompt, 200)}
	p.Title, p.Nav = "Delete card", "drill"
	s.render(w, r, "card_delete", p)
}

func (s *Server) deleteCard(w http.ResponseWriter, r *http.Request) {
	d, u, ok := s.drillUser(w, r)
	if !ok {
		return
	}
	c, ok := s.userCard(w, r, d, u)
	if !ok {
		return
	}
	if err := d.Store.DeleteUserCard(r.Context(), u.ID, c.ID); err != nil {
		s.fail(w, r, err)
		return
	}
	seeOther(w, r, "/cards?deleted="+url.QueryEscape(c.ID))
}

// importCards reads an uploaded CSV or Anki text file of cards and saves them
// all, or none when any line is wrong. Rows that name a bank card are left
// out: the bank is read-only, and an export of every card holds them.
func (s *Server) importCards(w http.ResponseWriter, r *http.Request) {
	d, u, ok := s.drillUser(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	fail := func(err error) {
		if !userError(err) {
			s.fail(w, r, err)
			return
		}
		p, perr := s.cardsPage(r, d, u)
		if perr != nil {
			s.fail(w, r, perr)
			return
		}
		p.Error = message(err)
		s.renderStatus(w, r, status(err, true), "cards", p)
	}
	r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxUpload+64<<10)
	if err := r.ParseMultipartForm(1 << 20); err != nil {
		if err := tooLarge(err, s.cfg.MaxUpload); errs.CodeOf(err) == errs.TooLarge {
			fail(err)
			return
		}
		fail(errs.Invalidf("choose a file to import"))
		return
	}
	f, hdr, err := r.FormFile("file")
	if err != nil {
		fail(errs.Invalidf("choose a file to import"))
		return
	}
	defer f.Close()
	if hdr.Size > s.cfg.MaxUpload {
		fail(errs.E(errs.TooLarge, "the file is too large: the limit is %s", byteSize(s.cfg.MaxUpload)))
		return
	}
	data, err := io.ReadAll(io.LimitReader(f, s.cfg.MaxUpload+1))
	if err != nil {
		fail(fmt.Errorf("read upload: %w", err))
		return
	}
	if int64(len(data)) > s.cfg.MaxUpload {
		fail(errs.E(errs.TooLarge, "the file is too large: the limit is %s", byteSize(s.cfg.MaxUpload)))
		return
	}
	diff, _ := strconv.Atoi(r.PostFormValue("difficulty"))
	def := drill.ImportDefaults{Topic: r.PostFormValue("topic"), Round: drill.Round(r.PostFormValue("round")), Difficulty: diff}
	format := r.PostFormValue("format")
	if format == "" || format == "auto" {
		format = "anki"
		name := strings.ToLower(hdr.Filename)
		if strings.HasSuffix(name, ".csv") {
			format = "csv"
		}
	}
	var cards []drill.Card
	switch format {
	case "csv":
		cards, err = drill.ParseCSV(bytes.NewReader(data), def)
	case "anki":
		cards, err = drill.ParseAnki(bytes.NewReader(data), def)
	default:
		err = errs.Invalidf("the format is csv or anki, not %q", format)
	}
	if err != nil {
		fail(err)
		return
	}
	keep := cards[:0]
	skipped := 0
	for _, c := range cards {
		if _, bank := d.Bank.Card(c.ID); bank {
			skipped++
			continue
		}
		keep = append(keep, c)
	}
	if len(keep) > 0 {
		if err := d.Store.ImportUserCards(ctx, u.ID, keep); err != nil {
			fail(err)
			return
		}
	}
	msg := plural(len(keep), "card") + " imported"
	if skipped > 0 {
		msg += fmt.Sprintf("; %d bank cards left out (the bank already has them)", skipped)
	}
	seeOther(w, r, "/cards?imported="+url.QueryEscape(msg))
}

func (s *Server) exportCards(w http.ResponseWriter, r *http.Request, ext, ctype string, write func(io.Writer, []drill.Card) error) {
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
	topic, _, err := s.drillTopic(r, topics)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	cards, err := d.Cards(ctx, u.ID, topic)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if r.URL.Query().Get("mine") == "1" {
		cards = slices.DeleteFunc(slices.Clone(cards), func(c drill.Card) bool { return !c.User })
	}
	var buf bytes.Buffer
	if err := write(&buf, cards); err != nil {
		s.fail(w, r, fmt.Errorf("export cards: %w", err))
		return
	}
	name := "offerloop-cards"
	if topic != "" {
		name += "-" + topic
	}
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s-%s.%s"`, name, s.dateValue(s.now()), ext))
	h.Set("Cache-Control", "no-store")
	w.Write(buf.Bytes())
}

func (s *Server) exportCardsCSV(w http.ResponseWriter, r *http.Request) {
	s.exportCards(w, r, "csv", "text/csv; charset=utf-8", drill.WriteCSV)
}

func (s *Server) exportCardsAnki(w http.ResponseWriter, r *http.Request) {
	s.exportCards(w, r, "txt", "text/plain; charset=utf-8", drill.WriteAnki)
}
