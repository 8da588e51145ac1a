package resume

import (
	"bytes"
	"fmt"
	"html"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/offerloop/offerloop/internal/errs"
)

// Format of a resume file.
type Format string

// The formats Read understands.
const (
	FormatPDF      Format = "pdf"
	FormatDOCX     Format = "docx"
	FormatMarkdown Format = "markdown"
	FormatText     Format = "text"
)

// Line is one line of text in reading order.
type Line struct {
	Text    string // trimmed, whitespace collapsed, bullet glyph removed
	Page    int    // 1-based page (1 for formats without pages)
	Bullet  bool   // a list item: •, -, *, ▪, ◦, –, numbered "1." , a DOCX list paragraph (w:numPr), a Markdown list item
	Heading bool   // a heading: Markdown #, DOCX Heading/Title style, PDF text clearly larger or bold than the body, or an ALL-CAPS short line
}

// Document is a resume as read from its file.
type Document struct {
	Format    Format
	Pages     int // PDF page count; DOCX: explicit page breaks + 1 (approximate); md/text: estimated at ~550 words a page, min 1
	Lines     []Line
	Tables    bool     // DOCX w:tbl present; PDF: text laid out in a grid of 3+ aligned columns over several lines
	TextBoxes bool     // DOCX w:txbxContent / v:textbox present
	Columns   int      // PDF: most text columns detected on a page (1 or 2); 1 for other formats
	Warnings  []string // notes for the user, e.g. "two-column layout: read left column first"
}

// Limits of the reader. Past them a file is refused (errs.TooLarge) or,
// for structure that makes no sense, reported as invalid; reading always ends.
const (
	MaxFileSize     = 5 << 20  // bytes of the file itself
	MaxPages        = 10       // pages of a PDF
	MaxDecompressed = 32 << 20 // bytes decompressed from all the streams of a PDF, or all the parts of a DOCX, together
	MaxObjects      = 100000   // PDF objects loaded (and cross-reference entries)
	MaxDepth        = 32       // PDF references resolved one inside another, page-tree and form nesting
	MaxZipEntries   = 2000     // entries in a DOCX archive
	MaxXMLDepth     = 256      // element nesting in a DOCX part
	MaxLines        = 20000    // lines of text kept from any file
	wordsPerPage    = 550      // to estimate the pages of Markdown and text
)

// strictPanics makes the last-resort recover in Read re-panic, so that the
// fuzz tests see every panic as a failure instead of an error.
var strictPanics = false

// Read reads a resume from its file name (for the extension) and bytes. It sniffs the content too
// (%PDF- magic, PK zip with word/document.xml) so a misnamed file still reads.
func Read(name string, data []byte) (doc *Document, err error) {
	base := filepath.Base(name)
	if len(data) > MaxFileSize {
		return nil, errs.E(errs.TooLarge, "%s is %.1f MiB: resumes over %d MiB are not read", base, float64(len(data))/(1<<20), MaxFileSize>>20)
	}
	defer func() {
		if x := recover(); x != nil {
			if strictPanics {
				panic(fmt.Sprintf("%v\n%s", x, debug.Stack()))
			}
			doc, err = nil, errs.Invalidf("%s could not be read: the file is damaged or uses a feature this reader does not support", base)
		}
	}()
	f, err := sniff(base, data)
	if err != nil {
		return nil, err
	}
	switch f {
	case FormatPDF:
		doc, err = readPDF(base, data)
	case FormatDOCX:
		doc, err = readDOCX(base, data)
	case FormatMarkdown:
		doc, err = readMarkdown(base, data)
	default:
		doc, err = readText(base, data)
	}
	if err != nil {
		return nil, err
	}
	if doc.Columns == 0 {
		doc.Columns = 1
	}
	if doc.Pages < 1 {
		doc.Pages = 1
	}
	if len(doc.Lines) == 0 {
		return nil, errs.Invalidf("%s has no text", base)
	}
	return doc, nil
}

// ReadJD reads a job description: text or Markdown (and, for convenience, PDF/DOCX via Read), returned as plain text lines.
func ReadJD(name string, data []byte) ([]Line, error) {
	doc, err := Read(name, data)
	if err != nil {
		return nil, err
	}
	return doc.Lines, nil
}

// sniff decides the format from the content first, then the extension.
func sniff(name string, data []byte) (Format, error) {
	ext := strings.ToLower(filepath.Ext(name))
	head := data[:min(len(data), 1024)]
	switch {
	case bytes.HasPrefix(bytes.TrimLeft(head, "\x00\t\r\n "), []byte("%PDF-")),
		ext == ".pdf" && bytes.Contains(head, []byte("%PDF-")): // junk before the header, which readers allow
		return FormatPDF, nil
	case bytes.HasPrefix(data, []byte("PK\x03\x04")) || bytes.HasPrefix(data, []byte("PK\x05\x06")):
		return FormatDOCX, nil
	case bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}):
		return "", errs.Invalidf("%s is an old Word .doc file: save it as DOCX or PDF and try again", name)
	case bytes.HasPrefix(data, []byte(`{\rtf`)):
		return "", errs.Invalidf("%s is an RTF file: save it as DOCX or PDF and try again", name)
	}
	switch ext {
	case ".pdf":
		return "", errs.Invalidf("%s is not a PDF file (it does not start with %%PDF-): export the PDF again", name)
	case ".docx":
		return "", errs.Invalidf("%s is not a DOCX file (it is not a zip archive): save it as DOCX again", name)
	case ".md", ".markdown", ".mdown", ".mkd":
		return FormatMarkdown, nil
	}
	return FormatText, nil
}

// decodeText turns file bytes into text: UTF-16 with a byte-order mark is
// decoded, a UTF-8 one dropped, invalid UTF-8 replaced, line ends unified.
// Binary data (NUL bytes) is an error.
func decodeText(name string, data []byte) (string, error) {
	var s string
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		be := data[0] == 0xFE
		b := data[2:]
		u := make([]uint16, 0, len(b)/2)
		for i := 0; i+1 < len(b); i += 2 {
			if be {
				u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
			} else {
				u = append(u, uint16(b[i+1])<<8|uint16(b[i]))
			}
		}
		s = string(utf16.Decode(u))
	default:
		data = bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
		if bytes.IndexByte(data, 0) >= 0 {
			return "", errs.Invalidf("%s is not a text file (it holds binary data): save the resume as PDF, DOCX, Markdown or plain text", name)
		}
		s = string(data)
	}
	if strings.IndexByte(s, 0) >= 0 {
		return "", errs.Invalidf("%s is not a text file (it holds binary data): save the resume as PDF, DOCX, Markdown or plain text", name)
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return s, nil
}

// ligatures are spelled out: "ﬁ" reads as "fi".
var cleaner = strings.NewReplacer(
	"\uFB00", "ff", "\uFB01", "fi", "\uFB02", "fl", "\uFB03", "ffi", "\uFB04", "ffl", "\uFB05", "st", "\uFB06", "st",
	"\u00AD", "", "\u200B", "", "\u200C", "", "\u200D", "", "\u2060", "", "\uFEFF", "",
	"\u2010", "-", "\u2011", "-",
)

// clean collapses white space and drops control characters.
func clean(s string) string {
	s = cleaner.Replace(s)
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) && r != '\t' && r != '\n' {
			return -1
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// bulletGlyphs start a list item when a space follows them (or, for the
// glyphs that mean nothing else, always).
var bulletGlyphs = map[rune]bool{
	'•': true, '●': true, '▪': true, '■': true, '◦': true, '○': true, '‣': true, '⁃': true,
	'∙': true, '·': true, '►': true, '▸': true, '▶': true, '➢': true, '➤': true, '✓': true,
	'✔': true, '◆': true, '◇': true, '♦': true, '□': true, '❖': true, '→': true, '⦁': true, '⚫': true,
}

// splitBullet removes a leading bullet glyph or list number from a cleaned
// line and reports whether there was one.
func splitBullet(s string) (string, bool) {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s, false
	}
	rest := s[n:]
	switch {
	case bulletGlyphs[r] || r >= 0xE000 && r <= 0xF8FF: // private use: Symbol and Wingdings bullets
		t := strings.TrimSpace(rest)
		if t == "" {
			return s, false
		}
		return t, true
	case r == '-' || r == '*' || r == '–' || r == '—' || r == '+':
		if strings.HasPrefix(rest, " ") {
			if t := strings.TrimSpace(rest); t != "" {
				return t, true
			}
		}
		return s, false
	}
	// "1. ", "12) ", "a) " is too ambiguous: digits only.
	i := 0
	for i < len(s) && i < 3 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i < 3 && i+1 < len(s) && (s[i] == '.' || s[i] == ')') && s[i+1] == ' ' {
		if t := strings.TrimSpace(s[i+1:]); t != "" {
			return t, true
		}
	}
	return s, false
}

// capsHeading reports a short line in capitals: "EXPERIENCE", "WORK HISTORY".
func capsHeading(s string) bool {
	if len(s) > 40 || len(strings.Fields(s)) > 5 {
		return false
	}
	letters := 0
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		case unicode.IsDigit(r) || r == ',' || r == '@' || r == '|' || r == '.':
			return false
		}
	}
	return letters >= 3
}

// lineBuilder collects lines, cleaning them, dropping empty ones and
// stopping at MaxLines.
type lineBuilder struct {
	lines []Line
	full  bool
}

func (b *lineBuilder) add(ln Line) {
	ln.Text = clean(ln.Text)
	if ln.Text == "" {
		return
	}
	if len(b.lines) >= MaxLines {
		b.full = true
		return
	}
	if ln.Page < 1 {
		ln.Page = 1
	}
	b.lines = append(b.lines, ln)
}

// estimatePages counts pages at about 550 words a page.
func estimatePages(lines []Line) int {
	words := 0
	for _, ln := range lines {
		words += len(strings.Fields(ln.Text))
	}
	p := (words + wordsPerPage - 1) / wordsPerPage
	return max(p, 1)
}

// readText reads plain text: a line per line; bullets by glyph; headings as
// short capitals or lines underlined with ==== or ----.
func readText(name string, data []byte) (*Document, error) {
	s, err := decodeText(name, data)
	if err != nil {
		return nil, err
	}
	raw := strings.Split(s, "\n")
	var b lineBuilder
	prevBullet := false
	for i := 0; i < len(raw); i++ {
		line := raw[i]
		t := clean(line)
		if t == "" {
			prevBullet = false
			continue
		}
		if isRule(t) {
			prevBullet = false
			continue
		}
		// An underlined heading.
		if i+1 < len(raw) && isUnderline(clean(raw[i+1])) {
			b.add(Line{Text: t, Heading: true})
			i++
			prevBullet = false
			continue
		}
		// The wrapped rest of a bullet: indented, under it.
		indent := len(line) - len(strings.TrimLeft(line, " \t"))
		if prevBullet && indent >= 2 && len(b.lines) > 0 {
			if _, isB := splitBullet(t); !isB {
				last := &b.lines[len(b.lines)-1]
				last.Text = joinWrapped(last.Text, t)
				continue
			}
		}
		text, bullet := splitBullet(t)
		b.add(Line{Text: text, Bullet: bullet, Heading: !bullet && capsHeading(text)})
		prevBullet = bullet
	}
	doc := &Document{Format: FormatText, Lines: b.lines, Columns: 1}
	doc.Pages = estimatePages(doc.Lines)
	if b.full {
		doc.Warnings = append(doc.Warnings, fmt.Sprintf("only the first %d lines were read", MaxLines))
	}
	return doc, nil
}

// joinWrapped joins a line with its wrapped continuation, keeping a word
// broken after a hyphen whole.
func joinWrapped(a, b string) string {
	if strings.HasSuffix(a, "-") && len(a) > 1 {
		r, _ := utf8.DecodeLastRuneInString(a[:len(a)-1])
		f, _ := utf8.DecodeRuneInString(b)
		if unicode.IsLetter(r) && unicode.IsLower(f) || unicode.IsDigit(r) {
			return a + b
		}
	}
	return a + " " + b
}

func isUnderline(s string) bool {
	if len(s) < 3 {
		return false
	}
	return strings.Trim(s, "=") == "" || strings.Trim(s, "-") == ""
}

// isRule is a line of one repeated character used as a separator.
func isRule(s string) bool {
	if len(s) < 3 {
		return false
	}
	s = strings.ReplaceAll(s, " ", "")
	for _, c := range []string{"-", "=", "_", "*", "~", "#", "—", "─", "━", "═"} {
		if strings.Trim(s, c) == "" {
			return true
		}
	}
	return false
}

var (
	mdHeading  = regexp.MustCompile(`^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$`)
	mdItem     = regexp.MustCompile(`^([ \t]*)([-*+]|\d{1,9}[.)])[ \t]+(.*)$`)
	mdFence    = regexp.MustCompile("^ {0,3}(```|~~~)")
	mdRefDef   = regexp.MustCompile(`^ {0,3}\[([^\]]+)\]:[ \t]*<?([^\s>]+)>?`)
	mdTask     = regexp.MustCompile(`^\[[ xX]\][ \t]+`)
	mdTableSep = regexp.MustCompile(`^\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?$`)

	mdImage    = regexp.MustCompile(`!\[([^\]]*)\]\([^)]*\)`)
	mdLink     = regexp.MustCompile(`\[([^\]]*)\]\(<?([^)\s>]*)>?(?:[ \t]+"[^"]*")?\)`)
	mdRefLink  = regexp.MustCompile(`\[([^\]]+)\]\[([^\]]*)\]`)
	mdAutolink = regexp.MustCompile(`<((?:https?|ftp)://[^>\s]+|mailto:[^>\s]+|[^>@\s]+@[^>\s]+)>`)
	mdCode     = regexp.MustCompile("`+([^`]*)`+")
	mdStrong   = regexp.MustCompile(`\*\*([^*]+?)\*\*|__([^_]+?)__`)
	mdEmStar   = regexp.MustCompile(`\*([^*\s](?:[^*]*[^*\s])?)\*`)
	mdEmUnder  = regexp.MustCompile(`(^|[^\pL\pN_])_([^_\s](?:[^_]*[^_\s])?)_([^\pL\pN_]|$)`)
	mdStrike   = regexp.MustCompile(`~~([^~]+)~~`)
	mdBreak    = regexp.MustCompile(`(?i)<br\s*/?>`)
	mdTag      = regexp.MustCompile(`</?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?/?>|<!--.*?-->`)
	mdEscape   = regexp.MustCompile("\\\\([\\\\`*_{}\\[\\]()#+\\-.!|<>~])")
)

// readMarkdown reads Markdown: # and underlined headings, list items (with
// their wrapped lines), and inline markup reduced to its text, links kept as
// "text (url)".
func readMarkdown(name string, data []byte) (*Document, error) {
	s, err := decodeText(name, data)
	if err != nil {
		return nil, err
	}
	raw := strings.Split(s, "\n")
	// YAML front matter.
	if len(raw) > 0 && strings.TrimSpace(raw[0]) == "---" {
		for i := 1; i < len(raw) && i < 100; i++ {
			if t := strings.TrimSpace(raw[i]); t == "---" || t == "..." {
				raw = raw[i+1:]
				break
			}
		}
	}
	refs := map[string]string{}
	for _, line := range raw {
		if m := mdRefDef.FindStringSubmatch(line); m != nil {
			refs[strings.ToLower(m[1])] = m[2]
		}
	}
	var b lineBuilder
	inFence := false
	inItem := false // the last line added was a list item that may go on
	for i := 0; i < len(raw); i++ {
		line := strings.TrimRight(raw[i], " \t")
		if !inFence {
			line = strings.TrimSuffix(line, "\\") // a hard line break
		}
		if mdFence.MatchString(line) {
			inFence = !inFence
			inItem = false
			continue
		}
		if inFence {
			b.add(Line{Text: line})
			continue
		}
		t := strings.TrimSpace(line)
		if t == "" {
			inItem = false
			continue
		}
		if mdRefDef.MatchString(line) {
			continue
		}
		// Blockquotes read as their text.
		for strings.HasPrefix(t, ">") {
			t = strings.TrimSpace(t[1:])
		}
		if m := mdHeading.FindStringSubmatch(t); m != nil {
			b.add(Line{Text: mdInline(m[2], refs), Heading: true})
			inItem = false
			continue
		}
		if m := mdItem.FindStringSubmatch(line); m != nil && !isRule(t) {
			text := mdTask.ReplaceAllString(m[3], "")
			b.add(Line{Text: mdInline(text, refs), Bullet: true})
			inItem = len(b.lines) > 0 && b.lines[len(b.lines)-1].Bullet
			continue
		}
		if isRule(t) {
			inItem = false
			continue
		}
		// Setext heading: a paragraph line underlined with === or ---.
		if !inItem && i+1 < len(raw) && isUnderline(strings.TrimSpace(raw[i+1])) {
			b.add(Line{Text: mdInline(t, refs), Heading: true})
			i++
			continue
		}
		if strings.HasPrefix(t, "|") || strings.HasSuffix(t, "|") && strings.Contains(t, " | ") {
			if mdTableSep.MatchString(t) {
				continue
			}
			cells := strings.Split(strings.Trim(t, "|"), "|")
			for j := range cells {
				cells[j] = strings.TrimSpace(cells[j])
			}
			t = strings.Join(cells, " | ")
			inItem = false
		}
		text := mdInline(t, refs)
		// A lazy continuation of a list item.
		if inItem && len(b.lines) > 0 {
			if clean(text) == "" {
				continue
			}
			last := &b.lines[len(b.lines)-1]
			last.Text = clean(joinWrapped(last.Text, clean(text)))
			continue
		}
		text = clean(text)
		text, bullet := splitBullet(text)
		b.add(Line{Text: text, Bullet: bullet, Heading: !bullet && capsHeading(text)})
	}
	doc := &Document{Format: FormatMarkdown, Lines: b.lines, Columns: 1}
	doc.Pages = estimatePages(doc.Lines)
	if b.full {
		doc.Warnings = append(doc.Warnings, fmt.Sprintf("only the first %d lines were read", MaxLines))
	}
	return doc, nil
}

// mdInline reduces inline Markdown to text: emphasis and code marks go,
// images read as their alt text, links as "text (url)" unless the text is the
// address already.
func mdInline(s string, refs map[string]string) string {
	// Escaped characters are set aside so that no rule below reads them.
	var esc []string
	s = mdEscape.ReplaceAllStringFunc(s, func(m string) string {
		esc = append(esc, m[1:])
		return fmt.Sprintf("\x00%d\x00", len(esc)-1)
	})
	s = mdImage.ReplaceAllString(s, "$1")
	link := func(text, url string) string {
		text = strings.TrimSpace(text)
		bare := strings.TrimPrefix(url, "mailto:")
		short := strings.TrimPrefix(strings.TrimPrefix(bare, "https://"), "http://")
		short = strings.TrimPrefix(strings.TrimSuffix(short, "/"), "www.")
		switch {
		case url == "" || strings.HasPrefix(url, "#"):
			return text
		case text == "":
			return bare
		case strings.Contains(text, short):
			return text
		}
		return text + " (" + bare + ")"
	}
	s = mdLink.ReplaceAllStringFunc(s, func(m string) string {
		sm := mdLink.FindStringSubmatch(m)
		return link(sm[1], sm[2])
	})
	s = mdRefLink.ReplaceAllStringFunc(s, func(m string) string {
		sm := mdRefLink.FindStringSubmatch(m)
		key := sm[2]
		if key == "" {
			key = sm[1]
		}
		if url, ok := refs[strings.ToLower(key)]; ok {
			return link(sm[1], url)
		}
		return sm[1]
	})
	s = mdAutolink.ReplaceAllStringFunc(s, func(m string) string {
		return strings.TrimPrefix(m[1:len(m)-1], "mailto:")
	})
	s = mdCode.ReplaceAllString(s, "$1")
	s = mdBreak.ReplaceAllString(s, " ")
	s = mdTag.ReplaceAllString(s, "")
	for range 3 { // nested emphasis
		s = mdStrong.ReplaceAllString(s, "$1$2")
		s = mdEmStar.ReplaceAllString(s, "$1")
		s = mdEmUnder.ReplaceAllString(s, "$1$2$3")
		s = mdStrike.ReplaceAllString(s, "$1")
	}
	s = html.UnescapeString(s)
	if len(esc) > 0 {
		for i, e := range esc {
			s = strings.Replace(s, fmt.Sprintf("\x00%d\x00", i), e, 1)
		}
	}
	return s
}
