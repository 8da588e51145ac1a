package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/offerloop/offerloop/internal/drill"
	"github.com/offerloop/offerloop/internal/sqlite"
)

// setSetting writes a setting straight into the CLI's database.
func setSetting(t *testing.T, c *cli, key, value string) {
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
	if err := db.SetSetting(ctx, u.ID, key, value); err != nil {
		t.Fatal(err)
	}
}

func TestCardsListAndShow(t *testing.T) {
	c := newCLI(t)
	var all []cardRow
	c.json(&all, "cards", "list")
	if len(all) < 250 {
		t.Fatalf("cards list --json: %d cards, want the bank's 250 or more", len(all))
	}
	for _, r := range all[:3] {
		if r.ID == "" || r.Topic == "" || r.Prompt == "" || r.Round == "" || r.Difficulty == 0 || r.User {
			t.Errorf("card row %+v lacks a field", r)
		}
	}
	var metrics []cardRow
	c.json(&metrics, "cards", "list", "--topic", "metrics")
	if len(metrics) == 0 || len(metrics) >= len(all) {
		t.Fatalf("cards list --topic metrics: %d of %d cards", len(metrics), len(all))
	}
	for _, r := range metrics {
		if r.Topic != "metrics" {
			t.Errorf("--topic metrics listed %s of topic %s", r.ID, r.Topic)
		}
	}
	if out := c.ok("cards", "list", "--topic", "metrics"); !strings.Contains(out, "ID") || !strings.Contains(out, metrics[0].ID) {
		t.Errorf("cards list:\n%s", out)
	}
	c.fails(1, "cards", "list", "--topic", "astrology")
	if out := c.ok("cards", "topics"); !strings.Contains(out, "metrics") {
		t.Errorf("cards topics:\n%s", out)
	}

	id := metrics[0].ID
	out := c.ok("cards", "show", id)
	if !strings.Contains(out, metrics[0].Prompt) || !strings.Contains(out, "Not studied yet.") {
		t.Errorf("cards show:\n%s", out)
	}
	var shown struct {
		Card     drill.Card      `json:"card"`
		Progress *drill.Progress `json:"progress"`
	}
	c.json(&shown, "cards", "show", id)
	if shown.Card.ID != id || shown.Card.Answer == "" || shown.Progress != nil {
		t.Errorf("cards show --json = %+v", shown)
	}
	c.fails(1, "cards", "show", "no-such-card")
	c.fails(2, "cards", "show")
	c.fails(2, "cards")
	c.fails(2, "cards", "shuffle")
}

func TestCardsAddDelete(t *testing.T) {
	c := newCLI(t)
	out, errOut, code := c.run("JAX traces the function once and compiles it with **XLA**.\n",
		"cards", "add", "--topic", "Deep Learning", "--prompt", "What does jit do in JAX?", "--answer-file", "-", "--tags", "jax xla", "--round", "phone_screen")
	if code != 0 || !strings.Contains(out, "Saved card user-") {
		t.Fatalf("cards add: exit %d\n%s%s", code, out, errOut)
	}
	id := strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(out), "Saved card "), ".")
	var shown struct {
		Card drill.Card `json:"card"`
	}
	c.json(&shown, "cards", "show", id)
	if shown.Card.Topic != "deep-learning" || shown.Card.Round != drill.RoundPhoneScreen || !shown.Card.User ||
		strings.Join(shown.Card.Tags, " ") != "jax xla" || !strings.Contains(shown.Card.Answer, "**XLA**") {
		t.Errorf("added card = %+v", shown.Card)
	}
	var mine []cardRow
	c.json(&mine, "cards", "list", "--topic", "deep-learning")
	if len(mine) != 1 || !mine[0].User {
		t.Errorf("list of the new topic = %+v", mine)
	}
	answer := filepath.Join(t.TempDir(), "answer.md")
	os.WriteFile(answer, []byte("x"), 0o600)
	var bank []cardRow
	c.json(&bank, "cards", "list", "--topic", "metrics")
	c.fails(1, "cards", "add", "--id", bank[0].ID, "--topic", "metrics", "--prompt", "p", "--answer-file", answer)
	c.fails(1, "cards", "add", "--topic", "t", "--prompt", "p", "--answer-file", answer, "--difficulty", "5")
	c.fails(2, "cards", "add", "--topic", "t", "--prompt", "p")

	c.fails(2, "cards", "delete", id)
	c.fails(1, "cards", "delete", bank[0].ID, "--yes")
	c.ok("cards", "delete", id, "--yes")
	c.fails(1, "cards", "delete", id, "--yes")
	c.fails(1, "cards", "list", "--topic", "deep-learning")
}

func TestCardsImportExport(t *testing.T) {
	c := newCLI(t)
	dir := t.TempDir()
	good := filepath.Join(dir, "deck.csv")
	os.WriteFile(good, []byte("prompt,answer,topic,tags\n"+
		"What is a GAN?,\"Two networks in a game:\n\n- a generator\n- a discriminator\",gen-models,gan\n"+
		"What is a VAE?,An autoencoder with a prior on the code.,gen-models,vae\n"), 0o600)
	if out := c.ok("cards", "import", good); !strings.Contains(out, "Imported 2 cards.") {
		t.Errorf("cards import:\n%s", out)
	}
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("prompt,answer,topic\nq1,a,t\nq2,,t\n"), 0o600)
	if msg := c.fails(1, "cards", "import", bad); !strings.Contains(msg, "line 3") {
		t.Errorf("bad import: %q", msg)
	}
	var mine []cardRow
	c.json(&mine, "cards", "list", "--topic", "gen-models")
	if len(mine) != 2 {
		t.Fatalf("after one good and one bad import, %d cards of gen-models, want 2", len(mine))
	}
	c.fails(2, "cards", "import", filepath.Join(dir, "deck.xlsx"))

	// Export your cards for Anki, and import them into another database.
	apkg := filepath.Join(dir, "deck.txt")
	c.ok("cards", "export", apkg, "--mine")
	b, _ := os.ReadFile(apkg)
	if !strings.HasPrefix(string(b), "#separator:tab\n#html:true\n#tags column:3\n") ||
		!strings.Contains(string(b), "<ul><li>a generator</li><li>a discriminator</li></ul>") || strings.Count(string(b), "\n") != 5 {
		t.Errorf("Anki export:\n%s", b)
	}
	other := newCLI(t)
	other.ok("cards", "import", apkg)
	var theirs []cardRow
	other.json(&theirs, "cards", "list", "--topic", "gen-models")
	if len(theirs) != 2 || theirs[0].ID != mine[0].ID || theirs[1].Prompt != mine[1].Prompt {
		t.Errorf("after the Anki round trip: %+v, want %+v", theirs, mine)
	}
	// The whole bank exports as CSV and reads back.
	csvFile := filepath.Join(dir, "all.csv")
	c.ok("cards", "export", csvFile)
	cards, err := drill.ParseCSV(mustOpen(t, csvFile), drill.ImportDefaults{})
	if err != nil || len(cards) < 252 {
		t.Errorf("exported CSV: %d cards, %v", len(cards), err)
	}
	// Bank ids cannot be imported as your own.
	if msg := other.fails(1, "cards", "import", csvFile); !strings.Contains(msg, "bank card") {
		t.Errorf("import of bank ids: %q", msg)
	}
	if out := c.ok("cards", "export", "-", "--topic", "gen-models"); !strings.HasPrefix(out, "id,topic,round") {
		t.Errorf("export to standard output:\n%s", out)
	}
}

func mustOpen(t *testing.T, path string) *os.File {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func TestDrillSession(t *testing.T) {
	c := newCLI(t)
	var bank []cardRow
	c.json(&bank, "cards", "list")
	// First card: reveal, Good. Second: reveal, a wrong key, then again.
	// Third: quit at the prompt.
	out, errOut, code := c.run("\n3\n\n7\nagain\nq\n", "drill")
	if code != 0 {
		t.Fatalf("drill: exit %d\n%s%s", code, out, errOut)
	}
	for _, want := range []string{
		bank[0].Prompt, "1 again (1m)   2 hard (6m)   3 good (10m)   4 easy (", "good: next in 10m.",
		bank[1].Prompt, `"7" is not a rating`, "again: next in 1m.", bank[2].Prompt,
		"Reviewed 2 cards: again 1, hard 0, good 1, easy 0.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("drill output lacks %q:\n%s", want, out)
		}
	}
	var shown struct {
		Progress *drill.Progress `json:"progress"`
	}
	c.json(&shown, "cards", "show", bank[0].ID)
	if shown.Progress == nil || shown.Progress.State != "learning" || shown.Progress.Reps != 1 {
		t.Errorf("progress after Good = %+v", shown.Progress)
	}

	// --limit stops the session; a topic limits it; the end of input ends it.
	out, _, _ = c.run("\n4\n\n4\n", "drill", "--limit", "1", "--topic", "metrics")
	if !strings.Contains(out, "Reviewed 1 card:") || !strings.Contains(out, "· metrics ·") {
		t.Errorf("drill --limit 1 --topic metrics:\n%s", out)
	}
	out, _, _ = c.run("\n", "drill")
	if !strings.Contains(out, "Reviewed 0 cards") {
		t.Errorf("drill with input ending:\n%s", out)
	}
	// With no new card allowed and nothing due, the session says when to
	// come back.
	setSetting(t, c, drill.SettingNewPerDay, "0")
	out = c.ok("drill")
	if !strings.Contains(out, "Reviewed 0 cards") || !strings.Contains(out, "the next card is due in 1m") {
		t.Errorf("drill with nothing due:\n%s", out)
	}
	c.fails(2, "drill", "--limit", "-1")
	c.fails(2, "drill", "metrics")
	c.fails(1, "drill", "--topic", "astrology")
}

// TestDrillInterviewPlan schedules a theory interview the day after cards
// were learnt, with a target their recall would miss: the drill serves them
// before it, as reviews for the interview.
func TestDrillInterviewPlan(t *testing.T) {
	c := newCLI(t)
	c.now = "2026-11-20T09:00:00Z"
	out, _, code := c.run("\n4\n\n4\n", "drill", "--limit", "2")
	if code != 0 {
		t.Fatalf("drill: exit %d\n%s", code, out)
	}
	setSetting(t, c, drill.SettingTarget, "0.95")
	setSetting(t, c, drill.SettingNewPerDay, "0")
	c.now = "2026-11-25T09:00:00Z"
	if out := c.ok("drill"); !strings.Contains(out, "Nothing is due now") {
		t.Fatalf("before any interview, drill:\n%s", out)
	}
	c.ok("app", "add", "--company", "Acme", "--role", "MLE", "--applied", "2026-11-01")
	c.ok("interview", "add", "1", "--at", "2026-11-26 15:00", "--kind", "ml_theory")
	out, _, _ = c.run("\n3\n\n3\n", "drill")
	if strings.Count(out, "for your interview") != 2 || !strings.Contains(out, "Reviewed 2 cards: again 0, hard 0, good 2, easy 0.") {
		t.Errorf("drill before the interview:\n%s", out)
	}
}
