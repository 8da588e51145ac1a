package drill

import (
	"bufio"
	"encoding/csv"
	"errors"
	"html"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/offerloop/offerloop/internal/errs"
)

// Anki files are tab-separated text with header lines, the format Anki's
// "Notes in Plain Text" export writes and its import reads. Fields that hold a
// quote are quoted, with doubled quotes inside, as in CSV; the HTML that
// WriteAnki writes has no raw tab or newline.

// ankiMeta prefixes the tags that carry a card's topic, round, difficulty and
// id through Anki, so that a deck exported and imported again comes back
// whole: offerloop::topic::metrics.
const ankiMeta = "offerloop::"

// WriteAnki writes cards as a file Anki imports as Basic notes: the prompt on
// the front, the answer on the back (Markdown made HTML), the tags third.
func WriteAnki(w io.Writer, cards []Card) error {
	if _, err := io.WriteString(w, "#separator:tab\n#html:true\n#tags column:3\n"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.Comma = '\t'
	for _, c := range cards {
		tags := append([]string{}, c.Tags...)
		tags = append(tags, ankiMeta+"topic::"+c.Topic, ankiMeta+"round::"+string(c.Round),
			ankiMeta+"difficulty::"+strconv.Itoa(c.Difficulty), ankiMeta+"id::"+c.ID)
		front := MarkdownHTML(c.Prompt)
		if strings.HasPrefix(front, "#") {
			// A line starting with # is a header line; the entity shows as #.
			front = "&#35;" + front[1:]
		}
		if err := cw.Write([]string{front, MarkdownHTML(c.Answer), strings.Join(tags, " ")}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// ankiHeader is what the header lines of an Anki text file say.
type ankiHeader struct {
	sep     rune
	html    bool
	htmlSet bool
	tags    int          // 1-based column of the tags, 0 when not said
	skip    map[int]bool // 1-based columns that are not fields: guid, note type, deck
}

// ParseAnki reads cards from an Anki text file: WriteAnki's, or Anki's own
// "Notes in Plain Text" export (with or without its header lines and HTML), or
// plain two- or three-column TSV (front, back, tags). The first two fields are
// the prompt and the answer; HTML becomes Markdown. Tags written by
// WriteAnki give back the topic, round, difficulty and id; def fills them
// otherwise, and ids are made from the prompt. Every row is checked before
// any card is returned; an error names its line and is Invalid.
func ParseAnki(r io.Reader, def ImportDefaults) ([]Card, error) {
	def = def.fill()
	br := bufio.NewReader(skipBOM(r))
	h := ankiHeader{sep: '\t', skip: map[int]bool{}}
	line := 0
	for {
		b, err := br.Peek(1)
		if err != nil || b[0] != '#' {
			break
		}
		text, err := br.ReadString('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, errs.Invalidf("cannot read the file: %v", err)
		}
		line++
		if err := h.parse(strings.TrimRight(text, "\r\n"), line); err != nil {
			return nil, err
		}
	}
	cr := csv.NewReader(br)
	cr.Comma = h.sep
	cr.LazyQuotes = true
	cr.FieldsPerRecord = -1
	var cards []Card
	lines := map[string]int{}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, errs.Invalidf("line %d: %v", pe.StartLine+line, pe.Err)
			}
			return nil, errs.Invalidf("cannot read the file: %v", err)
		}
		at, _ := cr.FieldPos(0)
		at += line
		var fields []string
		tags := ""
		for i, f := range rec {
			switch col := i + 1; {
			case col == h.tags:
				tags = f
			case h.skip[col]:
			default:
				fields = append(fields, f)
			}
		}
		if len(fields) == 1 && strings.TrimSpace(fields[0]) == "" {
			continue
		}
		if h.tags == 0 && len(fields) >= 3 {
			tags = fields[2]
		}
		if len(fields) < 2 {
			return nil, errs.Invalidf("line %d: a card needs a front and a back, separated by a tab", at)
		}
		front, back := fields[0], fields[1]
		if h.html || !h.htmlSet && (looksHTML(front) || looksHTML(back)) {
			front, back = HTMLMarkdown(front), HTMLMarkdown(back)
		}
		c := Card{Topic: def.Topic, Round: def.Round, Difficulty: def.Difficulty,
			Prompt: strings.TrimSpace(front), Answer: strings.TrimSpace(back), User: true}
		for _, t := range splitTags(tags) {
			meta, ok := strings.CutPrefix(t, ankiMeta)
			if !ok {
				c.Tags = append(c.Tags, t)
				continue
			}
			key, value, _ := strings.Cut(meta, "::")
			switch key {
			case "topic":
				c.Topic = NormalizeTopic(value)
			case "round":
				c.Round = Round(value)
			case "difficulty":
				n, err := strconv.Atoi(value)
				if err != nil {
					return nil, errs.Invalidf("line %d: difficulty %q is not 1, 2 or 3", at, value)
				}
				c.Difficulty = n
			case "id":
				c.ID = value
			default:
				c.Tags = append(c.Tags, t)
			}
		}
		if err := addCard(&cards, lines, c, at); err != nil {
			return nil, err
		}
	}
	if len(cards) == 0 {
		return nil, errs.Invalidf("the file has no cards")
	}
	return cards, nil
}

// parse reads one header line, such as "#separator:tab" or "#tags column:3".
// Lines it does not know are comments.
func (h *ankiHeader) parse(text string, line int) error {
	key, value, ok := strings.Cut(strings.TrimPrefix(text, "#"), ":")
	if !ok {
		return nil
	}
	key, value = strings.ToLower(strings.TrimSpace(key)), strings.TrimSpace(value)
	column := func() (int, error) {
		n, err := strconv.Atoi(value)
		if err != nil || n < 1 || n > 100 {
			return 0, errs.Invalidf("line %d: %s is a column number, not %q", line, key, value)
		}
		return n, nil
	}
	switch key {
	case "separator":
		seps := map[string]rune{"tab": '\t', "comma": ',', "semicolon": ';', "space": ' ', "pipe": '|', "colon": ':'}
		sep, ok := seps[strings.ToLower(value)]
		if !ok && len([]rune(value)) == 1 {
			sep, ok = []rune(value)[0], true
		}
		if !ok || sep == '"' || sep == '\r' || sep == '\n' || sep == 0xFFFD {
			return errs.Invalidf("line %d: unknown separator %q", line, value)
		}
		h.sep = sep
	case "html":
		h.html, h.htmlSet = strings.EqualFold(value, "true"), true
	case "tags column":
		n, err := column()
		if err != nil {
			return err
		}
		h.tags = n
	case "guid column", "notetype column", "deck column":
		n, err := column()
		if err != nil {
			return err
		}
		h.skip[n] = true
	}
	return nil
}

var htmlTag = regexp.MustCompile(`(?i)<(/?)([a-z][a-z0-9]*)\b[^>]*>`)

// htmlLike is a tag as Anki's fields hold them: a known element name, and
// attributes only with values (<span style="...">), so that plain text such
// as "precision<recall when threshold>0.5" or "a<b and c>d" is not taken for
// markup.
var htmlLike = regexp.MustCompile(`(?i)<(?:/(?:` + htmlNames + `)\s*|(?:` + htmlNames + `)(?:\s+[a-z-]+\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))*\s*/?)>`)

const htmlNames = `a|b|i|u|s|em|strong|br|div|p|span|ul|ol|li|code|pre|img|sub|sup|font|hr|table|tr|td|th|tbody|thead|h[1-6]|blockquote|small|big|del|ins|mark`

// looksHTML reports whether a field without an #html header holds HTML.
func looksHTML(s string) bool { return htmlLike.MatchString(s) || strings.Contains(s, "&nbsp;") }

var htmlComment = regexp.MustCompile(`(?s)<!--.*?-->`)

// HTMLMarkdown turns the HTML of an Anki field into the Markdown cards are
// written in: paragraphs and line breaks, bold, italics, code and lists; other
// tags are dropped and entities decoded.
func HTMLMarkdown(s string) string {
	s = htmlComment.ReplaceAllString(s, "")
	var b strings.Builder
	newline := func(n int) { // end the current line, leaving n line breaks
		cur := b.String()
		have := len(cur) - len(strings.TrimRight(cur, "\n"))
		if len(cur) == have {
			return // at the start
		}
		for ; have < n; have++ {
			b.WriteByte('\n')
		}
	}
	var lists []int // item counters of open lists; -1 for a bulleted list
	last := 0
	for _, m := range htmlTag.FindAllStringSubmatchIndex(s, -1) {
		b.WriteString(html.UnescapeString(s[last:m[0]]))
		last = m[1]
		closing := m[3] > m[2]
		switch strings.ToLower(s[m[4]:m[5]]) {
		case "br":
			b.WriteByte('\n')
		case "p":
			newline(2)
		case "div":
			newline(1)
		case "b", "strong":
			b.WriteString("**")
		case "i", "em":
			b.WriteString("*")
		case "code":
			b.WriteString("`")
		case "ul", "ol":
			if closing {
				if len(lists) > 0 {
					lists = lists[:len(lists)-1]
				}
				newline(2)
				break
			}
			newline(1)
			if strings.EqualFold(s[m[4]:m[5]], "ol") {
				lists = append(lists, 0)
			} else {
				lists = append(lists, -1)
			}
		case "li":
			if closing {
				break
			}
			newline(1)
			if n := len(lists); n > 0 && lists[n-1] >= 0 {
				lists[n-1]++
				b.WriteString(strconv.Itoa(lists[n-1]) + ". ")
			} else {
				b.WriteString("- ")
			}
		}
	}
	b.WriteString(html.UnescapeString(s[last:]))
	out := strings.ReplaceAll(b.String(), "\u00a0", " ")
	for strings.Contains(out, "\n\n\n") {
		out = strings.ReplaceAll(out, "\n\n\n", "\n\n")
	}
	lines := strings.Split(out, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t")
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}

var (
	bulletItem  = regexp.MustCompile(`^\s*[-*+]\s+(.*)$`)
	orderedItem = regexp.MustCompile(`^\s*\d{1,9}[.)]\s+(.*)$`)
	boldSpan    = regexp.MustCompile(`\*\*([^*]+?)\*\*`)
)

// MarkdownHTML renders the Markdown of a card as the simple HTML Anki shows:
// paragraphs (blank-line separated), line breaks, bulleted and numbered lists,
// **bold** and `code`. Text is escaped; the result has no raw tab or newline.
// A lone paragraph is not wrapped in <p>.
func MarkdownHTML(md string) string {
	var blocks []string
	var para, items []string
	ordered := false
	flush := func() {
		if len(para) > 0 {
			blocks = append(blocks, "<p>"+strings.Join(para, "<br>")+"</p>")
			para = nil
		}
		if len(items) > 0 {
			tag := "ul"
			if ordered {
				tag = "ol"
			}
			blocks = append(blocks, "<"+tag+"><li>"+strings.Join(items, "</li><li>")+"</li></"+tag+">")
			items = nil
		}
	}
	for _, l := range strings.Split(strings.ReplaceAll(md, "\r\n", "\n"), "\n") {
		bm, om := bulletItem.FindStringSubmatch(l), orderedItem.FindStringSubmatch(l)
		switch {
		case strings.TrimSpace(l) == "":
			flush()
		case bm != nil || om != nil:
			if len(para) > 0 || len(items) > 0 && ordered != (om != nil) {
				flush()
			}
			ordered = om != nil
			text := bm
			if om != nil {
				text = om
			}
			items = append(items, inlineHTML(text[1]))
		default:
			if len(items) > 0 {
				flush()
			}
			para = append(para, inlineHTML(strings.TrimSpace(l)))
		}
	}
	flush()
	if len(blocks) == 1 && strings.HasPrefix(blocks[0], "<p>") {
		return strings.TrimSuffix(strings.TrimPrefix(blocks[0], "<p>"), "</p>")
	}
	return strings.Join(blocks, "")
}

// inlineHTML escapes one line and renders its code spans and bold.
func inlineHTML(s string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '`')
		j := -1
		if i >= 0 {
			j = strings.IndexByte(s[i+1:], '`')
		}
		if j < 0 {
			b.WriteString(boldHTML(s))
			break
		}
		b.WriteString(boldHTML(s[:i]))
		b.WriteString("<code>" + escapeHTML(s[i+1:i+1+j]) + "</code>")
		s = s[i+j+2:]
	}
	return b.String()
}

func boldHTML(s string) string { return boldSpan.ReplaceAllString(escapeHTML(s), "<b>$1</b>") }

func escapeHTML(s string) string { return strings.ReplaceAll(html.EscapeString(s), "\t", "&#9;") }
