package web

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html/template"
	"mime"
	"net/http"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/offerloop/offerloop/internal/errs"
	"github.com/offerloop/offerloop/internal/takehome"
	"github.com/offerloop/offerloop/internal/tracker"
)

// The take-home checker: /takehome checks a project folder on this machine
// (a path typed into the form) or an uploaded .zip, and lists every stored
// report; /applications/{id}/takehome does the same for one application and
// keeps its reports with it. /takehome/reports/{rid} shows a report, and
// {rid}.md and {rid}.json download it. The checks are internal/takehome's;
// this file shows them.

// maxTakehomeBody caps a check's request: the zip and the form's framing.
const maxTakehomeBody = takehome.MaxZipSize + 1<<20

// takehomeUser returns the store of reports and the user, or answers the
// request with the notice that the checker is off.
func (s *Server) takehomeUser(w http.ResponseWriter, r *http.Request) (takehome.Store, *tracker.User, bool) {
	if s.takehome == nil {
		s.fail(w, r, errs.NotFoundf("the take-home checker is not enabled on this server"))
		return nil, nil, false
	}
	u, err := s.user(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return nil, nil, false
	}
	return s.takehome, u, true
}

// takehomeRow is a stored report in a list.
type takehomeRow struct {
	ID      int64
	Link    string
	When    string
	Source  string
	Score   int
	High    int
	App     string // the application's title, when attached
	AppLink string
}

func (s *Server) takehomeRow(sv takehome.Saved, apps map[int64]string) takehomeRow {
	row := takehomeRow{ID: sv.ID, Link: "/takehome/reports/" + itoa(sv.ID), When: s.when(sv.CheckedAt), Source: sv.Source, Score: sv.Score, High: sv.High()}
	if sv.ApplicationID != 0 {
		row.App, row.AppLink = apps[sv.ApplicationID], "/applications/"+itoa(sv.ApplicationID)+"/takehome"
	}
	return row
}

// takehomePage is the checker's form and the stored reports: all of them,
// or one application's.
type takehomePage struct {
	base
	App     *tracker.Application // nil on /takehome
	Action  string
	Path    string
	Error   string
	MaxZip  string
	Reports []takehomeRow
}

func (s *Server) takehomeForm(w http.ResponseWriter, r *http.Request) {
	if _, _, ok := s.takehomeUser(w, r); !ok {
		return
	}
	s.renderTakehomeForm(w, r, http.StatusOK, 0, &takehomePage{})
}

func (s *Server) applicationTakehome(w http.ResponseWriter, r *http.Request) {
	if _, _, ok := s.takehomeUser(w, r); !ok {
		return
	}
	id, err := pathID(r, "id")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.renderTakehomeForm(w, r, http.StatusOK, id, &takehomePage{})
}

func (s *Server) renderTakehomeForm(w http.ResponseWriter, r *http.Request, code int, appID int64, d *takehomePage) {
	ctx := r.Context()
	u, err := s.user(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d.Title, d.Nav, d.Action = "Take-home checker", "practice", "/takehome"
	d.MaxZip = byteSize(takehome.MaxZipSize)
	if appID != 0 {
		if d.App, err = s.store.FindApplication(ctx, u.ID, appID); err != nil {
			s.fail(w, r, err)
			return
		}
		d.Title, d.Nav, d.Action = "Take-home · "+d.App.Title(), "board", "/applications/"+itoa(appID)+"/takehome"
	}
	reports, err := s.takehome.TakehomeReports(ctx, u.ID, appID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	apps, err := s.appTitles(ctx, u.ID, reports)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	for _, sv := range reports {
		d.Reports = append(d.Reports, s.takehomeRow(sv, apps))
	}
	s.renderStatus(w, r, code, "takehome", d)
}

// appTitles names the applications the reports are attached to.
func (s *Server) appTitles(ctx context.Context, userID int64, reports []takehome.Saved) (map[int64]string, error) {
	out := map[int64]string{}
	for _, sv := range reports {
		if sv.ApplicationID == 0 || out[sv.ApplicationID] != "" {
			continue
		}
		a, err := s.store.FindApplication(ctx, userID, sv.ApplicationID)
		if err != nil {
			return nil, err
		}
		out[a.ID] = a.Title()
	}
	return out, nil
}

func (s *Server) checkTakehome(w http.ResponseWriter, r *http.Request) {
	s.postTakehome(w, r, 0)
}

func (s *Server) checkApplicationTakehome(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.postTakehome(w, r, id)
}

// postTakehome checks what the form sent, stores the report (attached to
// appID when not 0) and shows it; a path or upload that cannot be checked
// shows the form again with why.
func (s *Server) postTakehome(w http.ResponseWriter, r *http.Request, appID int64) {
	st, u, ok := s.takehomeUser(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	if appID != 0 {
		if _, err := s.store.FindApplication(ctx, u.ID, appID); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	up, err := readTakehomeUpload(w, r)
	var saved takehome.Saved
	if err == nil {
		var rep *takehome.Report
		var source string
		if rep, source, err = s.runTakehome(ctx, up); err == nil {
			saved = takehome.NewSaved(appID, source, rep, s.now())
			err = st.SaveTakehome(ctx, u.ID, &saved)
		}
	}
	if err != nil {
		if !userError(err) && errs.CodeOf(err) != errs.Unavailable {
			s.fail(w, r, err)
			return
		}
		s.renderTakehomeForm(w, r, status(err, true), appID, &takehomePage{Path: up.Path, Error: message(err)})
		return
	}
	seeOther(w, r, "/takehome/reports/"+itoa(saved.ID))
}

// takehomeUpload is what the check's form sent: a path, or a zip.
type takehomeUpload struct {
	Path    string
	ZipName string
	Zip     []byte
}

// readTakehomeUpload reads the form: "path" (a folder, notebook, script or
// zip on this machine) or "zip" (an uploaded archive), as multipart or as a
// plain form when only a path is sent. The body is capped at the zip limit.
func readTakehomeUpload(w http.ResponseWriter, r *http.Request) (takehomeUpload, error) {
	var up takehomeUpload
	r.Body = http.MaxBytesReader(w, r.Body, maxTakehomeBody)
	tooLarge := errs.E(errs.TooLarge, "the upload is too large: a zip may be up to %s; check a larger project by its folder's path instead", byteSize(takehome.MaxZipSize))
	var err error
	if ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); ct == "multipart/form-data" {
		err = r.ParseMultipartForm(8 << 20)
	} else {
		err = r.ParseForm()
	}
	if err != nil {
		var mb *http.MaxBytesError
		if errors.As(err, &mb) {
			return up, tooLarge
		}
		return up, errs.Invalidf("the upload was cut short or malformed; try again")
	}
	if r.MultipartForm != nil {
		defer r.MultipartForm.RemoveAll()
	}
	up.Path = strings.TrimSpace(r.PostFormValue("path"))
	if r.MultipartForm != nil {
		if fhs := r.MultipartForm.File["zip"]; len(fhs) > 0 && fhs[0].Filename != "" {
			fh := fhs[0]
			if fh.Size > takehome.MaxZipSize {
				return up, tooLarge
			}
			data, err := readPart(fh, takehome.MaxZipSize)
			if err != nil {
				return up, errs.Invalidf("the zip could not be read; try again")
			}
			up.ZipName, up.Zip = filepath.Base(strings.ReplaceAll(fh.Filename, `\`, "/")), data
		}
	}
	switch {
	case up.ZipName != "" && up.Path != "":
		return up, errs.Invalidf("give either a folder path or a zip, not both")
	case up.ZipName == "" && up.Path == "":
		return up, errs.Invalidf("give the path of the project's folder on this machine, or choose a .zip of it")
	case up.ZipName != "" && len(up.Zip) == 0:
		return up, errs.Invalidf("the zip %s is empty", up.ZipName)
	}
	return up, nil
}

// runTakehome loads and checks the project. The checker reads files from
// anywhere; should one make it panic, the user is told and the panic is
// logged, instead of a 500.
func (s *Server) runTakehome(ctx context.Context, up takehomeUpload) (rep *takehome.Report, source string, err error) {
	defer func() {
		if v := recover(); v != nil {
			s.log.Error("take-home checker panicked", "source", source, "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
			rep, err = nil, errs.Invalidf("%s could not be checked: one of its files could not be read", source)
		}
	}()
	var p *takehome.Project
	if up.ZipName != "" {
		source = up.ZipName
		if p, err = takehome.LoadZip(up.ZipName, up.Zip); err != nil {
			msg := err.Error()
			if strings.HasPrefix(msg, up.ZipName+" ") {
				msg = "the file " + msg
			}
			return nil, source, errs.Invalidf("%s", msg)
		}
	} else {
		path := up.Path
		if rest, ok := strings.CutPrefix(path, "~"); ok && (rest == "" || rest[0] == '/') {
			if home, err := os.UserHomeDir(); err == nil {
				path = home + rest
			}
		}
		if !filepath.IsAbs(path) {
			return nil, up.Path, errs.Invalidf("give the full path of the folder, such as /home/you/churn-takehome; %s is relative", up.Path)
		}
		path = filepath.Clean(path)
		source = path
		if p, err = takehome.LoadPath(ctx, path); err != nil {
			if ctx.Err() != nil {
				return nil, source, ctx.Err()
			}
			msg := err.Error()
			if rest, ok := strings.CutPrefix(msg, path+" "); ok {
				msg = "the path " + path + " " + rest
			} else {
				msg = "cannot read " + path + ": " + msg
			}
			return nil, source, errs.Invalidf("%s", msg)
		}
	}
	rep, err = takehome.Check(ctx, p, takehome.Options{})
	if err != nil && !takehome.ParserAvailable {
		return nil, source, errs.E(errs.Unavailable, "%s", err.Error())
	}
	return rep, source, err
}

// The report page.

type takehomeReportPage struct {
	base
	Row      takehomeRow
	R        *takehome.Report
	App      *tracker.Application
	Level    string
	Cats     []takehomeCat
	Groups   []takehomeGroup
	Summary  string
	Checked  string
	Unparsed []string
	Again    string
}

type takehomeCat struct {
	Name, Title string
	Score       int
	Level       string
}

type takehomeGroup struct {
	Name     string
	Findings []takehomeFinding
}

type takehomeFinding struct {
	takehome.Finding
	Class       string // the severity's CSS name: high, medium, low
	Where       string
	Title       string
	MessageHTML template.HTML
	FixHTML     template.HTML
}

// codeSpans escapes text and shows its `quoted` names as code, as the
// Markdown report does.
func codeSpans(s string) template.HTML {
	parts := strings.Split(s, "`")
	if len(parts)%2 == 0 { // an unpaired backtick: leave the text as it is
		return template.HTML(template.HTMLEscapeString(s))
	}
	var b strings.Builder
	for i, p := range parts {
		if i%2 == 1 && p != "" {
			b.WriteString("<code>" + template.HTMLEscapeString(p) + "</code>")
			continue
		}
		b.WriteString(template.HTMLEscapeString(p))
	}
	return template.HTML(b.String())
}

var severityClass = map[takehome.Severity]string{takehome.High: "high", takehome.Medium: "medium", takehome.Low: "low"}

func (s *Server) showTakehome(w http.ResponseWriter, r *http.Request) {
	st, u, ok := s.takehomeUser(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	raw := r.PathValue("rid")
	ext := ""
	for _, e := range []string{".md", ".json"} {
		if strings.HasSuffix(raw, e) {
			raw, ext = strings.TrimSuffix(raw, e), e
		}
	}
	r.SetPathValue("rid", raw)
	id, err := pathID(r, "rid")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	sv, err := st.TakehomeReport(ctx, u.ID, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if ext != "" {
		var b bytes.Buffer
		ctype := "text/markdown; charset=utf-8"
		if ext == ".json" {
			ctype = "application/json; charset=utf-8"
			err = takehome.WriteJSON(&b, sv.Report)
		} else {
			err = takehome.WriteMarkdown(&b, sv.Report)
		}
		if err != nil {
			s.fail(w, r, err)
			return
		}
		h := w.Header()
		h.Set("Content-Type", ctype)
		h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": "takehome-" + itoa(sv.ID) + ext}))
		h.Set("Cache-Control", "no-store")
		w.Write(b.Bytes())
		return
	}
	apps, err := s.appTitles(ctx, u.ID, []takehome.Saved{sv})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	rep := sv.Report
	d := &takehomeReportPage{Row: s.takehomeRow(sv, apps), R: rep, Level: scoreLevel(sv.Score), Again: "/takehome",
		Summary: rep.Summary(), Checked: rep.CheckedLine(), Unparsed: rep.Checked.Unparsed}
	d.Title, d.Nav = "Take-home check of "+filepath.Base(sv.Source), "practice"
	if sv.ApplicationID != 0 {
		if d.App, err = s.store.FindApplication(ctx, u.ID, sv.ApplicationID); err != nil {
			s.fail(w, r, err)
			return
		}
		d.Nav, d.Again = "board", "/applications/"+itoa(sv.ApplicationID)+"/takehome"
	}
	for _, c := range takehome.Categories {
		score := rep.Categories[c.Name]
		d.Cats = append(d.Cats, takehomeCat{Name: c.Name, Title: takehome.CategoryTitle(c.Name), Score: score, Level: scoreLevel(score)})
	}
	for _, sev := range []takehome.Severity{takehome.High, takehome.Medium, takehome.Low} {
		g := takehomeGroup{Name: map[takehome.Severity]string{takehome.High: "High", takehome.Medium: "Medium", takehome.Low: "Low"}[sev]}
		for _, f := range rep.Findings {
			if f.Severity == sev {
				g.Findings = append(g.Findings, takehomeFinding{Finding: f, Class: severityClass[sev], Where: f.Where(), Title: f.Title(),
					MessageHTML: codeSpans(f.Message), FixHTML: codeSpans(f.Fix)})
			}
		}
		if len(g.Findings) > 0 {
			d.Groups = append(d.Groups, g)
		}
	}
	s.render(w, r, "takehome_report", d)
}

// takehomePanel is the application page's take-home panel.
type takehomePanel struct {
	Latest *takehomeRow
	Count  int
}

func (s *Server) takehomePanel(ctx context.Context, userID int64, a *tracker.Application) (*takehomePanel, error) {
	if s.takehome == nil {
		return nil, nil
	}
	reports, err := s.takehome.TakehomeReports(ctx, userID, a.ID)
	if err != nil {
		return nil, err
	}
	p := &takehomePanel{Count: len(reports)}
	if len(reports) > 0 {
		row := s.takehomeRow(reports[0], map[int64]string{a.ID: a.Title()})
		p.Latest = &row
	}
	return p, nil
}
