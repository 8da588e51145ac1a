package web_test

import (
	"context"
	"math"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/offerloop/offerloop/internal/offer"
	"github.com/offerloop/offerloop/internal/tracker"
	"github.com/offerloop/offerloop/internal/web"
)

func offersYAML(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile("../offer/testdata/offers.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func (e *env) setting(key string) string {
	e.t.Helper()
	v, err := e.db.Setting(context.Background(), e.user.ID, key)
	if err != nil {
		e.t.Fatal(err)
	}
	return v
}

func (e *env) saveOffers(text string) {
	e.t.Helper()
	w := e.post("/offers", url.Values{"yaml": {text}})
	wantStatus(e.t, w, http.StatusSeeOther)
	if loc := w.Header().Get("Location"); loc != "/offers?saved=1" {
		e.t.Fatalf("saving offers went to %q", loc)
	}
}

func wantHTML(t testing.TB, body string) {
	t.Helper()
	if err := checkHTML(body); err != nil {
		t.Errorf("the page is not well formed: %v", err)
	}
}

func TestOffersEmptyState(t *testing.T) {
	e := newEnv(t, web.Config{})
	w := e.get("/offers")
	wantStatus(t, w, http.StatusOK)
	body := w.Body.String()
	wantContains(t, body, "Compare your offers", `<textarea id="offers-yaml" name="yaml"`, "# Your offers, one entry each",
		"name: Northwind AI", "name: Tessellate", `action="/offers"`, `href="/offers" aria-current="page"`)
	wantHTML(t, body)
	// The example is a valid file as it stands.
	i := strings.Index(body, `spellcheck="false"`)
	j := strings.Index(body, "</textarea>")
	text := body[strings.Index(body[i:], ">")+i+1 : j]
	text = strings.NewReplacer("&#34;", `"`, "&#39;", "'", "&lt;", "<", "&gt;", ">", "&amp;", "&").Replace(text)
	if _, err := offer.Parse([]byte(text)); err != nil {
		t.Errorf("the example does not parse: %v\n%s", err, text)
	}
}

func TestOffersSaveShowsComparison(t *testing.T) {
	e := newEnv(t, web.Config{})
	text := offersYAML(t)
	e.saveOffers(text)
	if got := e.setting("offers_yaml"); strings.TrimSpace(got) != strings.TrimSpace(text) {
		t.Errorf("saved file = %q, want the text as sent", got)
	}
	w := e.get("/offers?saved=1")
	wantStatus(t, w, http.StatusOK)
	body := w.Body.String()
	// Acme AI: 2·185,000 + 27,750·2 … worked out in internal/offer; the
	// four-year totals are 1,372,000, and the others below it.
	wantContains(t, body, "Offers saved.", "Acme AI", "Parcel", "Helio Health", "$1,372,000",
		"Year 1", "Year 4", `<svg class="offer-bars"`, "<title>Acme AI, year 1: equity $20,000</title>",
		"Stock −30% a year", "Market position", "Within range", "The shipped market table", "2025",
		"Ranking", "ranked by the weighted decision matrix", "Decision matrix")
	// Year 1 of Acme AI: base 185,000, bonus 27,750, equity 20,000, sign-on
	// 50,000, other 19,000 (match and relocation), total 301,750.
	wantContains(t, body, "$185,000", "$27,750", "$50,000", "$19,000", "$301,750")
	wantHTML(t, body)

	f, err := offer.Parse([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	m, _ := offer.DefaultMarket()
	c, err := offer.Compare(f, m)
	if err != nil {
		t.Fatal(err)
	}
	if c.Offers[0].Total4y != 1372000 {
		t.Fatalf("Acme AI four-year total = %v, want 1372000", c.Offers[0].Total4y)
	}
	for _, r := range c.Offers {
		if d := c.Offers[0].Total4y - r.Total4y; d > 0 && !strings.Contains(body, "−"+money(d)+" vs the highest") {
			t.Errorf("the page lacks %s's difference to the highest, −%s", r.Name, money(d))
		}
	}

	// The API gives the CLI's JSON.
	w = e.get("/api/offers")
	wantStatus(t, w, http.StatusOK)
	wantContains(t, w.Body.String(), `"total_4y": 1372000`, `"ranking": [`)
}

// money formats like the page, for the test's own expectations.
func money(x float64) string {
	s := strconv.FormatInt(int64(math.Round(x)), 10)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return "$" + b.String()
}

func TestOffersInvalidYAML(t *testing.T) {
	e := newEnv(t, web.Config{})
	bad := "offers:\n  - name: Acme AI\n    base: 185000\n    bonus: 15 <&>\n"
	w := e.post("/offers", url.Values{"yaml": {bad}})
	wantStatus(t, w, http.StatusUnprocessableEntity)
	body := w.Body.String()
	wantContains(t, body, "nothing was saved", "[4:5]", "unknown field", "bonus: 15 &lt;&amp;&gt;</textarea>")
	wantHTML(t, body)
	if got := e.setting("offers_yaml"); got != "" {
		t.Errorf("an invalid file was saved: %q", got)
	}

	// A good file stays as it was when a bad one is sent.
	e.saveOffers(offersYAML(t))
	w = e.post("/offers", url.Values{"yaml": {"offers:\n  - name: A\n    base: -3\n"}})
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantContains(t, w.Body.String(), "base must be between 0 and 1,000,000,000", "$1,372,000")
	if got := e.setting("offers_yaml"); !strings.Contains(got, "Helio Health") {
		t.Errorf("the saved file changed on a bad save: %q", got)
	}
	w = e.post("/offers", url.Values{"yaml": {"  "}})
	wantStatus(t, w, http.StatusUnprocessableEntity)
	w = e.post("/offers", url.Values{"yaml": {"offers:\n" + strings.Repeat("# padding\n", 11000)}})
	wantStatus(t, w, http.StatusRequestEntityTooLarge)
}

func TestOffersWeights(t *testing.T) {
	e := newEnv(t, web.Config{})
	text := "# my offers\n" + offersYAML(t)
	e.saveOffers(text)
	body := e.get("/offers").Body.String()
	// pay 3, growth 2, team 2, ml_core 1: Parcel's factors carry it.
	if rank := ranking(t, body); rank[0] != "Parcel" {
		t.Fatalf("ranking with the file's weights = %v, want Parcel first", rank)
	}
	wantContains(t, body, `name="w_pay"`, `name="w_growth"`, `name="w_ml_core"`, `name="w_team"`, `value="3"`)

	// Pay alone: the highest four-year total wins.
	w := e.post("/offers/weights", url.Values{"w_pay": {"10"}, "w_growth": {"0"}, "w_team": {""}, "w_ml_core": {"0"}})
	wantStatus(t, w, http.StatusSeeOther)
	saved := e.setting("offers_yaml")
	if !strings.Contains(saved, "weights: {pay: 10}") || !strings.HasPrefix(saved, "# my offers\n") {
		t.Errorf("saved file after the weights:\n%s", saved)
	}
	f, err := offer.Parse([]byte(saved))
	if err != nil {
		t.Fatalf("the saved file no longer parses: %v", err)
	}
	if len(f.Weights) != 1 || f.Weights["pay"] != 10 || len(f.Offers) != 3 || f.Offers[1].Equity.Shares != 40000 {
		t.Errorf("saved file reads as %+v", f)
	}
	body = e.get("/offers?weights=1").Body.String()
	if rank := ranking(t, body); rank[0] != "Acme AI" {
		t.Errorf("ranking by pay = %v, want Acme AI first", rank)
	}
	wantContains(t, body, "Weights saved")
	wantHTML(t, body)

	// Team above all.
	w = e.post("/offers/weights", url.Values{"w_pay": {"1"}, "w_team": {"10"}})
	wantStatus(t, w, http.StatusSeeOther)
	if rank := ranking(t, e.get("/offers").Body.String()); rank[0] != "Parcel" || rank[2] != "Helio Health" {
		t.Errorf("ranking by team = %v", rank)
	}
	if got := e.setting("offers_yaml"); !strings.Contains(got, "weights: {pay: 1, team: 10}") {
		t.Errorf("saved weights:\n%s", got)
	}

	// Out of range: refused, nothing saved, the value shown as typed.
	before := e.setting("offers_yaml")
	w = e.post("/offers/weights", url.Values{"w_pay": {"11"}, "w_team": {"2"}})
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantContains(t, w.Body.String(), "must be a number from 0 to 10", `value="11"`)
	wantHTML(t, w.Body.String())
	if e.setting("offers_yaml") != before {
		t.Error("a refused weight changed the file")
	}

	// Nothing weighed: by four-year total, and a file without weights gets them appended.
	w = e.post("/offers/weights", url.Values{})
	wantStatus(t, w, http.StatusSeeOther)
	wantContains(t, e.get("/offers").Body.String(), "Ranked by four-year total")
	e.saveOffers("offers:\n  - name: Solo # only one\n    base: 100000\n    factors: {team: 4}\n")
	wantStatus(t, e.post("/offers/weights", url.Values{"w_pay": {"2"}, "w_team": {"1.5"}}), http.StatusSeeOther)
	if got := e.setting("offers_yaml"); got != "offers:\n  - name: Solo # only one\n    base: 100000\n    factors: {team: 4}\nweights: {pay: 2, team: 1.5}\n" {
		t.Errorf("weights appended:\n%s", got)
	}
}

// ranking reads the names in the ranking's order.
func ranking(t testing.TB, body string) []string {
	t.Helper()
	i := strings.Index(body, `<ol class="ranking">`)
	j := strings.Index(body[i:], "</ol>")
	if i < 0 || j < 0 {
		t.Fatalf("no ranking on the page")
	}
	var out []string
	for _, part := range strings.Split(body[i:i+j], "<strong>")[1:] {
		out = append(out, part[:strings.Index(part, "</strong>")])
	}
	return out
}

const testMarket = `{"year": 2026, "region": "United States", "currency": "USD", "measure": "total compensation a year",
 "source": "Test survey 2026", "ranges": [{"level": "mid", "company_kind": "big-tech", "low": 400000, "high": 500000}]}`

func TestOffersMarket(t *testing.T) {
	e := newEnv(t, web.Config{})
	e.saveOffers(offersYAML(t))
	w := e.upload("/offers/market", "file", "market.json", []byte(testMarket))
	wantStatus(t, w, http.StatusSeeOther)
	body := e.get("/offers?market=1").Body.String()
	wantContains(t, body, "Market table loaded", "Your market table", "2026", "Test survey 2026", "Below range",
		"$400,000 – $500,000", "No range", "no 2026 range for mid at mid-size", "Go back to the shipped 2025 table")
	wantHTML(t, body)
	if got := e.setting("offers_market_json"); !strings.Contains(got, `"year":2026`) {
		t.Errorf("stored market = %q", got)
	}

	// Too big: 413, and the table stays.
	big := []byte(`{"year": 2026, "source": "` + strings.Repeat("x", 1<<20) + `"}`)
	w = e.upload("/offers/market", "file", "market.json", big)
	wantStatus(t, w, http.StatusRequestEntityTooLarge)
	wantContains(t, w.Body.String(), "too large")
	wantHTML(t, w.Body.String())
	// Not a table: 422.
	w = e.upload("/offers/market", "file", "market.json", []byte(`{"year": 2026}`))
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantContains(t, w.Body.String(), "market ranges need a year, a source and ranges")
	if got := e.setting("offers_market_json"); !strings.Contains(got, "Test survey 2026") {
		t.Errorf("a refused upload replaced the table: %q", got)
	}
	// As a JSON body, for scripts.
	req, _ := http.NewRequest(http.MethodPost, "/offers/market", strings.NewReader(testMarket))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")
	wantStatus(t, e.do(req), http.StatusOK)

	w = e.post("/offers/market/reset", nil)
	wantStatus(t, w, http.StatusSeeOther)
	body = e.get("/offers").Body.String()
	wantContains(t, body, "The shipped market table", "Within range")
	if e.setting("offers_market_json") != "" {
		t.Error("the reset kept the loaded table")
	}
}

func (e *env) moveTo(a *tracker.Application, target string) {
	e.t.Helper()
	ctx := context.Background()
	stages, err := e.db.Stages(ctx, e.user.ID, a.ID)
	if err != nil {
		e.t.Fatal(err)
	}
	m, err := tracker.ResolveTarget(stages, target)
	if err != nil {
		e.t.Fatal(err)
	}
	m.At = testNow.Add(-time.Hour)
	if _, err := e.db.MoveApplication(ctx, e.user.ID, a.ID, m); err != nil {
		e.t.Fatal(err)
	}
}

func TestOffersDeadlinesFlowToTracker(t *testing.T) {
	e := newEnv(t, web.Config{})
	acme := e.addApp("ACME AI", tracker.BigTech, "ML Engineer", tracker.NewDate(2026, 10, 1))
	e.moveTo(acme, "offer")
	parcel := e.addApp("Parcel", tracker.Startup, "ML Engineer", tracker.NewDate(2026, 10, 1))
	e.moveTo(parcel, "onsite") // not at the offer stage: gets a to-do
	text := strings.Replace(offersYAML(t), "deadline: 2026-12-10", "deadline: 2026-12-01", 1)
	text = strings.Replace(text, "    raise_pct: 4\n", "    raise_pct: 4\n    deadline: 2026-11-30\n", 1)

	// Before saving, the page says nothing went anywhere yet.
	e.saveOffers(text)
	if got := e.app(acme.ID).Deadline.String(); got != "2026-12-01" {
		t.Errorf("Acme's application deadline = %q, want 2026-12-01", got)
	}
	if got := e.app(parcel.ID).Deadline; !got.IsZero() {
		t.Errorf("Parcel's application at onsite got a deadline %v", got)
	}
	tasks, err := e.db.FindTasks(context.Background(), e.user.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(tasks) != 1 || tasks[0].Title != "Decide on the Parcel offer" || !tasks[0].Due.Equal(time.Date(2026, 11, 30, 17, 0, 0, 0, testLoc)) {
		t.Fatalf("tasks = %+v, want one to-do for Parcel due 30 Nov at 17:00", tasks)
	}
	// Saving again adds no second to-do.
	e.saveOffers(text)
	if tasks, _ := e.db.FindTasks(context.Background(), e.user.ID, 0); len(tasks) != 1 {
		t.Errorf("saving twice made %d to-dos", len(tasks))
	}

	body := e.get("/offers").Body.String()
	wantContains(t, body, "Deadlines in your tracker", "Is the deadline of", `href="/applications/`+itoa(acme.ID)+`"`,
		"In your to-dos: “Decide on the Parcel offer”")
	wantHTML(t, body)
	today := e.get("/today").Body.String()
	wantContains(t, today, "Decide on the ACME AI offer", "Decide on the Parcel offer")

	// An instant, as the negotiation plan also reads deadlines.
	e.saveOffers(strings.Replace(text, "deadline: 2026-11-30", "deadline: 2026-11-28T12:00:00Z", 1))
	if got := e.app(acme.ID).Deadline.String(); got != "2026-12-01" {
		t.Errorf("Acme's deadline changed to %q", got)
	}
	body = e.get("/offers").Body.String()
	wantContains(t, body, "decide by Sat 28 Nov 2026", "In your to-dos", "not the day the file now gives")

	// An application reaching the offer stage later: the page offers to send it.
	helio := e.addApp("Helio Health", tracker.MidSize, "Applied Scientist", tracker.NewDate(2026, 10, 1))
	e.moveTo(helio, "offer")
	text = strings.Replace(text, "    equity: {grant: 120000", "    deadline: 2026-12-05\n    equity: {grant: 120000", 1)
	e.db.SetSetting(context.Background(), e.user.ID, "offers_yaml", text)
	body = e.get("/offers").Body.String()
	wantContains(t, body, "Not sent yet", "Send deadlines to the tracker")
	wantStatus(t, e.post("/offers/deadlines", nil), http.StatusSeeOther)
	if got := e.app(helio.ID).Deadline.String(); got != "2026-12-05" {
		t.Errorf("Helio's deadline after sending = %q", got)
	}
}

func TestOffersBrokenSavedFile(t *testing.T) {
	e := newEnv(t, web.Config{})
	// Written by a newer version, or by hand: the page says so and keeps the text.
	e.db.SetSetting(context.Background(), e.user.ID, "offers_yaml", "offers:\n  - name: X\n    base: 1\n    salary: 2\n")
	w := e.get("/offers")
	wantStatus(t, w, http.StatusOK)
	wantContains(t, w.Body.String(), "no longer reads", "salary: 2\n</textarea>")
	wantHTML(t, w.Body.String())
	wantStatus(t, e.get("/api/offers"), http.StatusBadRequest)
}

func TestOffersNegotiationPlan(t *testing.T) {
	e := newEnv(t, web.Config{})
	if err := e.db.SetSetting(context.Background(), e.user.ID, tracker.SettingYourName, "Ada Lovelace"); err != nil {
		t.Fatal(err)
	}
	e.saveOffers(offersYAML(t))
	body := e.get("/offers").Body.String()
	wantContains(t, body, `id="negotiate"`, "Don&#39;t counter", "Negotiate: Acme AI pays $98,563 a year more",
		"What to ask for", "Base salary", "$181,000", "80,000 options",
		`<textarea id="email-1" rows="14" readonly>`, `data-copy="email-1"`, "Parcel offer: the numbers before I decide",
		"Best regards,\nAda Lovelace", "Red flags", "Decision deadline less than 48 hours away",
		"Before you accept and resign", "Background check cleared")
	if strings.Contains(body, "[Your name]") {
		t.Error("the drafts still ask for the user's name, which the settings know")
	}
	wantHTML(t, body)
}
