package web_test

import (
	"context"
	"encoding/json"
	"errors"
	"html"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/offerloop/offerloop/internal/judge"
	"github.com/offerloop/offerloop/internal/sqlite"
	"github.com/offerloop/offerloop/internal/web"
)

// newJudgeEnv is a test server whose problem pages grade on j (nil: the
// judge could not start, for the reason jerr) and keep attempts in the
// test's database.
func newJudgeEnv(t testing.TB, j *judge.Judge, jerr error) *env {
	t.Helper()
	return newEnvWith(t, web.Config{}, func(cfg *web.Config, db *sqlite.DB) {
		cfg.Judge = &web.JudgeConfig{Judge: j, Err: jerr, Store: db}
	})
}

// realJudge starts a sandboxed judge with one worker. The judge is required:
// test.sh installs bubblewrap and python3-numpy.
func realJudge(t *testing.T) *judge.Judge {
	t.Helper()
	j, err := judge.New(judge.Options{Workers: 1})
	if err != nil {
		t.Fatalf("judge.New: %v (test.sh installs bubblewrap and python3-numpy)", err)
	}
	t.Cleanup(j.Close)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	if err := j.Ready(ctx); err != nil {
		t.Fatalf("the judge cannot run here (test.sh installs bubblewrap and python3-numpy): %v", err)
	}
	return j
}

func problem(t testing.TB, id string) *judge.Problem {
	t.Helper()
	if _, err := judge.Problems(); err != nil {
		t.Fatalf("judge.Problems: %v", err)
	}
	p, ok := judge.Get(id)
	if !ok {
		t.Fatalf("no problem %q", id)
	}
	return p
}

// wrongSoftmax normalises over the whole array rather than each row: right on
// one vector, wrong on a batch.
const wrongSoftmax = `import numpy as np


def softmax(z):
    print("debug: shape", np.shape(z))
    e = np.exp(z - np.max(z))
    return e / e.sum()
`

func (e *env) addAttempt(problem, verdict, code string, at time.Time) int64 {
	e.t.Helper()
	passed := 0
	if verdict == judge.Accepted {
		passed = 5
	}
	id, err := e.db.AddAttempt(context.Background(), e.user.ID, judge.Attempt{ProblemID: problem, Code: code, Verdict: verdict, Passed: passed, Total: 5, TimeMS: 12.5, At: at})
	if err != nil {
		e.t.Fatalf("AddAttempt: %v", err)
	}
	return id
}

func (e *env) attempts(problem string) []judge.Attempt {
	e.t.Helper()
	as, err := e.db.Attempts(context.Background(), e.user.ID, problem, 0)
	if err != nil {
		e.t.Fatal(err)
	}
	return as
}

func (e *env) run(id, code string) *httptest.ResponseRecorder {
	e.t.Helper()
	return e.post("/problems/"+id+"/run", url.Values{"code": {code}})
}

var (
	caseRowRe = regexp.MustCompile(`<td>([^<]*)</td>\s*<td class="muted small">(hidden|example)</td>[\s\S]*?</tr>\s*(?:<tr class="case-msg"><td colspan="4"><pre>([^<]*)</pre>)?`)
	numbersRe = regexp.MustCompile(`(expected|got) -?[0-9]`)
)

var rowRe = regexp.MustCompile(`<tr data-problem="([^"]+)" data-mark="([^"]+)">`)

// marks reads the problem list's rows: problem id → mark.
func marks(t testing.TB, body string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, m := range rowRe.FindAllStringSubmatch(body, -1) {
		out[m[1]] = m[2]
	}
	return out
}

func TestProblemList(t *testing.T) {
	e := newJudgeEnv(t, nil, errors.New("no sandbox"))
	ps, err := judge.Problems()
	if err != nil {
		t.Fatalf("judge.Problems: %v", err)
	}
	e.addAttempt("softmax", judge.WrongAnswer, "x", testNow.Add(-2*time.Hour))
	e.addAttempt("softmax", judge.Accepted, "y", testNow.Add(-time.Hour))
	e.addAttempt("linear-regression", judge.RuntimeError, "z", testNow.Add(-time.Hour))

	w := e.get("/problems")
	wantStatus(t, w, http.StatusOK)
	body := w.Body.String()
	if err := checkHTML(body); err != nil {
		t.Fatalf("checkHTML: %v", err)
	}
	got := marks(t, body)
	if len(got) != len(ps) {
		t.Errorf("the list shows %d problems, want %d", len(got), len(ps))
	}
	if got["softmax"] != "solved" || got["linear-regression"] != "attempted" {
		t.Errorf("marks: softmax %q, linear-regression %q; want solved, attempted", got["softmax"], got["linear-regression"])
	}
	for id, m := range got {
		if id != "softmax" && id != "linear-regression" && m != "untouched" {
			t.Errorf("mark of %s = %q, want untouched", id, m)
		}
	}
	wantContains(t, body, `<strong data-solved>1</strong> <span class="of">of `+strconv.Itoa(len(ps))+`</span>`,
		"Runtime error", `href="/problems/softmax"`, "Deep learning", `aria-current="page">Problems`, "Runs are off on this server")

	t.Run("filters", func(t *testing.T) {
		for _, tt := range []struct {
			query string
			keep  func(p *judge.Problem) bool
		}{
			{"topic=metrics", func(p *judge.Problem) bool { return p.Topic == "metrics" }},
			{"difficulty=easy", func(p *judge.Problem) bool { return p.Difficulty == "easy" }},
			{"topic=metrics&difficulty=easy", func(p *judge.Problem) bool { return p.Topic == "metrics" && p.Difficulty == "easy" }},
			{"status=solved", func(p *judge.Problem) bool { return p.ID == "softmax" }},
			{"status=attempted", func(p *judge.Problem) bool { return p.ID == "linear-regression" }},
			{"topic=deep-learning&status=untouched", func(p *judge.Problem) bool { return p.Topic == "deep-learning" && p.ID != "softmax" }},
		} {
			w := e.get("/problems?" + tt.query)
			wantStatus(t, w, http.StatusOK)
			got := marks(t, w.Body.String())
			want := 0
			for _, p := range ps {
				if tt.keep(p) {
					want++
					if _, ok := got[p.ID]; !ok {
						t.Errorf("?%s lacks %s", tt.query, p.ID)
					}
				} else if _, ok := got[p.ID]; ok {
					t.Errorf("?%s shows %s", tt.query, p.ID)
				}
			}
			if want == 0 {
				t.Errorf("?%s: the test expects no rows; pick a query that keeps some", tt.query)
			}
			wantContains(t, w.Body.String(), plural(want, "problem")+" of "+strconv.Itoa(len(ps)), `href="/problems">Clear</a>`)
		}
		wantContains(t, e.get("/problems?topic=metrics").Body.String(), `<option value="metrics" selected>`)
		wantStatus(t, e.get("/problems?topic=astrology"), http.StatusNotFound)
		wantStatus(t, e.get("/problems?difficulty=impossible"), http.StatusBadRequest)
		wantStatus(t, e.get("/problems?status=forgotten"), http.StatusBadRequest)
	})
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

func TestProblemPage(t *testing.T) {
	e := newJudgeEnv(t, nil, errors.New("no sandbox: bubblewrap is not installed (sudo apt-get install bubblewrap)"))
	p := problem(t, "softmax")

	w := e.get("/problems/softmax")
	wantStatus(t, w, http.StatusOK)
	body := w.Body.String()
	if err := checkHTML(body); err != nil {
		t.Fatalf("checkHTML: %v", err)
	}
	wantContains(t, body,
		"<h1>"+p.Title+"</h1>",
		"<code>def softmax(z)</code>",
		"<strong>last axis</strong>",                          // the statement, from Markdown
		"z = array([1., 2., 3.])",                             // the first example's input
		"array([0.0900306,  0.244728,  0.665241])",            // and its output
		"z = array([[1., 2., 3.],\n           [0., 0., 0.]])", // a batch, one row a line
		`<textarea id="code" name="code"`,
		html.EscapeString(p.Starter), // the editor starts from the starter code
		`<form method="post" action="/problems/softmax/run#result" data-run>`,
		"/static/codemirror/codemirror.js?v=", "/static/codemirror/python.js?v=", "/static/judge.js?v=",
		"No attempts yet",
	)
	// The judge is off: a notice with the reason instead of the Run button.
	wantContains(t, body, "Runs are off on this server", "sudo apt-get install bubblewrap")
	if strings.Contains(body, `id="run"`) {
		t.Error("the page offers a Run button while the judge is off")
	}
	// Hidden cases stay hidden.
	for _, c := range p.Cases {
		if !c.Visible && strings.Contains(body, ">"+html.EscapeString(c.Name)+"<") {
			t.Errorf("the page shows hidden case %q", c.Name)
		}
	}

	t.Run("latest attempt in the editor", func(t *testing.T) {
		old := e.addAttempt("softmax", judge.WrongAnswer, "def softmax(z):\n    return 'old & <wrong>'\n", testNow.Add(-2*time.Hour))
		e.addAttempt("softmax", judge.Accepted, "def softmax(z):\n    return 'newest'\n", testNow.Add(-time.Hour))
		body := e.get("/problems/softmax").Body.String()
		wantContains(t, body, "return &#39;newest&#39;", "your latest attempt", "Wrong answer", "Accepted", "5/5 passed",
			`href="/problems/softmax?load=`+strconv.FormatInt(old, 10)+`#editor"`, "return &#39;old &amp; &lt;wrong&gt;&#39;")
		if i, j := strings.Index(body, "<textarea"), strings.Index(body, "</textarea>"); strings.Contains(body[i:j], "old &amp;") {
			t.Error("the editor holds an older attempt")
		}
		w := e.get("/problems/softmax?load=" + strconv.FormatInt(old, 10))
		wantStatus(t, w, http.StatusOK)
		body = w.Body.String()
		if i, j := strings.Index(body, "<textarea"), strings.Index(body, "</textarea>"); !strings.Contains(body[i:j], "old &amp; &lt;wrong&gt;") {
			t.Errorf("?load=%d did not put that attempt in the editor: %s", old, body[i:j])
		}
		body = e.get("/problems/softmax?load=starter").Body.String()
		if i, j := strings.Index(body, "<textarea"), strings.Index(body, "</textarea>"); !strings.Contains(body[i:j], html.EscapeString(p.Starter)) {
			t.Error("?load=starter did not put the starter code in the editor")
		}
		wantStatus(t, e.get("/problems/softmax?load=999999"), http.StatusNotFound)
		wantStatus(t, e.get("/problems/linear-regression?load="+strconv.FormatInt(old, 10)), http.StatusNotFound)
	})

	wantStatus(t, e.get("/problems/no-such-problem"), http.StatusNotFound)
}

// TestJudgeRun grades through a real sandboxed judge: the reference solution
// is accepted and its attempt shows in the history and as a mark on the list;
// a wrong one is a wrong answer with the failing example's message.
func TestJudgeRun(t *testing.T) {
	j := realJudge(t)
	e := newJudgeEnv(t, j, nil)
	p := problem(t, "softmax")

	// A cached list before the run must not be served after it.
	if m := marks(t, e.get("/problems").Body.String())["softmax"]; m != "untouched" {
		t.Fatalf("softmax is %q before any run", m)
	}

	w := e.run("softmax", p.Solution)
	wantStatus(t, w, http.StatusOK)
	body := w.Body.String()
	if err := checkHTML(body); err != nil {
		t.Fatalf("checkHTML: %v", err)
	}
	wantContains(t, body, `data-verdict="accepted"`, ">Accepted<",
		"<strong>"+strconv.Itoa(len(p.Cases))+"</strong> of "+strconv.Itoa(len(p.Cases))+" cases passed",
		"Sandbox: bubblewrap", "RLIMIT_CPU", ">hidden<", ">example<")
	as := e.attempts("softmax")
	if len(as) != 1 || as[0].Verdict != judge.Accepted || as[0].Code != p.Solution || !as[0].At.Equal(testNow) {
		t.Fatalf("attempts after the run = %+v, want one accepted with the code, at the server's clock", as)
	}

	page := e.get("/problems/softmax").Body.String()
	wantContains(t, page, "Your attempts", `data-load="attempt-`+strconv.FormatInt(as[0].ID, 10)+`"`, "your latest attempt", `class="badge mark-solved"`)
	if m := marks(t, e.get("/problems").Body.String())["softmax"]; m != "solved" {
		t.Errorf("after an accepted run softmax is %q on the list, want solved", m)
	}

	t.Run("wrong answer", func(t *testing.T) {
		w := e.run("softmax", wrongSoftmax)
		wantStatus(t, w, http.StatusOK)
		body := w.Body.String()
		wantContains(t, body, `data-verdict="wrong_answer"`, ">Wrong answer<", "element [0, 0]: expected 0.09003057317",
			"What your code printed", "debug: shape (3,)")
		// The editor keeps the code that was run.
		if i, j := strings.Index(body, "<textarea"), strings.Index(body, "</textarea>"); !strings.Contains(body[i:j], "debug: shape") {
			t.Error("the editor lost the code that was run")
		}
		// Hidden cases show their verdict, never their data.
		rows := caseRowRe.FindAllStringSubmatch(body, -1)
		if len(rows) != len(p.Cases) {
			t.Fatalf("the result lists %d cases, want %d", len(rows), len(p.Cases))
		}
		hidden := 0
		for _, m := range rows {
			if m[2] == "hidden" {
				hidden++
				if numbersRe.MatchString(m[3]) {
					t.Errorf("hidden case %q shows data: %q", m[1], m[3])
				}
			}
		}
		if hidden == 0 {
			t.Error("no hidden case in the result")
		}
		as := e.attempts("softmax")
		if len(as) != 2 || as[0].Verdict != judge.WrongAnswer {
			t.Fatalf("attempts = %+v, want the wrong answer first", as)
		}
		if m := marks(t, e.get("/problems").Body.String())["softmax"]; m != "solved" {
			t.Errorf("a later wrong answer made softmax %q, want it still solved", m)
		}
	})

	t.Run("fetched", func(t *testing.T) {
		req := httptest.NewRequest(http.MethodPost, "/problems/softmax/run", strings.NewReader(url.Values{"code": {p.Solution}}.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("X-Requested-With", "fetch")
		w := e.do(req)
		wantStatus(t, w, http.StatusOK)
		body := w.Body.String()
		if strings.Contains(body, "<html") || strings.Contains(body, "<textarea") {
			t.Error("a fetched run answered with the whole page, want the result and history only")
		}
		wantContains(t, body, `data-verdict="accepted"`, "Your attempts")
	})

	t.Run("refused", func(t *testing.T) {
		before := len(e.attempts("softmax"))
		w := e.run("softmax", "   \n")
		wantStatus(t, w, http.StatusUnprocessableEntity)
		wantContains(t, w.Body.String(), "there is no code to run")
		// Too much code: refused with the limit, the page kept.
		big := "# " + strings.Repeat("x", judge.MaxSourceLength) + "\n" + p.Solution
		w = e.run("softmax", big)
		wantStatus(t, w, http.StatusRequestEntityTooLarge)
		wantContains(t, w.Body.String(), "a solution may be at most 64 KiB", `<textarea id="code"`)
		// A body too large even to read.
		huge := strings.Repeat("\x00", 7*judge.MaxSourceLength)
		w = e.run("softmax", huge)
		wantStatus(t, w, http.StatusRequestEntityTooLarge)
		wantContains(t, w.Body.String(), "at most 64 KiB")
		if n := len(e.attempts("softmax")); n != before {
			t.Errorf("refused runs stored %d attempts", n-before)
		}
		wantStatus(t, e.run("no-such-problem", p.Solution), http.StatusNotFound)
	})
}

func TestJudgeAPI(t *testing.T) {
	j := realJudge(t)
	e := newJudgeEnv(t, j, nil)
	p := problem(t, "softmax")
	api := func(id, body string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodPost, "/api/judge/"+id, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		return e.do(req)
	}
	body, _ := json.Marshal(map[string]string{"code": p.Solution})
	w := api("softmax", string(body))
	wantStatus(t, w, http.StatusOK)
	if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("Content-Type = %q", ct)
	}
	var res judge.Result
	if err := json.Unmarshal(w.Body.Bytes(), &res); err != nil {
		t.Fatalf("decode: %v\n%s", err, w.Body)
	}
	if res.Problem != "softmax" || res.Verdict != judge.Accepted || res.Passed != len(p.Cases) || len(res.Cases) != len(p.Cases) || res.Sandbox != "bubblewrap" {
		t.Errorf("result = %+v, want softmax accepted on every case in bubblewrap", res)
	}
	if as := e.attempts("softmax"); len(as) != 1 || as[0].Verdict != judge.Accepted {
		t.Errorf("attempts = %+v, want the API's run stored", as)
	}

	wrong, _ := json.Marshal(map[string]string{"code": wrongSoftmax})
	w = api("softmax", string(wrong))
	wantStatus(t, w, http.StatusOK)
	if err := json.Unmarshal(w.Body.Bytes(), &res); err != nil || res.Verdict != judge.WrongAnswer || !strings.Contains(res.Output, "debug: shape") {
		t.Errorf("wrong solution: %+v, %v; want wrong_answer with its output", res, err)
	}

	big, _ := json.Marshal(map[string]string{"code": strings.Repeat("#", judge.MaxSourceLength+1)})
	for _, tt := range []struct {
		name, id, body string
		status         int
		msg            string
	}{
		{"not JSON", "softmax", "code=1", http.StatusBadRequest, "cannot read the request"},
		{"unknown field", "softmax", `{"code": "x", "language": "python"}`, http.StatusBadRequest, "cannot read the request"},
		{"empty code", "softmax", `{"code": ""}`, http.StatusBadRequest, "there is no code to run"},
		{"too much code", "softmax", string(big), http.StatusRequestEntityTooLarge, "at most 64 KiB"},
		{"too large a body", "softmax", `{"code": "` + strings.Repeat(`\u0000`, 2*judge.MaxSourceLength) + `"}`, http.StatusRequestEntityTooLarge, "at most 64 KiB"},
		{"unknown problem", "no-such-problem", string(body), http.StatusNotFound, "there is no problem"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			w := api(tt.id, tt.body)
			wantStatus(t, w, tt.status)
			var out map[string]string
			if err := json.Unmarshal(w.Body.Bytes(), &out); err != nil || !strings.Contains(out["error"], tt.msg) {
				t.Errorf("body = %s, want {\"error\": ...%q...}", w.Body, tt.msg)
			}
		})
	}
	if n := len(e.attempts("softmax")); n != 2 {
		t.Errorf("%d attempts stored, want 2: refused requests store none", n)
	}
}

// TestJudgeOff: without a judge the problems still show, with the reason in
// place of the Run button, and runs are refused with it.
func TestJudgeOff(t *testing.T) {
	for _, tt := range []struct {
		name string
		cfg  web.Config
		why  string
	}{
		{"no judge", web.Config{}, "this server was started without the judge"},
		{"could not start", web.Config{Judge: &web.JudgeConfig{Err: errors.New("no sandbox: bubblewrap is not installed (sudo apt-get install bubblewrap)")}},
			"sudo apt-get install bubblewrap"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t, tt.cfg)
			p := problem(t, "softmax")
			w := e.get("/problems")
			wantStatus(t, w, http.StatusOK)
			wantContains(t, w.Body.String(), "Runs are off on this server", tt.why, `href="/problems/softmax"`)
			w = e.get("/problems/softmax")
			wantStatus(t, w, http.StatusOK)
			body := w.Body.String()
			wantContains(t, body, "Runs are off on this server", tt.why, "<strong>last axis</strong>", `<textarea id="code"`)
			if strings.Contains(body, `id="run"`) {
				t.Error("the page offers a Run button without a judge")
			}
			w = e.run("softmax", p.Solution)
			wantStatus(t, w, http.StatusServiceUnavailable)
			wantContains(t, w.Body.String(), "the judge cannot run code on this server", tt.why)

			req := httptest.NewRequest(http.MethodPost, "/api/judge/softmax", strings.NewReader(`{"code": "x = 1"}`))
			req.Header.Set("Content-Type", "application/json")
			w = e.do(req)
			wantStatus(t, w, http.StatusServiceUnavailable)
			var out map[string]string
			if err := json.Unmarshal(w.Body.Bytes(), &out); err != nil || !strings.Contains(out["error"], tt.why) {
				t.Errorf("API body = %s, want an error saying %q", w.Body, tt.why)
			}
		})
	}
}
