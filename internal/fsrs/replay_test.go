package fsrs

import (
	"strings"
	"testing"
	"time"
)

func TestParseReviewLine(t *testing.T) {
	good := []string{
		`{"card":"c1","rating":3,"time":"2026-01-02T15:04:05Z"}`,
		` { "time" : "2026-01-02T15:04:05+01:00", "rating": 1 , "card": "a \"quoted\" id" } `,
	}
	for _, s := range good {
		l, err := ParseReviewLine([]byte(s))
		if err != nil || l.Card == "" || !l.Rating.Valid() || l.Time.IsZero() {
			t.Errorf("ParseReviewLine(%s) = %+v, %v", s, l, err)
		}
	}
	bad := []string{
		``, `[]`, `{}`, `{"card":"c","rating":3}`, `{"card":"c","rating":5,"time":"2026-01-02T15:04:05Z"}`,
		`{"card":"c","rating":3,"time":"yesterday"}`, `{"card":"c","rating":3,"time":"2026-01-02T15:04:05Z","x":1}`,
		`{"card":"c","rating":3,"time":"2026-01-02T15:04:05Z"} trailing`, `{"card":"c" "rating":3}`,
		`{"card":"","rating":3,"time":"2026-01-02T15:04:05Z"}`, `{"card":"c","rating":3.5,"time":"2026-01-02T15:04:05Z"}`,
	}
	for _, s := range bad {
		if _, err := ParseReviewLine([]byte(s)); err == nil {
			t.Errorf("ParseReviewLine(%s) accepted", s)
		}
	}
}

func TestReplayRefusesTimeTravel(t *testing.T) {
	r := NewReplayer(NewScheduler())
	t0 := time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)
	if _, _, err := r.Review("a", Good, t0); err != nil {
		t.Fatal(err)
	}
	if _, _, err := r.Review("a", Good, t0.Add(-time.Hour)); err == nil || !strings.Contains(err.Error(), "before its previous review") {
		t.Errorf("review back in time: %v", err)
	}
	if _, _, err := r.Review("b", 7, t0); err == nil {
		t.Error("rating 7 accepted")
	}
}

func FuzzParseReviewLine(f *testing.F) {
	f.Add(`{"card":"c1","rating":3,"time":"2026-01-02T15:04:05Z"}`)
	f.Add(`{"card":"\u00e9\\n","rating":1,"time":"2026-01-02T15:04:05-07:00"}`)
	f.Fuzz(func(t *testing.T, s string) {
		l, err := ParseReviewLine([]byte(s))
		if err == nil && (l.Card == "" || !l.Rating.Valid() || l.Time.IsZero()) {
			t.Fatalf("accepted an incomplete line: %+v", l)
		}
	})
}

// BenchmarkReplay replays a long interleaved log through the replayer, the
// core of "offerloop srs replay" without the reading and writing of lines.
func BenchmarkReplay(b *testing.B) {
	s := NewScheduler()
	lines := make([]ReviewLine, 0, 100_000)
	t0 := time.Date(2026, 1, 1, 8, 0, 0, 0, time.UTC)
	ratings := []Rating{Good, Good, Hard, Good, Again, Good, Easy, Good, Good, Good}
	for i := range cap(lines) {
		lines = append(lines, ReviewLine{Card: "card-" + string(rune('a'+i%26)) + string(rune('a'+i/26%26)), Rating: ratings[i%len(ratings)], Time: t0.Add(time.Duration(i) * 7 * time.Minute)})
	}
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		r := NewReplayer(s)
		for _, l := range lines {
			if _, _, err := r.Review(l.Card, l.Rating, l.Time); err != nil {
				b.Fatal(err)
			}
		}
		n += len(lines)
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "reviews/s")
}

func BenchmarkParseReviewLine(b *testing.B) {
	line := []byte(`{"card":"card-123","rating":3,"time":"2026-01-02T15:04:05Z"}`)
	for b.Loop() {
		if _, err := ParseReviewLine(line); err != nil {
			b.Fatal(err)
		}
	}
}

func TestFastTimes(t *testing.T) {
	for _, s := range []string{"2026-01-02T15:04:05Z", "2028-02-29T23:59:59Z", "0001-01-01T00:00:00Z"} {
		got, err := parseTime(s)
		want, _ := time.Parse(time.RFC3339, s)
		if err != nil || !got.Equal(want) {
			t.Errorf("parseTime(%s) = %v, %v", s, got, err)
		}
		if b := AppendTime(nil, want); string(b) != want.UTC().Format(time.RFC3339) {
			t.Errorf("AppendTime(%v) = %s", want, b)
		}
	}
	for _, s := range []string{"2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "2026-01-01T24:00:00Z", "2026-01-0xT00:00:00Z"} {
		if _, err := parseTime(s); err == nil {
			t.Errorf("parseTime(%s) accepted", s)
		}
	}
}

// TestParseReviewLineJSONEscapes: every escape JSON allows reads as JSON
// means it, including "\/" (written by PHP and others) and surrogate pairs.
func TestParseReviewLineJSONEscapes(t *testing.T) {
	for in, want := range map[string]string{
		`"deck\/card-1"`:         "deck/card-1",
		`"smile \ud83d\ude00"`:   "smile \U0001F600",
		`"tab\tand \u00e9"`:      "tab\tand é",
		`"back\\\/slash"`:        `back\/slash`,
		`"quote \"q\" and \\\\"`: `quote "q" and \\`,
	} {
		l, err := ParseReviewLine([]byte(`{"card":` + in + `,"rating":3,"time":"2026-01-02T15:04:05Z"}`))
		if err != nil || l.Card != want {
			t.Errorf("card %s = %q, %v; want %q", in, l.Card, err, want)
		}
	}
	if _, err := ParseReviewLine([]byte(`{"card":"bad \q","rating":3,"time":"2026-01-02T15:04:05Z"}`)); err == nil {
		t.Error(`"\q" accepted`)
	}
}
