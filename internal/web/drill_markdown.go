package web

import (
	"html"
	"html/template"
	"strings"
)

// markdown renders the small Markdown of card answers and problem statements
// as HTML: paragraphs (blank-line separated, single line breaks kept), bullet
// lists ("- " or "* "), numbered lists ("1. "), headings ("#" to "###", shown
// as h3 to h5), fenced code blocks ("```"), **bold**, *italic* and `code`.
// Everything else is escaped, so a card can never inject markup: the output
// holds only the tags written here.
func markdown(src string) template.HTML {
	var b strings.Builder
	b.Grow(len(src) + len(src)/4)
	lines := strings.Split(strings.ReplaceAll(src, "\r\n", "\n"), "\n")
	var para []string // lines of the open paragraph
	list := ""        // "ul" or "ol" while a list is open
	item := false     // an <li> is open
	flushPara := func() {
		if len(para) == 0 {
			return
		}
		b.WriteString("<p>")
		for i, l := range para {
			if i > 0 {
				b.WriteString("<br>\n")
			}
			inline(&b, l)
		}
		b.WriteString("</p>\n")
		para = para[:0]
	}
	closeList := func() {
		if item {
			b.WriteString("</li>")
			item = false
		}
		if list != "" {
			b.WriteString("\n</" + list + ">\n")
			list = ""
		}
	}
	for i := 0; i < len(lines); i++ {
		line := strings.TrimRight(lines[i], " \t")
		trim := strings.TrimLeft(line, " \t")
		if strings.HasPrefix(trim, "```") {
			flushPara()
			closeList()
			i = fence(&b, lines, i, len(line)-len(trim))
			continue
		}
		if trim == "" {
			flushPara()
			closeList()
			continue
		}
		if kind, rest, ok := listItem(trim); ok {
			flushPara()
			if list != kind {
				closeList()
				b.WriteString("<" + kind + ">\n")
				list = kind
			}
			if item {
				b.WriteString("</li>\n")
			}
			b.WriteString("<li>")
			inline(&b, rest)
			item = true
			continue
		}
		if level, rest, ok := heading(trim); ok {
			flushPara()
			closeList()
			tag := string(rune('2' + level)) // # → h3, ## → h4, ### → h5
			b.WriteString("<h" + tag + ">")
			inline(&b, rest)
			b.WriteString("</h" + tag + ">\n")
			continue
		}
		if item && line != trim {
			// An indented line continues the list item.
			b.WriteString("<br>")
			inline(&b, trim)
			continue
		}
		closeList()
		para = append(para, trim)
	}
	flushPara()
	closeList()
	return template.HTML(b.String())
}

// fence writes the fenced code block that opens at lines[start], indented by
// indent, as <pre><code>, and returns the index of its closing fence (the
// last line when it is never closed). The block's lines lose the fence's
// indentation and keep the rest of their spacing.
func fence(b *strings.Builder, lines []string, start, indent int) int {
	b.WriteString("<pre><code>")
	end := len(lines) - 1
	for i := start + 1; i < len(lines); i++ {
		l := strings.TrimRight(lines[i], " \t")
		if strings.HasPrefix(strings.TrimLeft(l, " \t"), "```") {
			end = i
			break
		}
		for n := 0; n < indent && strings.HasPrefix(l, " "); n++ {
			l = l[1:]
		}
		if i > start+1 {
			b.WriteByte('\n')
		}
		b.WriteString(html.EscapeString(l))
	}
	b.WriteString("</code></pre>\n")
	return end
}

// listItem recognises "- x", "* x", "+ x" and "12. x" (or "12) x").
func listItem(s string) (kind, rest string, ok bool) {
	if len(s) >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && s[1] == ' ' {
		return "ul", strings.TrimSpace(s[2:]), true
	}
	i := 0
	for i < len(s) && i < 4 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i+1 < len(s) && (s[i] == '.' || s[i] == ')') && s[i+1] == ' ' {
		return "ol", strings.TrimSpace(s[i+2:]), true
	}
	return "", "", false
}

func heading(s string) (level int, rest string, ok bool) {
	for level < len(s) && s[level] == '#' {
		level++
	}
	if level == 0 || level > 3 || level >= len(s) || s[level] != ' ' {
		return 0, "", false
	}
	return level, strings.TrimSpace(s[level+1:]), true
}

// inline writes one line's text with its emphasis and code spans. A marker
// without its closing partner is written as text.
func inline(b *strings.Builder, s string) {
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && strings.IndexByte("\\`*_#-+.", s[i+1]) >= 0:
			b.WriteString(html.EscapeString(s[i+1 : i+2]))
			i += 2
			continue
		case c == '`':
			if j := strings.IndexByte(s[i+1:], '`'); j > 0 {
				b.WriteString("<code>")
				b.WriteString(html.EscapeString(s[i+1 : i+1+j]))
				b.WriteString("</code>")
				i += j + 2
				continue
			}
		case c == '*' && strings.HasPrefix(s[i:], "**"):
			if j := closing(s[i+2:], "**"); j > 0 {
				b.WriteString("<strong>")
				inline(b, s[i+2:i+2+j])
				b.WriteString("</strong>")
				i += j + 4
				continue
			}
		case c == '*' || c == '_' && (i == 0 || !isWordByte(s[i-1])):
			if j := closing(s[i+1:], string(c)); j > 0 && (c == '*' || i+2+j >= len(s) || !isWordByte(s[i+2+j])) {
				b.WriteString("<em>")
				inline(b, s[i+1:i+1+j])
				b.WriteString("</em>")
				i += j + 2
				continue
			}
		}
		// Copy the run of plain text up to the next marker.
		j := i + 1
		for j < len(s) && strings.IndexByte("\\`*_", s[j]) < 0 {
			j++
		}
		b.WriteString(html.EscapeString(s[i:j]))
		i = j
	}
}

// maxSpan bounds how far a closing marker is looked for, so that a line of
// unmatched markers costs linear time rather than quadratic.
const maxSpan = 1000

// closing finds the marker that closes a span opened just before s: not at
// the start, not after a space, and not the first half of a longer run.
func closing(s, marker string) int {
	if s == "" || s[0] == ' ' {
		return -1
	}
	if len(s) > maxSpan {
		s = s[:maxSpan]
	}
	for from := 1; from < len(s); {
		j := strings.Index(s[from:], marker)
		if j < 0 {
			return -1
		}
		j += from
		if s[j-1] != ' ' && !(marker == "*" && j+1 < len(s) && s[j+1] == '*' && (j+2 >= len(s) || s[j+2] != '*')) {
			return j
		}
		from = j + len(marker)
	}
	return -1
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// plainText is a card's Markdown as one line of text, for titles and lists.
func plainText(src string, max int) string {
	r := strings.NewReplacer("**", "", "`", "", "\n", " ", "\t", " ")
	s := strings.Join(strings.Fields(r.Replace(src)), " ")
	if max > 0 && len([]rune(s)) > max {
		s = string([]rune(s)[:max-1]) + "…"
	}
	return s
}
