package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/offerloop/offerloop/internal/drill"
	"github.com/offerloop/offerloop/internal/fsrs"
	"github.com/offerloop/offerloop/internal/sqlite"
	"github.com/offerloop/offerloop/internal/tracker"
	"github.com/offerloop/offerloop/internal/web"
)

// drillEnv is a test server with the drill over the real question bank and a
// temp-file database, on a clock the test moves.
type drillEnv struct {
	*env
	d     *drill.Drill
	mu    sync.Mutex
	clock time.Time
}

var (
	bankOnce sync.Once
	bank     *drill.Bank
	bankErr  error
)

func testBank(t testing.TB) *drill.Bank {
	t.Helper()
	bankOnce.Do(func() { bank, bankErr = drill.LoadBank() })
	if bankErr != nil {
		t.Fatalf("LoadBank: %v", bankErr)
	}
	return bank
}

func newDrillEnv(t testing.TB, cfg web.Config) *drillEnv {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "offerloop.db"))
	if err != nil {
		t.Fatalf("sqlite.Open: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	de := &drillEnv{clock: testNow}
	now := func() time.Time {
		de.mu.Lock()
		defer de.mu.Unlock()
		return de.clock
	}
	db.SetNow(now)
	u, err := db.LocalUser(ctx)
	if err != nil {
		t.Fatalf("LocalUser: %v", err)
	}
	cfg.Now, cfg.Loc, cfg.Instance, cfg.VersionFresh = now, testLoc, "test", -1
	de.d = &drill.Drill{Store: db, Bank: testBank(t)}
	cfg.Drill = de.d
	logs := new(bytes.Buffer)
	srv, err := web.New(cfg, db, slog.New(slog.NewTextHandler(logs, nil)))
	if err != nil {
		t.Fatalf("web.New: %v", err)
	}
	// The service the server uses fills in the clock, zone and interviews;
	// the test's own calls go through the same clock.
	de.d.Now, de.d.Loc = now, testLoc
	de.env = &env{t: t, srv: srv, db: db, user: u, logs: logs}
	return de
}

func (de *drillEnv) set(t time.Time) {
	de.mu.Lock()
	de.clock = t
	de.mu.Unlock()
}

func (de *drillEnv) reviews() []drill.ReviewLog {
	de.t.Helper()
	rs, err := de.db.Reviews(context.Background(), de.user.ID, time.Time{})
	if err != nil {
		de.t.Fatal(err)
	}
	return rs
}

var (
	cardRe = regexp.MustCompile(`data-card="([^"]+)" data-reps="(\d+)"`)
	dueRe  = regexp.MustCompile(`<strong data-due>(\d+)</strong> due`)
	newRe  = regexp.MustCompile(`<strong>(\d+)</strong> new left today`)
)

// shown returns the card id and reps of a review page or fragment.
func shown(t testing.TB, body string) (id, reps string) {
	t.Helper()
	m := cardRe.FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no card shown; body:\n%s", excerpt(body))
	}
	return m[1], m[2]
}

func count(t testing.TB, re *regexp.Regexp, body string) string {
	t.Helper()
	m := re.FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no %v in the page; body:\n%s", re, excerpt(body))
	}
	return m[1]
}

func rateForm(id, reps, rating, topic string) url.Values {
	return url.Values{"card": {id}, "reps": {reps}, "rating": {rating}, "topic": {topic}, "ms": {"4200"}}
}

func TestDrillReviewFlow(t *testing.T) {
	e := newDrillEnv(t, web.Config{})
	w := e.get("/drill")
	wantStatus(t, w, http.StatusOK)
	body := w.Body.String()
	if err := checkHTML(body); err != nil {
		t.Fatalf("drill page: %v", err)
	}
	first, reps := shown(t, body)
	bankFirst := testBank(t).Cards()[0]
	if first != bankFirst.ID || reps != "0" {
		t.Errorf("first card = %s (reps %s), want the bank's first card %s", first, reps, bankFirst.ID)
	}
	// Without JavaScript: a link reveals, the rating is a plain form with
	// four submit buttons showing their intervals.
	wantContains(t, body, `href="/drill?reveal=1" data-reveal>Show answer</a>`, `data-answer hidden`,
		`<form class="rate" method="post" action="/drill/rate"`, `name="rating" value="1"`, `name="rating" value="4"`,
		`<span class="ival">1m</span>`, `<span class="ival">10m</span>`, `aria-current="page">Drill</a>`)
	if got := count(t, newRe, body); got != "20" {
		t.Errorf("new left = %s, want 20", got)
	}

	w = e.get("/drill?reveal=1")
	wantStatus(t, w, http.StatusOK)
	if strings.Contains(w.Body.String(), "data-answer hidden") || strings.Contains(w.Body.String(), "data-reveal>") {
		t.Errorf("revealed page still hides the answer:\n%s", excerpt(w.Body.String()))
	}
	wantContains(t, w.Body.String(), "<strong>What the interviewer listens for</strong>", "<ul>\n<li>")

	w = e.post("/drill/rate", rateForm(first, "0", "3", ""))
	wantStatus(t, w, http.StatusSeeOther)
	if loc := w.Header().Get("Location"); loc != "/drill" {
		t.Errorf("redirect to %q, want /drill", loc)
	}
	rs := e.reviews()
	if len(rs) != 1 || rs[0].CardID != first || rs[0].Rating != fsrs.Good || rs[0].DurationMS != 4200 {
		t.Fatalf("review log = %+v, want one Good review of %s taking 4.2 s", rs, first)
	}
	body = e.get("/drill").Body.String()
	second, _ := shown(t, body)
	if second == first {
		t.Errorf("the rated card %s is shown again at once", first)
	}
	if got := count(t, newRe, body); got != "19" {
		t.Errorf("new left after one review = %s, want 19", got)
	}

	// Ten minutes on, the first card is due again (its learning step).
	e.set(testNow.Add(11 * time.Minute))
	body = e.get("/drill").Body.String()
	if id, reps := shown(t, body); id != first || reps != "1" {
		t.Errorf("after 11 minutes the card shown is %s (reps %s), want %s again (reps 1)", id, reps, first)
	}
	if got := count(t, dueRe, body); got != "1" {
		t.Errorf("due = %s, want 1", got)
	}
}

func TestDrillTopicAndFetch(t *testing.T) {
	e := newDrillEnv(t, web.Config{})
	w := e.get("/drill?topic=metrics")
	wantStatus(t, w, http.StatusOK)
	id, reps := shown(t, w.Body.String())
	if c, _ := testBank(t).Card(id); c.Topic != "metrics" {
		t.Fatalf("topic filter shows %s of topic %s", id, c.Topic)
	}
	wantContains(t, w.Body.String(), `<option value="metrics" selected>`, `href="/drill?reveal=1&amp;topic=metrics"`)

	// A form rating keeps the topic.
	w = e.post("/drill/rate", rateForm(id, reps, "4", "metrics"))
	wantStatus(t, w, http.StatusSeeOther)
	if loc := w.Header().Get("Location"); loc != "/drill?topic=metrics" {
		t.Errorf("redirect to %q", loc)
	}

	// With the fetch header the answer is the next card's fragment.
	next, nreps := shown(t, e.get("/drill?topic=metrics").Body.String())
	req := httptest.NewRequest(http.MethodPost, "/drill/rate", strings.NewReader(rateForm(next, nreps, "3", "metrics").Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-Requested-With", "fetch")
	w = e.do(req)
	wantStatus(t, w, http.StatusOK)
	frag := w.Body.String()
	if strings.Contains(frag, "<html") || strings.Contains(frag, "<nav") {
		t.Errorf("the fragment is a whole page:\n%s", excerpt(frag))
	}
	third, _ := shown(t, frag)
	if third == next || third == id {
		t.Errorf("fragment shows %s again", third)
	}
	if err := checkHTML(frag); err != nil {
		t.Errorf("fragment: %v", err)
	}
	if e.get("/drill?topic=nope").Code != http.StatusNotFound {
		t.Error("an unknown topic is not 404")
	}
}

func TestDrillDone(t *testing.T) {
	e := newDrillEnv(t, web.Config{})
	const topic = "imbalanced-data"
	for i := 0; ; i++ {
		w := e.get("/drill?topic=" + topic)
		if !strings.Contains(w.Body.String(), "data-card=") {
			break
		}
		if i > 20 {
			t.Fatal("the topic never runs out")
		}
		id, reps := shown(t, w.Body.String())
		wantStatus(t, e.post("/drill/rate", rateForm(id, reps, "4", topic)), http.StatusSeeOther)
	}
	w := e.get("/drill?topic=" + topic)
	wantStatus(t, w, http.StatusOK)
	wantContains(t, w.Body.String(), "All caught up in this topic", "The next card is due <strong>", "other topics have cards waiting",
		`href="/drill?topic=metrics"`, "Review all topics")
	if err := checkHTML(w.Body.String()); err != nil {
		t.Error(err)
	}
}

func TestDrillStaleAndInvalidRating(t *testing.T) {
	e := newDrillEnv(t, web.Config{})
	id, reps := shown(t, e.get("/drill").Body.String())
	wantStatus(t, e.post("/drill/rate", rateForm(id, reps, "3", "")), http.StatusSeeOther)

	// The same showing rated again, as a second tab would.
	w := e.post("/drill/rate", rateForm(id, reps, "1", ""))
	wantStatus(t, w, http.StatusConflict)
	wantContains(t, w.Body.String(), "already rated in another tab", `data-card="`)
	if err := checkHTML(w.Body.String()); err != nil {
		t.Error(err)
	}
	if n := len(e.reviews()); n != 1 {
		t.Errorf("a stale rating was recorded: %d reviews", n)
	}
	req := httptest.NewRequest(http.MethodPost, "/drill/rate", strings.NewReader(rateForm(id, reps, "1", "").Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-Requested-With", "fetch")
	w = e.do(req)
	wantStatus(t, w, http.StatusConflict)
	wantContains(t, w.Body.String(), "already rated", `data-card="`)

	next, nreps := shown(t, e.get("/drill").Body.String())
	for _, bad := range []string{"0", "5", "good", ""} {
		w := e.post("/drill/rate", rateForm(next, nreps, bad, ""))
		wantStatus(t, w, http.StatusBadRequest)
		wantContains(t, w.Body.String(), "a rating is 1 (again)")
	}
	wantStatus(t, e.post("/drill/rate", rateForm("no-such-card", "0", "3", "")), http.StatusNotFound)
	if n := len(e.reviews()); n != 1 {
		t.Errorf("invalid ratings were recorded: %d reviews", n)
	}
}

// seedHistory reviews cards over the 40 days before testNow, a few a day,
// through the service on a moving clock, and leaves the clock at testNow.
func seedHistory(t testing.TB, e *drillEnv, cards int) {
	t.Helper()
	ctx := context.Background()
	for day := 40; day >= 1; day-- {
		e.set(testNow.AddDate(0, 0, -day))
		for i := 0; i < cards; i++ {
			tn, err := e.d.Next(ctx, e.user.ID, "")
			if err != nil {
				t.Fatal(err)
			}
			if tn.Card == nil {
				break
			}
			g := fsrs.Good
			if (day+i)%5 == 0 {
				g = fsrs.Again
			}
			if _, err := e.d.Rate(ctx, e.user.ID, tn.Card.ID, g, tn.Reps, 3000); err != nil {
				t.Fatal(err)
			}
		}
	}
	e.set(testNow)
}

func TestDrillStats(t *testing.T) {
	e := newDrillEnv(t, web.Config{})
	w := e.get("/drill/stats")
	wantStatus(t, w, http.StatusOK)
	wantContains(t, w.Body.String(), "No reviews in the last 30 days", "Nothing scheduled yet", `class="hbars"`, "below 400, the defaults are used")
	if err := checkHTML(w.Body.String()); err != nil {
		t.Fatal(err)
	}

	seedHistory(t, e, 6)
	w = e.get("/drill/stats")
	wantStatus(t, w, http.StatusOK)
	body := w.Body.String()
	if err := checkHTML(body); err != nil {
		t.Fatal(err)
	}
	wantContains(t, body, `<svg class="bars"`, `<rect class="passed"`, `<rect class="again"`, `<rect class="due"`,
		"True retention", `class="row ok"`, "Bias and variance")
	if strings.Contains(body, "No reviews in the last 30 days") {
		t.Error("stats with a history show the empty state")
	}
	if n := strings.Count(body, "<svg class=\"bars\""); n != 2 {
		t.Errorf("%d bar charts, want 2 (reviews, forecast)", n)
	}

	// The optimiser wants 400 reviews a day apart: it explains and saves nothing.
	w = e.post("/drill/optimize", nil)
	wantStatus(t, w, http.StatusOK)
	wantContains(t, w.Body.String(), "the optimiser needs 400", "default parameters")
	if v, _ := e.db.Setting(context.Background(), e.user.ID, drill.SettingParameters); v != "" {
		t.Errorf("parameters saved from a short history: %q", v)
	}

	w = e.get("/api/drill/stats")
	wantStatus(t, w, http.StatusOK)
	var st drill.Stats
	if err := json.Unmarshal(w.Body.Bytes(), &st); err != nil || st.Reviews == 0 || len(st.Days) != 30 {
		t.Errorf("api stats = %+v, %v", st, err)
	}
}

func TestDrillAPI(t *testing.T) {
	e := newDrillEnv(t, web.Config{})
	w := e.get("/api/drill/next?topic=clustering")
	wantStatus(t, w, http.StatusOK)
	var next struct {
		Card       *drill.Card    `json:"card"`
		Reps       int            `json:"reps"`
		Buttons    []drill.Button `json:"buttons"`
		AnswerHTML string         `json:"answer_html"`
	}
	if err := json.Unmarshal(w.Body.Bytes(), &next); err != nil || next.Card == nil || next.Card.Topic != "clustering" || len(next.Buttons) != 4 || next.AnswerHTML == "" {
		t.Fatalf("next = %+v, %v", next, err)
	}
	rate := func(rating int) *httptest.ResponseRecorder {
		b, _ := json.Marshal(map[string]any{"card": next.Card.ID, "rating": rating, "reps": next.Reps, "ms": 1500, "topic": "clustering"})
		req := httptest.NewRequest(http.MethodPost, "/api/drill/rate", bytes.NewReader(b))
		req.Header.Set("Content-Type", "application/json")
		return e.do(req)
	}
	wantStatus(t, rate(9), http.StatusBadRequest)
	w = rate(2)
	wantStatus(t, w, http.StatusOK)
	var out struct {
		Review drill.ReviewLog `json:"review"`
		Next   struct {
			Card *drill.Card `json:"card"`
		} `json:"next"`
	}
	if err := json.Unmarshal(w.Body.Bytes(), &out); err != nil || out.Review.Rating != fsrs.Hard || out.Next.Card == nil || out.Next.Card.ID == next.Card.ID {
		t.Fatalf("rate = %s, %v", w.Body.String(), err)
	}
	w = rate(3)
	wantStatus(t, w, http.StatusConflict)
	wantContains(t, w.Body.String(), `"error"`)
}

func TestDrillOff(t *testing.T) {
	e := newEnv(t, web.Config{})
	w := e.get("/drill")
	wantStatus(t, w, http.StatusNotFound)
	wantContains(t, w.Body.String(), "The drill is not enabled")
	wantStatus(t, e.get("/cards"), http.StatusNotFound)
	wantStatus(t, e.get("/api/drill/next"), http.StatusNotFound)
	if w := e.get("/today"); !strings.Contains(w.Body.String(), `href="/drill"`) {
		t.Error("the nav has no Drill link")
	}
}

func TestDrillInterviewPanel(t *testing.T) {
	e := newDrillEnv(t, web.Config{})
	// Two weeks of reviews of the theory cards, so that recall on the
	// interview day can be predicted.
	seedHistory(t, e, 8)
	a := e.addApp("Northwind AI", tracker.BigTech, "ML Engineer", tracker.NewDate(2026, 11, 1))
	iv := &tracker.Interview{UserID: e.user.ID, ApplicationID: a.ID, Kind: tracker.RoundPhoneScreen, Title: "Phone screen",
		At: testNow.Add(6*24*time.Hour + 2*time.Hour), Minutes: 45}
	if err := e.db.ScheduleInterview(context.Background(), iv); err != nil {
		t.Fatal(err)
	}
	w := e.get("/drill")
	wantStatus(t, w, http.StatusOK)
	body := w.Body.String()
	if err := checkHTML(body); err != nil {
		t.Fatal(err)
	}
	wantContains(t, body, "Interview-date mode", "Northwind AI", "in 6 days", "Phone screen",
		"Bias and variance", "Evaluation metrics", "predicted recall on the day", "How is this computed?", "(FSRS-6)")
	// The rounds are the interview's kind, then the big-tech loop's rounds
	// still ahead.
	panel := body[strings.Index(body, "Interview-date mode"):]
	if !regexp.MustCompile(`· Technical phone screen, [^<]*ML system design`).MatchString(panel) {
		t.Errorf("the panel does not list the rounds ahead:\n%s", excerpt(panel))
	}
	if !regexp.MustCompile(`class="recall (ok|warn|low)" title="[0-9]+ of [0-9]+ cards reviewed`).MatchString(panel) {
		t.Errorf("no explained per-topic recall in the panel:\n%s", excerpt(panel))
	}
}

// TestDrillCacheSeesOtherWriters writes behind the server's back, as the CLI
// does on the same database: the server's cache of cards and progress must
// not hide the change.
func TestDrillCacheSeesOtherWriters(t *testing.T) {
	e := newDrillEnv(t, web.Config{})
	ctx := context.Background()
	id, reps := shown(t, e.get("/drill").Body.String())
	wantStatus(t, e.post("/drill/rate", rateForm(id, reps, "3", "")), http.StatusSeeOther)
	wantContains(t, e.get("/cards?q=zebra").Body.String(), "No card matches")

	// Another process adds a card and rates the card the server shows next.
	c := drill.Card{ID: "cli-zebra", Topic: "zoo", Round: drill.RoundTheory, Difficulty: 1, Prompt: "Why is the zebra striped?", Answer: "Flies."}
	if err := e.d.SaveCard(ctx, e.user.ID, c); err != nil {
		t.Fatal(err)
	}
	wantContains(t, e.get("/cards?q=zebra").Body.String(), "Why is the zebra striped?")
	next, nreps := shown(t, e.get("/drill").Body.String())
	if _, err := e.d.Rate(ctx, e.user.ID, next, fsrs.Easy, 0, 0); err != nil {
		t.Fatal(err)
	}
	body := e.get("/drill").Body.String()
	if again, _ := shown(t, body); again == next {
		t.Errorf("the server still shows %s, rated by another process", next)
	}
	if got := count(t, newRe, body); got != "18" {
		t.Errorf("new left = %s, want 18 after two new cards", got)
	}
	// The stale showing is refused, not recorded twice.
	wantStatus(t, e.post("/drill/rate", rateForm(next, nreps, "3", "")), http.StatusConflict)
	if n := len(e.reviews()); n != 2 {
		t.Errorf("%d reviews, want 2", n)
	}
	if w := e.get("/cards/" + next); !strings.Contains(w.Body.String(), "Easy") {
		t.Errorf("the card page lacks the other process's review:\n%s", excerpt(w.Body.String()))
	}
}

func TestDrillMarkdownIsSafe(t *testing.T) {
	e := newDrillEnv(t, web.Config{})
	w := e.post("/cards/new", url.Values{"id": {"xss"}, "topic": {"mine"}, "round": {"ml_theory"}, "difficulty": {"2"},
		"prompt": {"<b>Prompt</b>"}, "answer": {"**Bold** <script>alert(1)</script>\n- `<i>`\n- *it*"}})
	wantStatus(t, w, http.StatusSeeOther)
	body := e.get("/cards/xss").Body.String()
	wantContains(t, body, "&lt;b&gt;Prompt&lt;/b&gt;", "<strong>Bold</strong> &lt;script&gt;", "<li><code>&lt;i&gt;</code></li>", "<li><em>it</em></li>")
	if strings.Contains(body, "<script>alert") {
		t.Error("a card's answer injected a script")
	}
}

func ExampleFormatInterval() {
	for _, d := range []time.Duration{time.Minute, 10 * time.Minute, 48 * time.Hour, 36 * 24 * time.Hour} {
		fmt.Print(drill.FormatInterval(d), " ")
	}
	// Output: 1m 10m 2d 1.2mo
}

// TestDrillOptimize fits the parameters to a long review log: the page shows
// log loss and RMSE(bins) before and after and whether they were saved.
func TestDrillOptimize(t *testing.T) {
	e := newDrillEnv(t, web.Config{})
	sched := fsrs.NewScheduler()
	sched.Fuzz = false
	d := &drill.Dump{}
	start := testNow.AddDate(-1, 0, 0)
	for i, c := range testBank(t).Cards()[:120] {
		fc := fsrs.Card{ID: c.ID, Due: start.Add(time.Duration(i) * time.Hour)}
		for n := 0; n < 6; n++ {
			at := fc.Due
			g := fsrs.Good
			// Forget now and then, more often after long gaps.
			if (i*7+n*3)%11 == 0 || n >= 4 && i%3 == 0 {
				g = fsrs.Again
			}
			next, l := sched.Review(fc, g, at)
			d.Reviews = append(d.Reviews, drill.ReviewLog{ID: int64(len(d.Reviews) + 1), UserID: e.user.ID, CardID: c.ID, At: at, Rating: g,
				StateBefore: l.Before.String(), StateAfter: next.State.String(), ElapsedDays: l.ElapsedDays, Retrievability: l.Retrievability,
				Stability: next.Stability, Difficulty: next.Difficulty, ScheduledDays: l.ScheduledDays, Due: next.Due})
			fc = next
			if fc.Due.Sub(at) < 24*time.Hour {
				fc.Due = at.Add(24 * time.Hour) // the optimiser predicts reviews a day or more apart
			}
		}
		p := drill.ToProgress(e.user.ID, fc)
		d.Progress = append(d.Progress, p)
	}
	if err := e.db.RestoreDrill(context.Background(), e.user.ID, d); err != nil {
		t.Fatal(err)
	}
	w := e.post("/drill/optimize", nil)
	wantStatus(t, w, http.StatusOK)
	body := w.Body.String()
	if err := checkHTML(body); err != nil {
		t.Fatal(err)
	}
	wantContains(t, body, "Log loss", "RMSE (bins)", "Fit to your 600 reviews")
	saved, _ := e.db.Setting(context.Background(), e.user.ID, drill.SettingParameters)
	switch {
	case strings.Contains(body, "so they were saved"):
		if _, err := drill.ParseParameters(saved); err != nil {
			t.Errorf("saved parameters %q: %v", saved, err)
		}
	case strings.Contains(body, "so your parameters were kept"):
		if saved != "" {
			t.Errorf("parameters saved though not improved: %q", saved)
		}
	default:
		t.Errorf("the page does not say whether the parameters were saved:\n%s", excerpt(body))
	}
}

// TestExportImportCarriesTheDrill: the export page includes the drill's cards,
// progress and reviews, and importing it restores them with the tracker.
func TestExportImportCarriesTheDrill(t *testing.T) {
	src := newDrillEnv(t, web.Config{})
	ctx := context.Background()
	turn, err := src.d.Next(ctx, src.user.ID, "")
	if err != nil || turn == nil || turn.Card == nil {
		t.Fatalf("Next = %+v, %v", turn, err)
	}
	if _, err := src.d.Rate(ctx, src.user.ID, turn.Card.ID, fsrs.Good, turn.Reps, 1200); err != nil {
		t.Fatal(err)
	}
	exported := src.get("/export.json").Body.Bytes()
	if !bytes.Contains(exported, []byte(`"drill"`)) || !bytes.Contains(exported, []byte(turn.Card.ID)) {
		t.Fatalf("the export has no drill section with the reviewed card")
	}
	dst := newDrillEnv(t, web.Config{})
	w := dst.upload("/import", "file", "offerloop-export.json", exported)
	wantStatus(t, w, http.StatusSeeOther)
	logs, err := dst.db.Reviews(ctx, dst.user.ID, time.Time{})
	if err != nil || len(logs) != 1 || logs[0].CardID != turn.Card.ID {
		t.Errorf("after import, reviews = %+v, %v", logs, err)
	}
	if again := dst.get("/export.json").Body.Bytes(); normDump(t, again) != normDump(t, exported) {
		t.Errorf("export → import → export changed the data")
	}
}

// TestDrillAPIRateTopicGone: a rating is recorded before the next card is
// looked up, so a topic that has no cards (any more) must not turn the
// answer into an error: the rating counted, and the next card comes from all
// topics, as the review form does.
func TestDrillAPIRateTopicGone(t *testing.T) {
	e := newDrillEnv(t, web.Config{})
	ctx := context.Background()
	c := drill.Card{ID: "mine-1", Topic: "mine", Round: drill.RoundTheory, Difficulty: 1, Prompt: "Mine?", Answer: "Yes."}
	if err := e.d.SaveCard(ctx, e.user.ID, c); err != nil {
		t.Fatal(err)
	}
	// The topic's last card is deleted in another tab; this one still rates
	// the bank card it showed, asking for the next card of the topic.
	if err := e.db.DeleteUserCard(ctx, e.user.ID, c.ID); err != nil {
		t.Fatal(err)
	}
	bankID := testBank(t).Cards()[0].ID
	b, _ := json.Marshal(map[string]any{"card": bankID, "rating": 3, "reps": 0, "topic": "mine"})
	req := httptest.NewRequest(http.MethodPost, "/api/drill/rate", bytes.NewReader(b))
	req.Header.Set("Content-Type", "application/json")
	w := e.do(req)
	wantStatus(t, w, http.StatusOK)
	var out struct {
		Review drill.ReviewLog `json:"review"`
		Next   struct {
			Card *drill.Card `json:"card"`
		} `json:"next"`
	}
	if err := json.Unmarshal(w.Body.Bytes(), &out); err != nil || out.Review.CardID != bankID || out.Next.Card == nil {
		t.Fatalf("rate = %s, %v", w.Body.String(), err)
	}
	if n := len(e.reviews()); n != 1 {
		t.Errorf("%d reviews, want 1", n)
	}
}

// TestDrillDoneWhenEveryCardIsStudied: once every card has been started, the
// done state must not promise more new cards tomorrow; while unstarted cards
// remain and the day's allowance is spent, it says so.
func TestDrillDoneWhenEveryCardIsStudied(t *testing.T) {
	e := newDrillEnv(t, web.Config{})
	ctx := context.Background()
	if err := e.db.SetSetting(ctx, e.user.ID, drill.SettingNewPerDay, "1"); err != nil {
		t.Fatal(err)
	}
	id, reps := shown(t, e.get("/drill").Body.String())
	wantStatus(t, e.post("/drill/rate", rateForm(id, reps, "4", "")), http.StatusSeeOther)
	body := e.get("/drill").Body.String()
	wantContains(t, body, "All caught up", "started all the new cards allowed today")

	if err := e.db.SetSetting(ctx, e.user.ID, drill.SettingNewPerDay, "1000"); err != nil {
		t.Fatal(err)
	}
	for _, c := range testBank(t).Cards() {
		if c.ID == id {
			continue
		}
		if _, err := e.d.Rate(ctx, e.user.ID, c.ID, fsrs.Easy, 0, 0); err != nil {
			t.Fatal(err)
		}
	}
	body = e.get("/drill").Body.String()
	wantContains(t, body, "All caught up", "Every card is studied")
	if strings.Contains(body, "more come tomorrow") {
		t.Errorf("with every card studied, the done state promises new cards tomorrow:\n%s", excerpt(body))
	}
}

// TestDrillSettingsForm: the settings page edits the drill's preferences; a
// value out of range is refused with nothing saved, and the drill uses them.
func TestDrillSettingsForm(t *testing.T) {
	e := newDrillEnv(t, web.Config{})
	ctx := context.Background()
	body := e.get("/settings").Body.String()
	wantContains(t, body, `name="retention"`, `value="0.9"`, `name="new_per_day"`, `value="20"`)
	w := e.post("/settings/drill", url.Values{"retention": {"0.85"}, "new_per_day": {"5"}, "target": {"0.95"}, "daily_cap": {"30"}})
	wantStatus(t, w, http.StatusSeeOther)
	st, err := e.d.Settings(ctx, e.user.ID)
	if err != nil || st.Retention != 0.85 || st.NewPerDay != 5 || st.Target != 0.95 || st.DailyCap != 30 {
		t.Errorf("settings after saving = %+v, %v", st, err)
	}
	w = e.post("/settings/drill", url.Values{"retention": {"1.5"}, "new_per_day": {"7"}})
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantContains(t, w.Body.String(), "desired retention")
	if st, _ := e.d.Settings(ctx, e.user.ID); st.NewPerDay != 5 {
		t.Errorf("a refused form saved new cards a day = %d", st.NewPerDay)
	}
	// Empty fields go back to the defaults.
	wantStatus(t, e.post("/settings/drill", url.Values{}), http.StatusSeeOther)
	if st, _ := e.d.Settings(ctx, e.user.ID); st.Retention != 0.9 || st.NewPerDay != 20 {
		t.Errorf("after clearing, settings = %+v", st)
	}
}
