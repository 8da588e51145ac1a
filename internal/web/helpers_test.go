package web_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/offerloop/offerloop/internal/sqlite"
	"github.com/offerloop/offerloop/internal/tracker"
	"github.com/offerloop/offerloop/internal/web"
)

// testNow is the fixed clock of every test: Tuesday 24 November 2026, 09:30 in London.
var (
	testLoc, _ = time.LoadLocation("Europe/London")
	testNow    = time.Date(2026, 11, 24, 9, 30, 0, 0, testLoc)
)

type env struct {
	t    testing.TB
	srv  *web.Server
	db   *sqlite.DB
	user *tracker.User
	logs *bytes.Buffer
}

func newEnv(t testing.TB, cfg web.Config) *env {
	t.Helper()
	return newEnvWith(t, cfg, nil)
}

// newEnvWith is newEnv with a hook that completes the configuration once the
// database is open (to hand it to the judge as its store, say).
func newEnvWith(t testing.TB, cfg web.Config, setup func(*web.Config, *sqlite.DB)) *env {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "offerloop.db"))
	if err != nil {
		t.Fatalf("sqlite.Open: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	db.SetNow(func() time.Time { return testNow })
	u, err := db.LocalUser(ctx)
	if err != nil {
		t.Fatalf("LocalUser: %v", err)
	}
	if cfg.Now == nil {
		cfg.Now = func() time.Time { return testNow }
	}
	if cfg.Loc == nil {
		cfg.Loc = testLoc
	}
	if cfg.Instance == "" {
		cfg.Instance = "test"
	}
	if cfg.VersionFresh == 0 {
		cfg.VersionFresh = -1 // tests write through the store directly, as another process would
	}
	if setup != nil {
		setup(&cfg, db)
	}
	logs := new(bytes.Buffer)
	srv, err := web.New(cfg, db, slog.New(slog.NewTextHandler(logs, nil)))
	if err != nil {
		t.Fatalf("web.New: %v", err)
	}
	return &env{t: t, srv: srv, db: db, user: u, logs: logs}
}

func (e *env) do(req *http.Request) *httptest.ResponseRecorder {
	e.t.Helper()
	w := httptest.NewRecorder()
	e.srv.ServeHTTP(w, req)
	return w
}

func (e *env) get(path string) *httptest.ResponseRecorder {
	e.t.Helper()
	return e.do(httptest.NewRequest(http.MethodGet, path, nil))
}

func (e *env) post(path string, form url.Values) *httptest.ResponseRecorder {
	e.t.Helper()
	req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return e.do(req)
}

func (e *env) upload(path, field, name string, data []byte) *httptest.ResponseRecorder {
	e.t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, err := mw.CreateFormFile(field, name)
	if err != nil {
		e.t.Fatal(err)
	}
	fw.Write(data)
	mw.Close()
	req := httptest.NewRequest(http.MethodPost, path, &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return e.do(req)
}

// addApp stores an application through the store, with its kind's plan.
func (e *env) addApp(company string, kind tracker.CompanyKind, role string, applied tracker.Date) *tracker.Application {
	e.t.Helper()
	loops, err := tracker.LoadLoops()
	if err != nil {
		e.t.Fatal(err)
	}
	plan, err := loops.NewPlan(kind)
	if err != nil {
		e.t.Fatal(err)
	}
	a := &tracker.Application{UserID: e.user.ID, Role: role, AppliedOn: applied, Source: tracker.Referral}
	a.Company.Name, a.Company.Kind = company, kind
	if err := e.db.CreateApplication(context.Background(), a, plan); err != nil {
		e.t.Fatalf("CreateApplication: %v", err)
	}
	return a
}

func (e *env) app(id int64) *tracker.Application {
	e.t.Helper()
	a, err := e.db.FindApplication(context.Background(), e.user.ID, id)
	if err != nil {
		e.t.Fatalf("FindApplication(%d): %v", id, err)
	}
	return a
}

func (e *env) apps() []*tracker.Application {
	e.t.Helper()
	as, err := e.db.FindApplications(context.Background(), tracker.ApplicationFilter{UserID: e.user.ID})
	if err != nil {
		e.t.Fatal(err)
	}
	return as
}

func wantStatus(t testing.TB, w *httptest.ResponseRecorder, want int) {
	t.Helper()
	if w.Code != want {
		t.Fatalf("status = %d, want %d; body:\n%s", w.Code, want, excerpt(w.Body.String()))
	}
}

// wantContains checks that body holds each of subs. Messages are shown as
// sentences, so a sub that starts a message may also appear capitalised.
func wantContains(t testing.TB, body string, subs ...string) {
	t.Helper()
	for _, s := range subs {
		if !strings.Contains(body, s) && !strings.Contains(body, strings.ToUpper(s[:1])+s[1:]) {
			t.Errorf("body lacks %q; body:\n%s", s, excerpt(body))
		}
	}
}

var spaces = regexp.MustCompile(`\s+`)

func excerpt(s string) string {
	if i := strings.Index(s, `<main`); i >= 0 {
		s = s[i:]
	}
	s = spaces.ReplaceAllString(s, " ")
	if len(s) > 3000 {
		s = s[:3000] + "…"
	}
	return s
}

// checkHTML reports markup that is not well formed: unclosed or mismatched
// elements, and form controls without a label.
func checkHTML(body string) error {
	void := map[string]bool{"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
		"input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true}
	raw := map[string]bool{"script": true, "style": true, "textarea": true, "title": true}
	var stack []string
	ids := map[string]bool{}
	labels := map[string]bool{}
	var controls []string
	tagRe := regexp.MustCompile(`^<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*(/?)>`)
	attrRe := regexp.MustCompile(`([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?`)
	for i := 0; i < len(body); {
		j := strings.IndexByte(body[i:], '<')
		if j < 0 {
			break
		}
		i += j
		switch {
		case strings.HasPrefix(body[i:], "<!--"):
			k := strings.Index(body[i:], "-->")
			if k < 0 {
				return fmt.Errorf("unclosed comment")
			}
			i += k + 3
			continue
		case len(body)-i >= 9 && strings.EqualFold(body[i:i+9], "<!doctype"):
			i += strings.IndexByte(body[i:], '>') + 1
			continue
		}
		m := tagRe.FindStringSubmatch(body[i:min(len(body), i+4096)])
		if m == nil {
			return fmt.Errorf("cannot read a tag at %q", snippet(body, i))
		}
		closing, name, attrs, self := m[1] == "/", strings.ToLower(m[2]), m[3], m[4] == "/"
		i += len(m[0])
		if closing {
			if len(stack) == 0 || stack[len(stack)-1] != name {
				return fmt.Errorf("</%s> closes %v at %q", name, stack, snippet(body, i))
			}
			stack = stack[:len(stack)-1]
			continue
		}
		at := map[string]string{}
		for _, a := range attrRe.FindAllStringSubmatch(attrs, -1) {
			at[strings.ToLower(a[1])] = a[2] + a[3] + a[4]
		}
		if id := at["id"]; id != "" {
			if ids[id] {
				return fmt.Errorf("duplicate id %q", id)
			}
			ids[id] = true
		}
		if name == "label" && at["for"] != "" {
			labels[at["for"]] = true
		}
		if (name == "input" && at["type"] != "hidden" && at["type"] != "submit") || name == "select" || name == "textarea" {
			if _, ok := at["aria-label"]; !ok {
				controls = append(controls, at["id"]+" ("+name+" "+at["name"]+")")
			}
		}
		if void[name] || self {
			continue
		}
		if raw[name] {
			k := strings.Index(body[i:], "</"+name+">")
			if k < 0 {
				return fmt.Errorf("unclosed <%s>", name)
			}
			i += k + len(name) + 3
			continue
		}
		stack = append(stack, name)
	}
	if len(stack) > 0 {
		return fmt.Errorf("unclosed elements %v", stack)
	}
	for _, c := range controls {
		id, _, _ := strings.Cut(c, " (")
		if id == "" || !labels[id] {
			return fmt.Errorf("form control %s has no label", c)
		}
	}
	return nil
}

func snippet(s string, i int) string {
	lo, hi := max(0, i-80), min(len(s), i+80)
	return s[lo:hi]
}

func readAll(t testing.TB, r io.Reader) string {
	t.Helper()
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestCheckHTML(t *testing.T) {
	tests := []struct {
		html string
		ok   bool
	}{
		{`<!doctype html><html><body><p>a<br>b</p><label for="x">X</label><input id="x"></body></html>`, true},
		{`<div><p>unclosed</div>`, false},
		{`<div>`, false},
		{`<input id="x" name="q">`, false},
		{`<select id="a"></select><select id="a"></select>`, false},
		{`<textarea id="t"><p></textarea><label for="t">T</label>`, true},
	}
	for _, tt := range tests {
		if err := checkHTML(tt.html); (err == nil) != tt.ok {
			t.Errorf("checkHTML(%q) = %v, want ok %v", tt.html, err, tt.ok)
		}
	}
}
