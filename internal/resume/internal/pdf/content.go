// Copyright 2014 The Go Authors.  All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package pdf

import (
	"io"
	"math"
)

// A Page is one page of the document, with what it inherits from the tree.
type Page struct {
	V         Value
	resources Value
	box       [4]float64
}

// Box returns the page's media box: llx, lly, urx, ury.
func (p Page) Box() [4]float64 { return p.box }

// Pages returns the pages of the document in order. A document with more
// than Limits.MaxPages pages is a TooLarge error.
func (r *Reader) Pages() (pages []Page, err error) {
	defer catch(&err)
	root := r.resolve(objptr{}, r.trailer["Root"])
	top := root.Key("Pages")
	seen := map[objptr]bool{}
	letter := [4]float64{0, 0, 612, 792}
	if top.Kind() == Dict {
		r.walkPages(top, Value{}, letter, 0, seen, &pages)
	}
	if len(pages) == 0 && r.repaired {
		// No usable page tree: take every page object in the file, in order.
		for id := range r.xref {
			x := r.xref[id]
			if x.ptr == (objptr{}) || x.inStream {
				continue
			}
			v := r.tryResolve(x.ptr)
			if v.Key("Type").Name() == "Page" {
				r.addPage(v, v.Key("Resources"), boxOf(v.Key("MediaBox"), letter), &pages)
			}
		}
	}
	return pages, nil
}

func (r *Reader) walkPages(node, res Value, box [4]float64, depth int, seen map[objptr]bool, out *[]Page) {
	if depth > r.lim.MaxDepth {
		fail(Malformed, "malformed PDF: page tree too deep")
	}
	if node.ptr != (objptr{}) {
		if seen[node.ptr] {
			return
		}
		seen[node.ptr] = true
	}
	if v := node.Key("Resources"); v.Kind() == Dict {
		res = v
	}
	box = boxOf(node.Key("MediaBox"), box)
	kids := node.Key("Kids")
	if node.Key("Type").Name() == "Page" || kids.Kind() != Array {
		if node.Key("Type").Name() == "Pages" {
			return
		}
		r.addPage(node, res, box, out)
		return
	}
	for i := 0; i < kids.Len(); i++ {
		kid := kids.Index(i)
		if kid.Kind() != Dict {
			continue
		}
		r.walkPages(kid, res, box, depth+1, seen, out)
	}
}

func (r *Reader) addPage(v, res Value, box [4]float64, out *[]Page) {
	if len(*out) >= r.lim.MaxPages {
		fail(TooLarge, "PDF has more than %d pages", r.lim.MaxPages)
	}
	*out = append(*out, Page{V: v, resources: res, box: box})
}

func boxOf(v Value, def [4]float64) [4]float64 {
	if v.Len() != 4 {
		return def
	}
	var b [4]float64
	for i := range b {
		b[i] = v.Index(i).Float64()
		if math.IsNaN(b[i]) || math.Abs(b[i]) > 1e6 {
			return def
		}
	}
	if b[2] < b[0] {
		b[0], b[2] = b[2], b[0]
	}
	if b[3] < b[1] {
		b[1], b[3] = b[3], b[1]
	}
	if b[2]-b[0] < 1 || b[3]-b[1] < 1 {
		return def
	}
	return b
}

// A Text is one glyph drawn on a page.
type Text struct {
	Font     string  // the font's name, without its subset prefix
	Bold     bool    // a bold font (by name, weight or flags) or fill-and-stroke text
	FontSize float64 // the size, in points, on the page
	X        float64 // the X coordinate of the glyph's origin, in points, left to right
	Y        float64 // the Y coordinate of the baseline, in points, bottom to top
	W        float64 // the advance width, in points
	S        string  // the glyph's text (U+FFFD when the font does not say)
}

// Text returns the glyphs drawn on the page, in the order they are drawn.
func (r *Reader) Text(p Page) (text []Text, err error) {
	defer catch(&err)
	in := &interp{r: r}
	in.run(p.V.Key("Contents"), p.resources, ident, 0)
	return in.out, nil
}

type matrix [3][3]float64

var ident = matrix{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}

func (x matrix) mul(y matrix) matrix {
	var z matrix
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			for k := 0; k < 3; k++ {
				z[i][j] += x[i][k] * y[k][j]
			}
		}
	}
	return z
}

func translate(tx, ty float64) matrix {
	return matrix{{1, 0, 0}, {0, 1, 0}, {tx, ty, 1}}
}

type gstate struct {
	Tc    float64
	Tw    float64
	Th    float64
	Tl    float64
	Tf    *font
	Tfs   float64
	Tmode int
	Trise float64
	Tm    matrix
	Tlm   matrix
	CTM   matrix
}

type interp struct {
	r     *Reader
	out   []Text
	forms int
}

const (
	maxGstack = 256
	maxArgs   = 64
	maxForms  = 2000
)

// run interprets a content stream (or an array of them) with its resources.
func (in *interp) run(contents, res Value, ctm matrix, depth int) {
	r := in.r
	var rd io.Reader
	switch contents.Kind() {
	case Stream:
		rd = contents.Reader()
	case Array:
		var rs []io.Reader
		for i := 0; i < contents.Len() && i < 1000; i++ {
			if s := contents.Index(i); s.Kind() == Stream {
				// A space between parts: an operator may not span two.
				rs = append(rs, s.Reader(), spaceReader())
			}
		}
		rd = io.MultiReader(rs...)
	default:
		return
	}
	b := newBuffer(rd, 0)
	b.allowEOF = true
	b.allowObjptr = false
	b.allowStream = false

	g := gstate{Th: 1, CTM: ctm, Tm: ident, Tlm: ident}
	var gstack []gstate
	overflow := 0
	var args []Value
	fonts := map[string]*font{}

	show := func(s string) {
		f := g.Tf
		if f == nil {
			f = &font{scale: 0.001, dw: 500, enc: &winAnsiEncoding}
			g.Tf = f
		}
		unknown := false
		if f.missing {
			for i := 0; i < len(s); i++ {
				if s[i] < 0x20 && s[i] != '\t' && s[i] != '\n' && s[i] != '\r' {
					unknown = true
				}
			}
		}
		for _, c := range f.codes(s) {
			w0 := f.width(c) * f.scale
			trm := matrix{{g.Tfs * g.Th, 0, 0}, {0, g.Tfs, 0}, {0, g.Trise, 1}}.mul(g.Tm).mul(g.CTM)
			t := Text{
				Font:     f.name,
				Bold:     f.bold || g.Tmode == 2 || g.Tmode == 6,
				FontSize: math.Hypot(trm[1][0], trm[1][1]),
				X:        trm[2][0],
				Y:        trm[2][1],
				W:        w0 * math.Hypot(trm[0][0], trm[0][1]),
				S:        f.text(c),
			}
			if unknown {
				t.S = "\uFFFD"
			}
			if finite(t.X) && finite(t.Y) && finite(t.W) && finite(t.FontSize) {
				r.glyphs--
				if r.glyphs < 0 {
					fail(TooLarge, "PDF has too much text")
				}
				in.out = append(in.out, t)
			}
			tx := w0*g.Tfs + g.Tc
			if len(c.raw) == 1 && c.raw[0] == ' ' {
				tx += g.Tw
			}
			tx *= g.Th
			g.Tm = translate(tx, 0).mul(g.Tm)
		}
	}
	num := func(i int) float64 {
		if i < len(args) {
			return args[i].Float64()
		}
		return 0
	}
	mat := func() matrix {
		var m matrix
		for i := 0; i < 6; i++ {
			m[i/2][i%2] = num(i)
		}
		m[2][2] = 1
		return m
	}

	for {
		r.ops--
		if r.ops < 0 {
			fail(TooLarge, "PDF has too many drawing operators")
		}
		tok, ok := readTokenRecover(b)
		if !ok {
			args = args[:0]
			continue
		}
		if tok == io.EOF {
			break
		}
		kw, isOp := tok.(keyword)
		if isOp {
			switch kw {
			case "[", "<<", "null", "]", ">>", "{", "}":
				isOp = false
			}
		}
		if !isOp {
			b.unreadToken(tok)
			obj, ok := readObjectRecover(b)
			if ok {
				if len(args) >= maxArgs {
					args = args[:0]
				}
				args = append(args, Value{r, objptr{}, obj})
			}
			continue
		}
		switch kw {
		case "cm":
			if len(args) == 6 {
				g.CTM = mat().mul(g.CTM)
			}
		case "q":
			if len(gstack) >= maxGstack {
				overflow++
			} else {
				gstack = append(gstack, g)
			}
		case "Q":
			if overflow > 0 {
				overflow--
			} else if n := len(gstack); n > 0 {
				g = gstack[n-1]
				gstack = gstack[:n-1]
			}
		case "BT":
			g.Tm = ident
			g.Tlm = ident
		case "T*":
			g.Tlm = translate(0, -g.Tl).mul(g.Tlm)
			g.Tm = g.Tlm
		case "Tc":
			g.Tc = num(0)
		case "TD":
			g.Tl = -num(1)
			fallthrough
		case "Td":
			g.Tlm = translate(num(0), num(1)).mul(g.Tlm)
			g.Tm = g.Tlm
		case "Tf":
			if len(args) == 2 {
				fname := args[0].Name()
				f, ok := fonts[fname]
				if !ok {
					f = r.fontOf(res, fname)
					fonts[fname] = f
				}
				g.Tf = f
				g.Tfs = num(1)
			}
		case "\"":
			if len(args) == 3 {
				g.Tw = num(0)
				g.Tc = num(1)
				args = args[2:]
			}
			fallthrough
		case "'":
			g.Tlm = translate(0, -g.Tl).mul(g.Tlm)
			g.Tm = g.Tlm
			fallthrough
		case "Tj":
			if len(args) >= 1 {
				show(args[len(args)-1].RawString())
			}
		case "TJ":
			if len(args) >= 1 {
				v := args[len(args)-1]
				for i := 0; i < v.Len(); i++ {
					x := v.Index(i)
					if x.Kind() == String {
						show(x.RawString())
					} else {
						tx := -x.Float64() / 1000 * g.Tfs * g.Th
						g.Tm = translate(tx, 0).mul(g.Tm)
					}
				}
			}
		case "TL":
			g.Tl = num(0)
		case "Tm":
			if len(args) == 6 {
				g.Tm = mat()
				g.Tlm = g.Tm
			}
		case "Tr":
			g.Tmode = int(num(0))
		case "Ts":
			g.Trise = num(0)
		case "Tw":
			g.Tw = num(0)
		case "Tz":
			g.Th = num(0) / 100
		case "ID":
			skipInlineImage(b)
		case "Do":
			if len(args) == 1 && depth < 8 && in.forms < maxForms {
				xo := res.Key("XObject").Key(args[0].Name())
				if xo.Kind() == Stream && xo.Key("Subtype").Name() == "Form" {
					in.forms++
					m := ident
					if mv := xo.Key("Matrix"); mv.Len() == 6 {
						for i := 0; i < 6; i++ {
							m[i/2][i%2] = mv.Index(i).Float64()
						}
					}
					fres := xo.Key("Resources")
					if fres.Kind() != Dict {
						fres = res
					}
					in.run(xo, fres, m.mul(g.CTM), depth+1)
				}
			}
		}
		args = args[:0]
	}
}

func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) && math.Abs(f) < 1e7 }

// skipInlineImage skips the data of an inline image, after its ID operator,
// up to the EI operator: "EI" between white space.
func skipInlineImage(b *buffer) {
	prev := byte(' ')
	for !b.eof {
		c := b.readByte()
		if c == 'E' && isSpace(prev) {
			if b.readByte() == 'I' {
				n := b.readByte()
				if isSpace(n) || b.eof {
					return
				}
				b.unreadByte()
			} else {
				b.unreadByte()
			}
		}
		prev = c
	}
}

func spaceReader() io.Reader { return &oneSpace{} }

type oneSpace struct{ done bool }

func (s *oneSpace) Read(p []byte) (int, error) {
	if s.done || len(p) == 0 {
		return 0, io.EOF
	}
	s.done = true
	p[0] = ' '
	return 1, nil
}
