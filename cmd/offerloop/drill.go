package main

import (
	"bufio"
	"context"
	"fmt"
	"strings"

	"github.com/offerloop/offerloop/internal/drill"
	"github.com/offerloop/offerloop/internal/errs"
	"github.com/offerloop/offerloop/internal/fsrs"
)

const drillUsage = `usage: offerloop drill [--topic T] [--limit N] [--db FILE]

Reviews cards in the terminal, spaced with FSRS-6: the cards due first, most
overdue first, then new cards up to the day's allowance (20 by default). When an
interview is scheduled, the cards its rounds need are brought forward so that
recall on the day reaches the target.

For each card: read the question and answer it aloud, press Enter to see the
model answer, then rate how well you recalled it:
  1 or again   you did not recall it
  2 or hard    you recalled it with serious effort
  3 or good    you recalled it
  4 or easy    it was effortless
Each button shows when the card would come back. q quits; the session ends by
itself when nothing is left, or after --limit cards, with a summary.
`

func runDrill(ctx context.Context, e *env, args []string) error {
	f := newFlags(e, "drill", drillUsage, false)
	topic := f.String("topic", "", "only this topic (offerloop cards topics lists them)")
	limit := f.Int("limit", 0, "stop after this many cards (0: no limit)")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return usagef("drill takes no arguments (did you mean --topic %s?)", pos[0])
	}
	if *limit < 0 {
		return usagef("--limit is a number of cards, 0 or more")
	}
	s, d, err := f.openDrill(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	return drillSession(ctx, e, d, s.user.ID, drill.NormalizeTopic(*topic), *limit)
}

// drillSession runs the review loop, reading answers line by line.
func drillSession(ctx context.Context, e *env, d *drill.Drill, userID int64, topic string, limit int) error {
	in := bufio.NewScanner(e.stdin)
	w := e.stdout
	// read returns the next line, lowercased, and false at the end of input.
	read := func() (string, bool) {
		if !in.Scan() {
			return "", false
		}
		return strings.ToLower(strings.TrimSpace(in.Text())), true
	}
	var counts [4]int
	reviewed := 0
	quit := false
	var last *drill.Turn
	for !quit && (limit == 0 || reviewed < limit) {
		if err := ctx.Err(); err != nil {
			return err
		}
		t, err := d.Next(ctx, userID, topic)
		if err != nil {
			return err
		}
		last = t
		if t.Card == nil {
			break
		}
		c := t.Card
		kind := "review"
		switch {
		case t.New:
			kind = "new"
		case t.Planned:
			kind = "for your interview"
		}
		fmt.Fprintf(w, "\n── %s · %s · %s · difficulty %d · %s   (%d due, %d new left)\n\n%s\n\n",
			c.ID, c.Topic, roundName(c.Round), c.Difficulty, kind, t.Due, t.NewLeft, c.Prompt)
		fmt.Fprint(w, "[Enter] show the answer, q to quit: ")
		line, ok := read()
		if !ok || line == "q" || line == "quit" {
			fmt.Fprintln(w)
			break
		}
		shownAt := d.Now()
		fmt.Fprintf(w, "\n%s\n\n", c.Answer)
		var labels []string
		for _, b := range t.Buttons {
			labels = append(labels, fmt.Sprintf("%d %s (%s)", b.Rating, strings.ToLower(b.Label), b.Interval))
		}
		fmt.Fprintf(w, "%s\n", strings.Join(labels, "   "))
		var rating fsrs.Rating
		for rating == 0 {
			fmt.Fprint(w, "Rate 1–4, q to quit: ")
			line, ok := read()
			if !ok || line == "q" || line == "quit" {
				quit = true
				fmt.Fprintln(w)
				break
			}
			if rating = parseRating(line); rating == 0 {
				fmt.Fprintf(w, "%q is not a rating: type 1 (again), 2 (hard), 3 (good) or 4 (easy).\n", line)
			}
		}
		if quit {
			break
		}
		ms := d.Now().Sub(shownAt).Milliseconds()
		log, err := d.Rate(ctx, userID, c.ID, rating, t.Reps, ms)
		if errs.CodeOf(err) == errs.Conflict {
			fmt.Fprintf(w, "%s\n", errs.Message(err))
			continue
		}
		if err != nil {
			return err
		}
		reviewed++
		counts[rating-1]++
		fmt.Fprintf(w, "%s: next %s.\n", fsrs.Rating(rating), relDue(log.Due, log.At))
	}
	fmt.Fprintf(w, "\nReviewed %d %s: again %d, hard %d, good %d, easy %d.\n",
		reviewed, plural(reviewed, "card", "cards"), counts[0], counts[1], counts[2], counts[3])
	if last != nil && last.Card == nil {
		if last.NextDue.IsZero() {
			fmt.Fprintln(w, "Nothing is due and no new card is left for today.")
		} else {
			fmt.Fprintf(w, "Nothing is due now; the next card is due %s.\n", relDue(last.NextDue, d.Now()))
		}
	}
	return in.Err()
}

// parseRating reads 1–4 or a rating's name; 0 when it is neither.
func parseRating(s string) fsrs.Rating {
	for g := fsrs.Again; g <= fsrs.Easy; g++ {
		if s == fmt.Sprint(int(g)) || s == g.String() {
			return g
		}
	}
	return 0
}

func roundName(r drill.Round) string {
	return strings.ReplaceAll(string(r), "_", " ")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
