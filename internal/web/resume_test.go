package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"html"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/offerloop/offerloop/internal/resume"
	"github.com/offerloop/offerloop/internal/sqlite"
	"github.com/offerloop/offerloop/internal/tracker"
	"github.com/offerloop/offerloop/internal/web"
)

// resumeMD is a small resume for when a fixture of internal/resume/testdata
// is missing: one page, the usual sections, bullets with and without results.
const resumeMD = `# Ada Example

ada@example.com · +44 20 7946 0958 · linkedin.com/in/ada-example · github.com/ada-example

## Summary

Machine learning engineer with four years of experience building ranking and fraud models in Python.

## Skills

Python, SQL, PyTorch, scikit-learn, XGBoost, Docker, Kubernetes, Airflow, A/B testing, AUC

## Experience

### Machine Learning Engineer, Northwind (Jan 2022 – Present)

- Built a fraud model in PyTorch that cut chargebacks by 18% against the rules baseline on 40M transactions
- Responsible for the feature pipeline
- Worked on model monitoring dashboards with the data team
- Deployed the model to production

### Data Scientist, Acme (Jun 2020 – Dec 2021)

- Trained an XGBoost churn model with AUC 0.84 vs 0.78 for logistic regression on 2M customers
- Helped with A/B tests

## Projects

- Wrote a search ranker with BM25 and a cross-encoder, raising NDCG@10 from 0.41 to 0.52 on MS MARCO

## Education

BSc Computer Science, University of Leeds, 2020
`

// weakBullet is a bullet with a weak start, which revise rewrites.
var weakBullet = regexp.MustCompile(`(?m)^- (Responsible for|Worked on|Helped with) .*$`)

// revise returns a resume with its weak bullets rewritten with a verb and a
// result, as a user would revise it after a check.
func revise(b []byte) []byte {
	return weakBullet.ReplaceAll(b, []byte("- Rebuilt the labelling pipeline in Airflow and Spark, cutting the daily run from 6 h to 40 min"))
}

const jdText = `Senior Machine Learning Engineer

Requirements:
- 3+ years of experience building machine learning models in Python
- Experience with PyTorch and Kubernetes
- BS in Computer Science or a related field

Nice to have:
- Experience with Spark and Airflow
- Strong communication skills
`

// fixture reads a file of internal/resume/testdata, or skips the test when
// its author has not made it yet.
func fixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "resume", "testdata", name))
	if err != nil {
		t.Skipf("fixture %s: %v", name, err)
	}
	return b
}

// jdFixture is jd-mle.md when it exists, else jdText.
func jdFixture() string {
	if b, err := os.ReadFile(filepath.Join("..", "resume", "testdata", "jd-mle.md")); err == nil {
		return string(b)
	}
	return jdText
}

// resumeFixture is resume.md when it exists, else resumeMD.
func resumeFixture() []byte {
	if b, err := os.ReadFile(filepath.Join("..", "resume", "testdata", "resume.md")); err == nil {
		return b
	}
	return []byte(resumeMD)
}

func newResumeEnv(t *testing.T) *env {
	t.Helper()
	return newEnvWith(t, web.Config{}, func(cfg *web.Config, db *sqlite.DB) { cfg.Resume = db })
}

type upFile struct {
	name string
	data []byte
}

// postMultipart posts a multipart form of fields and files.
func (e *env) postMultipart(path string, fields map[string]string, files map[string]upFile) *httptest.ResponseRecorder {
	e.t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	for k, f := range files {
		fw, err := mw.CreateFormFile(k, f.name)
		if err != nil {
			e.t.Fatal(err)
		}
		fw.Write(f.data)
	}
	mw.Close()
	req := httptest.NewRequest(http.MethodPost, path, &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return e.do(req)
}

var checkLink = regexp.MustCompile(`^/resume/checks/(\d+)$`)

// checked follows a check's redirect to its report and returns the page.
func (e *env) checked(w *httptest.ResponseRecorder) string {
	e.t.Helper()
	wantStatus(e.t, w, http.StatusSeeOther)
	loc := w.Header().Get("Location")
	if !checkLink.MatchString(loc) {
		e.t.Fatalf("redirect to %q, want a report", loc)
	}
	r := e.get(loc)
	wantStatus(e.t, r, http.StatusOK)
	body := r.Body.String()
	if err := checkHTML(body); err != nil {
		e.t.Errorf("report: %v", err)
	}
	return body
}

func (e *env) checks(appID int64) []resume.Saved {
	e.t.Helper()
	cs, err := e.db.Checks(context.Background(), e.user.ID, appID)
	if err != nil {
		e.t.Fatal(err)
	}
	return cs
}

// addAppJD stores an application with a job description.
func (e *env) addAppJD(jd string) *tracker.Application {
	e.t.Helper()
	a := e.addApp("Northwind", tracker.BigTech, "ML Engineer", tracker.DateOf(testNow))
	if _, err := e.db.UpdateApplication(context.Background(), e.user.ID, a.ID, tracker.ApplicationUpdate{JDText: &jd}, testNow); err != nil {
		e.t.Fatal(err)
	}
	return e.app(a.ID)
}

func TestResumeFormPage(t *testing.T) {
	e := newResumeEnv(t)
	a := e.addApp("Acme", tracker.Startup, "Research Engineer", tracker.DateOf(testNow))
	w := e.get("/resume?application=" + itoa(a.ID))
	wantStatus(t, w, http.StatusOK)
	body := w.Body.String()
	if err := checkHTML(body); err != nil {
		t.Error(err)
	}
	wantContains(t, body, `enctype="multipart/form-data"`, `name="jd_text"`, `name="jd_file"`,
		`<option value="`+itoa(a.ID)+`" selected>Research Engineer at Acme</option>`, `href="/resume" aria-current="page"`)
}

func TestResumeCheckReport(t *testing.T) {
	e := newResumeEnv(t)
	body := e.checked(e.postMultipart("/resume", nil, map[string]upFile{"file": {"resume.md", resumeFixture()}}))
	cs := e.checks(0)
	if len(cs) != 1 {
		t.Fatalf("%d unattached checks stored, want 1", len(cs))
	}
	rep := cs[0].Report
	wantContains(t, body, `data-score="`+itoa(int64(rep.Score))+`"`, "Resume score", "most serious first",
		`data-part="format"`, `data-part="bullets"`, "Sections", "Contact line", "Skills found",
		"This check had no job description")
	for _, f := range rep.Findings {
		wantContains(t, body, `data-code="`+f.Code+`"`)
	}
	if len(rep.Findings) == 0 {
		t.Fatalf("the sample resume has no findings; the report shows none")
	}
	// Findings are most serious first.
	first := strings.Index(body, `class="rfinding sev-`)
	if first < 0 || !strings.HasPrefix(body[first:], `class="rfinding sev-`+highestSeverity(rep.Findings)) {
		t.Errorf("the first finding is not of the highest severity %s", highestSeverity(rep.Findings))
	}
	for _, b := range rep.Bullets {
		if strings.Contains(b.Text, "Responsible for") {
			wantContains(t, body, "bullet/weak-start")
		}
	}
	// The history on /resume lists it.
	w := e.get("/resume")
	wantContains(t, w.Body.String(), `data-check="`+itoa(cs[0].ID)+`"`)
}

// attr escapes s as html/template writes an attribute value.
func attr(s string) string { return strings.ReplaceAll(html.EscapeString(s), "+", "&#43;") }

func highestSeverity(fs []resume.Finding) string {
	best := resume.Low
	for _, f := range fs {
		if f.Severity == resume.High {
			return resume.High
		}
		if f.Severity == resume.Medium {
			best = resume.Medium
		}
	}
	return best
}

func TestResumeFormats(t *testing.T) {
	for _, name := range []string{"one-column.pdf", "two-column.pdf", "two-page.pdf", "permissions.pdf", "resume.docx", "resume.md", "resume.txt"} {
		t.Run(name, func(t *testing.T) {
			data := fixture(t, name)
			e := newResumeEnv(t)
			body := e.checked(e.postMultipart("/resume", nil, map[string]upFile{"file": {name, data}}))
			wantContains(t, body, name, "Resume score")
		})
	}
}

func TestResumeApplicationMatchAndCompare(t *testing.T) {
	e := newResumeEnv(t)
	a := e.addAppJD(jdFixture())
	path := "/applications/" + itoa(a.ID) + "/resume"

	// The application page offers the check before there is one.
	w := e.get("/applications/" + itoa(a.ID))
	wantStatus(t, w, http.StatusOK)
	wantContains(t, w.Body.String(), `id="resume"`, `action="`+path+`"`, "No resume checked for this application yet")

	body := e.checked(e.postMultipart(path, nil, map[string]upFile{"file": {"resume.md", resumeFixture()}}))
	cs := e.checks(a.ID)
	if len(cs) != 1 || cs[0].MatchScore == nil {
		t.Fatalf("checks of the application = %+v, want one with a match", cs)
	}
	m := cs[0].Report.Match
	wantContains(t, body, "Match with the job description", `data-match="`+itoa(int64(m.Score))+`"`,
		`data-component="hard_skills"`, "ML Engineer at Northwind")
	if len(m.Matched) == 0 {
		t.Fatalf("no term of the JD matched the sample resume")
	}
	for _, tm := range append(m.Matched, m.Missing...) {
		wantContains(t, body, `data-term="`+attr(tm.Term)+`"`)
	}
	if strings.Contains(body, "Compared with the previous check") {
		t.Errorf("the first check shows a comparison")
	}

	// A revised resume is compared with the first check.
	body = e.checked(e.postMultipart(path, nil, map[string]upFile{"file": {"revised.md", revise(resumeFixture())}}))
	wantContains(t, body, "Compared with the previous check", "resume.md", "data-move=", "data-match-move=")
	cs = e.checks(a.ID)
	if len(cs) != 2 {
		t.Fatalf("%d checks of the application, want 2", len(cs))
	}
	d := resume.Compare(cs[1].Report, cs[0].Report)
	wantContains(t, body, `data-move="`+itoa(int64(d.ScoreTo-d.ScoreFrom))+`"`)
	if len(d.Fixed) == 0 {
		t.Fatalf("rewriting the weak bullets fixed nothing")
	}
	wantContains(t, body, `class="rfindings compact fixed"`, "+"+plural(d.Fixed[0].Points, "point"))

	// The application page shows the latest check and the history.
	w = e.get("/applications/" + itoa(a.ID))
	page := w.Body.String()
	if err := checkHTML(page); err != nil {
		t.Error(err)
	}
	wantContains(t, page, "Latest check", "revised.md", `href="/resume/checks/`+itoa(cs[0].ID)+`"`,
		`data-score="`+itoa(int64(cs[0].Score))+`"`, `data-match="`+itoa(int64(*cs[0].MatchScore))+`"`,
		"History <span class=\"count\">2</span>", `data-check="`+itoa(cs[1].ID)+`"`)
}

func TestResumeStandaloneUsesApplicationJD(t *testing.T) {
	e := newResumeEnv(t)
	a := e.addAppJD(jdText)
	body := e.checked(e.postMultipart("/resume", map[string]string{"application": itoa(a.ID)},
		map[string]upFile{"file": {"resume.md", resumeFixture()}}))
	wantContains(t, body, "Match with the job description")
	if cs := e.checks(a.ID); len(cs) != 1 || cs[0].MatchScore == nil {
		t.Fatalf("checks of the application = %d, want one with a match", len(cs))
	}

	// A pasted JD, attached to no application.
	body = e.checked(e.postMultipart("/resume", map[string]string{"jd_text": jdText},
		map[string]upFile{"file": {"resume.md", resumeFixture()}}))
	wantContains(t, body, "Match with the job description")

	// A JD as a file.
	body = e.checked(e.postMultipart("/resume", nil,
		map[string]upFile{"file": {"resume.md", resumeFixture()}, "jd_file": {"jd.md", []byte(jdText)}}))
	wantContains(t, body, "Match with the job description", "Compared with the previous check")
}

// A job description with no skill the taxonomy knows gets a clear note in
// the match section instead of a bare score.
func TestResumeJDWithoutSkills(t *testing.T) {
	tests := []struct{ jd, note string }{
		{"We are a friendly team by the sea.\nCome and say hello.\n", "Nothing in this job description could be scored"},
		{"Senior Software Engineer\n\nWe are a friendly team by the sea. You will need 5+ years of experience.\n", "No skills the checker knows"},
	}
	for _, tt := range tests {
		e := newResumeEnv(t)
		body := e.checked(e.postMultipart("/resume", map[string]string{"jd_text": tt.jd},
			map[string]upFile{"file": {"resume.md", resumeFixture()}}))
		wantContains(t, body, tt.note)
	}
}

func TestResumeUploadErrors(t *testing.T) {
	e := newResumeEnv(t)
	a := e.addAppJD(jdText)
	tests := []struct {
		name   string
		path   string
		fields map[string]string
		files  map[string]upFile
		code   int
		msg    string
	}{
		{"no file", "/resume", map[string]string{"jd_text": "keep me"}, nil, http.StatusUnprocessableEntity, "choose a resume file"},
		{"empty file", "/resume", nil, map[string]upFile{"file": {"resume.txt", nil}}, http.StatusUnprocessableEntity, "is empty"},
		{"corrupt pdf", "/resume", nil, map[string]upFile{"file": {"resume.pdf", []byte("%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R\nthis is not a pdf")}}, http.StatusUnprocessableEntity, ""},
		{"corrupt docx", "/resume", nil, map[string]upFile{"file": {"resume.docx", []byte("PK\x03\x04 not a zip at all")}}, http.StatusUnprocessableEntity, ""},
		{"too large", "/resume", nil, map[string]upFile{"file": {"resume.txt", bytes.Repeat([]byte("a "), resume.MaxFileSize/2+1)}}, http.StatusRequestEntityTooLarge, "too large"},
		{"body too large", "/resume", nil, map[string]upFile{"file": {"resume.txt", bytes.Repeat([]byte("a"), 2*resume.MaxFileSize+2<<20)}}, http.StatusRequestEntityTooLarge, "too large"},
		{"unknown application", "/resume", map[string]string{"application": "999"}, map[string]upFile{"file": {"resume.md", resumeFixture()}}, http.StatusUnprocessableEntity, "no longer exists"},
		{"app: no file", "/applications/" + itoa(a.ID) + "/resume", nil, nil, http.StatusUnprocessableEntity, "choose a resume file"},
		{"app: too large", "/applications/" + itoa(a.ID) + "/resume", nil, map[string]upFile{"file": {"resume.txt", bytes.Repeat([]byte("a "), resume.MaxFileSize/2+1)}}, http.StatusRequestEntityTooLarge, "too large"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := e.postMultipart(tt.path, tt.fields, tt.files)
			wantStatus(t, w, tt.code)
			body := w.Body.String()
			wantContains(t, body, `class="form-error"`)
			if tt.msg != "" {
				wantContains(t, body, tt.msg)
			}
			if err := checkHTML(body); err != nil {
				t.Error(err)
			}
		})
	}
	// The pasted JD comes back with the form.
	w := e.postMultipart("/resume", map[string]string{"jd_text": "keep me"}, nil)
	wantContains(t, w.Body.String(), ">keep me</textarea>")
	if n := len(e.checks(0)) + len(e.checks(a.ID)); n != 0 {
		t.Errorf("%d checks stored after failed uploads, want 0", n)
	}
	if strings.Contains(e.logs.String(), "level=ERROR") {
		t.Errorf("failed uploads logged errors:\n%s", e.logs)
	}
}

// A scan and an encrypted PDF are refused with the reader's message, and
// nothing is stored.
func TestResumeUnreadablePDF(t *testing.T) {
	for _, tt := range []struct{ file, msg string }{
		{"scan.pdf", "scan"},
		{"encrypted.pdf", "password"},
	} {
		t.Run(tt.file, func(t *testing.T) {
			data := fixture(t, tt.file)
			e := newResumeEnv(t)
			w := e.postMultipart("/resume", nil, map[string]upFile{"file": {tt.file, data}})
			wantStatus(t, w, http.StatusUnprocessableEntity)
			wantContains(t, w.Body.String(), `class="form-error"`, "The resume file "+tt.file, tt.msg)
			if n := len(e.checks(0)); n != 0 {
				t.Errorf("%d checks stored, want 0", n)
			}
			a := e.addAppJD(jdText)
			w = e.postMultipart("/applications/"+itoa(a.ID)+"/resume", nil, map[string]upFile{"file": {tt.file, data}})
			wantStatus(t, w, http.StatusUnprocessableEntity)
			wantContains(t, w.Body.String(), `id="resume"`, tt.msg)
			if n := len(e.checks(a.ID)); n != 0 {
				t.Errorf("%d checks stored on the application, want 0", n)
			}
		})
	}
}

func TestResumeNotFoundAndOff(t *testing.T) {
	e := newResumeEnv(t)
	wantStatus(t, e.get("/resume/checks/99"), http.StatusNotFound)
	wantStatus(t, e.get("/resume/checks/x"), http.StatusNotFound)
	wantStatus(t, e.postMultipart("/applications/99/resume", nil, map[string]upFile{"file": {"resume.md", resumeFixture()}}), http.StatusNotFound)

	off := newEnv(t, web.Config{})
	w := off.get("/resume")
	wantStatus(t, w, http.StatusNotFound)
	wantContains(t, w.Body.String(), "resume checker is not enabled")
	a := off.addApp("Acme", tracker.Startup, "Research Engineer", tracker.DateOf(testNow))
	w = off.get("/applications/" + itoa(a.ID))
	wantStatus(t, w, http.StatusOK)
	if strings.Contains(w.Body.String(), `id="resume"`) {
		t.Errorf("the application page has a resume panel with the checker off")
	}
}

func TestResumeExportImport(t *testing.T) {
	e := newResumeEnv(t)
	a := e.addAppJD(jdText)
	e.checked(e.postMultipart("/applications/"+itoa(a.ID)+"/resume", nil, map[string]upFile{"file": {"resume.md", resumeFixture()}}))
	e.checked(e.postMultipart("/resume", nil, map[string]upFile{"file": {"resume.md", resumeFixture()}}))

	w := e.get("/export.json")
	wantStatus(t, w, http.StatusOK)
	export := w.Body.Bytes()
	var d struct {
		Resume struct {
			Checks []resume.Saved `json:"checks"`
		} `json:"resume"`
	}
	if err := json.Unmarshal(export, &d); err != nil {
		t.Fatal(err)
	}
	if len(d.Resume.Checks) != 2 {
		t.Fatalf("export has %d resume checks, want 2", len(d.Resume.Checks))
	}

	f := newResumeEnv(t)
	wantStatus(t, f.upload("/import", "file", "export.json", export), http.StatusSeeOther)
	attached, loose := f.checks(a.ID), f.checks(0)
	if len(attached) != 1 || len(loose) != 1 {
		t.Fatalf("restored %d attached and %d unattached checks, want 1 and 1", len(attached), len(loose))
	}
	if attached[0].Score != d.Resume.Checks[0].Score && attached[0].Score != d.Resume.Checks[1].Score {
		t.Errorf("restored score %d is not an exported one", attached[0].Score)
	}
	w = f.get("/resume/checks/" + itoa(attached[0].ID))
	wantStatus(t, w, http.StatusOK)
	wantContains(t, w.Body.String(), "Match with the job description", "ML Engineer at Northwind")
}
