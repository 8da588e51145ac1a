package web_test

import (
	"context"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/offerloop/offerloop/internal/kit"
	"github.com/offerloop/offerloop/internal/sqlite"
	"github.com/offerloop/offerloop/internal/tracker"
	"github.com/offerloop/offerloop/internal/web"
)

func newKitEnv(t testing.TB) *env {
	t.Helper()
	return newEnvWith(t, web.Config{}, func(cfg *web.Config, db *sqlite.DB) { cfg.Kit, cfg.Practice = db, db })
}

func loadKit(t testing.TB) *kit.Kit {
	t.Helper()
	k, err := kit.Load()
	if err != nil {
		t.Fatalf("kit.Load: %v", err)
	}
	return k
}

// goodLetter names Acme in its opening, spends most words on evidence and
// ends by asking for a call: about 250 words.
var goodLetter = `Dear Search ML team,

I have used Acme's product search every week for two years, and your post on moving ranking to learning-to-rank with live inventory features is the reason I am applying: it is the problem I have spent the last three years on.

At Northwind I rebuilt hotel ranking as a gradient-boosted learning-to-rank model with live price and availability features, owning it from the feature pipeline to the serving path. In a two-week A/B test it lifted bookings per search by 4 percent over the previous model, and I cut the scoring latency at the 99th percentile from 120 ms to 40 ms by moving features into a precomputed store. The posting asks for experience taking ranking models to production and for careful offline evaluation. For the second, I built an offline replay evaluation whose changes predicted the direction of our online tests nine times out of ten, which let the team drop weak candidates before they reached users. I also mentor two engineers on the team and wrote the runbook we use when a model's inputs drift, including the alerts that caught a broken price feed within an hour last spring.

I would welcome a call with the team to walk through the replay evaluation and how I would approach freshness in your ranking. The code and a write-up are on my GitHub, linked above.

Best regards,
Ada`

// shortLetter is about 90 words and never names the company.
var shortLetter = `I am writing about the machine learning engineer role on your search team.

I have built ranking models for three years and taken them to production, with careful offline evaluation and monitoring of every model I shipped. I care about latency and about measuring what a model changes for users.

I would welcome a call to discuss the role and how my experience in ranking and evaluation could help your team this year. Thank you for reading, and I hope to hear from you about the next step soon.`

func TestLetterPage(t *testing.T) {
	e := newKitEnv(t)
	a := e.addApp("Acme", tracker.BigTech, "ML Engineer", tracker.NewDate(2026, 11, 1))
	path := "/applications/" + itoa(a.ID) + "/letter"
	k := loadKit(t)

	t.Run("decision", func(t *testing.T) {
		w := e.get(path)
		wantStatus(t, w, http.StatusOK)
		body := w.Body.String()
		wantContains(t, body, html.EscapeString(k.LetterRules.Questions[0].Text), "Why this company", "about 20%", html.EscapeString(k.LetterParts[1].Prompts[0]))
		if strings.Contains(body, `class="letter-decision`) {
			t.Error("a decision is shown before any question is answered")
		}
		if err := checkHTML(body); err != nil {
			t.Error(err)
		}
		body = e.get(path + "?decide=1&dream=1&referral=1").Body.String()
		wantContains(t, body, `data-write="true"`, "Write one.", html.EscapeString(k.LetterRules.WriteReasons["referral"]), `id="q-dream" name="dream" value="1" checked`)
		body = e.get(path + "?decide=1&mass=1").Body.String()
		wantContains(t, body, `data-write="false"`, "Skip it.", html.EscapeString(k.LetterRules.SkipReasons["mass"]))
		body = e.get(path + "?decide=1").Body.String()
		wantContains(t, body, html.EscapeString(k.LetterRules.Default))
	})

	t.Run("check", func(t *testing.T) {
		w := e.post(path, url.Values{"text": {shortLetter}, "action": {"check"}})
		wantStatus(t, w, http.StatusOK)
		body := w.Body.String()
		wantContains(t, body, `<li class="rfinding sev-medium" data-check="length">`, `<li class="rfinding sev-medium" data-check="company">`,
			"The opening does not name Acme.", fmt.Sprintf(`data-words="%d"`, len(strings.Fields(shortLetter))), html.EscapeString(shortLetter[:40]))
		if docs, _ := e.db.Docs(context.Background(), e.user.ID, a.ID); len(docs) != 0 {
			t.Errorf("a check saved: %+v", docs)
		}
		if err := checkHTML(body); err != nil {
			t.Error(err)
		}
	})

	t.Run("save", func(t *testing.T) {
		w := e.post(path, url.Values{"text": {goodLetter}, "action": {"save"}})
		wantStatus(t, w, http.StatusSeeOther)
		if loc := w.Header().Get("Location"); !strings.HasPrefix(loc, path+"?saved=1") {
			t.Errorf("Location = %q", loc)
		}
		body := e.get(path + "?saved=1").Body.String()
		wantContains(t, body, "Saved.", html.EscapeString("your post on moving ranking"), `data-check="company"`, "The opening names Acme.", "Why you are qualified", "Export .txt")
		if strings.Contains(body, `<li class="rfinding sev-medium" data-check="company">`) {
			t.Error("the saved letter names Acme, but the page says it does not")
		}
		app := e.get("/applications/" + itoa(a.ID)).Body.String()
		wantContains(t, app, `id="kit"`, path, "/portfolio", "saved ")
	})

	t.Run("export", func(t *testing.T) {
		for _, tt := range []struct{ ext, ctype, head string }{
			{"txt", "text/plain; charset=utf-8", "Dear Search ML team,"},
			{"md", "text/markdown; charset=utf-8", "# Cover letter: ML Engineer at Acme\n\nDear Search ML team,"},
		} {
			w := e.get(path + "." + tt.ext)
			wantStatus(t, w, http.StatusOK)
			if got := w.Header().Get("Content-Type"); got != tt.ctype {
				t.Errorf("%s: Content-Type = %q, want %q", tt.ext, got, tt.ctype)
			}
			if got, want := w.Header().Get("Content-Disposition"), `attachment; filename=cover-letter-acme.`+tt.ext; got != want {
				t.Errorf("%s: Content-Disposition = %q, want %q", tt.ext, got, want)
			}
			if body := w.Body.String(); !strings.HasPrefix(body, tt.head) || !strings.Contains(body, "Best regards,\nAda\n") {
				t.Errorf("%s: body = %q", tt.ext, body)
			}
		}
		other := e.addApp("Globex", tracker.Startup, "MLE", tracker.NewDate(2026, 11, 2))
		wantStatus(t, e.get("/applications/"+itoa(other.ID)+"/letter.txt"), http.StatusNotFound)
	})

	t.Run("refused", func(t *testing.T) {
		big := strings.Repeat("word ", kit.MaxDoc/5+1)
		for _, action := range []string{"save", "check"} {
			w := e.post(path, url.Values{"text": {big}, "action": {action}})
			wantStatus(t, w, http.StatusRequestEntityTooLarge)
			wantContains(t, w.Body.String(), "the limit is 20000")
		}
		wantStatus(t, e.post(path, url.Values{"text": {"  "}, "action": {"save"}}), http.StatusUnprocessableEntity)
		docs, _ := e.db.Docs(context.Background(), e.user.ID, a.ID)
		if len(docs) != 1 || docs[0].Text != goodLetter {
			t.Errorf("a refused letter changed the saved one: %+v", docs)
		}
		for _, p := range []string{"/applications/999/letter", "/applications/999/pitch", "/applications/999/letter.md", "/applications/x/letter"} {
			wantStatus(t, e.get(p), http.StatusNotFound)
		}
		wantStatus(t, e.post("/applications/999/letter", url.Values{"text": {goodLetter}, "action": {"save"}}), http.StatusNotFound)
	})
}

// goodPitch is four paragraphs, about three minutes, with numbers and a
// close on Acme.
var goodPitch = strings.Join([]string{
	"I'm an ML engineer with three years on the search team at Northwind, a travel site. My strongest result: I rebuilt hotel ranking as a learning-to-rank model with live price features, and in a two-week A/B test it lifted bookings per search by 4.2%. I owned it end to end, from the features to the serving path, and I wrote the evaluation that told us it was ready.",
	"I started as a backend engineer on the pricing service. I kept being pulled in to explain why the ranking model surfaced hotels with stale prices, so I learned how it worked, fixed the feature that caused it, and moved to the ML team six months later. Those backend years are why I think about latency and failure modes before I think about model size.",
	"I specialise in ranking and recommendation, and my strength is closing the gap between offline metrics and production. I built an offline replay evaluation whose changes predicted the direction of our A/B results nine times out of ten, and I cut scoring latency at the 99th percentile from 120 ms to 40 ms by moving features into a precomputed store.",
	"I want to do this at Acme because your search serves far more queries than ours, and your post on freshness in product ranking describes exactly the trade-off I have worked on: how stale a feature can be before it hurts. I would like to bring the replay evaluation approach to your ranking team, and learn how you run experiments at that scale.",
}, "\n\n")

func TestPitchPage(t *testing.T) {
	e := newKitEnv(t)
	a := e.addApp("Acme", tracker.BigTech, "ML Engineer", tracker.NewDate(2026, 11, 1))
	path := "/applications/" + itoa(a.ID) + "/pitch"
	k := loadKit(t)

	body := e.get(path).Body.String()
	wantContains(t, body, "Who you are now", "about 0:45", html.EscapeString(k.PitchParts[0].Example), "Write the pitch first")
	if err := checkHTML(body); err != nil {
		t.Error(err)
	}

	w := e.post(path, url.Values{"text": {"I build ranking models at Northwind. Mostly search."}, "action": {"check"}})
	wantStatus(t, w, http.StatusOK)
	body = w.Body.String()
	wantContains(t, body, `<li class="rfinding sev-medium" data-check="length">`, `<li class="rfinding sev-medium" data-check="quantified">`, `<ol class="outline"><li>I build ranking models at Northwind.</li></ol>`)

	wantStatus(t, e.post(path, url.Values{"text": {goodPitch}, "action": {"save"}}), http.StatusSeeOther)
	body = e.get(path).Body.String()
	wantContains(t, body, "It ends on Acme.", "It gives a result in numbers.", `data-kit-timer data-target="180"`,
		`<li>I&#39;m an ML engineer with three years on the search team at Northwind, a travel site.</li>`, "How you came to ML")
	if strings.Contains(body, `<li class="rfinding sev-medium" data-check="company">`) {
		t.Error("the saved pitch ends on Acme, but the page says it does not")
	}
	w = e.get(path + ".txt")
	wantStatus(t, w, http.StatusOK)
	if got := w.Header().Get("Content-Disposition"); got != "attachment; filename=pitch-acme.txt" {
		t.Errorf("Content-Disposition = %q", got)
	}
	// The letter page does not show the pitch.
	if strings.Contains(e.get("/applications/"+itoa(a.ID)+"/letter").Body.String(), "Northwind, a travel site") {
		t.Error("the letter page shows the pitch")
	}
}

func TestKitOff(t *testing.T) {
	e := newEnv(t, web.Config{})
	a := e.addApp("Acme", tracker.BigTech, "ML Engineer", tracker.NewDate(2026, 11, 1))
	w := e.get("/applications/" + itoa(a.ID) + "/letter")
	wantStatus(t, w, http.StatusNotFound)
	wantContains(t, w.Body.String(), "The application kit is off")
	if strings.Contains(e.get("/applications/"+itoa(a.ID)).Body.String(), `id="kit"`) {
		t.Error("the application page shows the kit panel with the kit off")
	}
	wantStatus(t, e.get("/portfolio"), http.StatusOK)
}

func TestScreenScripts(t *testing.T) {
	e := newKitEnv(t)
	k := loadKit(t)
	a := e.addApp("Acme", tracker.BigTech, "ML Engineer", tracker.NewDate(2026, 11, 1))
	schedule := func(kind tracker.RoundKind) *tracker.Interview {
		iv := &tracker.Interview{UserID: e.user.ID, ApplicationID: a.ID, Kind: kind, Title: string(kind), At: testNow.Add(48 * time.Hour), Minutes: 30}
		if err := e.db.ScheduleInterview(context.Background(), iv); err != nil {
			t.Fatal(err)
		}
		return iv
	}
	var salary kit.Script
	for _, s := range k.Scripts {
		if s.ID == "salary-deflect" {
			salary = s
		}
	}
	if salary.ID == "" {
		t.Fatal("the kit has no salary-deflect script")
	}
	for _, tt := range []struct {
		kind tracker.RoundKind
		want bool
	}{
		{tracker.RoundRecruiterScreen, true},
		{tracker.RoundPhoneScreen, true},
		{tracker.RoundMLCoding, false},
	} {
		t.Run(string(tt.kind), func(t *testing.T) {
			iv := schedule(tt.kind)
			w := e.get("/interviews/" + itoa(iv.ID))
			wantStatus(t, w, http.StatusOK)
			body := w.Body.String()
			if got := strings.Contains(body, `data-script="salary-deflect"`); got != tt.want {
				t.Fatalf("salary script shown = %v, want %v", got, tt.want)
			}
			if !tt.want {
				if strings.Contains(body, "What to say") {
					t.Error("a coding round shows the recruiter scripts")
				}
				return
			}
			wantContains(t, body, "What to say", html.EscapeString(salary.Title), html.EscapeString(salary.Say), html.EscapeString(salary.IfPressed[:60]), html.EscapeString(salary.Why),
				"Good questions for a recruiter", html.EscapeString(k.RecruiterQuestions.Ask[0].Text), html.EscapeString(k.RecruiterQuestions.Avoid[0].Text),
				"/applications/"+itoa(a.ID)+"/pitch")
			if n := strings.Count(body, html.EscapeString(k.RecruiterQuestions.Avoid[0].Text)); n != 1 {
				t.Errorf("the first question to avoid appears %d times, want once", n)
			}
			if err := checkHTML(body); err != nil {
				t.Error(err)
			}
		})
	}
}

func TestPortfolio(t *testing.T) {
	e := newKitEnv(t)
	k := loadKit(t)
	w := e.get("/portfolio")
	wantStatus(t, w, http.StatusOK)
	body := w.Body.String()
	wantContains(t, body, html.EscapeString(k.Portfolio[0].Text), html.EscapeString(k.Portfolio[0].Why), `data-kit-checklist="portfolio"`, "Check a project README")
	if err := checkHTML(body); err != nil {
		t.Error(err)
	}
	readme := "# Churn model\n\n## Summary\n\nPredicts churn.\n\n## Setup\n\npip install -r requirements.txt\n"
	w = e.post("/portfolio", url.Values{"readme": {readme}})
	wantStatus(t, w, http.StatusOK)
	body = w.Body.String()
	wantContains(t, body, `<li class="rfinding sev-medium" data-check="section/results">`, "No results with numbers section.", `data-check="section/setup"`, html.EscapeString("pip install"))
	if strings.Contains(body, `<li class="rfinding sev-medium" data-check="section/setup">`) {
		t.Error("the README has a setup section, but the report says it lacks one")
	}
	wantStatus(t, e.post("/portfolio", url.Values{"readme": {""}}), http.StatusUnprocessableEntity)
	wantStatus(t, e.post("/portfolio", url.Values{"readme": {strings.Repeat("x", 100_001)}}), http.StatusRequestEntityTooLarge)
	wantContains(t, e.get("/practice").Body.String(), `href="/portfolio"`)
}

// TestKitExportImport: a saved letter and pitch travel in the export.
func TestKitExportImport(t *testing.T) {
	src := newKitEnv(t)
	a := src.addApp("Acme", tracker.BigTech, "ML Engineer", tracker.NewDate(2026, 11, 1))
	wantStatus(t, src.post("/applications/"+itoa(a.ID)+"/letter", url.Values{"text": {goodLetter}, "action": {"save"}}), http.StatusSeeOther)
	wantStatus(t, src.post("/applications/"+itoa(a.ID)+"/pitch", url.Values{"text": {goodPitch}, "action": {"save"}}), http.StatusSeeOther)
	exported := src.get("/export.json").Body.Bytes()
	if !strings.Contains(string(exported), `"kit"`) {
		t.Fatalf("the export has no kit section")
	}
	dst := newKitEnv(t)
	wantStatus(t, dst.upload("/import", "file", "offerloop-export.json", exported), http.StatusSeeOther)
	apps := dst.apps()
	if len(apps) != 1 {
		t.Fatalf("applications after import: %d", len(apps))
	}
	w := dst.get("/applications/" + itoa(apps[0].ID) + "/letter.txt")
	wantStatus(t, w, http.StatusOK)
	if got := w.Body.String(); got != goodLetter+"\n" {
		t.Errorf("letter after import = %q", got)
	}
	wantContains(t, dst.get("/applications/"+itoa(apps[0].ID)+"/pitch").Body.String(), "Northwind, a travel site")
}
