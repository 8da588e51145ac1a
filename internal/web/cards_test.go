package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/offerloop/offerloop/internal/web"
)

func cardForm(prompt, answer string) url.Values {
	return url.Values{"topic": {"My Notes"}, "round": {"ml_theory"}, "difficulty": {"3"}, "tags": {"mine, notes"},
		"prompt": {prompt}, "answer": {answer}}
}

func TestCardsCRUD(t *testing.T) {
	e := newDrillEnv(t, web.Config{})
	w := e.get("/cards")
	wantStatus(t, w, http.StatusOK)
	body := w.Body.String()
	if err := checkHTML(body); err != nil {
		t.Fatal(err)
	}
	wantContains(t, body, "257 cards", "Bias and variance", `action="/cards/import"`, `href="/cards/export.csv"`)

	w = e.get("/cards/new")
	wantStatus(t, w, http.StatusOK)
	if err := checkHTML(w.Body.String()); err != nil {
		t.Fatal(err)
	}
	// A card without an answer is refused with the form again.
	w = e.post("/cards/new", cardForm("What is a feature store?", ""))
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantContains(t, w.Body.String(), "needs a prompt and an answer", "What is a feature store?")

	w = e.post("/cards/new", cardForm("What is a feature store?", "A shared store of **features**, served online and offline."))
	wantStatus(t, w, http.StatusSeeOther)
	loc := w.Header().Get("Location")
	if !strings.HasPrefix(loc, "/cards/user-") {
		t.Fatalf("created card at %q", loc)
	}
	id := strings.TrimSuffix(strings.TrimPrefix(loc, "/cards/"), "?saved=1")
	w = e.get(loc)
	wantStatus(t, w, http.StatusOK)
	wantContains(t, w.Body.String(), "Card saved.", "A shared store of <strong>features</strong>", "yours", "#mine", "Not studied yet", `href="/cards/`+id+`/edit"`)
	if err := checkHTML(w.Body.String()); err != nil {
		t.Fatal(err)
	}
	c, err := e.d.Card(context.Background(), e.user.ID, id)
	if err != nil || c.Topic != "my-notes" || c.Difficulty != 3 || len(c.Tags) != 2 {
		t.Fatalf("stored card = %+v, %v", c, err)
	}
	// It shows in the list, found by search, and in the drill of its topic.
	w = e.get("/cards?q=feature+store")
	wantContains(t, w.Body.String(), "What is a feature store?", "yours")
	w = e.get("/drill?topic=my-notes")
	wantContains(t, w.Body.String(), "What is a feature store?")

	wantStatus(t, e.get("/cards/"+id+"/edit"), http.StatusOK)
	w = e.post("/cards/"+id+"/edit", cardForm("What is a feature store, and why?", "It keeps training and serving features consistent."))
	wantStatus(t, w, http.StatusSeeOther)
	if c, _ := e.d.Card(context.Background(), e.user.ID, id); c.Prompt != "What is a feature store, and why?" || c.ID != id {
		t.Errorf("edited card = %+v", c)
	}

	// Bank cards are read-only.
	bankID := testBank(t).Cards()[0].ID
	w = e.get("/cards/" + bankID)
	wantStatus(t, w, http.StatusOK)
	wantContains(t, w.Body.String(), "question bank, which is read-only")
	if strings.Contains(w.Body.String(), "/cards/"+bankID+"/edit") {
		t.Error("a bank card offers an edit link")
	}
	wantStatus(t, e.get("/cards/"+bankID+"/edit"), http.StatusConflict)
	wantStatus(t, e.post("/cards/"+bankID+"/delete", nil), http.StatusConflict)
	w = e.post("/cards/new", url.Values{"id": {bankID}, "topic": {"metrics"}, "round": {"ml_theory"}, "difficulty": {"1"}, "prompt": {"p"}, "answer": {"a"}})
	wantStatus(t, w, http.StatusConflict)

	wantStatus(t, e.get("/cards/"+id+"/delete"), http.StatusOK)
	w = e.post("/cards/"+id+"/delete", nil)
	wantStatus(t, w, http.StatusSeeOther)
	wantStatus(t, e.get("/cards/"+id), http.StatusNotFound)
	wantContains(t, e.get(w.Header().Get("Location")).Body.String(), "was deleted")
}

func TestCardsImportExport(t *testing.T) {
	e := newDrillEnv(t, web.Config{MaxUpload: 8 << 10})
	csv := "prompt,answer,topic,tags\n" +
		"What does dropout do at test time?,\"Nothing: all units are kept, scaled.\",regularization-notes,dropout\n" +
		"\"Name two **drift** kinds\",\"- data drift\n- concept drift\",monitoring,drift\n"
	w := e.upload("/cards/import", "file", "mine.csv", []byte(csv))
	wantStatus(t, w, http.StatusSeeOther)
	w = e.get(w.Header().Get("Location"))
	wantContains(t, w.Body.String(), "2 cards imported")
	user, _ := e.db.UserCards(context.Background(), e.user.ID)
	if len(user) != 2 {
		t.Fatalf("%d user cards after the import, want 2", len(user))
	}

	// A bad line names itself and nothing is written.
	bad := "prompt,answer,difficulty,topic\nfine,ok,1,notes\nbroken,ok,7,notes\n"
	w = e.upload("/cards/import", "file", "bad.csv", []byte(bad))
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantContains(t, w.Body.String(), "line 3")
	if user, _ := e.db.UserCards(context.Background(), e.user.ID); len(user) != 2 {
		t.Errorf("a failed import wrote cards: %d", len(user))
	}

	// Too large: 413, nothing written.
	big := "prompt,answer\n" + strings.Repeat("q,a\n", 4<<10)
	w = e.upload("/cards/import", "file", "big.csv", []byte(big))
	wantStatus(t, w, http.StatusRequestEntityTooLarge)
	wantContains(t, w.Body.String(), "too large")

	// Export everything as CSV and Anki text; import both back into an empty
	// database: the user's cards come back whole, the bank's are left out.
	w = e.get("/cards/export.csv")
	wantStatus(t, w, http.StatusOK)
	if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/csv") {
		t.Errorf("content type %q", ct)
	}
	exported := w.Body.String()
	if !strings.HasPrefix(exported, "id,topic,round,difficulty,prompt,answer,tags\n") || !strings.Contains(exported, "concept drift") {
		t.Fatalf("export.csv:\n%.400s", exported)
	}
	anki := e.get("/cards/export.txt?mine=1").Body.String()
	if !strings.HasPrefix(anki, "#separator:tab\n") || strings.Count(anki, "\n") != 3+2 {
		t.Fatalf("export.txt:\n%s", anki)
	}
	for _, tc := range []struct{ name, data string }{{"all.csv", exported}, {"mine.txt", anki}} {
		f := newDrillEnv(t, web.Config{MaxUpload: 1 << 20})
		w := f.upload("/cards/import", "file", tc.name, []byte(tc.data))
		wantStatus(t, w, http.StatusSeeOther)
		got, _ := f.db.UserCards(context.Background(), f.user.ID)
		if len(got) != 2 {
			t.Fatalf("%s: %d cards back, want 2", tc.name, len(got))
		}
		for i, c := range got {
			o := user[i]
			if c.ID != o.ID || c.Topic != o.Topic || c.Round != o.Round || c.Prompt != o.Prompt || c.Answer != o.Answer || strings.Join(c.Tags, " ") != strings.Join(o.Tags, " ") {
				t.Errorf("%s: card %d came back as %+v, want %+v", tc.name, i, c, o)
			}
		}
		if tc.name == "all.csv" {
			wantContains(t, f.get(w.Header().Get("Location")).Body.String(), "257 bank cards left out")
		}
	}
}

// TestCardLinksEscapeTheID: a card id may hold characters that mean something
// in a URL ("?", "#"); every link to the card must still lead to it.
func TestCardLinksEscapeTheID(t *testing.T) {
	e := newDrillEnv(t, web.Config{})
	for _, id := range []string{"why?", "q#1"} {
		f := cardForm("Is "+id+" a fine id?", "Yes.")
		f.Set("id", id)
		f.Set("topic", "odd-ids")
		wantStatus(t, e.post("/cards/new", f), http.StatusSeeOther)
		esc := url.PathEscape(id)
		body := e.get("/cards/" + esc).Body.String()
		wantContains(t, body, `href="/cards/`+esc+`/edit"`, `href="/cards/`+esc+`/delete"`)
		body = e.get("/cards/" + esc + "/edit").Body.String()
		wantContains(t, body, `href="/cards/`+esc+`"`)
		body = e.get("/cards/" + esc + "/delete").Body.String()
		wantContains(t, body, `action="/cards/`+esc+`/delete"`, `href="/cards/`+esc+`"`)
	}
	body := e.get("/drill?topic=odd-ids").Body.String()
	if !strings.Contains(body, `href="/cards/q%231"`) && !strings.Contains(body, `href="/cards/why%3f"`) && !strings.Contains(body, `href="/cards/why%3F"`) {
		t.Errorf("the drill's link to the card is not escaped:\n%s", excerpt(body))
	}
}

// TestCardIDDotsRefused: "/cards/.." and "/cards/." are cleaned away by the
// router, so a card of such an id could never be opened, edited or deleted:
// the form refuses the id.
func TestCardIDDotsRefused(t *testing.T) {
	e := newDrillEnv(t, web.Config{})
	for _, id := range []string{".", ".."} {
		f := cardForm("A card with a dotted id?", "No.")
		f.Set("id", id)
		w := e.post("/cards/new", f)
		wantStatus(t, w, http.StatusUnprocessableEntity)
		wantContains(t, w.Body.String(), "card id")
	}
}
