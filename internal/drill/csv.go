package drill

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/offerloop/offerloop/internal/errs"
)

// MaxImportCards is the most cards one file may import.
const MaxImportCards = 10_000

// ImportDefaults fill what a file's rows leave out: the topic of rows without
// one, the round (ml_theory when empty) and the difficulty (2 when 0).
type ImportDefaults struct {
	Topic      string
	Round      Round
	Difficulty int
}

func (d ImportDefaults) fill() ImportDefaults {
	if d.Round == "" {
		d.Round = RoundTheory
	}
	if d.Difficulty == 0 {
		d.Difficulty = 2
	}
	d.Topic = NormalizeTopic(d.Topic)
	return d
}

// NormalizeTopic turns a topic as people type it ("Deep Learning") into a
// topic key ("deep-learning").
func NormalizeTopic(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(strings.TrimSpace(s))), "-")
}

// GenerateID is the id of a card imported without one: "user-" and a short
// hash of its prompt, so that importing the same file twice replaces rather
// than duplicates.
func GenerateID(prompt string) string {
	h := sha256.Sum256([]byte(strings.TrimSpace(prompt)))
	return "user-" + hex.EncodeToString(h[:5])
}

// csvColumns are the columns of a card CSV file, in the order WriteCSV writes
// them.
var csvColumns = []string{"id", "topic", "round", "difficulty", "prompt", "answer", "tags"}

// ParseCSV reads cards from a CSV file with a header row naming its columns
// (any order, any case): prompt and answer are required; id (generated from
// the prompt when empty), topic, round, difficulty and tags (separated by
// spaces) are optional, with def filling what is missing. Every row is checked
// before any card is returned; an error names its line and is Invalid.
func ParseCSV(r io.Reader, def ImportDefaults) ([]Card, error) {
	def = def.fill()
	cr := csv.NewReader(skipBOM(r))
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, errs.Invalidf("the file is empty: it needs a header row naming prompt and answer")
	}
	if err != nil {
		return nil, csvError(err)
	}
	col := map[string]int{}
	for i, h := range header {
		name := strings.ToLower(strings.TrimSpace(h))
		if !slices.Contains(csvColumns, name) {
			return nil, errs.Invalidf("line 1: unknown column %q (the columns are %s)", h, strings.Join(csvColumns, ", "))
		}
		if _, dup := col[name]; dup {
			return nil, errs.Invalidf("line 1: column %s appears twice", name)
		}
		col[name] = i
	}
	for _, need := range []string{"prompt", "answer"} {
		if _, ok := col[need]; !ok {
			return nil, errs.Invalidf("line 1: the header needs a %s column", need)
		}
	}
	var cards []Card
	lines := map[string]int{}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, csvError(err)
		}
		line, _ := cr.FieldPos(0)
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue // a blank line
		}
		field := func(name string) string {
			i, ok := col[name]
			if !ok || i >= len(rec) {
				return ""
			}
			return rec[i]
		}
		if len(rec) > len(header) {
			return nil, errs.Invalidf("line %d has %d fields, the header %d", line, len(rec), len(header))
		}
		c := Card{ID: strings.TrimSpace(field("id")), Topic: def.Topic, Round: def.Round, Difficulty: def.Difficulty,
			Prompt: strings.TrimSpace(field("prompt")), Answer: strings.TrimSpace(field("answer")), Tags: splitTags(field("tags")), User: true}
		if t := field("topic"); strings.TrimSpace(t) != "" {
			c.Topic = NormalizeTopic(t)
		}
		if r := strings.TrimSpace(field("round")); r != "" {
			c.Round = Round(strings.ToLower(r))
		}
		if s := strings.TrimSpace(field("difficulty")); s != "" {
			n, err := strconv.Atoi(s)
			if err != nil {
				return nil, errs.Invalidf("line %d: difficulty %q is not 1, 2 or 3", line, s)
			}
			c.Difficulty = n
		}
		if err := addCard(&cards, lines, c, line); err != nil {
			return nil, err
		}
	}
	if len(cards) == 0 {
		return nil, errs.Invalidf("the file has no cards")
	}
	return cards, nil
}

// addCard checks a parsed card, giving it an id when it has none, and appends
// it; lines remembers where each id was, for the message of a repeated one.
func addCard(cards *[]Card, lines map[string]int, c Card, line int) error {
	if c.ID == "" && c.Prompt != "" {
		c.ID = GenerateID(c.Prompt)
	}
	if c.Topic == "" {
		return errs.Invalidf("line %d: the card needs a topic", line)
	}
	if err := c.Validate(); err != nil {
		return errs.Invalidf("line %d: %s", line, errs.Message(err))
	}
	if first, dup := lines[c.ID]; dup {
		return errs.Invalidf("line %d: card id %s is also on line %d (the same prompt twice?)", line, c.ID, first)
	}
	if len(*cards) == MaxImportCards {
		return errs.Invalidf("line %d: a file may import at most %d cards", line, MaxImportCards)
	}
	lines[c.ID] = line
	*cards = append(*cards, c)
	return nil
}

func splitTags(s string) []string {
	tags := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' || r == '\r' })
	if len(tags) == 0 {
		return nil
	}
	return tags
}

func csvError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return errs.Invalidf("line %d: %v", pe.StartLine, pe.Err)
	}
	return errs.Invalidf("cannot read the file: %v", err)
}

// skipBOM drops the byte-order mark spreadsheet programs put first.
func skipBOM(r io.Reader) io.Reader {
	br := bufio.NewReader(r)
	if b, err := br.Peek(3); err == nil && bytes.Equal(b, []byte("\xef\xbb\xbf")) {
		br.Discard(3)
	}
	return br
}

// WriteCSV writes cards as CSV with a header row, in the columns ParseCSV
// reads.
func WriteCSV(w io.Writer, cards []Card) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvColumns); err != nil {
		return err
	}
	for _, c := range cards {
		if err := cw.Write([]string{c.ID, c.Topic, string(c.Round), strconv.Itoa(c.Difficulty), c.Prompt, c.Answer, strings.Join(c.Tags, " ")}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
