package web

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"

	"github.com/offerloop/offerloop/internal/errs"
	"github.com/offerloop/offerloop/internal/resume"
	"github.com/offerloop/offerloop/internal/tracker"
)

// The resume checker: /resume takes a resume file and, optionally, a job
// description (pasted or a file) and an application to attach the result
// to; the check is stored and /resume/checks/{id} shows its report, with what
// changed since the previous check of the same application. The application
// page has a resume panel whose form (POST /applications/{id}/resume) checks
// against the application's own job description. The reading, the checks and
// the match are internal/resume's; this file shows them.

// maxJDFile caps a job description uploaded as a file: text or Markdown,
// which is never near this size.
const maxJDFile = 256 << 10

// maxResumeBody caps the whole multipart request of a check: the resume,
// a job description file, pasted text, and the form's framing.
const maxResumeBody = resume.MaxFileSize + maxJDFile + tracker.MaxText + 64<<10

// resumeUser returns the store of checks and the user, or answers the
// request with the notice that the checker is off.
func (s *Server) resumeUser(w http.ResponseWriter, r *http.Request) (resume.Store, *tracker.User, bool) {
	if s.resume == nil {
		if wantsJSON(r) {
			writeJSON(w, http.StatusNotFound, map[string]string{"error": "the resume checker is not enabled on this server"})
			return nil, nil, false
		}
		d := &resumeOffPage{}
		d.Title, d.Nav = "Resume", "resume"
		s.renderStatus(w, r, http.StatusNotFound, "resume_off", d)
		return nil, nil, false
	}
	u, err := s.user(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return nil, nil, false
	}
	return s.resume, u, true
}

type resumeOffPage struct{ base }

// checkRow is a stored check in a history list.
type checkRow struct {
	ID         int64
	Link       string
	When       string
	File       string
	Score      int
	MatchScore *int
}

func (s *Server) checkRow(c resume.Saved) checkRow {
	return checkRow{ID: c.ID, Link: "/resume/checks/" + itoa(c.ID), When: s.when(c.At), File: c.File, Score: c.Score, MatchScore: c.MatchScore}
}

// appOption is an application in the checker's select.
type appOption struct {
	ID    int64
	Title string
}

// resumePage is the checker's form with the checks attached to no
// application.
type resumePage struct {
	base
	Apps    []appOption
	AppID   int64
	JDText  string
	Error   string
	MaxFile string
	MaxJD   string
	Checks  []checkRow
}

func (s *Server) resumeForm(w http.ResponseWriter, r *http.Request) {
	if _, _, ok := s.resumeUser(w, r); !ok {
		return
	}
	d := &resumePage{}
	if v := r.URL.Query().Get("application"); v != "" {
		d.AppID, _ = strconv.ParseInt(v, 10, 64)
	}
	s.renderResumeForm(w, r, http.StatusOK, d)
}

func (s *Server) renderResumeForm(w http.ResponseWriter, r *http.Request, code int, d *resumePage) {
	ctx := r.Context()
	u, err := s.user(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d.Title, d.Nav = "Resume checker", "resume"
	d.MaxFile, d.MaxJD = byteSize(resume.MaxFileSize), byteSize(maxJDFile)
	apps, err := s.store.FindApplications(ctx, tracker.ApplicationFilter{UserID: u.ID, ActiveOnly: true, Brief: true})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	for _, a := range apps {
		d.Apps = append(d.Apps, appOption{ID: a.ID, Title: a.Title()})
	}
	checks, err := s.resume.Checks(ctx, u.ID, 0)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	for _, c := range checks {
		d.Checks = append(d.Checks, s.checkRow(c))
	}
	s.renderStatus(w, r, code, "resume", d)
}

// checkResume checks an upload from /resume, stores the report and shows it.
func (s *Server) checkResume(w http.ResponseWriter, r *http.Request) {
	st, u, ok := s.resumeUser(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	up, err := readResumeUpload(w, r)
	var saved resume.Saved
	if err == nil {
		saved, err = s.checkAndSave(ctx, st, u, up)
	}
	if err != nil {
		if !userError(err) && errs.CodeOf(err) != errs.NotFound {
			s.fail(w, r, err)
			return
		}
		d := &resumePage{AppID: up.AppID, JDText: up.JDText, Error: message(err)}
		s.renderResumeForm(w, r, status(err, true), d)
		return
	}
	seeOther(w, r, "/resume/checks/"+itoa(saved.ID))
}

// checkApplicationResume checks an upload from an application's page against
// that application's job description and attaches the report to it.
func (s *Server) checkApplicationResume(w http.ResponseWriter, r *http.Request) {
	st, u, ok := s.resumeUser(w, r)
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
	up, err := readResumeUpload(w, r)
	var saved resume.Saved
	if err == nil {
		// Only the application's own job description counts here.
		up.AppID, up.JDName, up.JD, up.JDText = id, "", nil, ""
		saved, err = s.checkAndSave(ctx, st, u, up)
	}
	if err != nil {
		s.applicationFormError(w, r, id, "resume", err)
		return
	}
	seeOther(w, r, "/resume/checks/"+itoa(saved.ID))
}

// resumeUpload is what a check's form sent.
type resumeUpload struct {
	Name   string
	Data   []byte
	JDName string
	JD     []byte // a job description file
	JDText string // pasted
	AppID  int64
}

// readResumeUpload reads the check's multipart form: the resume ("file"), a
// job description file ("jd_file") or pasted text ("jd_text"), and the
// application ("application"). The body is capped, and the resume at
// resume.MaxFileSize. What it could read of the form comes back with an
// error, so the form can be shown again as it was sent.
func readResumeUpload(w http.ResponseWriter, r *http.Request) (resumeUpload, error) {
	var up resumeUpload
	r.Body = http.MaxBytesReader(w, r.Body, maxResumeBody)
	if err := r.ParseMultipartForm(maxResumeBody); err != nil {
		var mb *http.MaxBytesError
		if errors.As(err, &mb) {
			return up, errs.E(errs.TooLarge, "the upload is too large: a resume may be up to %s", byteSize(resume.MaxFileSize))
		}
		if errors.Is(err, http.ErrNotMultipart) {
			return up, errs.Invalidf("choose a resume file to check")
		}
		return up, errs.Invalidf("the upload was cut short or malformed; try again")
	}
	defer r.MultipartForm.RemoveAll()
	up.JDText = strings.TrimRight(strings.ReplaceAll(r.PostFormValue("jd_text"), "\r\n", "\n"), " \n\t")
	var err error
	if up.AppID, err = formID(r, "application"); err != nil {
		return up, err
	}
	if len(up.JDText) > tracker.MaxText {
		return up, errs.E(errs.TooLarge, "the pasted job description is too long: the limit is %s", byteSize(tracker.MaxText))
	}
	name, data, err := formFile(r, "jd_file", "job description", maxJDFile)
	if err != nil {
		return up, err
	}
	up.JDName, up.JD = name, data
	name, data, err = formFile(r, "file", "resume", resume.MaxFileSize)
	if err != nil {
		return up, err
	}
	if name == "" {
		return up, errs.Invalidf("choose a resume file to check")
	}
	if len(data) == 0 {
		return up, errs.Invalidf("the resume file %s is empty", name)
	}
	up.Name, up.Data = name, data
	return up, nil
}

// formFile reads an uploaded file of the parsed multipart form, at most limit
// bytes; no file gives an empty name. what names the file in errors.
func formFile(r *http.Request, field, what string, limit int64) (string, []byte, error) {
	fhs := r.MultipartForm.File[field]
	if len(fhs) == 0 || fhs[0].Filename == "" {
		return "", nil, nil
	}
	fh := fhs[0]
	name := filepath.Base(strings.ReplaceAll(fh.Filename, `\`, "/"))
	if fh.Size > limit {
		return "", nil, errs.E(errs.TooLarge, "the %s file %s is too large: the limit is %s", what, name, byteSize(limit))
	}
	data, err := readPart(fh, limit)
	if err != nil {
		return "", nil, errs.Invalidf("the %s file %s could not be read; try again", what, name)
	}
	return name, data, nil
}

func readPart(fh *multipart.FileHeader, limit int64) ([]byte, error) {
	f, err := fh.Open()
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, limit))
}

// checkAndSave runs the checker over an upload with the job description it
// gives, or else its application's, and stores the report.
func (s *Server) checkAndSave(ctx context.Context, st resume.Store, u *tracker.User, up resumeUpload) (resume.Saved, error) {
	jdName, jd := up.JDName, up.JD
	if len(strings.TrimSpace(string(jd))) == 0 {
		jdName, jd = "", nil
		if strings.TrimSpace(up.JDText) != "" {
			jdName, jd = pastedName(up.JDText), []byte(up.JDText)
		}
	}
	if up.AppID != 0 {
		a, err := s.store.FindApplication(ctx, u.ID, up.AppID)
		if err != nil {
			if errs.CodeOf(err) == errs.NotFound {
				return resume.Saved{}, errs.Invalidf("the application chosen no longer exists; choose another")
			}
			return resume.Saved{}, err
		}
		if jd == nil && strings.TrimSpace(a.JDText) != "" {
			jdName, jd = pastedName(a.JDText), []byte(a.JDText)
		}
	}
	rep, err := s.checkFile(up.Name, up.Data, jdName, jd)
	if err != nil {
		return resume.Saved{}, fileError(err, up.Name, jdName, up.JDName != "" && jdName == up.JDName)
	}
	saved := resume.NewSaved(up.AppID, rep, s.now())
	if err := st.SaveCheck(ctx, u.ID, &saved); err != nil {
		return resume.Saved{}, err
	}
	return saved, nil
}

// fileError rewrites a reader's message that starts with a file name, which
// the page would otherwise capitalise as the start of a sentence: "scan.pdf
// has no text layer" reads "the file scan.pdf has no text layer", and a job
// description given as text reads "the job description".
func fileError(err error, name, jdName string, jdFile bool) error {
	msg := errs.Message(err)
	starts := func(n string) bool { return strings.HasPrefix(msg, n+" ") || strings.HasPrefix(msg, n+": ") }
	switch {
	case errs.CodeOf(err) == errs.Internal:
		return err
	case starts(name):
		msg = "the resume file " + msg
	case jdName != "" && starts(jdName) && jdFile:
		msg = "the job description file " + msg
	case jdName != "" && starts(jdName):
		msg = "the job description" + strings.TrimPrefix(msg, jdName)
	default:
		return err
	}
	return &errs.Error{Code: errs.CodeOf(err), Message: msg}
}

var mdHeadingLine = regexp.MustCompile(`(?m)^#{1,6} `)

// pastedName is the file name a pasted job description is read as: Markdown
// when it has Markdown headings, else plain text.
func pastedName(text string) string {
	if mdHeadingLine.MatchString(text) {
		return "job-description.md"
	}
	return "job-description.txt"
}

// checkFile runs resume.CheckFile on an uploaded file. The reader parses
// files from anywhere; should one of them make it panic, the user is told
// the file cannot be read and the panic is logged, instead of a 500.
func (s *Server) checkFile(name string, data []byte, jdName string, jd []byte) (rep *resume.Report, err error) {
	defer func() {
		if v := recover(); v != nil {
			s.log.Error("resume checker panicked", "file", name, "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
			rep, err = nil, errs.Invalidf("%s could not be read as a resume; save it again as PDF, DOCX or plain text and retry", name)
		}
	}()
	return resume.CheckFile(name, data, jdName, jd)
}

// The report page.

type reportPage struct {
	base
	C        checkRow
	R        *resume.Report
	App      *tracker.Application // the application it is attached to, if any
	Format   string               // the file's format, as a reader names it
	Level    string
	Parts    []partView
	Findings []findingView
	Bullets  []bulletView
	Families []familyView
	Missing  []string // sections a resume usually has that this one lacks
	Match    *jdMatchView
	Diff     *diffView
	Again    string // where to check a revised version
}

// partView is one category of the score.
type partView struct {
	resume.Part
	Label   string
	Percent int
	Level   string
}

// findingView is a finding with whether its text is a quote of the resume
// (a bullet, a line) or names what it is about (a section, a family).
type findingView struct {
	resume.Finding
	Quote  bool
	Label  string // the category's name
	Gained bool   // a fixed finding: its points were won back
}

type bulletView struct {
	resume.Bullet
	N     int
	Level string
	Codes []codeView
}

type codeView struct{ Code, Label string }

type familyView struct {
	ID, Name string
	Skills   []resume.SkillFound
}

// jdMatchView is the match against the job description.
type jdMatchView struct {
	Score       int
	Level       string
	Parts       []componentView
	Matched     []termView
	Missing     []termView
	Suggestions []resume.Suggestion
	NoSkills    bool // the JD names no skill of the taxonomy
	Empty       bool // nothing in the JD could be scored at all
}

type componentView struct {
	Key, Name string
	Max       float64
	Points    float64
	Percent   int
	Level     string
	Scored    bool
	Why       string // why a component is not scored
}

type termView struct {
	T     resume.Term
	Name  string // the term as the report shows it
	Need  string // required, preferred
	Kind  string // the kind as a word
	Quote bool   // Resume quotes a resume line
}

// diffView is what changed since the previous check.
type diffView struct {
	*resume.Diff
	Prev        checkRow
	ScoreMove   int
	MatchMove   int
	HasMatch    bool // both checks have a match against the same job description
	OtherJD     bool // both have a match, but against different job descriptions
	FixedV      []findingView
	AppearedV   []findingView
	RemainingV  []findingView
	NoMatchNote string
}

var partLabels = map[string]string{"format": "Format", "contact": "Contact line", "bullets": "Bullets", "skills": "Skills"}

func partLabel(c string) string {
	if l, ok := partLabels[c]; ok {
		return l
	}
	return sentence(c)
}

// notQuoted are the findings whose text names what they are about (a
// section, a keyword family, the order of sections) rather than quoting the
// resume.
var notQuoted = map[string]bool{"format/missing-section": true, "format/section-order": true, "skills/missing-family": true}

var sevRank = map[string]int{resume.High: 0, resume.Medium: 1, resume.Low: 2}

func findingViews(fs []resume.Finding) []findingView {
	out := make([]findingView, 0, len(fs))
	for _, f := range fs {
		out = append(out, findingView{Finding: f, Quote: f.Text != "" && !notQuoted[f.Code], Label: partLabel(f.Category)})
	}
	// Most serious first: severity, then the points it costs.
	slices.SortStableFunc(out, func(a, b findingView) int {
		return cmp.Or(cmp.Compare(sevRank[a.Severity], sevRank[b.Severity]), cmp.Compare(b.Points, a.Points))
	})
	return out
}

// codeLabel is a finding code as a short phrase: "bullet/no-metric" is "no
// metric".
func codeLabel(code string) string {
	_, tail, ok := strings.Cut(code, "/")
	if !ok {
		tail = code
	}
	return strings.ReplaceAll(tail, "-", " ")
}

var componentOrder = []struct{ key, name, none string }{
	{"hard_skills", "Hard skills", "the job description names no technical skill the checker knows"},
	{"title", "Job title", "no job title found at the top of the job description"},
	{"level_education", "Level and education", "the job description asks for no years of experience or degree"},
	{"soft_skills", "Soft skills", "the job description names no soft skill"},
}

var termKinds = map[string]string{"skill": "skill", "soft": "soft skill", "title": "job title", "level": "experience", "education": "degree"}

// degreeNames are the taxonomy's degree ids as a reader writes them.
var degreeNames = map[string]string{"bachelors": "Bachelor’s degree", "masters": "Master’s degree", "phd": "PhD"}

// termName is a match term as the report shows it.
func termName(t string) string {
	if n, ok := degreeNames[t]; ok {
		return n
	}
	return t
}

func termViews(ts []resume.Term) []termView {
	out := make([]termView, 0, len(ts))
	for _, t := range ts {
		v := termView{T: t, Name: termName(t.Term), Need: "preferred", Kind: termKinds[t.Kind], Quote: t.Resume != "" && t.Kind != "level"}
		if t.Required {
			v.Need = "required"
		}
		if v.Kind == "" {
			v.Kind = t.Kind
		}
		out = append(out, v)
	}
	return out
}

func newJDMatchView(m *resume.Match) *jdMatchView {
	v := &jdMatchView{Score: m.Score, Level: scoreLevel(m.Score), Matched: termViews(m.Matched), Missing: termViews(m.Missing), Suggestions: m.Suggestions}
	for _, c := range componentOrder {
		cv := componentView{Key: c.key, Name: c.name}
		if got, ok := m.Breakdown[c.key]; ok {
			cv.Max, cv.Points, cv.Scored = got.Max, got.Points, true
			if got.Max > 0 {
				cv.Percent = int(got.Points/got.Max*100 + 0.5)
			}
			cv.Level = scoreLevel(cv.Percent)
		} else {
			cv.Why = c.none
		}
		v.Parts = append(v.Parts, cv)
	}
	_, hard := m.Breakdown["hard_skills"]
	_, soft := m.Breakdown["soft_skills"]
	v.NoSkills = !hard && !soft
	v.Empty = len(m.Breakdown) == 0
	return v
}

// sameJD reports whether two matches were against the same job description:
// the same terms asked for, on the same lines.
func sameJD(a, b *resume.Match) bool {
	key := func(m *resume.Match) []string {
		var ks []string
		for _, ts := range [][]resume.Term{m.Matched, m.Missing} {
			for _, t := range ts {
				ks = append(ks, t.Kind+"\x00"+t.Term+"\x00"+t.JD)
			}
		}
		slices.Sort(ks)
		return ks
	}
	return slices.Equal(key(a), key(b))
}

func (s *Server) showCheck(w http.ResponseWriter, r *http.Request) {
	st, u, ok := s.resumeUser(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	id, err := pathID(r, "id")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	c, err := st.SavedCheck(ctx, u.ID, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d := &reportPage{C: s.checkRow(c), R: c.Report, Level: scoreLevel(c.Score), Again: "/resume"}
	d.Title, d.Nav = "Resume check of "+c.File, "resume"
	if c.ApplicationID != 0 {
		if d.App, err = s.store.FindApplication(ctx, u.ID, c.ApplicationID); err != nil {
			s.fail(w, r, err)
			return
		}
		d.Again = "/applications/" + itoa(d.App.ID) + "#resume"
	}
	s.fillReport(d)
	// The previous check of the same application (or the previous one
	// attached to none), for the before and after.
	history, err := st.Checks(ctx, u.ID, c.ApplicationID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if i := slices.IndexFunc(history, func(h resume.Saved) bool { return h.ID == c.ID }); i >= 0 && i+1 < len(history) {
		d.Diff = s.diffOf(history[i+1], c)
	}
	s.render(w, r, "resume_report", d)
}

var formatNames = map[resume.Format]string{resume.FormatPDF: "PDF", resume.FormatDOCX: "DOCX", resume.FormatMarkdown: "Markdown", resume.FormatText: "plain text"}

func (s *Server) fillReport(d *reportPage) {
	rep := d.R
	d.Format = formatNames[rep.Format]
	if d.Format == "" {
		d.Format = string(rep.Format)
	}
	for _, p := range rep.Breakdown {
		pv := partView{Part: p, Label: partLabel(p.Category)}
		if p.Max > 0 {
			pv.Percent = p.Score * 100 / p.Max
		}
		pv.Level = scoreLevel(pv.Percent)
		d.Parts = append(d.Parts, pv)
	}
	d.Findings = findingViews(rep.Findings)
	for i, b := range rep.Bullets {
		bv := bulletView{Bullet: b, N: i + 1, Level: scoreLevel(b.Score)}
		for _, code := range b.Findings {
			bv.Codes = append(bv.Codes, codeView{Code: code, Label: codeLabel(code)})
		}
		d.Bullets = append(d.Bullets, bv)
	}
	d.Families = s.skillFamilies(rep.Skills)
	for _, f := range rep.Findings {
		if f.Code == "format/missing-section" && f.Text != "" {
			d.Missing = append(d.Missing, f.Text)
		}
	}
	if rep.Match != nil {
		d.Match = newJDMatchView(rep.Match)
	}
}

// skillFamilies groups the skills found by family, in the taxonomy's order
// of families, every family listed (soft skills only when found).
func (s *Server) skillFamilies(skills []resume.SkillFound) []familyView {
	var out []familyView
	index := map[string]int{}
	if s.lexicon != nil {
		for _, f := range s.lexicon.Families {
			index[f.ID] = len(out)
			out = append(out, familyView{ID: f.ID, Name: f.Name})
		}
	}
	for _, sk := range skills {
		i, ok := index[sk.Family]
		if !ok {
			i = len(out)
			index[sk.Family] = i
			out = append(out, familyView{ID: sk.Family, Name: sentence(sk.Family)})
		}
		out[i].Skills = append(out[i].Skills, sk)
	}
	return slices.DeleteFunc(out, func(f familyView) bool { return f.ID == "soft" && len(f.Skills) == 0 })
}

func (s *Server) diffOf(prev, cur resume.Saved) *diffView {
	df := resume.Compare(prev.Report, cur.Report)
	v := &diffView{Diff: df, Prev: s.checkRow(prev), ScoreMove: df.ScoreTo - df.ScoreFrom,
		FixedV: findingViews(df.Fixed), AppearedV: findingViews(df.Appeared), RemainingV: findingViews(df.Remaining)}
	for i := range v.FixedV {
		v.FixedV[i].Gained = true
	}
	for i, t := range v.NowMatched {
		v.NowMatched[i] = termName(t)
	}
	for i, t := range v.NowMissing {
		v.NowMissing[i] = termName(t)
	}
	pm, cm := prev.Report.Match, cur.Report.Match
	switch {
	case pm != nil && cm != nil && !sameJD(pm, cm):
		v.OtherJD = true
	case df.MatchFrom != nil && df.MatchTo != nil:
		v.HasMatch, v.MatchMove = true, *df.MatchTo-*df.MatchFrom
	case pm == nil && cm != nil:
		v.NoMatchNote = "The previous check had no job description, so there is no match to compare with."
	case pm != nil && cm == nil:
		v.NoMatchNote = "This check had no job description, so there is no match to compare with."
	}
	return v
}

// resumePanel is the application page's resume panel.
type resumePanel struct {
	Latest  *checkRow
	History []checkRow
	HasJD   bool
	MaxFile string
}

func (s *Server) resumePanel(ctx context.Context, userID int64, a *tracker.Application) (*resumePanel, error) {
	if s.resume == nil {
		return nil, nil
	}
	checks, err := s.resume.Checks(ctx, userID, a.ID)
	if err != nil {
		return nil, err
	}
	p := &resumePanel{HasJD: strings.TrimSpace(a.JDText) != "", MaxFile: byteSize(resume.MaxFileSize)}
	for _, c := range checks {
		p.History = append(p.History, s.checkRow(c))
	}
	if len(p.History) > 0 {
		p.Latest = &p.History[0]
	}
	return p, nil
}

// pts prints match points with at most one decimal: 12, 4.3.
func pts(x float64) string { return strconv.FormatFloat(float64(int(x*10+0.5))/10, 'f', -1, 64) }

// signed prints a move with its sign: +4, −3, 0.
func signed(n int) string {
	switch {
	case n > 0:
		return "+" + strconv.Itoa(n)
	case n < 0:
		return "−" + strconv.Itoa(-n)
	}
	return "0"
}
