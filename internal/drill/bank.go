package drill

import (
	"fmt"
	"io/fs"
	"strings"

	"github.com/offerloop/offerloop/internal/content"
	"github.com/offerloop/offerloop/internal/errs"
)

// Bank is the question bank: the cards of the content files
// internal/content/drill/*.json, one file per topic. It is read-only once
// loaded, so one Bank serves every request.
type Bank struct {
	cards  []Card
	byID   map[string]int
	topics []Topic
}

// Topic is one subject of the bank, such as "regularization".
type Topic struct {
	Key   string `json:"key"`
	Title string `json:"title"`
	Count int    `json:"count"` // bank cards of the topic
}

// bankFile is the shape of one content file. Cards take their topic from the
// file, so a card cannot land in a topic by a typo.
type bankFile struct {
	Topic string     `json:"topic"`
	Title string     `json:"title"`
	Cards []bankCard `json:"cards"`
}

type bankCard struct {
	ID         string   `json:"id"`
	Round      Round    `json:"round"`
	Difficulty int      `json:"difficulty"`
	Prompt     string   `json:"prompt"`
	Answer     string   `json:"answer"`
	Tags       []string `json:"tags"`
}

// bankDir is where the bank's files live in the content tree.
const bankDir = "drill"

// LoadBank reads and checks every card file of the embedded content.
func LoadBank() (*Bank, error) {
	names, err := fs.Glob(content.FS(), bankDir+"/*.json")
	if err != nil {
		return nil, fmt.Errorf("drill: list the card files: %w", err)
	}
	files := make([]bankFile, len(names))
	for i, n := range names {
		if err := content.DecodeJSON(n, &files[i]); err != nil {
			return nil, fmt.Errorf("drill: %w", err)
		}
	}
	b, err := newBank(names, files)
	if err != nil {
		return nil, fmt.Errorf("drill: %w", err)
	}
	return b, nil
}

// newBank checks the decoded files (named by names, for messages) and builds
// the bank: cards in file order, files in name order; topics in the order
// their first file comes.
func newBank(names []string, files []bankFile) (*Bank, error) {
	b := &Bank{byID: map[string]int{}}
	topic := map[string]int{} // key → index in b.topics
	for i, f := range files {
		name := names[i]
		if err := CheckTopic(f.Topic); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		if strings.TrimSpace(f.Title) == "" {
			return nil, errs.Invalidf("%s: topic %s needs a title", name, f.Topic)
		}
		if len(f.Cards) == 0 {
			return nil, errs.Invalidf("%s has no cards", name)
		}
		ti, ok := topic[f.Topic]
		if !ok {
			ti = len(b.topics)
			topic[f.Topic] = ti
			b.topics = append(b.topics, Topic{Key: f.Topic, Title: f.Title})
		} else if b.topics[ti].Title != f.Title {
			return nil, errs.Invalidf("%s: topic %s is titled %q here and %q in another file", name, f.Topic, f.Title, b.topics[ti].Title)
		}
		for _, bc := range f.Cards {
			c := Card{ID: bc.ID, Topic: f.Topic, Round: bc.Round, Difficulty: bc.Difficulty,
				Prompt: bc.Prompt, Answer: bc.Answer, Tags: bc.Tags}
			if err := c.Validate(); err != nil {
				return nil, fmt.Errorf("%s: %w", name, err)
			}
			if _, dup := b.byID[c.ID]; dup {
				return nil, errs.Invalidf("%s: card id %s is used twice", name, c.ID)
			}
			b.byID[c.ID] = len(b.cards)
			b.cards = append(b.cards, c)
			b.topics[ti].Count++
		}
	}
	return b, nil
}

// CheckTopic checks a topic key: lowercase letters, digits and hyphens, as the
// bank's files name them ("ml-system-design").
func CheckTopic(key string) error {
	if key == "" || len(key) > 60 {
		return errs.Invalidf("a topic is 1–60 characters, not %q", key)
	}
	for _, r := range key {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return errs.Invalidf("topic %q may hold only lowercase letters, digits, hyphens and underscores", key)
		}
	}
	return nil
}

// Cards returns the bank's cards in a stable order: by file, then as written.
// The slice is shared; callers must not change it.
func (b *Bank) Cards() []Card { return b.cards }

// Card returns the bank card with the id.
func (b *Bank) Card(id string) (Card, bool) {
	i, ok := b.byID[id]
	if !ok {
		return Card{}, false
	}
	return b.cards[i], true
}

// Topics returns the bank's topics with their card counts.
func (b *Bank) Topics() []Topic { return b.topics }

// Topic returns one topic of the bank.
func (b *Bank) Topic(key string) (Topic, bool) {
	for _, t := range b.topics {
		if t.Key == key {
			return t, true
		}
	}
	return Topic{}, false
}

// Len is the number of bank cards.
func (b *Bank) Len() int { return len(b.cards) }
