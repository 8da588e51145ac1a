package resume

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"regexp"
	"strconv"
	"strings"

	"github.com/offerloop/offerloop/internal/errs"
)

// docxReader holds an open DOCX archive and what is left of its budget of
// decompressed bytes.
type docxReader struct {
	name   string
	files  map[string]*zip.File // by lower-case name
	budget int64
}

// errBomb is a part that decompresses past the budget.
var errBomb = errors.New("zip bomb")

func (d *docxReader) part(name string) ([]byte, error) {
	f := d.files[strings.ToLower(strings.TrimPrefix(name, "/"))]
	if f == nil {
		return nil, nil
	}
	if f.UncompressedSize64 > uint64(d.budget) {
		return nil, errBomb
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, d.budget+1))
	if int64(len(b)) > d.budget {
		return nil, errBomb
	}
	d.budget -= int64(len(b))
	if err != nil {
		return nil, err
	}
	return b, nil
}

func (d *docxReader) partError(err error) error {
	if errors.Is(err, errBomb) {
		return errs.E(errs.TooLarge, "%s decompresses to more than %d MiB: it is not read", d.name, MaxDecompressed>>20)
	}
	return errs.Invalidf("%s is a damaged DOCX file (%v): save it again", d.name, err)
}

// rels reads a relationships part: id → (type, target resolved against base).
func (d *docxReader) rels(relsPath, base string) (map[string][2]string, error) {
	b, err := d.part(relsPath)
	if err != nil || b == nil {
		return nil, err
	}
	var doc struct {
		Rels []struct {
			ID         string `xml:"Id,attr"`
			Type       string `xml:"Type,attr"`
			Target     string `xml:"Target,attr"`
			TargetMode string `xml:"TargetMode,attr"`
		} `xml:"Relationship"`
	}
	if err := xml.Unmarshal(b, &doc); err != nil {
		return nil, nil // unreadable relationships: read without them
	}
	out := map[string][2]string{}
	for _, r := range doc.Rels {
		t := r.Target
		if r.TargetMode != "External" {
			if strings.HasPrefix(t, "/") {
				t = strings.TrimPrefix(t, "/")
			} else {
				t = path.Join(base, t)
			}
		}
		out[r.ID] = [2]string{r.Type, t}
	}
	return out, nil
}

// readDOCX reads word/document.xml (found through the package relationships):
// paragraphs with their style and numbering, tables and text boxes read in
// place, hyperlinks kept as "text (url)", and page breaks counted.
func readDOCX(name string, data []byte) (*Document, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, errs.Invalidf("%s is not a valid DOCX file (its zip archive is damaged or truncated): save it again", name)
	}
	if len(zr.File) > MaxZipEntries {
		return nil, errs.Invalidf("%s has %d parts: a DOCX resume has a few dozen; it is not read", name, len(zr.File))
	}
	d := &docxReader{name: name, files: map[string]*zip.File{}, budget: MaxDecompressed}
	for _, f := range zr.File {
		d.files[strings.ToLower(f.Name)] = f
	}
	mainPath := "word/document.xml"
	pkg, err := d.rels("_rels/.rels", "")
	if err != nil {
		return nil, d.partError(err)
	}
	for _, r := range pkg {
		if strings.HasSuffix(r[0], "/officeDocument") && d.files[strings.ToLower(r[1])] != nil {
			mainPath = r[1]
		}
	}
	if d.files[strings.ToLower(mainPath)] == nil {
		if d.files["content.xml"] != nil {
			return nil, errs.Invalidf("%s is an OpenDocument file, not a DOCX: save it as DOCX or PDF", name)
		}
		return nil, errs.Invalidf("%s is a zip archive but not a DOCX (it has no word/document.xml): save the resume as DOCX or PDF", name)
	}
	dir := path.Dir(mainPath)
	rels, err := d.rels(path.Join(dir, "_rels", path.Base(mainPath)+".rels"), dir)
	if err != nil {
		return nil, d.partError(err)
	}
	stylesPath := path.Join(dir, "styles.xml")
	for _, r := range rels {
		if strings.HasSuffix(r[0], "/styles") {
			stylesPath = r[1]
		}
	}
	sb, err := d.part(stylesPath)
	if err != nil {
		return nil, d.partError(err)
	}
	styles := parseStyles(sb)

	body, err := d.part(mainPath)
	if err != nil {
		return nil, d.partError(err)
	}
	doc := &Document{Format: FormatDOCX, Columns: 1}
	p := &docxParser{styles: styles, rels: rels, doc: doc}
	perr := p.parse(body)
	if errs.CodeOf(perr) == errs.Invalid {
		return nil, perr
	}
	if perr != nil && len(p.out.lines) == 0 {
		return nil, errs.Invalidf("%s has a damaged document part (%v): save it again", name, perr)
	}
	if perr != nil {
		doc.Warnings = append(doc.Warnings, "the document is damaged: its text may be incomplete")
	}
	lines := p.out.lines
	doc.Pages = 1 + max(p.explicit, p.rendered)

	// Text in page headers: read, but say that many ATS skip it.
	var head lineBuilder
	for _, r := range rels {
		if !strings.HasSuffix(r[0], "/header") {
			continue
		}
		hb, err := d.part(r[1])
		if err != nil {
			return nil, d.partError(err)
		}
		hp := &docxParser{styles: styles, rels: nil, doc: &Document{}}
		if hp.parse(hb) == nil {
			for _, ln := range hp.out.lines {
				ln.Page = 1
				dup := false
				for _, h := range head.lines {
					dup = dup || h.Text == ln.Text
				}
				if !dup {
					head.add(ln)
				}
			}
		}
	}
	if len(head.lines) > 0 {
		lines = append(head.lines, lines...)
		doc.Warnings = append(doc.Warnings, "text in the page header (often the name and contact details) is skipped by some ATS: put it in the body")
	}
	doc.Lines = lines
	if p.out.full {
		doc.Warnings = append(doc.Warnings, fmt.Sprintf("only the first %d lines were read", MaxLines))
	}
	return doc, nil
}

// docxStyle is what a paragraph style says about its paragraphs.
type docxStyle struct {
	name    string
	basedOn string
	outline bool // an outline level: a heading
	list    bool // numbering in the style
}

type docxStyles map[string]docxStyle

func parseStyles(b []byte) docxStyles {
	st := docxStyles{}
	if b == nil {
		return st
	}
	var doc struct {
		Styles []struct {
			Type    string  `xml:"type,attr"`
			ID      string  `xml:"styleId,attr"`
			Name    valAttr `xml:"name"`
			BasedOn valAttr `xml:"basedOn"`
			PPr     struct {
				OutlineLvl *valAttr `xml:"outlineLvl"`
				NumPr      *struct {
					NumID valAttr `xml:"numId"`
				} `xml:"numPr"`
			} `xml:"pPr"`
		} `xml:"style"`
	}
	if err := xml.Unmarshal(b, &doc); err != nil {
		return st
	}
	for _, s := range doc.Styles {
		if s.Type != "" && s.Type != "paragraph" {
			continue
		}
		ds := docxStyle{name: strings.ToLower(s.Name.Val), basedOn: s.BasedOn.Val}
		if s.PPr.OutlineLvl != nil {
			if n, err := strconv.Atoi(s.PPr.OutlineLvl.Val); err == nil && n < 9 {
				ds.outline = true
			}
		}
		if s.PPr.NumPr != nil && s.PPr.NumPr.NumID.Val != "0" {
			ds.list = true
		}
		st[s.ID] = ds
	}
	return st
}

type valAttr struct {
	Val string `xml:"val,attr"`
}

var headingStyle = regexp.MustCompile(`^(heading\s*\d|title|subtitle)$`)

// heading reports a style that is (or is based on) a heading or the title.
func (st docxStyles) heading(id string) bool {
	for i := 0; i < 10 && id != ""; i++ {
		s, ok := st[id]
		if !ok {
			break
		}
		if s.outline || headingStyle.MatchString(s.name) {
			return true
		}
		id = s.basedOn
	}
	return headingStyle.MatchString(strings.ToLower(id)) || strings.HasPrefix(strings.ToLower(id), "heading")
}

func (st docxStyles) list(id string) bool {
	for i := 0; i < 10 && id != ""; i++ {
		s, ok := st[id]
		if !ok {
			return false
		}
		if s.list {
			return true
		}
		id = s.basedOn
	}
	return false
}

const (
	nsW   = "wordprocessingml/2006/main"
	nsW14 = "purl.oclc.org/ooxml/wordprocessingml/main"
	nsMC  = "http://schemas.openxmlformats.org/markup-compatibility/2006"
	nsVML = "urn:schemas-microsoft-com:vml"
)

func isW(n xml.Name) bool {
	return strings.HasSuffix(n.Space, nsW) || strings.HasSuffix(n.Space, nsW14)
}

// docxPara is a paragraph being read.
type docxPara struct {
	text     strings.Builder
	style    string
	numbered bool
	outline  bool
	page     int
}

type docxLink struct {
	start int
	url   string
}

type docxParser struct {
	styles docxStyles
	rels   map[string][2]string
	doc    *Document
	out    lineBuilder

	paras    []*docxPara
	stack    []string // local names of the open elements
	explicit int      // page breaks written in the document
	rendered int      // page breaks where Word last laid the pages out
	links    []docxLink
	instr    strings.Builder
	fldURL   string
}

func (p *docxParser) page() int { return 1 + max(p.explicit, p.rendered) }

func (p *docxParser) parent() string {
	if n := len(p.stack); n >= 2 {
		return p.stack[n-2]
	}
	return ""
}

func (p *docxParser) in(name string) bool {
	for i := len(p.stack) - 1; i >= 0; i-- {
		if p.stack[i] == name {
			return true
		}
	}
	return false
}

func attr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

var hyperlinkInstr = regexp.MustCompile(`HYPERLINK\s+"([^"]+)"`)

func (p *docxParser) parse(b []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(b))
	skip := 0 // depth inside an element whose content is skipped
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			p.flushAll()
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			p.stack = append(p.stack, t.Name.Local)
			if len(p.stack) > MaxXMLDepth {
				p.flushAll()
				return errs.Invalidf("the DOCX nests its XML deeper than %d levels: it is not read", MaxXMLDepth)
			}
			if skip > 0 {
				skip++
				continue
			}
			if t.Name.Space == nsMC && t.Name.Local == "Fallback" {
				skip = 1
				continue
			}
			if t.Name.Space == nsVML && t.Name.Local == "textbox" {
				p.doc.TextBoxes = true
			}
			if !isW(t.Name) {
				continue
			}
			p.start(t)
		case xml.EndElement:
			if len(p.stack) > 0 {
				p.stack = p.stack[:len(p.stack)-1]
			}
			if skip > 0 {
				skip--
				continue
			}
			if isW(t.Name) {
				p.end(t.Name.Local)
			}
		case xml.CharData:
			if skip > 0 || len(p.stack) == 0 || len(p.paras) == 0 {
				continue
			}
			switch p.stack[len(p.stack)-1] {
			case "t":
				p.cur().text.Write(t)
			case "instrText":
				if p.instr.Len() < 4096 {
					p.instr.Write(t)
				}
			}
		}
	}
	p.flushAll()
	return nil
}

func (p *docxParser) cur() *docxPara { return p.paras[len(p.paras)-1] }

func (p *docxParser) start(e xml.StartElement) {
	switch e.Name.Local {
	case "p":
		p.paras = append(p.paras, &docxPara{page: p.page()})
		return
	case "tbl":
		p.doc.Tables = true
		return
	case "txbxContent":
		p.doc.TextBoxes = true
		return
	}
	if len(p.paras) == 0 {
		return
	}
	para := p.cur()
	switch e.Name.Local {
	case "pStyle":
		if p.parent() == "pPr" {
			para.style = attr(e, "val")
		}
	case "numId":
		if p.in("numPr") && p.in("pPr") && !p.in("rPr") {
			para.numbered = attr(e, "val") != "0"
		}
	case "outlineLvl":
		if p.parent() == "pPr" {
			if n, err := strconv.Atoi(attr(e, "val")); err == nil && n < 9 {
				para.outline = true
			}
		}
	case "pageBreakBefore":
		if p.parent() == "pPr" && attr(e, "val") != "0" && attr(e, "val") != "false" && para.text.Len() == 0 {
			p.explicit++
			para.page = p.page()
		}
	case "sectPr":
		if p.parent() == "pPr" {
			p.explicit++ // a section break after this paragraph, most often a new page
		}
	case "tab":
		if p.parent() == "r" {
			para.text.WriteByte('\t')
		}
	case "br":
		if p.parent() == "r" {
			para.text.WriteByte('\n')
			if attr(e, "type") == "page" {
				p.explicit++
			}
		}
	case "cr":
		if p.parent() == "r" {
			para.text.WriteByte('\n')
		}
	case "lastRenderedPageBreak":
		p.rendered++
	case "noBreakHyphen":
		para.text.WriteByte('-')
	case "sym":
		c, err := strconv.ParseUint(attr(e, "char"), 16, 32)
		if err == nil {
			r := rune(c)
			if r >= 0xF000 && r <= 0xF0FF {
				r = symbolRune(r - 0xF000)
			}
			if r > 0 && r != 0xFFFD && r < 0x110000 {
				para.text.WriteRune(r)
			}
		}
	case "hyperlink":
		url := ""
		if id := attr(e, "id"); id != "" && p.rels != nil {
			if r, ok := p.rels[id]; ok && strings.HasSuffix(r[0], "/hyperlink") {
				url = r[1]
			}
		}
		p.links = append(p.links, docxLink{start: para.text.Len(), url: url})
	case "fldChar":
		switch attr(e, "fldCharType") {
		case "begin":
			p.instr.Reset()
		case "separate":
			if m := hyperlinkInstr.FindStringSubmatch(p.instr.String()); m != nil {
				p.fldURL = m[1]
				p.links = append(p.links, docxLink{start: para.text.Len(), url: m[1]})
			}
		case "end":
			if p.fldURL != "" {
				p.fldURL = ""
				p.endLink()
			}
		}
	case "fldSimple":
		if m := hyperlinkInstr.FindStringSubmatch(attr(e, "instr")); m != nil {
			p.links = append(p.links, docxLink{start: para.text.Len(), url: m[1]})
		} else {
			p.links = append(p.links, docxLink{start: para.text.Len()})
		}
	}
}

func (p *docxParser) end(local string) {
	switch local {
	case "p":
		if len(p.paras) == 0 {
			return
		}
		para := p.cur()
		p.paras = p.paras[:len(p.paras)-1]
		p.emit(para)
	case "hyperlink", "fldSimple":
		p.endLink()
	}
}

// endLink appends the link's address to its text unless the text shows it.
func (p *docxParser) endLink() {
	if len(p.links) == 0 {
		return
	}
	l := p.links[len(p.links)-1]
	p.links = p.links[:len(p.links)-1]
	if l.url == "" || len(p.paras) == 0 {
		return
	}
	para := p.cur()
	s := para.text.String()
	if l.start > len(s) {
		return
	}
	text := s[l.start:]
	bare := strings.TrimPrefix(l.url, "mailto:")
	short := strings.TrimPrefix(strings.TrimPrefix(bare, "https://"), "http://")
	short = strings.TrimPrefix(strings.TrimSuffix(short, "/"), "www.")
	if strings.HasPrefix(l.url, "#") || strings.Contains(text, short) {
		return
	}
	if strings.TrimSpace(text) == "" {
		para.text.WriteString(bare)
		return
	}
	para.text.WriteString(" (" + bare + ")")
}

func (p *docxParser) emit(para *docxPara) {
	heading := para.outline || p.styles.heading(para.style)
	list := para.numbered || (!heading && p.styles.list(para.style))
	for _, part := range strings.Split(para.text.String(), "\n") {
		t := clean(part)
		if t == "" {
			continue
		}
		text, glyph := splitBullet(t)
		bullet := list || glyph
		if !bullet {
			text = t
		}
		p.out.add(Line{Text: text, Page: para.page, Bullet: bullet && !heading, Heading: heading || !bullet && capsHeading(text)})
	}
}

// flushAll emits the paragraphs still open (a truncated document).
func (p *docxParser) flushAll() {
	for len(p.paras) > 0 {
		para := p.cur()
		p.paras = p.paras[:len(p.paras)-1]
		p.emit(para)
	}
}

// symbolRune maps the Symbol and Wingdings codes Word uses for bullets.
func symbolRune(c rune) rune {
	switch c {
	case 0xB7, 0x6C, 0x9F, 0xA1:
		return '•'
	case 0xA7, 0x6E, 0xA8:
		return '▪'
	case 0x76:
		return '❖'
	case 0xD8, 0xE0, 0xE8:
		return '➢'
	case 0xFC:
		return '✓'
	case 0x2D:
		return '–'
	case 0x6F:
		return '○'
	}
	return 0
}
