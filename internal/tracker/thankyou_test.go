package tracker

import (
	"net/url"
	"strings"
	"testing"
)

func TestThankYou(t *testing.T) {
	iv := &Interview{Title: "ML system design", Company: "Acme", Role: "Senior ML Engineer",
		Interviewers: []Interviewer{{Name: "Maya Chen", Email: "maya@acme.test"}},
		Detail:       "retraining the ranker daily without a full backfill"}
	d, err := ThankYou(iv, "Sam Lee")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Hi Maya,", "Senior ML Engineer", "Acme", "retraining the ranker daily", "Sam Lee"} {
		if !strings.Contains(d.Body, want) {
			t.Errorf("draft body lacks %q:\n%s", want, d.Body)
		}
	}
	if !strings.Contains(d.Subject, "ML system design") || strings.Contains(d.Subject, "\n") {
		t.Errorf("subject = %q", d.Subject)
	}
	if len(d.Missing) != 0 {
		t.Errorf("missing = %v, want nothing", d.Missing)
	}
	u, err := url.Parse(d.Mailto)
	if err != nil || u.Scheme != "mailto" || u.Opaque != "maya@acme.test" {
		t.Fatalf("mailto %q: %v", d.Mailto, err)
	}
	if strings.Contains(d.Mailto, "+") || strings.Contains(d.Mailto, " ") {
		t.Errorf("mailto must encode spaces as %%20: %s", d.Mailto)
	}
	q := u.Query()
	if q.Get("subject") != d.Subject || q.Get("body") != strings.ReplaceAll(d.Body, "\n", "\r\n") {
		t.Errorf("mailto does not round-trip: subject %q", q.Get("subject"))
	}

	bare, err := ThankYou(&Interview{Title: "Behavioral", Company: "Globex", Role: "MLE"}, "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(bare.Body, "[Your name]") || len(bare.Missing) != 4 {
		t.Errorf("bare draft missing = %v, body:\n%s", bare.Missing, bare.Body)
	}
}

func TestContentLoads(t *testing.T) {
	if _, err := LoadChecklists(); err != nil {
		t.Error(err)
	}
	if _, err := LoadRedFlags(); err != nil {
		t.Error(err)
	}
	if _, err := LoadLoops(); err != nil {
		t.Error(err)
	}
}
