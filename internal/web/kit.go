package web

import (
	"context"
	"mime"
	"net/http"
	"slices"
	"strings"

	"github.com/offerloop/offerloop/internal/errs"
	"github.com/offerloop/offerloop/internal/kit"
	"github.com/offerloop/offerloop/internal/resume"
	"github.com/offerloop/offerloop/internal/tracker"
)

// The application kit: each application's cover letter (/applications/{id}/letter,
// with whether to write one at all) and "walk me through your resume" pitch
// (/applications/{id}/pitch, with a practice timer), both checked by
// internal/kit against the application's company, job description and latest
// resume check; the recruiter-screen scripts on the interview page; and the
// portfolio checklist with a README check (/portfolio). The rules and the
// words are internal/kit's; the documents are in Config.Kit, and without it
// the letter and pitch pages say so.

// pitchTarget is the pitch's length in seconds: three minutes.
const pitchTarget = 180

// kitUser returns the kit's store and the user, or answers the request with
// the notice that the kit is off.
func (s *Server) kitUser(w http.ResponseWriter, r *http.Request) (kit.Store, *tracker.User, bool) {
	if s.kit == nil {
		d := &kitOffPage{}
		d.Title, d.Nav = "Application kit", "board"
		s.renderStatus(w, r, http.StatusNotFound, "kit_off", d)
		return nil, nil, false
	}
	u, err := s.user(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return nil, nil, false
	}
	return s.kit, u, true
}

type kitOffPage struct{ base }

// kitDocPage is the letter or the pitch page of an application.
type kitDocPage struct {
	base
	App     *tracker.Application
	Kind    string // kit.KindLetter or kit.KindPitch
	Name    string // "cover letter", "pitch"
	Parts   []kit.Part
	Text    string // in the textarea: what was sent, else the saved text
	Saved   string // when the saved text was last saved; empty when none is
	Changed bool   // the text shown is not the saved one
	Report  *kitReportView
	Error   string
	Flash   string
	Max     int
	// What the checks know of the application.
	HasJD     bool
	HasResume bool
	// The letter's decision.
	Questions []questionView
	Decision  *kit.Decision
	Decided   bool
	// The pitch's practice mode.
	Outline []string
	Target  int
}

type questionView struct {
	ID, Text string
	Checked  bool
}

// kitReportView is a checked letter, pitch or README as the page shows it.
type kitReportView struct {
	*kit.Report
	Spoken string // m:ss at 150 words a minute
	Bars   []partBar
	Failed []kitFinding
	OK     []kitFinding
}

// kitFinding is a finding with its check as a label.
type kitFinding struct {
	kit.Finding
	Label string
}

var checkLabels = map[string]string{"call_to_action": "Call to action", "quantified": "Result in numbers", "claims": "Resume backs it", "numbers": "Results in numbers"}

func checkLabel(c string) string {
	if l, ok := checkLabels[c]; ok {
		return l
	}
	if _, tail, ok := strings.Cut(c, "/"); ok {
		c = tail // section/setup
	}
	return sentence(strings.ReplaceAll(c, "_", " "))
}

// partBar is one part's size against the size it should have.
type partBar struct {
	Name    string
	Words   int
	Percent int // of the whole
	Want    int // the share it should have, in percent
	Fill    int // the bar's width, 0–100
	Got     string
	Aim     string
	Off     bool
}

func kitReport(r *kit.Report, parts []kit.Part) *kitReportView {
	v := &kitReportView{Report: r, Spoken: mmss(r.Seconds)}
	for _, f := range r.Findings {
		kf := kitFinding{Finding: f, Label: checkLabel(f.Check)}
		if f.OK {
			v.OK = append(v.OK, kf)
		} else {
			v.Failed = append(v.Failed, kf)
		}
	}
	for i, p := range r.Parts {
		b := partBar{Name: p.Part, Words: p.Words, Percent: p.Percent, Want: p.Want, Fill: min(p.Percent, 100)}
		if r.Kind == kit.KindPitch && i < len(parts) && parts[i].Seconds > 0 {
			// A pitch part is timed: the bar runs to twice its seconds,
			// so the mark of its aim is in the middle.
			secs, want := p.Words*60/150, parts[i].Seconds
			b.Fill, b.Want = min(secs*50/want, 100), 50
			b.Got, b.Aim = mmss(secs)+" spoken", "about "+mmss(want)
			b.Off = secs*10 < want*6 || secs*10 > want*14
		} else {
			b.Got, b.Aim = itoa(int64(p.Percent))+"%", "about "+itoa(int64(p.Want))+"%"
			b.Off = b.Percent < b.Want-12 || b.Percent > b.Want+12
		}
		v.Bars = append(v.Bars, b)
	}
	return v
}

// kitContext is what the checks know of an application: its company, its
// job description and the text of its latest resume check.
func (s *Server) kitContext(ctx context.Context, userID int64, a *tracker.Application) (kit.Context, error) {
	c := kit.Context{Company: a.Company.Name, JD: a.JDText}
	if s.resume == nil {
		return c, nil
	}
	checks, err := s.resume.Checks(ctx, userID, a.ID)
	if err != nil {
		return c, err
	}
	if len(checks) > 0 && checks[0].Report != nil {
		c.Resume = resumeText(checks[0].Report)
	}
	return c, nil
}

// resumeText is the resume text a stored check keeps: its bullets and
// skills, which is what a letter's figures are checked against.
func resumeText(r *resume.Report) string {
	var b strings.Builder
	for _, bl := range r.Bullets {
		b.WriteString(bl.Text + "\n")
	}
	for _, sk := range r.Skills {
		b.WriteString(sk.Text + "\n")
	}
	return b.String()
}

// savedDoc returns the application's saved letter or pitch, or nil.
func savedDoc(ctx context.Context, st kit.Store, userID, appID int64, kind string) (*kit.Doc, error) {
	docs, err := st.Docs(ctx, userID, appID)
	if err != nil {
		return nil, err
	}
	for i := range docs {
		if docs[i].Kind == kind {
			return &docs[i], nil
		}
	}
	return nil, nil
}

func (s *Server) check(kind, text string, c kit.Context) *kit.Report {
	if kind == kit.KindPitch {
		return s.kitc.CheckPitch(text, c)
	}
	return s.kitc.CheckLetter(text, c)
}

func (s *Server) showLetter(w http.ResponseWriter, r *http.Request) {
	s.showKitDoc(w, r, kit.KindLetter)
}
func (s *Server) showPitch(w http.ResponseWriter, r *http.Request) { s.showKitDoc(w, r, kit.KindPitch) }
func (s *Server) postLetter(w http.ResponseWriter, r *http.Request) {
	s.postKitDoc(w, r, kit.KindLetter)
}
func (s *Server) postPitch(w http.ResponseWriter, r *http.Request) { s.postKitDoc(w, r, kit.KindPitch) }

// showKitDoc shows the letter or pitch page with the saved text and its
// report; the letter's decision questions are answered by a GET form.
func (s *Server) showKitDoc(w http.ResponseWriter, r *http.Request, kind string) {
	if _, _, ok := s.kitUser(w, r); !ok {
		return
	}
	id, err := pathID(r, "id")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d := &kitDocPage{}
	if r.URL.Query().Get("saved") != "" {
		d.Flash = "Saved."
	}
	s.renderKitDoc(w, r, http.StatusOK, id, kind, nil, d)
}

// renderKitDoc fills the page: sent is the text posted, nil on a GET, which
// shows the saved text.
func (s *Server) renderKitDoc(w http.ResponseWriter, r *http.Request, code int, id int64, kind string, sent *string, d *kitDocPage) {
	ctx := r.Context()
	u, err := s.user(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	a, err := s.store.FindApplication(ctx, u.ID, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	saved, err := savedDoc(ctx, s.kit, u.ID, id, kind)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	c, err := s.kitContext(ctx, u.ID, a)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d.App, d.Kind, d.Max = a, kind, kit.MaxDoc
	d.HasJD, d.HasResume = strings.TrimSpace(c.JD) != "", c.Resume != ""
	if saved != nil {
		d.Text, d.Saved = saved.Text, s.when(saved.UpdatedAt)
	}
	if sent != nil {
		d.Text = *sent
		d.Changed = saved == nil || saved.Text != *sent
	}
	if kind == kit.KindPitch {
		d.Name, d.Parts, d.Target = "pitch", s.kitc.PitchParts, pitchTarget
		d.Title, d.Nav = "Pitch · "+a.Title(), "board"
	} else {
		d.Name, d.Parts = "cover letter", s.kitc.LetterParts
		d.Title, d.Nav = "Cover letter · "+a.Title(), "board"
		s.fillDecision(r, d)
	}
	if strings.TrimSpace(d.Text) != "" && d.Error == "" {
		d.Report = kitReport(s.check(kind, d.Text, c), d.Parts)
	}
	if kind == kit.KindPitch && strings.TrimSpace(d.Text) != "" {
		d.Outline = kit.Outline(d.Text)
	}
	s.renderStatus(w, r, code, "kit_doc", d)
}

// fillDecision reads the decision questions from the query: each ticked
// question is its id with any value, and decide=1 says the form was sent.
func (s *Server) fillDecision(r *http.Request, d *kitDocPage) {
	q := r.URL.Query()
	answers := map[string]bool{}
	for _, k := range s.kitc.LetterRules.Questions {
		on := q.Get(k.ID) != ""
		answers[k.ID] = on
		d.Decided = d.Decided || on
		d.Questions = append(d.Questions, questionView{ID: k.ID, Text: k.Text, Checked: on})
	}
	if d.Decided || q.Get("decide") != "" {
		d.Decided = true
		dec := s.kitc.Decide(answers)
		d.Decision = &dec
	}
}

// postKitDoc checks the letter or pitch sent (action=check) or saves it
// and shows the saved page (action=save).
func (s *Server) postKitDoc(w http.ResponseWriter, r *http.Request, kind string) {
	st, u, ok := s.kitUser(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	id, err := pathID(r, "id")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if _, err := s.store.FindApplication(ctx, u.ID, id); err != nil {
		s.fail(w, r, err)
		return
	}
	if err := s.parseForm(w, r); err != nil {
		s.fail(w, r, err)
		return
	}
	text := formText(r, "text")
	action := r.PostFormValue("action")
	d := &kitDocPage{}
	switch {
	case len(text) > kit.MaxDoc:
		err = errs.E(errs.TooLarge, "the %s is %d characters long; the limit is %d", kindName(kind), len(text), kit.MaxDoc)
	case strings.TrimSpace(text) == "":
		err = errs.Invalidf("write the %s first, then check it", kindName(kind))
	case action == "save":
		err = st.SaveDoc(ctx, u.ID, &kit.Doc{ApplicationID: id, Kind: kind, Text: text, UpdatedAt: s.now()})
		if err == nil {
			seeOther(w, r, "/applications/"+itoa(id)+"/"+kind+"?saved=1#report")
			return
		}
	case action != "check":
		err = errs.Invalidf("choose Check or Save")
	}
	if err != nil {
		if !userError(err) {
			s.fail(w, r, err)
			return
		}
		d.Error = message(err)
	}
	s.renderKitDoc(w, r, status(err, true), id, kind, &text, d)
}

func kindName(kind string) string {
	if kind == kit.KindPitch {
		return "pitch"
	}
	return "cover letter"
}

// exportKitDoc answers the saved letter or pitch as a text or Markdown
// download named after the company.
func (s *Server) exportKitDoc(kind, format string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		st, u, ok := s.kitUser(w, r)
		if !ok {
			return
		}
		ctx := r.Context()
		id, err := pathID(r, "id")
		if err != nil {
			s.fail(w, r, err)
			return
		}
		a, err := s.store.FindApplication(ctx, u.ID, id)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		doc, err := savedDoc(ctx, st, u.ID, id, kind)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		if doc == nil {
			s.fail(w, r, errs.NotFoundf("no %s is saved for %s yet", kindName(kind), a.Title()))
			return
		}
		body := strings.TrimRight(doc.Text, "\n") + "\n"
		ctype := "text/plain; charset=utf-8"
		if format == "md" {
			ctype = "text/markdown; charset=utf-8"
			body = "# " + sentence(kindName(kind)) + ": " + a.Title() + "\n\n" + body
		}
		name := slug(kindName(kind)+" "+a.Company.Name) + "." + format
		h := w.Header()
		h.Set("Content-Type", ctype)
		h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
		h.Set("Cache-Control", "no-store")
		w.Write([]byte(body))
	}
}

// slug makes a file name of s: lower-case ASCII letters and digits, words
// joined by hyphens.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, c := range strings.ToLower(s) {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(c)
			dash = false
		} else {
			dash = true
		}
	}
	if b.Len() == 0 {
		return "offerloop"
	}
	return b.String()
}

// kitPanel is the application page's kit panel.
type kitPanel struct {
	Letter, Pitch string // when each was saved; empty when not yet
}

func (s *Server) kitPanel(ctx context.Context, userID int64, a *tracker.Application) (*kitPanel, error) {
	if s.kit == nil {
		return nil, nil
	}
	docs, err := s.kit.Docs(ctx, userID, a.ID)
	if err != nil {
		return nil, err
	}
	p := &kitPanel{}
	for _, doc := range docs {
		switch doc.Kind {
		case kit.KindLetter:
			p.Letter = s.when(doc.UpdatedAt)
		case kit.KindPitch:
			p.Pitch = s.when(doc.UpdatedAt)
		}
	}
	return p, nil
}

// screenKit is the interview page's "What to say" for a recruiter or phone
// screen: the scripts for the round and the questions to ask a recruiter
// and to leave for later.
type screenKit struct {
	Scripts []kit.Script
	Ask     []kit.Tip
	Avoid   []kit.Tip
	Pitch   string // the application's pitch page
}

func (s *Server) screenKit(kind tracker.RoundKind, appID int64) *screenKit {
	if kind != tracker.RoundRecruiterScreen && kind != tracker.RoundPhoneScreen {
		return nil
	}
	sk := &screenKit{Ask: s.kitc.RecruiterQuestions.Ask, Avoid: s.kitc.RecruiterQuestions.Avoid}
	for _, sc := range s.kitc.Scripts {
		if slices.Contains(sc.Rounds, string(kind)) {
			sk.Scripts = append(sk.Scripts, sc)
		}
	}
	if s.kit != nil {
		sk.Pitch = "/applications/" + itoa(appID) + "/pitch"
	}
	return sk
}

// portfolioPage is the portfolio checklist and the README check.
type portfolioPage struct {
	base
	Items    []kit.Tip
	Sections []kit.ReadmeSection
	Text     string
	Report   *kitReportView
	Error    string
	Max      int
}

func (s *Server) portfolio(w http.ResponseWriter, r *http.Request) {
	s.renderPortfolio(w, r, http.StatusOK, &portfolioPage{})
}

func (s *Server) renderPortfolio(w http.ResponseWriter, r *http.Request, code int, d *portfolioPage) {
	d.Title, d.Nav = "Portfolio", "practice"
	d.Items, d.Sections, d.Max = s.kitc.Portfolio, s.kitc.ReadmeSections, maxReadme
	s.renderStatus(w, r, code, "portfolio", d)
}

// maxReadme caps a pasted README.
const maxReadme = kit.MaxDoc * 5

// checkReadme checks a pasted README as a portfolio piece; nothing is stored.
func (s *Server) checkReadme(w http.ResponseWriter, r *http.Request) {
	if err := s.parseForm(w, r); err != nil {
		s.fail(w, r, err)
		return
	}
	d := &portfolioPage{Text: formText(r, "readme")}
	switch {
	case len(d.Text) > maxReadme:
		d.Error = "The README is longer than " + byteSize(maxReadme) + "; paste the top of it, down to the setup steps."
		d.Text = d.Text[:maxReadme]
		s.renderPortfolio(w, r, http.StatusRequestEntityTooLarge, d)
		return
	case strings.TrimSpace(d.Text) == "":
		d.Error = "Paste a README to check."
		s.renderPortfolio(w, r, http.StatusUnprocessableEntity, d)
		return
	}
	d.Report = kitReport(s.kitc.CheckReadme(d.Text), nil)
	s.renderPortfolio(w, r, http.StatusOK, d)
}
