package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/offerloop/offerloop/internal/sqlite"
	"github.com/offerloop/offerloop/internal/tracker"
	"github.com/offerloop/offerloop/internal/web"
)

// TestCLIWritesWhileServerRuns has the CLI and the web server write the same
// database file at once: every write must succeed and every event must be kept.
func TestCLIWritesWhileServerRuns(t *testing.T) {
	c := newCLI(t)
	c.ok("app", "add", "--company", "Acme", "--role", "MLE", "--applied", "2026-11-01")
	c.ok("app", "add", "--company", "Globex", "--role", "MLE", "--applied", "2026-11-01")

	ctx := context.Background()
	db, err := sqlite.Open(ctx, c.db)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	now := func() time.Time { return time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC) }
	db.Now = now
	srv, err := web.New(web.Config{Now: now, Loc: time.UTC}, db, nil)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	defer ts.Close()
	client := ts.Client()
	client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }

	const perWriter = 25
	var wg sync.WaitGroup
	errc := make(chan error, 4*perWriter)
	// Two CLI writers adding notes to application 1 and new applications.
	for w := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range perWriter {
				var out, errb strings.Builder
				args := []string{"app", "note", "1", fmt.Sprintf("cli %d note %d", w, i)}
				if i%5 == 0 {
					args = []string{"app", "add", "--company", fmt.Sprintf("Co %d-%d", w, i), "--role", "MLE"}
				}
				if err := run(ctx, args, c.getenv, strings.NewReader(""), &out, &errb); err != nil {
					errc <- fmt.Errorf("cli %v: %v %s", args, err, errb.String())
				}
			}
		}()
	}
	// Two HTTP writers adding notes to application 2 through the web form.
	for w := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range perWriter {
				form := url.Values{"text": {fmt.Sprintf("web %d note %d", w, i)}}
				req, _ := http.NewRequest("POST", ts.URL+"/applications/2/notes", strings.NewReader(form.Encode()))
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
				req.Header.Set("Sec-Fetch-Site", "same-origin")
				resp, err := client.Do(req)
				if err != nil {
					errc <- err
					continue
				}
				resp.Body.Close()
				if resp.StatusCode != http.StatusSeeOther {
					errc <- fmt.Errorf("web note: status %d", resp.StatusCode)
				}
			}
		}()
	}
	wg.Wait()
	close(errc)
	for err := range errc {
		t.Error(err)
	}
	u, _ := db.LocalUser(ctx)
	count := func(appID int64) int {
		evs, err := db.Events(ctx, u.ID, appID)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, e := range evs {
			if e.Kind == tracker.EventNote {
				n++
			}
		}
		return n
	}
	if got, want := count(1), 2*(perWriter-perWriter/5); got != want {
		t.Errorf("application 1 has %d CLI notes, want %d", got, want)
	}
	if got, want := count(2), 2*perWriter; got != want {
		t.Errorf("application 2 has %d web notes, want %d", got, want)
	}
	apps, err := db.FindApplications(ctx, tracker.ApplicationFilter{UserID: u.ID})
	if err != nil {
		t.Fatal(err)
	}
	if want := 2 + 2*(perWriter/5); len(apps) != want {
		t.Errorf("%d applications, want %d", len(apps), want)
	}
}
