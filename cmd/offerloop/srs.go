package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/offerloop/offerloop/internal/drill"
	"github.com/offerloop/offerloop/internal/errs"
	"github.com/offerloop/offerloop/internal/fsrs"
)

const srsUsage = `usage: offerloop srs SUBCOMMAND [FLAGS]

The FSRS-6 scheduler behind the drill, on its own.

Subcommands:
  replay [--no-fuzz] [--retention R] [--json] < reviews.jsonl
         Replays a review log. Each input line is
           {"card": "id", "rating": 1-4, "time": "2026-01-02T15:04:05Z"}
         in time order, any number of cards interleaved. Each output line is
           {"card", "state", "stability", "difficulty", "due", "scheduled_days", "retrievability"}
         the card's state after the review, its due time (RFC 3339, UTC), and the
         recall predicted at the moment of the review, before it (null for a
         new card). Ratings: 1 again, 2 hard, 3 good, 4 easy.
  optimize [--file reviews.jsonl] [--save] [--iterations N] [--json] [--db FILE]
         Fits the 21 FSRS parameters to a review history by minimising log loss,
         and reports log loss and RMSE(bins) before and after. The history is
         the drill's own (in the database), or --file in replay's format. Needs
         at least 400 reviews made a day or more apart. --save stores the fitted
         parameters for the drill, only when they predict better than the
         current ones.
`

func runSRS(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		return usagef("srs needs a subcommand: replay or optimize")
	}
	switch args[0] {
	case "replay":
		return srsReplay(e, args[1:])
	case "optimize", "optimise":
		return srsOptimize(ctx, e, args[1:])
	case "-h", "--help", "help":
		fmt.Fprint(e.stdout, srsUsage)
		return nil
	}
	return usagef("unknown srs subcommand %q", args[0])
}

func replayScheduler(noFuzz bool, retention float64) (*fsrs.Scheduler, error) {
	s := fsrs.NewScheduler()
	s.Fuzz = !noFuzz
	s.DesiredRetention = retention
	if err := s.Validate(); err != nil {
		return nil, usagef("%v", err)
	}
	return s, nil
}

// maxReplayLine caps one input line, so a file without newlines cannot
// exhaust memory.
const maxReplayLine = 64 << 10

func srsReplay(e *env, args []string) error {
	f := newFlags(e, "srs replay", srsUsage, true)
	noFuzz := f.Bool("no-fuzz", false, "exact intervals, no fuzz")
	retention := f.Float64("retention", 0.9, "desired retention")
	if _, err := f.parse(args); err != nil {
		return err
	}
	s, err := replayScheduler(*noFuzz, *retention)
	if err != nil {
		return err
	}
	n, err := replay(s, e.stdin, e.stdout)
	if err != nil {
		return errs.Invalidf("line %d: %s", n, errs.Message(err))
	}
	return nil
}

// replay reads review lines from r and writes one result line each to w. On
// failure it returns the number of the line at fault.
func replay(s *fsrs.Scheduler, r io.Reader, w io.Writer) (int, error) {
	rp := fsrs.NewReplayer(s)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), maxReplayLine)
	out := bufio.NewWriterSize(w, 64<<10)
	var buf []byte
	line := 0
	// fail reports a bad line after writing the results of the lines before
	// it, so that the output never ends mid-line.
	fail := func(err error) (int, error) {
		if ferr := out.Flush(); ferr != nil {
			return line, ferr
		}
		return line, errs.Invalidf("%v", err)
	}
	for sc.Scan() {
		line++
		b := sc.Bytes()
		if len(strings.TrimSpace(string(b))) == 0 {
			continue
		}
		in, err := fsrs.ParseReviewLine(b)
		if err != nil {
			return fail(err)
		}
		c, log, err := rp.Review(in.Card, in.Rating, in.Time)
		if err != nil {
			return fail(err)
		}
		buf = appendReplayResult(buf[:0], c, log)
		if _, err := out.Write(buf); err != nil {
			return line, err
		}
	}
	if err := sc.Err(); err != nil {
		if ferr := out.Flush(); ferr != nil {
			return line, ferr
		}
		if errors.Is(err, bufio.ErrTooLong) {
			return line + 1, errs.Invalidf("a line is longer than %d bytes", maxReplayLine)
		}
		return line, err
	}
	return line, out.Flush()
}

func appendReplayResult(b []byte, c fsrs.Card, log fsrs.Log) []byte {
	b = append(b, `{"card":`...)
	b = strconv.AppendQuote(b, c.ID)
	b = append(b, `,"state":"`...)
	b = append(b, c.State.String()...)
	b = append(b, `","stability":`...)
	b = appendFloat(b, c.Stability)
	b = append(b, `,"difficulty":`...)
	b = appendFloat(b, c.Difficulty)
	b = append(b, `,"due":"`...)
	b = fsrs.AppendTime(b, c.Due)
	b = append(b, `","scheduled_days":`...)
	b = strconv.AppendInt(b, int64(log.ScheduledDays), 10)
	b = append(b, `,"retrievability":`...)
	if log.Before == fsrs.New {
		b = append(b, "null"...)
	} else {
		b = appendFloat(b, log.Retrievability)
	}
	return append(b, "}\n"...)
}

// appendFloat writes x with six decimals, trailing zeros dropped: enough for
// stability, difficulty and recall, and several times faster than
// strconv.AppendFloat, which dominated replay time.
func appendFloat(b []byte, x float64) []byte {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return append(b, "null"...)
	}
	if x < 0 || x >= 1e12 {
		return strconv.AppendFloat(b, x, 'g', 10, 64)
	}
	scaled := int64(math.Round(x * 1e6))
	b = strconv.AppendInt(b, scaled/1e6, 10)
	frac := scaled % 1e6
	if frac == 0 {
		return b
	}
	var digits [7]byte
	digits[0] = '.'
	for i := 6; i >= 1; i-- {
		digits[i] = byte('0' + frac%10)
		frac /= 10
	}
	n := 7
	for digits[n-1] == '0' {
		n--
	}
	return append(b, digits[:n]...)
}

func srsOptimize(ctx context.Context, e *env, args []string) error {
	f := newFlags(e, "srs optimize", srsUsage, true)
	file := f.String("file", "", "a review log in replay's format, instead of the database")
	save := f.Bool("save", false, "store the fitted parameters for the drill")
	iterations := f.Int("iterations", 150, "optimisation steps")
	if _, err := f.parse(args); err != nil {
		return err
	}
	if *iterations < 1 || *iterations > 10000 {
		return usagef("--iterations must be between 1 and 10000")
	}
	if *file != "" && *save {
		return usagef("--save stores parameters fitted to the drill's own history; it cannot be used with --file")
	}
	s := fsrs.NewScheduler()
	var lines []fsrs.ReviewLine
	init := fsrs.DefaultParameters
	var sess *session
	if *file != "" {
		fh, err := os.Open(*file)
		if err != nil {
			return err
		}
		defer fh.Close()
		if lines, err = readReviewLines(fh); err != nil {
			return err
		}
	} else {
		var err error
		if sess, err = f.open(ctx); err != nil {
			return err
		}
		defer sess.Close()
		s.Loc = sess.loc
		if init, err = drill.LoadParameters(ctx, sess.db, sess.user.ID); err != nil {
			return err
		}
		logs, err := sess.db.Reviews(ctx, sess.user.ID, time.Time{})
		if err != nil {
			return err
		}
		for _, l := range logs {
			lines = append(lines, fsrs.ReviewLine{Card: l.CardID, Rating: l.Rating, Time: l.At})
		}
	}
	res, err := fsrs.Optimize(fsrs.Histories(s, lines), init, *iterations)
	if errors.Is(err, fsrs.ErrTooFewReviews) {
		return errs.Invalidf("%d reviews were made a day or more after the previous one; the optimiser needs %d. Keep drilling: until then the default parameters serve better than a fit to noise", res.Before.Reviews, fsrs.MinOptimizeReviews)
	}
	if err != nil {
		return err
	}
	saved := false
	if *save && res.Improved {
		if err := drill.SaveParameters(ctx, sess.db, sess.user.ID, res.Parameters); err != nil {
			return err
		}
		saved = true
	}
	if f.wantJSON() {
		return printJSON(e.stdout, struct {
			fsrs.OptimizeResult
			Saved bool `json:"saved"`
		}{res, saved})
	}
	w := e.stdout
	fmt.Fprintf(w, "Reviews predicted: %d (%d steps in %s)\n", res.Before.Reviews, res.Iterations, res.Elapsed.Round(time.Millisecond))
	fmt.Fprintf(w, "Log loss:    %.4f → %.4f\n", res.Before.LogLoss, res.After.LogLoss)
	fmt.Fprintf(w, "RMSE(bins):  %.4f → %.4f\n", res.Before.RMSE, res.After.RMSE)
	switch {
	case !res.Improved:
		fmt.Fprintln(w, "The current parameters already predict your recall best; nothing changed.")
	case saved:
		fmt.Fprintln(w, "Saved: the drill now schedules with your parameters.")
	default:
		fmt.Fprintln(w, "Fitted parameters (use --save to schedule with them):")
	}
	if res.Improved {
		parts := make([]string, len(res.Parameters))
		for i, p := range res.Parameters {
			parts[i] = strconv.FormatFloat(p, 'f', 4, 64)
		}
		fmt.Fprintln(w, strings.Join(parts, ", "))
	}
	return nil
}

func readReviewLines(r io.Reader) ([]fsrs.ReviewLine, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), maxReplayLine)
	var out []fsrs.ReviewLine
	n := 0
	for sc.Scan() {
		n++
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		l, err := fsrs.ParseReviewLine(sc.Bytes())
		if err != nil {
			return nil, errs.Invalidf("line %d: %v", n, err)
		}
		out = append(out, l)
	}
	if err := sc.Err(); err != nil {
		return nil, errs.Invalidf("line %d: %v", n+1, err)
	}
	return out, nil
}
