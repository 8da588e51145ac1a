package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"
	"unicode/utf8"

	"github.com/offerloop/offerloop/internal/drill"
	"github.com/offerloop/offerloop/internal/errs"
	"github.com/offerloop/offerloop/internal/tracker"
)

const cardsUsage = `usage: offerloop cards SUBCOMMAND [FLAGS]

The drill's question cards: the bank that comes with offerloop, and your own.

Subcommands:
  list   [--topic T] [--json]
         List cards: id, topic, round, difficulty and prompt.
  topics [--json]
         List the topics with their number of cards.
  show   ID [--json]
         Print a card with its answer, and your progress on it.
  add    --topic T --prompt P --answer-file F|- [--round R] [--difficulty N]
         [--tags "a b"] [--id ID] [--json]
         Add a card of your own, or replace one (same id). The answer is
         Markdown, read from a file or standard input (-). Rounds: ml_theory
         (the default), phone_screen, ml_system_design, behavioral; difficulty
         1–3 (default 2). The id defaults to user- and a hash of the prompt.
  delete ID --yes
         Delete one of your cards with its progress and reviews.
  import FILE [--format csv|anki] [--topic T] [--json]
         Add or replace your cards from a file:
           csv   a header row naming prompt and answer, and optionally id,
                 topic, round, difficulty and tags (separated by spaces);
           anki  tab-separated text: what 'cards export --format anki' writes,
                 Anki's "Notes in Plain Text" export, or bare front/back/tags
                 columns.
         --topic is the topic of rows that name none. The format follows the
         extension (.csv is csv; .txt and .tsv are anki). Every row is checked
         first: an error names its line and nothing is written.
  export FILE [--format csv|anki] [--topic T] [--mine]
         Write cards to FILE (- for standard output): every card, those of one
         topic, or only yours. The anki format is a file Anki imports (File >
         Import) as Basic notes, with the answer as HTML and the topic, round,
         difficulty and id kept in tags.

All subcommands take --db FILE.
`

func runCards(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		return usagef("cards needs a subcommand: list, topics, show, add, delete, import or export")
	}
	switch args[0] {
	case "list", "ls":
		return cardsList(ctx, e, args[1:])
	case "topics":
		return cardsTopics(ctx, e, args[1:])
	case "show":
		return cardsShow(ctx, e, args[1:])
	case "add":
		return cardsAdd(ctx, e, args[1:])
	case "delete", "rm":
		return cardsDelete(ctx, e, args[1:])
	case "import":
		return cardsImport(ctx, e, args[1:])
	case "export":
		return cardsExport(ctx, e, args[1:])
	case "-h", "--help", "help":
		fmt.Fprint(e.stdout, cardsUsage)
		return nil
	}
	return usagef("unknown cards subcommand %q", args[0])
}

// drill returns the drill service over the session's database, with the
// tracker's interviews ahead for the interview-date plan.
func (s *session) drill() (*drill.Drill, error) {
	bank, err := drill.LoadBank()
	if err != nil {
		return nil, err
	}
	return &drill.Drill{Store: s.db, Bank: bank, Now: s.now, Loc: s.loc, Interviews: s.interviewsAhead}, nil
}

func (s *session) interviewsAhead(ctx context.Context, userID int64) ([]drill.Interview, error) {
	ivs, err := tracker.InterviewsAhead(ctx, s.db, userID, s.now())
	if err != nil {
		return nil, err
	}
	out := make([]drill.Interview, len(ivs))
	for i, iv := range ivs {
		rounds := make([]string, len(iv.Rounds))
		for j, r := range iv.Rounds {
			rounds[j] = string(r)
		}
		out[i] = drill.Interview{ID: iv.Interview.ID, Company: iv.Interview.Company, At: iv.Interview.At, Rounds: rounds}
	}
	return out, nil
}

// openDrill opens the session and its drill service.
func (f *flags) openDrill(ctx context.Context) (*session, *drill.Drill, error) {
	s, err := f.open(ctx)
	if err != nil {
		return nil, nil, err
	}
	d, err := s.drill()
	if err != nil {
		s.Close()
		return nil, nil, err
	}
	return s, d, nil
}

type cardRow struct {
	ID         string      `json:"id"`
	Topic      string      `json:"topic"`
	Round      drill.Round `json:"round"`
	Difficulty int         `json:"difficulty"`
	Prompt     string      `json:"prompt"`
	User       bool        `json:"user"`
}

func cardsList(ctx context.Context, e *env, args []string) error {
	f := newFlags(e, "cards list", cardsUsage, true)
	topic := f.String("topic", "", "only this topic")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return usagef("cards list takes no arguments (did you mean --topic %s?)", pos[0])
	}
	s, d, err := f.openDrill(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	cards, err := d.Cards(ctx, s.user.ID, drill.NormalizeTopic(*topic))
	if err != nil {
		return err
	}
	if *topic != "" && len(cards) == 0 {
		return errs.NotFoundf("no cards in topic %q (offerloop cards topics lists them)", *topic)
	}
	if f.wantJSON() {
		rows := make([]cardRow, len(cards))
		for i, c := range cards {
			rows[i] = cardRow{c.ID, c.Topic, c.Round, c.Difficulty, c.Prompt, c.User}
		}
		return printJSON(e.stdout, rows)
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tTOPIC\tROUND\tD\tPROMPT")
	for _, c := range cards {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\n", c.ID, c.Topic, c.Round, c.Difficulty, clip(c.Prompt, 70))
	}
	return tw.Flush()
}

// clip shortens s to n characters on one line.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

func cardsTopics(ctx context.Context, e *env, args []string) error {
	f := newFlags(e, "cards topics", cardsUsage, true)
	if _, err := f.parse(args); err != nil {
		return err
	}
	s, d, err := f.openDrill(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	topics, err := d.Topics(ctx, s.user.ID)
	if err != nil {
		return err
	}
	if f.wantJSON() {
		return printJSON(e.stdout, topics)
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "TOPIC\tCARDS\tTITLE")
	for _, t := range topics {
		fmt.Fprintf(tw, "%s\t%d\t%s\n", t.Key, t.Count, t.Title)
	}
	return tw.Flush()
}

func cardsShow(ctx context.Context, e *env, args []string) error {
	f := newFlags(e, "cards show", cardsUsage, true)
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("usage: offerloop cards show ID")
	}
	s, d, err := f.openDrill(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	c, err := d.Card(ctx, s.user.ID, pos[0])
	if err != nil {
		return err
	}
	p, err := s.db.Progress(ctx, s.user.ID, c.ID)
	var progress *drill.Progress
	switch {
	case err == nil:
		progress = &p
	case errs.CodeOf(err) != errs.NotFound:
		return err
	}
	var recall float64
	if progress != nil {
		sched, err := d.Scheduler(ctx, s.user.ID)
		if err != nil {
			return err
		}
		recall = sched.Retrievability(progress.Card, s.now())
	}
	if f.wantJSON() {
		out := struct {
			Card     drill.Card      `json:"card"`
			Progress *drill.Progress `json:"progress"`
			Recall   *float64        `json:"recall"`
		}{Card: c, Progress: progress}
		if progress != nil {
			out.Recall = &recall
		}
		return printJSON(e.stdout, out)
	}
	w := e.stdout
	owner := "bank"
	if c.User {
		owner = "yours"
	}
	fmt.Fprintf(w, "%s  (%s · %s · difficulty %d · %s)\n", c.ID, c.Topic, c.Round, c.Difficulty, owner)
	if len(c.Tags) > 0 {
		fmt.Fprintf(w, "tags: %s\n", strings.Join(c.Tags, " "))
	}
	fmt.Fprintf(w, "\n%s\n\n%s\n\n", c.Prompt, c.Answer)
	if progress == nil {
		fmt.Fprintln(w, "Not studied yet.")
		return nil
	}
	fmt.Fprintf(w, "%s · %d reviews, %d lapses · recall now %.0f%% · due %s\n", progress.State, progress.Reps, progress.Lapses,
		recall*100, progress.Due.In(s.loc).Format("2006-01-02 15:04"))
	return nil
}

func cardsAdd(ctx context.Context, e *env, args []string) error {
	f := newFlags(e, "cards add", cardsUsage, true)
	topic := f.String("topic", "", "topic, such as deep-learning")
	round := f.String("round", string(drill.RoundTheory), "ml_theory, phone_screen, ml_system_design or behavioral")
	difficulty := f.Int("difficulty", 2, "1 (easy) to 3 (hard)")
	prompt := f.String("prompt", "", "the question")
	answerFile := f.String("answer-file", "", "file with the answer in Markdown, - for standard input")
	tags := f.String("tags", "", "tags separated by spaces")
	id := f.String("id", "", "card id (default: user- and a hash of the prompt)")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 0 || *topic == "" || *prompt == "" || *answerFile == "" {
		return usagef("usage: offerloop cards add --topic T --prompt P --answer-file F|- [--round R] [--difficulty N]")
	}
	answer, err := readInput(e, *answerFile, drill.MaxAnswer)
	if err != nil {
		return err
	}
	c := drill.Card{ID: strings.TrimSpace(*id), Topic: drill.NormalizeTopic(*topic), Round: drill.Round(*round), Difficulty: *difficulty,
		Prompt: strings.TrimSpace(*prompt), Answer: strings.TrimSpace(string(answer)), Tags: strings.Fields(*tags)}
	if c.ID == "" {
		c.ID = drill.GenerateID(c.Prompt)
	}
	s, d, err := f.openDrill(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	if err := d.SaveCard(ctx, s.user.ID, c); err != nil {
		return err
	}
	if f.wantJSON() {
		saved, err := s.db.UserCard(ctx, s.user.ID, c.ID)
		if err != nil {
			return err
		}
		return printJSON(e.stdout, saved)
	}
	fmt.Fprintf(e.stdout, "Saved card %s.\n", c.ID)
	return nil
}

// readInput reads a file, or standard input for -, refusing more than max bytes.
func readInput(e *env, path string, max int) ([]byte, error) {
	var r io.Reader = e.stdin
	if path != "-" {
		file, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		defer file.Close()
		r = file
	}
	b, err := io.ReadAll(io.LimitReader(r, int64(max)+1))
	if err != nil {
		return nil, err
	}
	if len(b) > max {
		return nil, errs.E(errs.TooLarge, "%s is larger than %d bytes", path, max)
	}
	return b, nil
}

func cardsDelete(ctx context.Context, e *env, args []string) error {
	f := newFlags(e, "cards delete", cardsUsage, false)
	yes := f.Bool("yes", false, "really delete")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("usage: offerloop cards delete ID --yes")
	}
	if !*yes {
		return usagef("cards delete removes the card with its progress and reviews for good; add --yes to confirm")
	}
	s, d, err := f.openDrill(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	if _, ok := d.Bank.Card(pos[0]); ok {
		return errs.Conflictf("card %s is part of the bank, which offerloop ships; only your own cards can be deleted", pos[0])
	}
	if err := s.db.DeleteUserCard(ctx, s.user.ID, pos[0]); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Deleted card %s.\n", pos[0])
	return nil
}

// cardFormat picks csv or anki from the flag, else from the file's extension.
func cardFormat(flagValue, path string) (string, error) {
	switch kind := strings.ToLower(flagValue); kind {
	case "csv", "anki":
		return kind, nil
	case "":
	default:
		return "", usagef("unknown card format %q (use csv or anki)", flagValue)
	}
	if strings.EqualFold(filepath.Ext(path), ".csv") {
		return "csv", nil
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".txt", ".tsv":
		return "anki", nil
	}
	return "", usagef("cannot tell the format of %s from its extension: add --format csv or --format anki", path)
}

func cardsImport(ctx context.Context, e *env, args []string) error {
	f := newFlags(e, "cards import", cardsUsage, true)
	format := f.String("format", "", "csv or anki (default: from the extension)")
	topic := f.String("topic", "", "topic of rows that name none")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("cards import needs one file (- for standard input)")
	}
	kind, err := cardFormat(*format, pos[0])
	if err != nil {
		return err
	}
	data, err := readInput(e, pos[0], tracker.MaxImportBytes)
	if err != nil {
		return err
	}
	def := drill.ImportDefaults{Topic: *topic}
	var cards []drill.Card
	if kind == "csv" {
		cards, err = drill.ParseCSV(bytes.NewReader(data), def)
	} else {
		cards, err = drill.ParseAnki(bytes.NewReader(data), def)
	}
	if err != nil {
		return err
	}
	s, d, err := f.openDrill(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	for _, c := range cards {
		if _, ok := d.Bank.Card(c.ID); ok {
			return errs.Conflictf("card %s is a bank card; the file's cards need ids of their own (or none)", c.ID)
		}
	}
	if err := s.db.ImportUserCards(ctx, s.user.ID, cards); err != nil {
		return err
	}
	if f.wantJSON() {
		return printJSON(e.stdout, map[string]int{"imported": len(cards)})
	}
	fmt.Fprintf(e.stdout, "Imported %d cards.\n", len(cards))
	return nil
}

func cardsExport(ctx context.Context, e *env, args []string) error {
	f := newFlags(e, "cards export", cardsUsage, false)
	format := f.String("format", "", "csv or anki (default: from the extension)")
	topic := f.String("topic", "", "only this topic")
	mine := f.Bool("mine", false, "only your own cards")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("cards export needs one file (- for standard output)")
	}
	kind, err := cardFormat(*format, pos[0])
	if err != nil && pos[0] == "-" && *format == "" {
		kind, err = "csv", nil
	}
	if err != nil {
		return err
	}
	s, d, err := f.openDrill(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	all, err := d.Cards(ctx, s.user.ID, drill.NormalizeTopic(*topic))
	if err != nil {
		return err
	}
	var cards []drill.Card
	for _, c := range all {
		if !*mine || c.User {
			cards = append(cards, c)
		}
	}
	if len(cards) == 0 {
		return errs.NotFoundf("no cards to export")
	}
	return writeOut(e, pos[0], func(w io.Writer) error {
		if kind == "csv" {
			return drill.WriteCSV(w, cards)
		}
		return drill.WriteAnki(w, cards)
	})
}

// relDue describes when t comes, from now: "now", "in 10m", "in 3d".
func relDue(t, now time.Time) string {
	if !t.After(now) {
		return "now"
	}
	return "in " + drill.FormatInterval(t.Sub(now))
}
