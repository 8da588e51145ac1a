package web_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/offerloop/offerloop/internal/sqlite"
	"github.com/offerloop/offerloop/internal/takehome"
	"github.com/offerloop/offerloop/internal/tracker"
	"github.com/offerloop/offerloop/internal/web"
)

func newTakehomeEnv(t *testing.T) *env {
	t.Helper()
	return newEnvWith(t, web.Config{}, func(cfg *web.Config, db *sqlite.DB) { cfg.Takehome, cfg.Practice = db, db })
}

// takehomeDir writes a small project: a script reading a path only its
// author has, and no README.
func takehomeDir(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "churn")
	os.MkdirAll(dir, 0o755)
	src := "import pandas as pd\ndf = pd.read_csv(\"/home/me/data.csv\")\nprint(df.shape)\n"
	if err := os.WriteFile(filepath.Join(dir, "train.py"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func takehomeZipFile(t *testing.T, files map[string]string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for name, body := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, body)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

var takehomeLink = regexp.MustCompile(`^/takehome/reports/(\d+)$`)

// takehomeChecked follows a check's redirect to its report page.
func (e *env) takehomeChecked(w *httptest.ResponseRecorder) (string, string) {
	e.t.Helper()
	wantStatus(e.t, w, http.StatusSeeOther)
	loc := w.Header().Get("Location")
	if !takehomeLink.MatchString(loc) {
		e.t.Fatalf("redirect to %q, want a report", loc)
	}
	r := e.get(loc)
	wantStatus(e.t, r, http.StatusOK)
	body := r.Body.String()
	if err := checkHTML(body); err != nil {
		e.t.Errorf("report: %v", err)
	}
	return loc, body
}

func TestTakehomePages(t *testing.T) {
	e := newTakehomeEnv(t)
	dir := takehomeDir(t)

	w := e.get("/takehome")
	wantStatus(t, w, http.StatusOK)
	wantHTML(t, w.Body.String())
	wantContains(t, w.Body.String(), `name="path"`, `name="zip" type="file"`, `enctype="multipart/form-data"`, "None yet")
	wantContains(t, e.get("/practice").Body.String(), `href="/takehome"`)

	// A folder by its path, as multipart (the form) and as a plain form.
	loc, body := e.takehomeChecked(e.postMultipart("/takehome", map[string]string{"path": dir}, nil))
	wantContains(t, body, dir, "Take-home score", `data-category="leakage"`, `data-category="structure"`, "1 script", loc+`.md"`, loc+`.json"`)
	e.takehomeChecked(e.post("/takehome", url.Values{"path": {dir + "/"}}))

	// The downloads.
	w = e.get(loc + ".md")
	wantStatus(t, w, http.StatusOK)
	if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/markdown") || !strings.HasPrefix(w.Body.String(), "# Take-home check: `"+dir+"`") {
		t.Errorf("markdown: %s\n%s", ct, w.Body.String())
	}
	if cd := w.Header().Get("Content-Disposition"); !strings.Contains(cd, "takehome-") {
		t.Errorf("markdown disposition: %q", cd)
	}
	w = e.get(loc + ".json")
	wantStatus(t, w, http.StatusOK)
	var rep takehome.Report
	if err := json.Unmarshal(w.Body.Bytes(), &rep); err != nil || rep.Path != dir || rep.Checked.Scripts != 1 {
		t.Errorf("json: %v %+v", err, rep)
	}

	// What cannot be checked is said on the form, never a 500.
	for _, c := range []struct {
		fields map[string]string
		files  map[string]upFile
		code   int
		want   string
	}{
		{map[string]string{"path": filepath.Join(dir, "nope")}, nil, 422, "does not exist"},
		{map[string]string{"path": "churn"}, nil, 422, "full path"},
		{nil, nil, 422, "path of the project"},
		{map[string]string{"path": dir}, map[string]upFile{"zip": {"p.zip", takehomeZipFile(t, map[string]string{"a.py": "x=1\n"})}}, 422, "not both"},
		{nil, map[string]upFile{"zip": {"p.zip", []byte("this is no zip")}}, 422, "not a zip"},
		{nil, map[string]upFile{"zip": {"p.zip", takehomeZipFile(t, map[string]string{"data/": ""})}}, 422, "no files"},
	} {
		w := e.postMultipart("/takehome", c.fields, c.files)
		wantStatus(t, w, c.code)
		wantContains(t, w.Body.String(), c.want, `class="form-error"`)
		wantHTML(t, w.Body.String())
	}
	// A zip over the limit: 413, with the limit named.
	w = e.do(hugeZipRequest(t, "/takehome", takehome.MaxZipSize+1<<20))
	wantStatus(t, w, http.StatusRequestEntityTooLarge)
	wantContains(t, w.Body.String(), "too large", "64 MiB")

	wantStatus(t, e.get("/takehome/reports/999"), http.StatusNotFound)
	wantStatus(t, e.get("/takehome/reports/x.md"), http.StatusNotFound)
	if got := len(e.takehomeReports(0)); got != 2 {
		t.Errorf("stored %d reports, want 2 (the refused checks store nothing)", got)
	}
	wantContains(t, e.get("/takehome").Body.String(), `data-report="1"`, `data-report="2"`)
}

// hugeZipRequest streams a multipart upload of size bytes without holding it.
func hugeZipRequest(t *testing.T, path string, size int64) *http.Request {
	t.Helper()
	var head bytes.Buffer
	mw := multipart.NewWriter(&head)
	if _, err := mw.CreateFormFile("zip", "big.zip"); err != nil {
		t.Fatal(err)
	}
	tail := fmt.Sprintf("\r\n--%s--\r\n", mw.Boundary())
	body := io.MultiReader(&head, io.LimitReader(zeros{}, size), strings.NewReader(tail))
	req := httptest.NewRequest(http.MethodPost, path, body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return req
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

func (e *env) takehomeReports(appID int64) []takehome.Saved {
	e.t.Helper()
	rs, err := e.db.TakehomeReports(context.Background(), e.user.ID, appID)
	if err != nil {
		e.t.Fatal(err)
	}
	return rs
}

func TestTakehomeApplication(t *testing.T) {
	e := newTakehomeEnv(t)
	a := e.addApp("Acme", tracker.Startup, "ML Engineer", tracker.NewDate(2026, 11, 1))
	page := "/applications/" + itoa(a.ID)
	w := e.get(page)
	wantStatus(t, w, http.StatusOK)
	wantContains(t, w.Body.String(), `id="takehome"`, "No take-home checked", `href="`+page+`/takehome"`)

	w = e.get(page + "/takehome")
	wantStatus(t, w, http.StatusOK)
	wantHTML(t, w.Body.String())
	wantContains(t, w.Body.String(), `action="`+page+`/takehome"`, "Take-home for Acme")

	// An uploaded zip, as GitHub's "Download ZIP" makes it.
	z := takehomeZipFile(t, map[string]string{
		"churn-main/README.md":        "# Churn\n\nRun `python train.py`.\n",
		"churn-main/train.py":         "import pandas as pd\ndf = pd.read_csv('/home/me/data.csv')\n",
		"churn-main/requirements.txt": "pandas==2.2.0\n",
	})
	loc, body := e.takehomeChecked(e.postMultipart(page+"/takehome", nil, map[string]upFile{"zip": {"churn-main.zip", z}}))
	wantContains(t, body, "churn-main.zip", `href="`+page+`#takehome"`, "3 files")
	if rs := e.takehomeReports(a.ID); len(rs) != 1 || rs[0].Source != "churn-main.zip" || rs[0].ApplicationID != a.ID {
		t.Fatalf("stored: %+v", rs)
	}
	w = e.get(page)
	wantContains(t, w.Body.String(), `data-takehome-score=`, `href="`+loc+`"`)
	wantContains(t, e.get(page+"/takehome").Body.String(), `data-report="1"`)
	wantContains(t, e.get("/takehome").Body.String(), "ML Engineer at Acme")

	// A bad path on the application's form comes back to that form.
	w = e.postMultipart(page+"/takehome", map[string]string{"path": "/no/such/dir"}, nil)
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantContains(t, w.Body.String(), "does not exist", `value="/no/such/dir"`, "Take-home for Acme")
	wantStatus(t, e.postMultipart("/applications/999/takehome", map[string]string{"path": "/tmp"}, nil), http.StatusNotFound)
	wantStatus(t, e.get("/applications/999/takehome"), http.StatusNotFound)
}

// TestTakehomeReportFindings renders a stored report with findings of every
// severity: H first, each with where it is, the excerpt in <pre>, the
// message and the fix; the application's panel counts the H.
func TestTakehomeReportFindings(t *testing.T) {
	e := newTakehomeEnv(t)
	a := e.addApp("Acme", tracker.Startup, "ML Engineer", tracker.NewDate(2026, 11, 1))
	cell := 2
	rep := &takehome.Report{Path: "/home/me/churn", Score: 48, Categories: map[string]int{"leakage": 40, "documentation": 0},
		Findings: []takehome.Finding{
			{Rule: "leakage/preprocessing", Severity: takehome.High, File: "notebook.ipynb", Cell: &cell, Line: 7,
				Excerpt: "X = scaler.fit_transform(X)  # <b>all</b> rows", Message: "The `scaler` sees the test <rows>.", Fix: "Split first."},
			{Rule: "other/readme", Severity: takehome.Medium, Message: "There is no README.", Fix: "Write one."},
			{Rule: "other/seed", Severity: takehome.Low, File: "train.py", Line: 4, Message: "No seed.", Fix: "Set one."},
		},
		Checked: takehome.Counts{Files: 4, Scripts: 1, Notebooks: 1, CodeLines: 90, Unparsed: []string{"broken.py"}}}
	sv := takehome.NewSaved(a.ID, "/home/me/churn", rep, testNow)
	if err := e.db.SaveTakehome(context.Background(), e.user.ID, &sv); err != nil {
		t.Fatal(err)
	}
	w := e.get("/takehome/reports/" + itoa(sv.ID))
	wantStatus(t, w, http.StatusOK)
	body := w.Body.String()
	wantHTML(t, body)
	wantContains(t, body, "3 findings, most serious first", `data-rule="leakage/preprocessing" data-severity="H"`,
		"notebook.ipynb cell 3 line 7", `<pre class="th-excerpt"><code>X = scaler.fit_transform(X)  # &lt;b&gt;all&lt;/b&gt; rows</code></pre>`,
		"The <code>scaler</code> sees the test &lt;rows&gt;.", "Split first.", "the project", "broken.py", `width="40"`,
		"Preprocessing fitted on data that includes the test rows")
	if h, m, l := strings.Index(body, `data-severity="H"`), strings.Index(body, `data-severity="M"`), strings.Index(body, `data-severity="L"`); !(h < m && m < l) {
		t.Errorf("findings are not H, M, L in order: %d %d %d", h, m, l)
	}
	wantContains(t, e.get("/applications/"+itoa(a.ID)).Body.String(), `data-takehome-high="1"`, `data-takehome-score="48"`)
	md := e.get("/takehome/reports/" + itoa(sv.ID) + ".md").Body.String()
	wantContains(t, md, "## High severity (1)", "```python\nX = scaler.fit_transform(X)")
}

func TestTakehomeOff(t *testing.T) {
	e := newEnv(t, web.Config{})
	wantStatus(t, e.get("/takehome"), http.StatusNotFound)
	wantStatus(t, e.post("/takehome", url.Values{"path": {"/tmp"}}), http.StatusNotFound)
	a := e.addApp("Acme", tracker.Startup, "MLE", tracker.NewDate(2026, 11, 1))
	if strings.Contains(e.get("/applications/"+itoa(a.ID)).Body.String(), `id="takehome"`) {
		t.Error("the application page has a take-home panel with the checker off")
	}
}

func TestTakehomeExportImport(t *testing.T) {
	src := newTakehomeEnv(t)
	a := src.addApp("Acme", tracker.Startup, "ML Engineer", tracker.NewDate(2026, 11, 1))
	src.takehomeChecked(src.postMultipart("/applications/"+itoa(a.ID)+"/takehome", map[string]string{"path": takehomeDir(t)}, nil))
	src.takehomeChecked(src.postMultipart("/takehome", nil, map[string]upFile{"zip": {"p.zip", takehomeZipFile(t, map[string]string{"a.py": "x = 1\n"})}}))
	exported := src.get("/export.json").Body.Bytes()
	var d struct {
		Takehome takehome.Dump `json:"takehome"`
	}
	if err := json.Unmarshal(exported, &d); err != nil || len(d.Takehome.Reports) != 2 {
		t.Fatalf("export's takehome section: %v %+v", err, d.Takehome)
	}
	dst := newTakehomeEnv(t)
	wantStatus(t, dst.upload("/import", "file", "offerloop-export.json", exported), http.StatusSeeOther)
	apps := dst.apps()
	if len(apps) != 1 || len(dst.takehomeReports(apps[0].ID)) != 1 || len(dst.takehomeReports(0)) != 2 {
		t.Fatalf("after import: %d apps, reports %+v", len(apps), dst.takehomeReports(0))
	}
	wantContains(t, dst.get("/applications/"+itoa(apps[0].ID)).Body.String(), `data-takehome-score=`)
}
