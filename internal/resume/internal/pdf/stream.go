// Copyright 2014 The Go Authors.  All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package pdf

import (
	"bufio"
	"compress/zlib"
	"encoding/ascii85"
	"io"
)

// budgetReader counts the bytes a stream decodes against the document's
// budget, and fails with a TooLarge error past it. Errors from the decoders
// below it (a corrupt Flate stream) end the stream: what was decoded is kept.
type budgetReader struct {
	r   *Reader
	rd  io.Reader
	err error
}

func (b *budgetReader) Read(p []byte) (int, error) {
	if b.err != nil {
		return 0, b.err
	}
	if b.r.budget <= 0 {
		b.err = &Error{TooLarge, "PDF streams decompress to more than the limit"}
		return 0, b.err
	}
	if int64(len(p)) > b.r.budget+1 {
		p = p[:b.r.budget+1]
	}
	n, err := b.rd.Read(p)
	b.r.budget -= int64(n)
	if b.r.budget < 0 {
		b.err = &Error{TooLarge, "PDF streams decompress to more than the limit"}
		return 0, b.err
	}
	if err != nil {
		if e, ok := err.(*Error); ok {
			b.err = e
			return n, e
		}
		b.err = io.EOF
		return n, io.EOF
	}
	return n, nil
}

// failReader reports a stream that cannot be decoded as an empty stream.
type failReader struct{}

func (failReader) Read([]byte) (int, error) { return 0, io.EOF }

func (r *Reader) applyFilter(rd io.Reader, filter string, param Value) io.Reader {
	switch filter {
	default:
		// DCT, JPX, CCITT, JBIG2 are images; nothing here reads their data.
		return failReader{}
	case "FlateDecode", "Fl":
		zr, err := zlib.NewReader(bufio.NewReader(rd))
		if err != nil {
			return failReader{}
		}
		return predictor(zr, param)
	case "ASCII85Decode", "A85":
		return ascii85.NewDecoder(&alphaReader{reader: rd})
	case "ASCIIHexDecode", "AHx":
		return &hexReader{rd: bufio.NewReader(rd)}
	}
}

// predictor undoes a PNG or TIFF predictor.
func predictor(rd io.Reader, param Value) io.Reader {
	pred := param.Key("Predictor").Int64()
	if pred <= 1 {
		return rd
	}
	colors := param.Key("Colors").Int64()
	if colors <= 0 {
		colors = 1
	}
	bpc := param.Key("BitsPerComponent").Int64()
	if bpc <= 0 {
		bpc = 8
	}
	columns := param.Key("Columns").Int64()
	if columns <= 0 {
		columns = 1
	}
	if colors > 32 || bpc > 16 || columns > 1<<16 {
		return failReader{}
	}
	bpp := int((colors*bpc + 7) / 8)
	rowLen := int((colors*bpc*columns + 7) / 8)
	if pred == 2 {
		if bpc != 8 {
			return rd
		}
		return &tiffReader{r: rd, row: make([]byte, rowLen), bpp: bpp}
	}
	return &pngReader{r: rd, prev: make([]byte, rowLen), cur: make([]byte, rowLen+1), bpp: bpp}
}

// pngReader undoes the PNG predictors (None, Sub, Up, Average, Paeth), row by row.
type pngReader struct {
	r    io.Reader
	prev []byte
	cur  []byte // filter byte, then the row
	bpp  int
	pend []byte
}

func (p *pngReader) Read(b []byte) (int, error) {
	n := 0
	for len(b) > 0 {
		if len(p.pend) > 0 {
			m := copy(b, p.pend)
			n += m
			b = b[m:]
			p.pend = p.pend[m:]
			continue
		}
		if n > 0 {
			return n, nil
		}
		if _, err := io.ReadFull(p.r, p.cur); err != nil {
			return n, io.EOF
		}
		row := p.cur[1:]
		switch p.cur[0] {
		case 0:
		case 1:
			for i := p.bpp; i < len(row); i++ {
				row[i] += row[i-p.bpp]
			}
		case 2:
			for i := range row {
				row[i] += p.prev[i]
			}
		case 3:
			for i := range row {
				var left int
				if i >= p.bpp {
					left = int(row[i-p.bpp])
				}
				row[i] += byte((left + int(p.prev[i])) / 2)
			}
		case 4:
			for i := range row {
				var a, c int
				if i >= p.bpp {
					a, c = int(row[i-p.bpp]), int(p.prev[i-p.bpp])
				}
				row[i] += paeth(a, int(p.prev[i]), c)
			}
		default:
			return n, io.EOF
		}
		copy(p.prev, row)
		p.pend = p.prev
	}
	return n, nil
}

func paeth(a, b, c int) byte {
	p := a + b - c
	pa, pb, pc := abs(p-a), abs(p-b), abs(p-c)
	if pa <= pb && pa <= pc {
		return byte(a)
	}
	if pb <= pc {
		return byte(b)
	}
	return byte(c)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// tiffReader undoes TIFF predictor 2 for 8-bit components.
type tiffReader struct {
	r    io.Reader
	row  []byte
	bpp  int
	pend []byte
}

func (t *tiffReader) Read(b []byte) (int, error) {
	if len(t.pend) == 0 {
		if _, err := io.ReadFull(t.r, t.row); err != nil {
			return 0, io.EOF
		}
		for i := t.bpp; i < len(t.row); i++ {
			t.row[i] += t.row[i-t.bpp]
		}
		t.pend = t.row
	}
	n := copy(b, t.pend)
	t.pend = t.pend[n:]
	return n, nil
}

// alphaReader keeps the ASCII85 digits of a stream, up to its "~>" end.
type alphaReader struct {
	reader io.Reader
	eod    bool
}

func isASCII85(r byte) bool {
	return (r >= '!' && r <= 'u') || r == 'z'
}

func (a *alphaReader) Read(p []byte) (int, error) {
	if a.eod {
		return 0, io.EOF
	}
	n, err := a.reader.Read(p)
	out := 0
	for i := 0; i < n; i++ {
		c := p[i]
		if c == '~' {
			a.eod = true
			return out, io.EOF
		}
		if isASCII85(c) {
			p[out] = c
			out++
		}
	}
	return out, err
}

// hexReader decodes ASCIIHexDecode data up to its ">" end.
type hexReader struct {
	rd  *bufio.Reader
	eod bool
}

func (h *hexReader) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) && !h.eod {
		hi := h.digit()
		if hi < 0 {
			break
		}
		lo := h.digit()
		if lo < 0 {
			p[n] = byte(hi << 4)
			n++
			break
		}
		p[n] = byte(hi<<4 | lo)
		n++
	}
	if n == 0 {
		return 0, io.EOF
	}
	return n, nil
}

func (h *hexReader) digit() int {
	for {
		c, err := h.rd.ReadByte()
		if err != nil || c == '>' {
			h.eod = true
			return -1
		}
		if isSpace(c) {
			continue
		}
		d := unhex(c)
		if d < 0 {
			h.eod = true
		}
		return d
	}
}
