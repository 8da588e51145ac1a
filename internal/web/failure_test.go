package web_test

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/offerloop/offerloop/internal/sqlite"
	"github.com/offerloop/offerloop/internal/tracker"
	"github.com/offerloop/offerloop/internal/web"
)

// failingStore is the real SQLite store with one read that fails, to check how
// the server answers failures that are not the user's: it is not a stand-in
// for the store's behaviour.
type failingStore struct {
	*sqlite.DB
	fail func()
}

func (s failingStore) FindApplications(ctx context.Context, f tracker.ApplicationFilter) ([]*tracker.Application, error) {
	s.fail()
	return nil, errors.New("disk on fire")
}

func (s failingStore) CountApplications(ctx context.Context, userID int64) ([]tracker.StateCount, error) {
	s.fail()
	return nil, errors.New("disk on fire")
}

func TestFailuresAre500(t *testing.T) {
	tests := []struct {
		name string
		fail func()
		log  string
	}{
		{"error", func() {}, "disk on fire"},
		{"panic", func() { panic("boom") }, "boom"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t, web.Config{})
			var logs bytes.Buffer
			srv, err := web.New(web.Config{Now: func() time.Time { return testNow }}, failingStore{e.db, tt.fail}, slog.New(slog.NewTextHandler(&logs, nil)))
			if err != nil {
				t.Fatal(err)
			}
			e.srv = srv
			w := e.get("/")
			wantStatus(t, w, http.StatusInternalServerError)
			if strings.Contains(w.Body.String(), tt.log) {
				t.Errorf("the page shows the internal error %q", tt.log)
			}
			if n := strings.Count(logs.String(), tt.log); n != 1 {
				t.Errorf("the failure was logged %d times, want once:\n%s", n, logs.String())
			}
			// The API answers JSON.
			logs.Reset()
			w = e.get("/api/applications")
			wantStatus(t, w, http.StatusInternalServerError)
		})
	}
}
