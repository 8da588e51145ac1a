// Copyright 2014 The Go Authors.  All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package pdf

import (
	"sort"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// font is what text extraction needs of a font dictionary: how to split a
// string into codes, the text and the width of each code.
type font struct {
	name   string // BaseFont without its subset prefix
	bold   bool
	cid    bool // Type0: multi-byte codes, CID widths
	toUni  *cmap
	enc    *[256]rune // simple fonts: the encoding, when there is no ToUnicode entry for a code
	widths map[int]float64
	dw     float64 // default width (glyph space units)
	scale  float64 // glyph space to text space: 1/1000, or a Type 3 font's matrix
	// missing is a font the resources do not define (a damaged file): its
	// strings read as WinAnsi unless they hold control bytes, the mark of
	// two-byte glyph codes, which cannot be read without the font.
	missing bool
}

// fontOf reads (once per font object) the font the resources call fname.
func (r *Reader) fontOf(resources Value, fname string) *font {
	fv := resources.Key("Font").Key(fname)
	if fv.Kind() != Dict {
		return &font{name: fname, scale: 0.001, dw: 500, enc: &winAnsiEncoding, missing: true}
	}
	if fv.ptr != (objptr{}) {
		if f, ok := r.fonts[fv.ptr]; ok {
			return f
		}
	}
	f := r.readFont(fv)
	if fv.ptr != (objptr{}) {
		r.fonts[fv.ptr] = f
	}
	return f
}

func (r *Reader) readFont(fv Value) *font {
	f := &font{scale: 0.001, dw: 1000}
	base := fv.Key("BaseFont").Name()
	if i := strings.Index(base, "+"); i >= 0 {
		base = base[i+1:]
	}
	f.name = base
	lower := strings.ToLower(base)
	for _, w := range []string{"bold", "black", "heavy", "semibold", "demi", "extrab", ",bd", "-bd"} {
		if strings.Contains(lower, w) {
			f.bold = true
		}
	}
	desc := fv.Key("FontDescriptor")
	sub := fv.Key("Subtype").Name()
	if sub == "Type0" {
		f.cid = true
		d := fv.Key("DescendantFonts").Index(0)
		desc = d.Key("FontDescriptor")
		if dw := d.Key("DW"); dw.Kind() == Integer || dw.Kind() == Real {
			f.dw = dw.Float64()
		}
		f.widths = readCIDWidths(d.Key("W"))
	} else {
		f.dw = 0
		if desc.Kind() == Dict {
			f.dw = desc.Key("MissingWidth").Float64()
		}
		first := int(fv.Key("FirstChar").Int64())
		ws := fv.Key("Widths")
		if n := ws.Len(); n > 0 && n <= 256 && first >= 0 && first < 256 {
			f.widths = make(map[int]float64, n)
			for i := 0; i < n; i++ {
				f.widths[first+i] = ws.Index(i).Float64()
			}
		} else if f.dw == 0 {
			f.dw = 500
			if strings.Contains(lower, "courier") || strings.Contains(lower, "mono") {
				f.dw = 600
			}
		}
		if sub == "Type3" {
			if m := fv.Key("FontMatrix"); m.Len() == 6 {
				f.scale = m.Index(0).Float64()
				if f.scale <= 0 || f.scale > 1 {
					f.scale = 0.001
				}
			}
		}
		f.enc = simpleEncoding(fv, lower)
	}
	if desc.Kind() == Dict {
		if w := desc.Key("FontWeight").Float64(); w >= 600 {
			f.bold = true
		}
		if desc.Key("Flags").Int64()&(1<<18) != 0 {
			f.bold = true
		}
	}
	if tu := fv.Key("ToUnicode"); tu.Kind() == Stream {
		f.toUni = r.readCmap(tu)
	}
	return f
}

func readCIDWidths(w Value) map[int]float64 {
	m := map[int]float64{}
	n := w.Len()
	for i := 0; i < n && len(m) < 1<<16; {
		first := int(w.Index(i).Int64())
		next := w.Index(i + 1)
		if next.Kind() == Array {
			for j := 0; j < next.Len() && len(m) < 1<<16; j++ {
				m[first+j] = next.Index(j).Float64()
			}
			i += 2
			continue
		}
		last := int(next.Int64())
		wd := w.Index(i + 2).Float64()
		if last-first > 1<<16 || last < first {
			i += 3
			continue
		}
		for c := first; c <= last && len(m) < 1<<16; c++ {
			m[c] = wd
		}
		i += 3
	}
	return m
}

// simpleEncoding builds the code-to-rune table of a simple font.
func simpleEncoding(fv Value, lowerName string) *[256]rune {
	var table [256]rune
	base := &winAnsiEncoding
	if strings.Contains(lowerName, "symbol") {
		base = &symbolEncoding
	}
	enc := fv.Key("Encoding")
	var diffs Value
	switch enc.Kind() {
	case Name:
		base = namedEncoding(enc.Name(), base)
	case Dict:
		base = namedEncoding(enc.Key("BaseEncoding").Name(), base)
		diffs = enc.Key("Differences")
	}
	table = *base
	code := -1
	for i := 0; i < diffs.Len() && i < 1024; i++ {
		x := diffs.Index(i)
		switch x.Kind() {
		case Integer:
			code = int(x.Int64())
		case Name:
			if code >= 0 && code < 256 {
				if r := glyphRune(x.Name()); r != 0 {
					table[code] = r
				}
			}
			code++
		}
	}
	return &table
}

func namedEncoding(n string, def *[256]rune) *[256]rune {
	switch n {
	case "WinAnsiEncoding", "StandardEncoding":
		return &winAnsiEncoding
	case "MacRomanEncoding":
		return &macRomanEncoding
	case "PDFDocEncoding":
		return &pdfDocEncoding
	}
	return def
}

// glyphRune maps a glyph name (bullet, uni2022, u1F600, a123...) to a rune.
func glyphRune(n string) rune {
	if r, ok := nameToRune[n]; ok {
		return r
	}
	if len(n) == 1 {
		return rune(n[0])
	}
	hex := ""
	switch {
	case strings.HasPrefix(n, "uni") && len(n) >= 7:
		hex = n[3:7]
	case strings.HasPrefix(n, "u") && len(n) >= 5 && len(n) <= 7:
		hex = n[1:]
	}
	if hex != "" {
		v := 0
		for i := 0; i < len(hex); i++ {
			d := unhex(hex[i])
			if d < 0 {
				return 0
			}
			v = v<<4 | d
		}
		if utf8.ValidRune(rune(v)) {
			return rune(v)
		}
	}
	return 0
}

// symbolEncoding is enough of the Symbol font's built-in encoding for the
// glyphs resumes use as bullets; other codes read as Latin-1.
var symbolEncoding = func() [256]rune {
	var t [256]rune
	for i := range t {
		t[i] = rune(i)
	}
	t[0xB7] = '•'
	t[0xA8] = '♣'
	t[0xAE] = '→'
	t[0xD7] = '·'
	t[0xE0] = '◊'
	return t
}()

// code is one character code of a string drawn with a font.
type code struct {
	raw   string
	value int
}

// codes splits a string into the font's character codes.
func (f *font) codes(s string) []code {
	out := make([]code, 0, len(s))
	if !f.cid {
		for i := 0; i < len(s); i++ {
			out = append(out, code{s[i : i+1], int(s[i])})
		}
		return out
	}
	for len(s) > 0 {
		n := 2
		if f.toUni != nil && f.toUni.hasSpace {
			n = f.toUni.codeLen(s)
		}
		if n > len(s) {
			n = len(s)
		}
		v := 0
		for i := 0; i < n; i++ {
			v = v<<8 | int(s[i])
		}
		out = append(out, code{s[:n], v})
		s = s[n:]
	}
	return out
}

// text is the Unicode text of one code.
func (f *font) text(c code) string {
	if f.toUni != nil {
		if t, ok := f.toUni.lookup(c.raw); ok {
			return t
		}
	}
	if f.cid {
		return "\uFFFD"
	}
	if f.enc != nil {
		r := f.enc[c.value&0xff]
		if r == noRune || r == 0 {
			return "\uFFFD"
		}
		return string(r)
	}
	return string(rune(c.value))
}

// width is the advance of one code in glyph space units.
func (f *font) width(c code) float64 {
	if w, ok := f.widths[c.value]; ok {
		return w
	}
	return f.dw
}

type byteRange struct {
	low  string
	high string
}

type bfrange struct {
	lo, hi string
	dst    string   // UTF-16BE of the first code, incremented along the range
	arr    []string // or one UTF-16BE string per code
}

// cmap is a parsed ToUnicode CMap.
type cmap struct {
	space    [4][]byteRange // codespace ranges by code length
	hasSpace bool
	bfchar   map[string]string // code → UTF-8 text
	ranges   []bfrange         // sorted by lo
}

const maxCmapEntries = 1 << 17

// codeLen is the length of the first code of s, from the code space ranges.
func (m *cmap) codeLen(s string) int {
	for n := 1; n <= 4 && n <= len(s); n++ {
		for _, sp := range m.space[n-1] {
			if sp.low <= s[:n] && s[:n] <= sp.high {
				return n
			}
		}
	}
	return 2
}

func (m *cmap) lookup(c string) (string, bool) {
	if t, ok := m.bfchar[c]; ok {
		return t, true
	}
	// The ranges are sorted by lo: look back from the last one with lo <= c.
	i := sort.Search(len(m.ranges), func(i int) bool { return m.ranges[i].lo > c }) - 1
	for k := 0; i >= 0 && k < 64; i, k = i-1, k+1 {
		rg := m.ranges[i]
		if len(rg.lo) != len(c) || c > rg.hi {
			continue
		}
		off := codeValue(c) - codeValue(rg.lo)
		if rg.arr != nil {
			if off < len(rg.arr) {
				return utf16Text(rg.arr[off]), true
			}
			return "", false
		}
		u := []byte(rg.dst)
		if len(u) < 2 {
			return "", false
		}
		last := int(u[len(u)-2])<<8 | int(u[len(u)-1])
		last += off
		u[len(u)-2], u[len(u)-1] = byte(last>>8), byte(last)
		return utf16Text(string(u)), true
	}
	return "", false
}

func codeValue(s string) int {
	v := 0
	for i := 0; i < len(s); i++ {
		v = v<<8 | int(s[i])
	}
	return v
}

func utf16Text(s string) string {
	if len(s)%2 == 1 {
		s = s[:len(s)-1]
	}
	u := make([]uint16, 0, len(s)/2)
	for i := 0; i+1 < len(s); i += 2 {
		u = append(u, uint16(s[i])<<8|uint16(s[i+1]))
	}
	return string(utf16.Decode(u))
}

func (r *Reader) readCmap(toUnicode Value) *cmap {
	n := -1
	m := &cmap{bfchar: map[string]string{}}
	entries := 0
	r.interpret(toUnicode, func(stk *Stack, op string) {
		switch op {
		case "findresource":
			stk.Pop() // category
			stk.Pop() // key
			stk.Push(newDict())
		case "begincmap":
			stk.Push(newDict())
		case "endcmap":
			stk.Pop()
		case "begincodespacerange", "beginbfchar", "beginbfrange":
			n = int(stk.Pop().Int64())
			if n < 0 || n > maxCmapEntries {
				n = -1
			}
		case "endcodespacerange":
			for i := 0; i < n; i++ {
				hi, lo := stk.Pop().RawString(), stk.Pop().RawString()
				if len(lo) == 0 || len(lo) > 4 || len(lo) != len(hi) {
					continue
				}
				m.space[len(lo)-1] = append(m.space[len(lo)-1], byteRange{lo, hi})
				m.hasSpace = true
			}
			n = -1
		case "endbfchar":
			for i := 0; i < n && entries < maxCmapEntries; i++ {
				repl, orig := stk.Pop().RawString(), stk.Pop().RawString()
				if orig == "" {
					continue
				}
				m.bfchar[orig] = utf16Text(repl)
				entries++
			}
			n = -1
		case "endbfrange":
			for i := 0; i < n && entries < maxCmapEntries; i++ {
				dst, srcHi, srcLo := stk.Pop(), stk.Pop().RawString(), stk.Pop().RawString()
				if srcLo == "" || len(srcLo) != len(srcHi) || len(srcLo) > 4 || srcHi < srcLo {
					continue
				}
				rg := bfrange{lo: srcLo, hi: srcHi}
				switch dst.Kind() {
				case String:
					rg.dst = dst.RawString()
				case Array:
					for j := 0; j < dst.Len() && j < 1<<16; j++ {
						rg.arr = append(rg.arr, dst.Index(j).RawString())
					}
				default:
					continue
				}
				m.ranges = append(m.ranges, rg)
				entries++
			}
			n = -1
		case "defineresource":
			stk.Pop() // category
			value := stk.Pop()
			stk.Pop() // key
			stk.Push(value)
		}
	})
	sort.SliceStable(m.ranges, func(i, j int) bool { return m.ranges[i].lo < m.ranges[j].lo })
	return m
}
