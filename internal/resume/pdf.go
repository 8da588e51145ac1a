package resume

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"
	"unicode"

	"github.com/offerloop/offerloop/internal/errs"
	"github.com/offerloop/offerloop/internal/resume/internal/pdf"
)

// readPDF reads the text layer of a PDF, page by page, in reading order.
func readPDF(name string, data []byte) (*Document, error) {
	r, err := pdf.Open(data, pdf.Limits{
		MaxDecompressed: MaxDecompressed,
		MaxObjects:      MaxObjects,
		MaxDepth:        MaxDepth,
		MaxPages:        MaxPages,
	})
	if err != nil {
		return nil, pdfError(name, err)
	}
	pages, err := r.Pages()
	if err != nil {
		return nil, pdfError(name, err)
	}
	if len(pages) == 0 {
		return nil, errs.Invalidf("%s has no pages: the PDF is damaged or truncated; export it again", name)
	}
	doc := &Document{Format: FormatPDF, Pages: len(pages), Columns: 1}
	var b lineBuilder
	var twoCol []string
	var failed, unmapped, partial []int
	for i, p := range pages {
		glyphs, err := r.Text(p)
		if err != nil {
			var pe *pdf.Error
			if errors.As(err, &pe) && pe.Kind == pdf.TooLarge {
				return nil, pdfError(name, err)
			}
			failed = append(failed, i+1)
			if len(glyphs) == 0 {
				continue
			}
		}
		lay := layoutPage(glyphs, i+1)
		if lay.unmapped {
			unmapped = append(unmapped, i+1)
			continue
		}
		if lay.skipped > 0 {
			partial = append(partial, i+1)
		}
		for _, ln := range lay.lines {
			b.add(ln)
		}
		if lay.columns > doc.Columns {
			doc.Columns = lay.columns
		}
		if lay.columns == 2 {
			twoCol = append(twoCol, fmt.Sprint(i+1))
		}
		doc.Tables = doc.Tables || lay.table
	}
	doc.Lines = b.lines
	if len(doc.Lines) == 0 {
		switch {
		case r.Repaired() || len(failed) > 0:
			return nil, errs.Invalidf("%s is damaged or truncated: no text could be read from it; export the PDF again", name)
		case len(unmapped) > 0:
			return nil, errs.Invalidf("%s has text whose fonts do not say which letters they draw, so it cannot be read (an ATS cannot read it either): export the PDF again from your editor, or upload the DOCX", name)
		}
		return nil, errs.Invalidf("%s has no text layer: it looks like a scanned image. Export a text PDF from the editor you wrote the resume in (Save as / Export to PDF), or upload the DOCX", name)
	}
	if len(twoCol) > 0 {
		doc.Warnings = append(doc.Warnings, fmt.Sprintf("two-column layout: read left column first (page %s)", strings.Join(twoCol, ", ")))
	}
	if r.Repaired() {
		doc.Warnings = append(doc.Warnings, "the PDF is damaged (its cross-reference table is broken): its text was recovered by scanning the file and may be incomplete")
	}
	for _, p := range failed {
		doc.Warnings = append(doc.Warnings, fmt.Sprintf("page %d is damaged: its text may be incomplete", p))
	}
	for _, p := range partial {
		doc.Warnings = append(doc.Warnings, fmt.Sprintf("page %d has some text whose fonts do not say which letters they draw: it was skipped", p))
	}
	for _, p := range unmapped {
		doc.Warnings = append(doc.Warnings, fmt.Sprintf("page %d has text whose fonts do not say which letters they draw: it was skipped", p))
	}
	if b.full {
		doc.Warnings = append(doc.Warnings, fmt.Sprintf("only the first %d lines were read", MaxLines))
	}
	return doc, nil
}

// pdfError turns an error of the PDF package into one for the user.
func pdfError(name string, err error) error {
	var pe *pdf.Error
	if !errors.As(err, &pe) {
		return errs.Invalidf("%s could not be read as a PDF: %v", name, err)
	}
	switch pe.Kind {
	case pdf.Encrypted:
		return errs.Invalidf("%s: %s", name, pe.Msg)
	case pdf.TooLarge:
		if strings.Contains(pe.Msg, "pages") {
			return errs.E(errs.TooLarge, "%s has more than %d pages: resumes over %d pages are not read", name, MaxPages, MaxPages)
		}
		return errs.E(errs.TooLarge, "%s is too large to read (%s)", name, pe.Msg)
	}
	return errs.Invalidf("%s is not a readable PDF (%s): it may be damaged or truncated; export it again", name, pe.Msg)
}

// glyph is one drawn character, cleaned up.
type glyph struct {
	x, y, w, size float64
	bold          bool
	s             string
	space         bool
}

// segment is a run of glyphs on one baseline with no wide gap.
type segment struct {
	row     int
	x0, x1  float64
	y, size float64
	glyphs  []glyph
}

// pline is a line being laid out, with its geometry.
type pline struct {
	Line
	x0, textX, y, size float64
	styled             bool // a heading by its size or boldness, not only its capitals
}

type pageLayout struct {
	lines    []Line
	columns  int
	table    bool
	unmapped bool // the page's text cannot be decoded
	skipped  int  // glyphs left out because their font does not map them to text
}

// layoutPage puts the glyphs of a page in reading order: glyphs into lines by
// baseline, lines into segments at wide gaps, two columns (a gutter down the
// page between two blocks of text) read left first, headings by size or
// boldness against the page's body text, bullets by their glyph, and a
// bullet's wrapped lines joined to it.
func layoutPage(texts []pdf.Text, page int) pageLayout {
	gs := make([]glyph, 0, len(texts))
	bad := 0
	for _, t := range texts {
		if t.FontSize < 1 || t.FontSize > 300 || t.S == "" {
			continue
		}
		if strings.ContainsRune(t.S, unicode.ReplacementChar) {
			bad++
			continue
		}
		sp := strings.TrimSpace(t.S) == ""
		gs = append(gs, glyph{x: t.X, y: t.Y, w: math.Max(t.W, 0), size: t.FontSize, bold: t.Bold, s: t.S, space: sp})
	}
	ink := 0
	for _, g := range gs {
		if !g.space {
			ink++
		}
	}
	if ink == 0 {
		return pageLayout{unmapped: bad > 0, columns: 1}
	}
	if bad > ink {
		return pageLayout{unmapped: true, columns: 1}
	}
	body := bodySize(gs)
	segs := segmentize(gs)

	lay := pageLayout{columns: 1, skipped: bad}
	regions := [][]segment{segs}
	if above, left, right, below, ok := findColumns(segs); ok {
		lay.columns = 2
		regions = [][]segment{above, left, right, below}
	}
	var out []pline
	for _, reg := range regions {
		lines, table := regionLines(reg, body, page)
		out = append(out, lines...)
		lay.table = lay.table || table
	}
	for _, pl := range out {
		lay.lines = append(lay.lines, pl.Line)
	}
	return lay
}

// bodySize is the median size of the ink glyphs.
func bodySize(gs []glyph) float64 {
	var sizes []float64
	for _, g := range gs {
		if !g.space {
			sizes = append(sizes, g.size)
		}
	}
	sort.Float64s(sizes)
	return sizes[len(sizes)/2]
}

// segmentize groups glyphs into rows by baseline, then cuts rows into
// segments where the gap between two inked glyphs is wider than about a
// letter's height.
func segmentize(gs []glyph) []segment {
	sort.SliceStable(gs, func(i, j int) bool {
		if gs[i].y != gs[j].y {
			return gs[i].y > gs[j].y
		}
		return gs[i].x < gs[j].x
	})
	var rows [][]glyph
	var rowY, rowSize float64
	for _, g := range gs {
		if len(rows) > 0 && math.Abs(rowY-g.y) <= 0.45*math.Min(rowSize, g.size) {
			rows[len(rows)-1] = append(rows[len(rows)-1], g)
			continue
		}
		rows = append(rows, []glyph{g})
		rowY, rowSize = g.y, g.size
	}
	var segs []segment
	for ri, row := range rows {
		sort.SliceStable(row, func(i, j int) bool { return row[i].x < row[j].x })
		var cur []glyph
		var lastInk float64
		flush := func() {
			// Trim spaces at both ends.
			for len(cur) > 0 && cur[0].space {
				cur = cur[1:]
			}
			for len(cur) > 0 && cur[len(cur)-1].space {
				cur = cur[:len(cur)-1]
			}
			if len(cur) > 0 {
				segs = append(segs, newSegment(ri, cur))
			}
			cur = nil
		}
		inkSeen := false
		for _, g := range row {
			if !g.space {
				if inkSeen && g.x-lastInk > math.Max(1.0*g.size, 6) {
					flush()
					inkSeen = false
				}
				if inkSeen {
					lastInk = math.Max(lastInk, g.x+g.w)
				} else {
					lastInk = g.x + g.w
				}
				inkSeen = true
			}
			cur = append(cur, g)
		}
		flush()
	}
	return segs
}

func newSegment(row int, gs []glyph) segment {
	s := segment{row: row, x0: gs[0].x, x1: gs[0].x + gs[0].w, glyphs: gs}
	var ys []float64
	for _, g := range gs {
		s.x1 = math.Max(s.x1, g.x+g.w)
		s.x0 = math.Min(s.x0, g.x)
		if !g.space {
			ys = append(ys, g.y)
			s.size = math.Max(s.size, g.size)
		}
	}
	sort.Float64s(ys)
	s.y = ys[len(ys)/2]
	return s
}

// text assembles a segment's text, putting a space where glyphs stand apart
// and dropping a glyph drawn twice over itself (fake bold).
func (s segment) text() string {
	var sb strings.Builder
	var prev *glyph
	for i := range s.glyphs {
		g := &s.glyphs[i]
		if prev != nil {
			if g.s == prev.s && math.Abs(g.x-prev.x) < 0.15*g.size && !g.space {
				continue
			}
			gap := g.x - (prev.x + prev.w)
			if !g.space && !prev.space && gap > 0.18*math.Min(g.size, prev.size) {
				sb.WriteByte(' ')
			}
		}
		sb.WriteString(g.s)
		prev = g
	}
	return sb.String()
}

// findColumns looks for a gutter: an x range that no segment crosses over
// the height where text stands on both sides of it, with enough text on each
// side, whose two sides do not line up row by row (that would be a table or
// a date column, read across). It returns the segments above the columns,
// the left column, the right column and the segments below.
func findColumns(segs []segment) (above, left, right, below []segment, ok bool) {
	// A resume page has a few hundred segments; past a few thousand the
	// page is not prose, and the search would cost too much.
	if len(segs) < 8 || len(segs) > 5000 {
		return nil, nil, nil, nil, false
	}
	minX, maxX := math.Inf(1), math.Inf(-1)
	minY, maxY := math.Inf(1), math.Inf(-1)
	for _, s := range segs {
		minX, maxX = math.Min(minX, s.x0), math.Max(maxX, s.x1)
		minY, maxY = math.Min(minY, s.y), math.Max(maxY, s.y)
	}
	width := maxX - minX
	if width < 50 || width > 5000 || maxY-minY < 50 {
		return nil, nil, nil, nil, false
	}
	// Coverage of each point of x by segments.
	n := int(width) + 1
	cov := make([]int, n)
	for _, s := range segs {
		a, b := int(s.x0-minX), int(s.x1-minX)
		for x := max(a, 0); x <= b && x < n; x++ {
			cov[x]++
		}
	}
	low := max(2, len(segs)/10)
	bestScore := 0
	tries := 0
	for x := 0; x < n && tries < 20; {
		if cov[x] > low {
			x++
			continue
		}
		start := x
		for x < n && cov[x] <= low {
			x++
		}
		a, b := minX+float64(start), minX+float64(x-1)
		if b-a < 6 || start == 0 || x >= n {
			continue
		}
		tries++
		ab, l, rt, bl, score, good := splitAt(segs, a, b, maxY-minY)
		if good && score > bestScore {
			bestScore = score
			above, left, right, below, ok = ab, l, rt, bl, true
		}
	}
	return above, left, right, below, ok
}

// splitAt checks the gutter [a, b].
func splitAt(segs []segment, a, b, height float64) (above, left, right, below []segment, score int, ok bool) {
	var cross []segment
	lGlyphs, rGlyphs := 0, 0
	lTop, lBot := math.Inf(-1), math.Inf(1)
	rTop, rBot := math.Inf(-1), math.Inf(1)
	for _, s := range segs {
		switch {
		case s.x0 < a && s.x1 > b:
			cross = append(cross, s)
		case s.x1 <= b && s.x0 < a || s.x1 <= b && (s.x0+s.x1)/2 < (a+b)/2:
			left = append(left, s)
			lGlyphs += len(s.glyphs)
			lTop, lBot = math.Max(lTop, s.y), math.Min(lBot, s.y)
		default:
			right = append(right, s)
			rGlyphs += len(s.glyphs)
			rTop, rBot = math.Max(rTop, s.y), math.Min(rBot, s.y)
		}
	}
	if len(left) < 3 || len(right) < 3 {
		return
	}
	total := lGlyphs + rGlyphs
	if lGlyphs*100 < 15*total || rGlyphs*100 < 15*total {
		return
	}
	top, bot := math.Min(lTop, rTop), math.Max(lBot, rBot)
	if top-bot < 0.3*height {
		return
	}
	for _, s := range cross {
		if s.y < top-1 && s.y > bot+1 {
			return
		}
	}
	// Rows that line up on both sides make a table, a label or a date
	// column: read across. Two independent columns line up by chance only.
	if alignedShare(left, right) > 0.6 || alignedShare(right, left) > 0.6 {
		return
	}
	for _, s := range cross {
		if s.y >= top {
			above = append(above, s)
		} else {
			below = append(below, s)
		}
	}
	// A side's text above the top of the other side (a name over a
	// sidebar) is part of the band above the columns.
	keep := func(side []segment) []segment {
		var out []segment
		for _, s := range side {
			if s.y > top+0.5*s.size {
				above = append(above, s)
			} else {
				out = append(out, s)
			}
		}
		return out
	}
	left, right = keep(left), keep(right)
	return above, left, right, below, min(lGlyphs, rGlyphs), true
}

// alignedShare is the share of the segments of a that have a segment of b
// on their baseline.
func alignedShare(a, b []segment) float64 {
	ys := make([]float64, len(b))
	for i, s := range b {
		ys[i] = s.y
	}
	sort.Float64s(ys)
	n := 0
	for _, s := range a {
		tol := 0.2 * s.size
		i := sort.SearchFloat64s(ys, s.y-tol)
		if i < len(ys) && ys[i] <= s.y+tol {
			n++
		}
	}
	return float64(n) / float64(len(a))
}

// regionLines turns the segments of one region (a column, or the whole page)
// into lines top to bottom, joining the segments of a row, and reports
// whether rows of three or more aligned segments make a table.
func regionLines(segs []segment, body float64, page int) ([]pline, bool) {
	if len(segs) == 0 {
		return nil, false
	}
	byRow := map[int][]segment{}
	var rowIDs []int
	for _, s := range segs {
		if _, ok := byRow[s.row]; !ok {
			rowIDs = append(rowIDs, s.row)
		}
		byRow[s.row] = append(byRow[s.row], s)
	}
	sort.Ints(rowIDs) // rows were numbered top to bottom
	var lines []pline
	var starts [][]float64
	for _, id := range rowIDs {
		row := byRow[id]
		sort.SliceStable(row, func(i, j int) bool { return row[i].x0 < row[j].x0 })
		var parts []string
		var xs []float64
		ink, bold := 0, 0
		var size float64
		for _, s := range row {
			parts = append(parts, s.text())
			xs = append(xs, s.x0)
			size = math.Max(size, s.size)
			for _, g := range s.glyphs {
				if !g.space {
					ink++
					if g.bold {
						bold++
					}
				}
			}
		}
		starts = append(starts, xs)
		text := clean(strings.Join(parts, " "))
		if text == "" {
			continue
		}
		pl := pline{x0: row[0].x0, y: row[0].y, size: size}
		pl.textX = pl.x0
		t, bullet := splitBullet(text)
		if bullet {
			// Where the text after the bullet starts.
			gs := row[0].glyphs
			i := 0
			for i < len(gs) && !gs[i].space && i < 4 {
				i++
			}
			for i < len(gs) && gs[i].space {
				i++
			}
			if i < len(gs) {
				pl.textX = gs[i].x
			}
		}
		words := len(strings.Fields(t))
		allBold := bold*10 >= ink*9
		styled := !bullet && (size >= 1.15*body && words <= 10 && len(t) <= 80 ||
			allBold && words <= 4 && !strings.ContainsAny(t, ",0123456789|"))
		pl.styled = styled
		pl.Line = Line{Text: t, Page: page, Bullet: bullet, Heading: styled || !bullet && capsHeading(t)}
		lines = append(lines, pl)
	}
	return joinBullets(lines), hasTable(starts)
}

// joinBullets joins to a bullet the lines that wrap it: indented past its
// glyph, close below it, same size, not bullets or headings themselves.
func joinBullets(lines []pline) []pline {
	var out []pline
	for _, ln := range lines {
		if n := len(out); n > 0 && out[n-1].Bullet && !ln.Bullet && !ln.styled {
			prev := &out[n-1]
			sz := prev.size
			if math.Abs(ln.size-sz) < 0.5 && ln.x0 > prev.x0+0.3*sz && math.Abs(ln.x0-prev.textX) < 1.5*sz &&
				ln.y < prev.y && prev.y-ln.y < 2.2*sz {
				prev.Text = joinWrapped(prev.Text, ln.Text)
				prev.y = ln.y
				continue
			}
		}
		out = append(out, ln)
	}
	return out
}

// hasTable reports three or more rows in a row, each of three or more
// segments, whose starts line up.
func hasTable(starts [][]float64) bool {
	run := 0
	var ref []float64
	for _, xs := range starts {
		if len(xs) < 3 {
			run, ref = 0, nil
			continue
		}
		if ref != nil && alignedStarts(ref, xs) >= 3 {
			run++
		} else {
			run = 1
			ref = xs
		}
		if run >= 3 {
			return true
		}
	}
	return false
}

func alignedStarts(a, b []float64) int {
	n := 0
	for _, x := range a {
		for _, y := range b {
			if math.Abs(x-y) < 3 {
				n++
				break
			}
		}
	}
	return n
}
