package fsrs

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"
)

// Replayer applies a log of reviews of many cards, interleaved, in time order.
type Replayer struct {
	S     *Scheduler
	cards map[string]*Card
}

// NewReplayer returns a replayer that schedules with s.
func NewReplayer(s *Scheduler) *Replayer {
	return &Replayer{S: s, cards: make(map[string]*Card)}
}

// Review applies one review. A review earlier than the card's previous one is
// refused: the log must be in time order.
func (r *Replayer) Review(id string, g Rating, at time.Time) (Card, Log, error) {
	if !g.Valid() {
		return Card{}, Log{}, fmt.Errorf("rating %d is not 1 (again), 2 (hard), 3 (good) or 4 (easy)", g)
	}
	c := r.cards[id]
	if c == nil {
		c = &Card{ID: id}
		r.cards[id] = c
	} else if at.Before(c.LastReview) {
		return Card{}, Log{}, fmt.Errorf("card %q: review at %s is before its previous review at %s", id, at.Format(time.RFC3339), c.LastReview.Format(time.RFC3339))
	}
	next, log := r.S.Review(*c, g, at)
	*c = next
	return next, log, nil
}

// ReviewLine is one line of a replay input.
type ReviewLine struct {
	Card   string
	Rating Rating
	Time   time.Time
}

// ParseReviewLine reads {"card": string, "rating": 1-4, "time": RFC3339} as
// one JSON object, fields in any order. It is written by hand for speed (a
// replay reads millions of lines); anything it does not understand is an error.
func ParseReviewLine(b []byte) (ReviewLine, error) {
	var out ReviewLine
	p := jsonScanner{b: b}
	p.space()
	if !p.eat('{') {
		return out, errors.New("expected a JSON object")
	}
	var seen [3]bool
	for first := true; ; first = false {
		p.space()
		if p.eat('}') {
			break
		}
		if !first {
			if !p.eat(',') {
				return out, errors.New("expected , or } between fields")
			}
			p.space()
		}
		key, err := p.str()
		if err != nil {
			return out, err
		}
		p.space()
		if !p.eat(':') {
			return out, errors.New("expected : after a field name")
		}
		p.space()
		switch key {
		case "card":
			if out.Card, err = p.str(); err != nil {
				return out, fmt.Errorf("card: %w", err)
			}
			seen[0] = true
		case "rating":
			n, err := p.integer()
			if err != nil {
				return out, fmt.Errorf("rating: %w", err)
			}
			out.Rating, seen[1] = Rating(n), true
		case "time":
			s, err := p.str()
			if err != nil {
				return out, fmt.Errorf("time: %w", err)
			}
			if out.Time, err = parseTime(s); err != nil {
				return out, fmt.Errorf("time %q is not RFC 3339", s)
			}
			seen[2] = true
		default:
			return out, fmt.Errorf("unknown field %q", key)
		}
	}
	p.space()
	if p.i != len(p.b) {
		return out, errors.New("extra text after the object")
	}
	switch {
	case !seen[0] || out.Card == "":
		return out, errors.New(`missing "card"`)
	case !seen[1]:
		return out, errors.New(`missing "rating"`)
	case !seen[2]:
		return out, errors.New(`missing "time"`)
	case !out.Rating.Valid():
		return out, fmt.Errorf("rating %d is not 1, 2, 3 or 4", out.Rating)
	}
	return out, nil
}

type jsonScanner struct {
	b []byte
	i int
}

func (p *jsonScanner) space() {
	for p.i < len(p.b) && (p.b[p.i] == ' ' || p.b[p.i] == '\t' || p.b[p.i] == '\r' || p.b[p.i] == '\n') {
		p.i++
	}
}

func (p *jsonScanner) eat(c byte) bool {
	if p.i < len(p.b) && p.b[p.i] == c {
		p.i++
		return true
	}
	return false
}

// str reads a JSON string; escapes go through encoding/json.
func (p *jsonScanner) str() (string, error) {
	if !p.eat('"') {
		return "", errors.New("expected a string")
	}
	start, escaped := p.i, false
	for p.i < len(p.b) {
		switch c := p.b[p.i]; {
		case c == '\\':
			escaped = true
			p.i += 2
			continue
		case c == '"':
			raw := p.b[start:p.i]
			p.i++
			if !escaped {
				return string(raw), nil
			}
			// JSON's escapes are not Go's ("\/", surrogate pairs): the rare
			// escaped string goes through encoding/json.
			var s string
			if err := json.Unmarshal(p.b[start-1:p.i], &s); err != nil {
				return "", errors.New("bad escape in a string")
			}
			return s, nil
		case c < 0x20:
			return "", errors.New("control character in a string")
		}
		p.i++
	}
	return "", errors.New("unterminated string")
}

func (p *jsonScanner) integer() (int, error) {
	start := p.i
	if p.i < len(p.b) && p.b[p.i] == '-' {
		p.i++
	}
	for p.i < len(p.b) && p.b[p.i] >= '0' && p.b[p.i] <= '9' {
		p.i++
	}
	n, err := strconv.Atoi(string(p.b[start:p.i]))
	if err != nil || p.i-start > 3 {
		return 0, errors.New("expected a small whole number")
	}
	return n, nil
}

// parseTime reads RFC 3339, with a fast path for the common UTC form
// "2006-01-02T15:04:05Z" that time.Parse takes several times longer on.
func parseTime(s string) (time.Time, error) {
	if len(s) == 20 && s[4] == '-' && s[7] == '-' && s[10] == 'T' && s[13] == ':' && s[16] == ':' && s[19] == 'Z' {
		num := func(i, n int) int {
			v := 0
			for j := i; j < i+n; j++ {
				c := s[j]
				if c < '0' || c > '9' {
					return -1
				}
				v = v*10 + int(c-'0')
			}
			return v
		}
		y, mo, d, h, mi, sec := num(0, 4), num(5, 2), num(8, 2), num(11, 2), num(14, 2), num(17, 2)
		if y >= 0 && mo >= 1 && mo <= 12 && d >= 1 && h >= 0 && h < 24 && mi >= 0 && mi < 60 && sec >= 0 && sec < 60 {
			t := time.Date(y, time.Month(mo), d, h, mi, sec, 0, time.UTC)
			if t.Day() == d { // refuse 2026-02-30
				return t, nil
			}
		}
		return time.Time{}, errors.New("not a valid time")
	}
	return time.Parse(time.RFC3339, s)
}

// AppendTime appends t in UTC as "2006-01-02T15:04:05Z", a fast
// time.AppendFormat for replay output.
func AppendTime(b []byte, t time.Time) []byte {
	t = t.UTC()
	y, mo, d := t.Date()
	h, mi, sec := t.Clock()
	two := func(b []byte, v int) []byte { return append(b, byte('0'+v/10), byte('0'+v%10)) }
	if y < 0 || y > 9999 {
		return t.AppendFormat(b, time.RFC3339)
	}
	b = append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-')
	b = append(two(b, int(mo)), '-')
	b = append(two(b, d), 'T')
	b = append(two(b, h), ':')
	b = append(two(b, mi), ':')
	b = append(two(b, sec), 'Z')
	return b
}
