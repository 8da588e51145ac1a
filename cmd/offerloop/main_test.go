package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/offerloop/offerloop/internal/drill"
	"github.com/offerloop/offerloop/internal/fsrs"
	"github.com/offerloop/offerloop/internal/sqlite"
	"github.com/offerloop/offerloop/internal/tracker"
)

// cli runs offerloop in-process against one database with a frozen clock.
type cli struct {
	t   *testing.T
	db  string
	now string
	tz  string
}

func newCLI(t *testing.T) *cli {
	t.Helper()
	return &cli{t: t, db: filepath.Join(t.TempDir(), "test.db"), now: "2026-11-25T10:00:00Z", tz: "UTC"}
}

func (c *cli) getenv(k string) string {
	switch k {
	case "OFFERLOOP_DB":
		return c.db
	case "OFFERLOOP_NOW":
		return c.now
	case "TZ":
		return c.tz
	case "HOME":
		return c.t.TempDir()
	}
	return ""
}

// run returns stdout, stderr and the exit code.
func (c *cli) run(stdin string, args ...string) (string, string, int) {
	c.t.Helper()
	var out, errb bytes.Buffer
	err := run(context.Background(), args, c.getenv, strings.NewReader(stdin), &out, &errb)
	code := exitCode(err, &errb)
	return out.String(), errb.String(), code
}

// ok runs a command that must succeed.
func (c *cli) ok(args ...string) string {
	c.t.Helper()
	out, errOut, code := c.run("", args...)
	if code != 0 {
		c.t.Fatalf("offerloop %s: exit %d\n%s%s", strings.Join(args, " "), code, out, errOut)
	}
	return out
}

// fails runs a command that must exit with code want, returning stderr.
func (c *cli) fails(want int, args ...string) string {
	c.t.Helper()
	out, errOut, code := c.run("", args...)
	if code != want {
		c.t.Fatalf("offerloop %s: exit %d, want %d\n%s%s", strings.Join(args, " "), code, want, out, errOut)
	}
	return errOut
}

func (c *cli) json(v any, args ...string) {
	c.t.Helper()
	out := c.ok(append(args, "--json")...)
	if err := json.Unmarshal([]byte(out), v); err != nil {
		c.t.Fatalf("offerloop %s --json: %v\n%s", strings.Join(args, " "), err, out)
	}
}

func TestApplicationLifecycle(t *testing.T) {
	c := newCLI(t)
	var a appView
	c.json(&a, "app", "add", "--company", "Acme AI", "--kind", "big-tech", "--role", "Senior ML Engineer",
		"--level", "senior", "--source", "referral", "--applied", "2026-11-20", "--url", "https://acme.test/jobs/1")
	if a.ID == 0 || a.StageKind != "applied" || a.CompanyKind != "big-tech" {
		t.Fatalf("app add = %+v", a)
	}
	id := "1"
	if out := c.ok("app", "move", id, "phone_screen", "--note", "recruiter liked the fraud project"); !strings.Contains(out, "Phone screen") {
		t.Errorf("move output = %q", out)
	}
	// Accepting without an offer breaks a rule: exit 1, a clear message, no change.
	if msg := c.fails(1, "app", "move", id, "accepted"); !strings.Contains(msg, "only an offer can be accepted") {
		t.Errorf("accept without offer: %q", msg)
	}
	c.ok("app", "move", id, "onsite")
	var show struct {
		Application appView         `json:"application"`
		Events      []tracker.Event `json:"events"`
		Rounds      []tracker.Round `json:"rounds"`
	}
	c.json(&show, "app", "show", id)
	if show.Application.Stage != "Onsite" {
		t.Errorf("after moves, stage = %q", show.Application.Stage)
	}
	if len(show.Events) != 3 || len(show.Rounds) < 7 {
		t.Errorf("show: %d events, %d rounds; want 3 events and a big-tech plan", len(show.Events), len(show.Rounds))
	}
	c.ok("app", "edit", id, "--deadline", "2026-12-10", "--notes", "team works on ranking")
	c.fails(1, "app", "edit", id, "--deadline", "2026-02-30")
	c.ok("app", "move", id, "offer")
	c.ok("app", "move", id, "accepted")
	c.fails(1, "app", "move", id, "onsite") // closed for good
	var list []appView
	c.json(&list, "app", "list")
	if len(list) != 0 {
		t.Errorf("active list after accepting = %v, want empty", list)
	}
	c.json(&list, "app", "list", "--all")
	if len(list) != 1 || list[0].Outcome != "accepted" {
		t.Errorf("list --all = %+v", list)
	}
}

func TestInterviewTasksOnToday(t *testing.T) {
	c := newCLI(t)
	c.ok("app", "add", "--company", "Globex", "--kind", "startup", "--role", "ML Engineer", "--applied", "2026-11-10")
	c.ok("app", "move", "1", "phone_screen")
	var iv interviewView
	c.json(&iv, "interview", "add", "1", "--at", "2026-11-26 15:00", "--kind", "ml_system_design", "--with", "Maya Chen <maya@globex.test>")
	if iv.Minutes != 60 || iv.Title != "ML system design" {
		t.Errorf("interview add = %+v", iv)
	}
	out := c.ok("today")
	for _, want := range []string{"Interviews ahead", "Globex: ML system design", "Day-before checklist"} {
		if !strings.Contains(out, want) {
			t.Errorf("today lacks %q:\n%s", want, out)
		}
	}
	// The day after, the interview is done and the thank-you note is due.
	c.now = "2026-11-26T17:00:00Z"
	c.ok("interview", "done", "1", "--outcome", "passed", "--detail", "retraining the ranker daily", "--flags", "no-ml-roadmap")
	var ag tracker.Agenda
	c.json(&ag, "agenda")
	var thanks *tracker.Task
	for _, t := range append(ag.Today, ag.ThisWeek...) {
		if t.Kind == tracker.TaskThankYou {
			thanks = &t
		}
	}
	if thanks == nil {
		t.Fatalf("no thank-you task on today: %+v", ag)
	}
	draft := c.ok("interview", "thanks", "1")
	if !strings.Contains(draft, "Hi Maya") || !strings.Contains(draft, "retraining the ranker daily") || !strings.Contains(draft, "mailto:maya@globex.test?subject=") {
		t.Errorf("thank-you draft:\n%s", draft)
	}
	// The rejection arrives before the note went out: the note is still due.
	c.ok("app", "move", "1", "rejected")
	c.json(&ag, "agenda")
	found := false
	for _, t2 := range append(ag.Today, ag.ThisWeek...) {
		found = found || t2.Key == thanks.Key
	}
	if !found {
		t.Errorf("after a rejection, the thank-you task is gone from Today: %+v", ag)
	}
	c.ok("task", "done", thanks.Key)
	c.json(&ag, "agenda")
	for _, t2 := range append(ag.Overdue, append(ag.Today, ag.ThisWeek...)...) {
		if t2.Key == thanks.Key {
			t.Errorf("thank-you still open after task done")
		}
	}
	c.fails(1, "task", "done", "thank-you/999")
	c.fails(1, "interview", "done", "1", "--flags", "made-up-flag")
}

func TestFollowUpAfterSilence(t *testing.T) {
	c := newCLI(t)
	c.ok("settings", "--follow-up-days", "5")
	c.ok("app", "add", "--company", "Initech", "--role", "MLE", "--applied", "2026-11-01")
	var ag tracker.Agenda
	c.json(&ag, "agenda")
	if len(ag.Overdue) != 1 || ag.Overdue[0].Kind != tracker.TaskFollowUp {
		t.Fatalf("overdue = %+v, want one follow-up", ag.Overdue)
	}
	c.ok("task", "done", ag.Overdue[0].Key)
	c.json(&ag, "agenda")
	if len(ag.Overdue) != 0 {
		t.Errorf("after following up, overdue = %+v", ag.Overdue)
	}
	c.fails(1, "settings", "--follow-up-days", "0")
}

func TestExportImportRoundTrip(t *testing.T) {
	src := newCLI(t)
	src.ok("settings", "--name", "Sam Lee")
	src.ok("app", "add", "--company", "Acme", "--kind", "research-lab", "--role", "Research Engineer", "--applied", "2026-11-02")
	src.ok("app", "add", "--company", "Hooli", "--role", "MLE", "--applied", "2026-11-03")
	src.ok("app", "move", "1", "phone_screen")
	src.ok("app", "move", "2", "rejected")
	src.ok("app", "note", "1", "asked about JAX")
	src.ok("interview", "add", "1", "--at", "2026-11-27 09:30", "--kind", "paper_discussion", "--with", "Ana Ruiz <ana@acme.test>, Bo")
	src.ok("task", "add", "Read the team's NeurIPS paper", "--due", "2026-11-26", "--app", "1")
	var show struct {
		Tasks []tracker.Task `json:"tasks"`
	}
	src.json(&show, "app", "show", "1")
	var key string
	for _, t := range show.Tasks {
		if t.Kind == tracker.TaskChecklist {
			key = t.Key
			break
		}
	}
	if key == "" {
		t.Fatal("no checklist task to mark")
	}
	src.ok("task", "done", key)
	src.ok("calendar") // creates the calendar instance id, which must survive a restore
	seedDrill(t, src)
	seedPractice(t, src)

	file := filepath.Join(t.TempDir(), "backup.json")
	src.ok("export", file)
	dst := newCLI(t)
	dst.ok("import", file)
	again := filepath.Join(t.TempDir(), "again.json")
	dst.ok("export", again)

	read := func(p string) tracker.Dump {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var d tracker.Dump
		if err := json.Unmarshal(b, &d); err != nil {
			t.Fatal(err)
		}
		return d
	}
	a, b := read(file), read(again)
	if len(a.Applications) != 2 || len(a.Events) < 5 || len(a.Interviews) != 1 || len(a.TaskMarks) != 1 || len(a.Tasks) != 1 || len(a.Settings) < 2 {
		t.Fatalf("export is missing data: %d apps, %d events, %d interviews, %d marks, %d tasks, %d settings",
			len(a.Applications), len(a.Events), len(a.Interviews), len(a.TaskMarks), len(a.Tasks), len(a.Settings))
	}
	if len(a.Asks) != 2 || !strings.Contains(string(a.Practice), "Fraud precision") || !strings.Contains(string(a.Practice), "two-sum") {
		t.Fatalf("export is missing practice data: %d asks, practice %s", len(a.Asks), a.Practice)
	}
	opts := []cmp.Option{cmpopts.IgnoreFields(tracker.Dump{}, "ExportedAt", "Drill"), cmp.AllowUnexported(tracker.Date{}), cmpopts.EquateEmpty()}
	if diff := cmp.Diff(a, b, opts...); diff != "" {
		t.Errorf("export → import → export changed data (-first +second):\n%s", diff)
	}
	drillOf := func(d tracker.Dump) *drill.Dump {
		t.Helper()
		dd, err := drill.DecodeDump(d.Drill)
		if err != nil {
			t.Fatalf("drill section: %v", err)
		}
		return dd
	}
	da, db := drillOf(a), drillOf(b)
	if len(da.UserCards) != 1 || len(da.Progress) != 2 || len(da.Reviews) != 3 {
		t.Fatalf("export's drill section is missing data: %d cards, %d progress, %d reviews", len(da.UserCards), len(da.Progress), len(da.Reviews))
	}
	if diff := cmp.Diff(da, db, cmpopts.IgnoreFields(drill.Progress{}, "Card"), cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("export → import → export changed the drill (-first +second):\n%s", diff)
	}
	// Importing again into a database that has data is refused, and changes nothing.
	if msg := dst.fails(1, "import", file); !strings.Contains(msg, "already has") {
		t.Errorf("second import: %q", msg)
	}
	dst.ok("export", again)
	if diff := cmp.Diff(a, read(again), opts...); diff != "" {
		t.Errorf("refused import changed data:\n%s", diff)
	}
	// A damaged drill section refuses the whole file: the tracker stays empty.
	broken := filepath.Join(t.TempDir(), "broken.json")
	raw, _ := os.ReadFile(file)
	os.WriteFile(broken, bytes.Replace(raw, []byte(`"rating": 3`), []byte(`"rating": 9`), 1), 0o600)
	empty := newCLI(t)
	if msg := empty.fails(1, "import", broken); !strings.Contains(msg, "rating 9") {
		t.Errorf("import with a bad rating: %q", msg)
	}
	var list []appView
	empty.json(&list, "app", "list", "--all")
	if len(list) != 0 {
		t.Errorf("an import refused for its drill section wrote %d applications", len(list))
	}
}

// seedDrill writes a user card and three reviews of two cards, as the drill
// would.
func seedDrill(t *testing.T, c *cli) {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, c.db)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	u, err := db.LocalUser(ctx)
	if err != nil {
		t.Fatal(err)
	}
	card := drill.Card{ID: "user-jax", Topic: "frameworks", Round: drill.RoundTheory, Difficulty: 2,
		Prompt: "What does jit do in JAX?", Answer: "Traces the function once and compiles it with XLA.", Tags: []string{"jax"}}
	if err := db.SaveUserCard(ctx, u.ID, card); err != nil {
		t.Fatal(err)
	}
	s := fsrs.NewScheduler()
	at := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	for _, r := range []struct {
		id string
		g  fsrs.Rating
	}{{"user-jax", fsrs.Good}, {"user-jax", fsrs.Good}, {"metrics-accuracy-trap", fsrs.Again}} {
		prev, err := db.Progress(ctx, u.ID, r.id)
		if err != nil {
			prev = drill.ToProgress(u.ID, fsrs.Card{ID: r.id, Due: at})
		}
		nc, l := s.Review(prev.Card, r.g, at)
		log := drill.ReviewLog{UserID: u.ID, CardID: r.id, At: at, Rating: r.g, StateBefore: l.Before.String(), StateAfter: nc.State.String(),
			Retrievability: l.Retrievability, Stability: nc.Stability, Difficulty: nc.Difficulty, ScheduledDays: l.ScheduledDays, Due: nc.Due}
		if err := db.Record(ctx, prev, drill.ToProgress(u.ID, nc), &log); err != nil {
			t.Fatal(err)
		}
		at = at.Add(10 * time.Minute)
	}
}

func TestImportCSV(t *testing.T) {
	c := newCLI(t)
	dir := t.TempDir()
	good := filepath.Join(dir, "apps.csv")
	os.WriteFile(good, []byte("Company,Job Title,Status,Date Applied,Link,Type\n"+
		"Acme,MLE,onsite,2026-10-01,https://acme.test/1,startup\n"+
		"Globex,Research Scientist,rejected,10/15/2026,,research\n"+
		"Initech,MLE,wishlist,2026-11-01,,\n"), 0o600)
	out := c.ok("import", good)
	if !strings.Contains(out, "Imported 2 applications") || !strings.Contains(out, "Skipped line 4") {
		t.Errorf("import output:\n%s", out)
	}
	var list []appView
	c.json(&list, "app", "list", "--all")
	if len(list) != 2 {
		t.Fatalf("after import, %d applications", len(list))
	}
	var fn tracker.Funnel
	c.json(&fn, "funnel")
	if fn.Bands[2].Count != 1 {
		t.Errorf("funnel onsite count = %d, want 1", fn.Bands[2].Count)
	}
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("company,role,status,applied,url\nA,MLE,applied,2026-01-01,\nB,MLE,applied,2026-02-30,\n"), 0o600)
	if msg := c.fails(1, "import", bad); !strings.Contains(msg, "line 3") {
		t.Errorf("bad csv: %q", msg)
	}
	c.json(&list, "app", "list", "--all")
	if len(list) != 2 {
		t.Errorf("a failed import wrote %d applications", len(list)-2)
	}
	for _, junk := range []string{"{not json", `{"format":"other"}`, `{"format":"offerloop-export","surprise":1}`} {
		p := filepath.Join(dir, "junk.json")
		os.WriteFile(p, []byte(junk), 0o600)
		c.fails(1, "import", p)
	}
}

func TestCalendarFile(t *testing.T) {
	c := newCLI(t)
	c.ok("app", "add", "--company", "Acme", "--role", "MLE", "--applied", "2026-11-20")
	c.ok("interview", "add", "1", "--at", "2026-12-01 15:00", "--kind", "ml_coding")
	p := filepath.Join(t.TempDir(), "cal.ics")
	c.ok("calendar", p)
	b, _ := os.ReadFile(p)
	first := string(b)
	if !strings.Contains(first, "DTSTART:20261201T150000Z") || !strings.Contains(first, "BEGIN:VEVENT") {
		t.Errorf("calendar:\n%s", first)
	}
	c.now = "2026-11-26T10:00:00Z"
	again := c.ok("calendar")
	uid := func(s string) string {
		for _, l := range strings.Split(s, "\r\n") {
			if strings.HasPrefix(l, "UID:") {
				return l
			}
		}
		return ""
	}
	if uid(first) == "" || uid(first) != uid(again) {
		t.Errorf("UIDs differ across exports: %q vs %q", uid(first), uid(again))
	}
}

func TestUsageAndHelp(t *testing.T) {
	c := newCLI(t)
	c.fails(2)
	c.fails(2, "frobnicate")
	c.fails(2, "app")
	c.fails(2, "app", "add", "--company", "X")
	c.fails(2, "app", "show", "abc")
	c.fails(2, "app", "move", "1")
	c.fails(2, "app", "list", "--bogus")
	c.fails(2, "interview", "add", "1")
	c.fails(1, "app", "show", "42") // not found is a failure, not a usage error
	for _, cmd := range commands() {
		out := c.ok("help", cmd.name)
		if !strings.Contains(out, "usage: offerloop "+cmd.name) {
			t.Errorf("help %s:\n%s", cmd.name, out)
		}
		out, _, code := c.run("", cmd.name, "--help")
		if code != 0 || !strings.Contains(out, "usage:") {
			t.Errorf("%s --help: exit %d\n%s", cmd.name, code, out)
		}
	}
	if out := c.ok("help"); !strings.Contains(out, "calendar") {
		t.Errorf("help:\n%s", out)
	}
	if out := c.ok("version"); !strings.HasPrefix(out, "offerloop ") {
		t.Errorf("version = %q", out)
	}
}

func TestDBPath(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	tests := []struct {
		flag string
		env  map[string]string
		want string
	}{
		{"x.db", map[string]string{"OFFERLOOP_DB": "y.db"}, "x.db"},
		{"", map[string]string{"OFFERLOOP_DB": "y.db"}, "y.db"},
		{"", map[string]string{"XDG_DATA_HOME": "/data", "HOME": "/home/u"}, "/data/offerloop/offerloop.db"},
		{"", map[string]string{"XDG_DATA_HOME": "relative", "HOME": "/home/u"}, "/home/u/.local/share/offerloop/offerloop.db"},
		{"", map[string]string{"HOME": "/home/u"}, "/home/u/.local/share/offerloop/offerloop.db"},
	}
	for _, tt := range tests {
		got, err := dbPath(tt.flag, env(tt.env))
		if err != nil || got != tt.want {
			t.Errorf("dbPath(%q, %v) = %q, %v; want %q", tt.flag, tt.env, got, err, tt.want)
		}
	}
	if _, err := dbPath("", env(nil)); err == nil {
		t.Error("dbPath with no HOME succeeded")
	}
}

func TestParseWhen(t *testing.T) {
	loc := time.FixedZone("X", 3600)
	got, err := parseWhen("2026-12-01 15:00", loc)
	if err != nil || !got.Equal(time.Date(2026, 12, 1, 14, 0, 0, 0, time.UTC)) {
		t.Errorf("parseWhen = %v, %v", got, err)
	}
	for _, bad := range []string{"tomorrow", "2026-13-01 10:00", "2026-02-30 10:00"} {
		if _, err := parseWhen(bad, loc); err == nil {
			t.Errorf("parseWhen(%q) accepted", bad)
		}
	}
}

func TestDrillSettingsFlags(t *testing.T) {
	c := newCLI(t)
	out := c.ok("settings")
	if !strings.Contains(out, "retention:         0.9") || !strings.Contains(out, "new-per-day:       20") {
		t.Errorf("defaults:\n%s", out)
	}
	c.ok("settings", "--retention", "0.85", "--new-per-day", "5")
	var got map[string]any
	c.json(&got, "settings")
	if got["retention"] != "0.85" || got["new_per_day"] != "5" || got["daily_cap"] != "60" {
		t.Errorf("settings --json = %v", got)
	}
	if msg := c.fails(1, "settings", "--retention", "1.5", "--new-per-day", "9"); !strings.Contains(msg, "desired retention") {
		t.Errorf("out of range: %q", msg)
	}
	c.json(&got, "settings")
	if got["new_per_day"] != "5" {
		t.Errorf("a refused change saved new_per_day = %v", got["new_per_day"])
	}
	c.ok("settings", "--retention", "")
	c.json(&got, "settings")
	if got["retention"] != "0.9" {
		t.Errorf("empty value should restore the default, got %v", got["retention"])
	}
}
