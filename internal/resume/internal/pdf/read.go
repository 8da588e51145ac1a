// Copyright 2014 The Go Authors.  All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package pdf

import (
	"bytes"
	"fmt"
	"io"
	"sort"
)

// A Reader is a single PDF file open for reading.
type Reader struct {
	data     []byte
	end      int64
	lim      Limits
	xref     []xref
	trailer  dict
	crypt    *crypt
	repaired bool

	cache    map[objptr]object
	loads    int   // objects loaded from the file (cache misses)
	depth    int   // references being resolved, one inside another
	budget   int64 // decompressed bytes left
	ops      int   // content operators left
	glyphs   int   // glyphs left
	fonts    map[objptr]*font
	ends     []int // offsets of every "endstream", found once when a /Length is wrong
	endsDone bool
}

type xref struct {
	ptr      objptr
	inStream bool
	stream   objptr
	offset   int64
}

// Open reads the structure of the PDF in data: its cross-reference table and
// trailer, rebuilt by scanning the file when they are damaged.
func Open(data []byte, lim Limits) (r *Reader, err error) {
	defer catch(&err)
	lim = lim.withDefaults()
	start := bytes.Index(data[:min(len(data), 1024)], []byte("%PDF-"))
	if start < 0 {
		return nil, &Error{Malformed, "not a PDF file: no %PDF- header"}
	}
	r = &Reader{
		data:   data,
		end:    int64(len(data)),
		lim:    lim,
		cache:  map[objptr]object{},
		fonts:  map[objptr]*font{},
		budget: lim.MaxDecompressed,
		ops:    lim.MaxOps,
		glyphs: lim.MaxGlyphs,
	}
	if !r.readTrailer() {
		r.repair()
	}
	if r.trailer["Encrypt"] != nil {
		r.initEncrypt()
	}
	return r, nil
}

// Repaired reports whether the cross-reference table had to be rebuilt.
func (r *Reader) Repaired() bool { return r.repaired }

// readTrailer reads the cross-reference sections from startxref on. It
// reports false when they are damaged (and the file should be scanned).
func (r *Reader) readTrailer() (ok bool) {
	defer func() {
		if x := recover(); x != nil {
			e, isErr := x.(*Error)
			if !isErr || e.Kind != Malformed {
				panic(x)
			}
			ok = false
		}
	}()
	const endChunk = 1024
	tail := r.data[max(0, len(r.data)-endChunk):]
	i := bytes.LastIndex(tail, []byte("startxref"))
	if i < 0 {
		return false
	}
	pos := r.end - int64(len(tail)) + int64(i)
	b := newBuffer(bytes.NewReader(r.data[pos:]), pos)
	b.allowEOF = true
	if b.readToken() != keyword("startxref") {
		return false
	}
	startxref, ok := b.readToken().(int64)
	if !ok || startxref < 0 || startxref >= r.end {
		return false
	}
	b = newBuffer(bytes.NewReader(r.data[startxref:]), startxref)
	xref, trailer := r.readXref(b)
	r.xref = xref
	r.trailer = trailer
	if _, ok := trailer["Root"].(objptr); !ok {
		return false
	}
	// Check that the catalog is where the table says.
	root := r.resolve(objptr{}, trailer["Root"])
	return root.Kind() == Dict
}

func (r *Reader) readXref(b *buffer) ([]xref, dict) {
	tok := b.readToken()
	if tok == keyword("xref") {
		return r.readXrefTable(b)
	}
	if _, ok := tok.(int64); ok {
		b.unreadToken(tok)
		return r.readXrefStream(b)
	}
	b.errorf("cross-reference table not found")
	return nil, nil
}

// readPrevXrefs walks a /Prev chain of cross-reference sections, at most
// once through each offset.
func (r *Reader) readPrevXrefs(first object, seen map[int64]bool, parse func(b *buffer) object) {
	for prev := first; prev != nil; {
		off, ok := prev.(int64)
		if !ok || off < 0 || off >= r.end {
			fail(Malformed, "malformed PDF: xref Prev is not a valid offset")
		}
		if seen[off] || len(seen) > 64 {
			return
		}
		seen[off] = true
		b := newBuffer(bytes.NewReader(r.data[off:]), off)
		prev = parse(b)
	}
}

func (r *Reader) readXrefStream(b *buffer) ([]xref, dict) {
	obj1 := b.readObject()
	obj, ok := obj1.(objdef)
	if !ok {
		b.errorf("cross-reference stream not found")
	}
	strm, ok := obj.obj.(stream)
	if !ok {
		b.errorf("cross-reference stream not found")
	}
	if strm.hdr["Type"] != name("XRef") {
		b.errorf("xref stream does not have type XRef")
	}
	size, ok := strm.hdr["Size"].(int64)
	if !ok || size < 0 {
		b.errorf("xref stream missing Size")
	}
	if size > int64(r.lim.MaxObjects) {
		fail(TooLarge, "PDF has too many objects (%d)", size)
	}
	table := make([]xref, size)
	table = r.readXrefStreamData(strm, table, size)

	seen := map[int64]bool{}
	r.readPrevXrefs(strm.hdr["Prev"], seen, func(b *buffer) object {
		obj, ok := b.readObject().(objdef)
		if !ok {
			b.errorf("xref prev stream not found")
		}
		prevstrm, ok := obj.obj.(stream)
		if !ok || prevstrm.hdr["Type"] != name("XRef") {
			b.errorf("xref prev stream not found")
		}
		psize, _ := prevstrm.hdr["Size"].(int64)
		if psize > size || psize < 0 {
			b.errorf("xref prev stream larger than last stream")
		}
		table = r.readXrefStreamData(prevstrm, table, psize)
		return prevstrm.hdr["Prev"]
	})
	return table, strm.hdr
}

func (r *Reader) readXrefStreamData(strm stream, table []xref, size int64) []xref {
	index, _ := strm.hdr["Index"].(array)
	if index == nil {
		index = array{int64(0), size}
	}
	if len(index)%2 != 0 {
		fail(Malformed, "malformed PDF: invalid xref Index array")
	}
	ww, ok := strm.hdr["W"].(array)
	if !ok || len(ww) < 3 {
		fail(Malformed, "malformed PDF: xref stream missing W array")
	}
	var w []int
	for _, x := range ww {
		i, ok := x.(int64)
		if !ok || i < 0 || i > 8 {
			fail(Malformed, "malformed PDF: invalid xref W array")
		}
		w = append(w, int(i))
	}
	v := Value{r, objptr{}, strm}
	wtotal := w[0] + w[1] + w[2]
	if wtotal == 0 {
		fail(Malformed, "malformed PDF: invalid xref W array")
	}
	buf := make([]byte, wtotal)
	data := v.Reader()
	for len(index) > 0 {
		start, ok1 := index[0].(int64)
		n, ok2 := index[1].(int64)
		if !ok1 || !ok2 || start < 0 || n < 0 || start+n > int64(r.lim.MaxObjects) {
			fail(Malformed, "malformed PDF: invalid xref Index array")
		}
		index = index[2:]
		for i := 0; i < int(n); i++ {
			if _, err := io.ReadFull(data, buf); err != nil {
				if e, ok := err.(*Error); ok {
					panic(e)
				}
				fail(Malformed, "malformed PDF: short xref stream")
			}
			v1 := decodeInt(buf[0:w[0]])
			if w[0] == 0 {
				v1 = 1
			}
			v2 := decodeInt(buf[w[0] : w[0]+w[1]])
			v3 := decodeInt(buf[w[0]+w[1] : w[0]+w[1]+w[2]])
			x := int(start) + i
			table = ensureXrefLen(table, x)
			if table[x].ptr != (objptr{}) {
				continue
			}
			switch v1 {
			case 0:
				table[x] = xref{ptr: objptr{0, 65535}}
			case 1:
				table[x] = xref{ptr: objptr{uint32(x), uint16(v3)}, offset: int64(v2)}
			case 2:
				table[x] = xref{ptr: objptr{uint32(x), 0}, inStream: true, stream: objptr{uint32(v2), 0}, offset: int64(v3)}
			}
		}
	}
	return table
}

func decodeInt(b []byte) int {
	x := 0
	for _, c := range b {
		x = x<<8 | int(c)
	}
	if x < 0 {
		return 0
	}
	return x
}

// ensureXrefLen grows table, if needed, so that table[x] is a valid element.
func ensureXrefLen(table []xref, x int) []xref {
	if x < len(table) {
		return table
	}
	return append(table, make([]xref, x-len(table)+1)...)
}

func (r *Reader) readXrefTable(b *buffer) ([]xref, dict) {
	var table []xref
	table = r.readXrefTableData(b, table)
	trailer, ok := b.readObject().(dict)
	if !ok {
		b.errorf("xref table not followed by trailer dictionary")
	}
	seen := map[int64]bool{}
	var prevXRefStm object
	if s := trailer["XRefStm"]; s != nil {
		prevXRefStm = s
	}
	r.readPrevXrefs(trailer["Prev"], seen, func(b *buffer) object {
		if tok := b.readToken(); tok != keyword("xref") {
			b.errorf("xref Prev does not point to xref")
		}
		table = r.readXrefTableData(b, table)
		prevTrailer, ok := b.readObject().(dict)
		if !ok {
			b.errorf("xref Prev table not followed by trailer dictionary")
		}
		return prevTrailer["Prev"]
	})
	// A hybrid file: the objects in object streams are in an xref stream.
	if off, ok := prevXRefStm.(int64); ok && off > 0 && off < r.end {
		b := newBuffer(bytes.NewReader(r.data[off:]), off)
		if obj, ok := b.readObject().(objdef); ok {
			if strm, ok := obj.obj.(stream); ok && strm.hdr["Type"] == name("XRef") {
				size, _ := strm.hdr["Size"].(int64)
				if size > 0 && size <= int64(r.lim.MaxObjects) {
					table = r.readXrefStreamData(strm, table, size)
				}
			}
		}
	}
	size, ok := trailer[name("Size")].(int64)
	if !ok {
		b.errorf("trailer missing /Size entry")
	}
	if size >= 0 && size < int64(len(table)) {
		table = table[:size]
	}
	return table, trailer
}

func (r *Reader) readXrefTableData(b *buffer, table []xref) []xref {
	for {
		tok := b.readToken()
		if tok == keyword("trailer") {
			break
		}
		start, ok1 := tok.(int64)
		n, ok2 := b.readToken().(int64)
		if !ok1 || !ok2 || start < 0 || n < 0 || start+n > int64(r.lim.MaxObjects) {
			b.errorf("malformed xref table")
		}
		for i := 0; i < int(n); i++ {
			off, ok1 := b.readToken().(int64)
			gen, ok2 := b.readToken().(int64)
			alloc, ok3 := b.readToken().(keyword)
			if !ok1 || !ok2 || !ok3 || alloc != keyword("f") && alloc != keyword("n") {
				b.errorf("malformed xref table")
			}
			x := int(start) + i
			table = ensureXrefLen(table, x)
			if alloc == "n" && table[x].offset == 0 {
				table[x] = xref{ptr: objptr{uint32(x), uint16(gen)}, offset: off}
			}
		}
	}
	return table
}

// repair rebuilds the cross-reference table by scanning the file for object
// definitions, and finds a trailer (the last one in the file, or the catalog).
func (r *Reader) repair() {
	r.repaired = true
	r.cache = map[objptr]object{}
	r.xref = nil
	r.trailer = nil
	data := r.data
	var objstms []objptr
	for i := 0; ; {
		j := bytes.Index(data[i:], []byte("obj"))
		if j < 0 {
			break
		}
		k := i + j
		i = k + 3
		// "id gen obj", with the keyword ending there.
		if i < len(data) && !isSpace(data[i]) && !isDelim(data[i]) {
			continue
		}
		id, gen, start, ok := scanIDGen(data, k)
		if !ok || id >= r.lim.MaxObjects {
			continue
		}
		r.xref = ensureXrefLen(r.xref, id)
		r.xref[id] = xref{ptr: objptr{uint32(id), uint16(gen)}, offset: int64(start)}
		if bytes.Contains(data[i:min(len(data), i+200)], []byte("/ObjStm")) {
			objstms = append(objstms, objptr{uint32(id), uint16(gen)})
		}
	}
	// Objects inside object streams.
	for _, ptr := range objstms {
		r.indexObjStm(ptr)
	}
	// The trailer: the last "trailer" dictionary or xref stream with a /Root.
	for end := len(data); ; {
		k := bytes.LastIndex(data[:end], []byte("trailer"))
		if k < 0 {
			break
		}
		end = k
		d := r.tryDict(int64(k + len("trailer")))
		if _, ok := d["Root"].(objptr); ok {
			r.trailer = d
			break
		}
	}
	if r.trailer == nil {
		for id := len(r.xref) - 1; id >= 0; id-- {
			x := r.xref[id]
			if x.inStream || x.offset == 0 {
				continue
			}
			v := r.tryResolve(x.ptr)
			if v.Key("Type").Name() == "XRef" && v.Key("Root").Kind() == Dict {
				if s, ok := v.data.(stream); ok {
					r.trailer = s.hdr
					break
				}
			}
		}
	}
	if r.trailer == nil {
		for id := range r.xref {
			x := r.xref[id]
			if x.ptr == (objptr{}) {
				continue
			}
			if v := r.tryResolve(x.ptr); v.Key("Type").Name() == "Catalog" {
				r.trailer = dict{"Root": x.ptr}
				break
			}
		}
	}
	if r.trailer == nil {
		r.trailer = dict{}
	}
}

// scanIDGen reads "id gen" backwards from the "obj" keyword at k.
func scanIDGen(data []byte, k int) (id, gen, start int, ok bool) {
	p := k
	skip := func() {
		for p > 0 && isSpace(data[p-1]) {
			p--
		}
	}
	num := func() (int, bool) {
		e := p
		for p > 0 && data[p-1] >= '0' && data[p-1] <= '9' && e-p < 10 {
			p--
		}
		if p == e {
			return 0, false
		}
		n := 0
		for _, c := range data[p:e] {
			n = n*10 + int(c-'0')
		}
		return n, true
	}
	skip()
	if p == k {
		return 0, 0, 0, false
	}
	gen, ok = num()
	if !ok || gen > 65535 {
		return 0, 0, 0, false
	}
	e := p
	skip()
	if p == e {
		return 0, 0, 0, false
	}
	id, ok = num()
	if !ok {
		return 0, 0, 0, false
	}
	if p > 0 && !isSpace(data[p-1]) && !isDelim(data[p-1]) {
		return 0, 0, 0, false
	}
	return id, gen, p, true
}

func (r *Reader) tryDict(off int64) (d dict) {
	defer func() {
		if x := recover(); x != nil {
			if e, ok := x.(*Error); !ok || e.Kind != Malformed {
				panic(x)
			}
			d = nil
		}
	}()
	b := newBuffer(bytes.NewReader(r.data[off:]), off)
	b.allowEOF = true
	b.allowStream = false
	d, _ = b.readObject().(dict)
	return d
}

func (r *Reader) tryResolve(ptr objptr) (v Value) {
	defer func() {
		if x := recover(); x != nil {
			if e, ok := x.(*Error); !ok || e.Kind != Malformed {
				panic(x)
			}
			v = Value{}
		}
	}()
	return r.resolve(objptr{}, ptr)
}

// indexObjStm adds the objects of an object stream to a rebuilt table.
func (r *Reader) indexObjStm(ptr objptr) {
	defer func() {
		if x := recover(); x != nil {
			if e, ok := x.(*Error); !ok || e.Kind != Malformed {
				panic(x)
			}
		}
	}()
	strm := r.resolve(objptr{}, ptr)
	if strm.Kind() != Stream || strm.Key("Type").Name() != "ObjStm" {
		return
	}
	n := strm.Key("N").Int64()
	b := newBuffer(strm.Reader(), 0)
	b.allowEOF = true
	for i := int64(0); i < n && !b.eof; i++ {
		id, ok1 := b.readToken().(int64)
		_, ok2 := b.readToken().(int64)
		if !ok1 || !ok2 || id < 0 || id >= int64(r.lim.MaxObjects) {
			return
		}
		r.xref = ensureXrefLen(r.xref, int(id))
		if r.xref[id].ptr == (objptr{}) {
			r.xref[id] = xref{ptr: objptr{uint32(id), 0}, inStream: true, stream: ptr}
		}
	}
}

// A Value is a single PDF value, such as an integer, dictionary, or array.
// The zero Value is a PDF null (Kind() == Null, IsNull() = true).
type Value struct {
	r    *Reader
	ptr  objptr
	data interface{}
}

// IsNull reports whether the value is a null. It is equivalent to Kind() == Null.
func (v Value) IsNull() bool {
	return v.data == nil
}

// A ValueKind specifies the kind of data underlying a Value.
type ValueKind int

// The PDF value kinds.
const (
	Null ValueKind = iota
	Bool
	Integer
	Real
	String
	Name
	Dict
	Array
	Stream
)

// Kind reports the kind of value underlying v.
func (v Value) Kind() ValueKind {
	switch v.data.(type) {
	default:
		return Null
	case bool:
		return Bool
	case int64:
		return Integer
	case float64:
		return Real
	case string:
		return String
	case name:
		return Name
	case dict:
		return Dict
	case array:
		return Array
	case stream:
		return Stream
	}
}

// String returns a short textual representation of the value v, for errors.
func (v Value) String() string {
	s := fmt.Sprint(v.data)
	if len(s) > 40 {
		s = s[:40] + "..."
	}
	return s
}

// Bool returns v's boolean value.
func (v Value) Bool() bool {
	x, _ := v.data.(bool)
	return x
}

// Int64 returns v's int64 value.
func (v Value) Int64() int64 {
	x, ok := v.data.(int64)
	if !ok {
		if f, ok := v.data.(float64); ok && f > -1e15 && f < 1e15 {
			return int64(f)
		}
	}
	return x
}

// Float64 returns v's float64 value, converting from integer if necessary.
func (v Value) Float64() float64 {
	x, ok := v.data.(float64)
	if !ok {
		x, ok := v.data.(int64)
		if ok {
			return float64(x)
		}
		return 0
	}
	return x
}

// RawString returns v's string value.
func (v Value) RawString() string {
	x, _ := v.data.(string)
	return x
}

// Text returns v's string value interpreted as a “text string” (defined in the PDF spec)
// and converted to UTF-8.
func (v Value) Text() string {
	x, ok := v.data.(string)
	if !ok {
		return ""
	}
	if isPDFDocEncoded(x) {
		return pdfDocDecode(x)
	}
	if isUTF16(x) {
		return utf16Decode(x[2:])
	}
	return x
}

// Name returns v's name value, without the slash.
func (v Value) Name() string {
	x, _ := v.data.(name)
	return string(x)
}

// Key returns the value associated with the given name key in the dictionary v.
// If v is a stream, Key applies to the stream's header dictionary.
func (v Value) Key(key string) Value {
	x, ok := v.data.(dict)
	if !ok {
		strm, ok := v.data.(stream)
		if !ok {
			return Value{}
		}
		x = strm.hdr
	}
	return v.r.resolve(v.ptr, x[name(key)])
}

// Keys returns a sorted list of the keys in the dictionary v.
func (v Value) Keys() []string {
	x, ok := v.data.(dict)
	if !ok {
		strm, ok := v.data.(stream)
		if !ok {
			return nil
		}
		x = strm.hdr
	}
	keys := []string{} // not nil
	for k := range x {
		keys = append(keys, string(k))
	}
	sort.Strings(keys)
	return keys
}

// Index returns the i'th element in the array v.
func (v Value) Index(i int) Value {
	x, ok := v.data.(array)
	if !ok || i < 0 || i >= len(x) {
		return Value{}
	}
	return v.r.resolve(v.ptr, x[i])
}

// Len returns the length of the array v.
func (v Value) Len() int {
	x, _ := v.data.(array)
	return len(x)
}

func (r *Reader) resolve(parent objptr, x interface{}) Value {
	if ptr, ok := x.(objptr); ok {
		if r == nil {
			return Value{}
		}
		return Value{r, ptr, r.load(ptr)}
	}
	switch x := x.(type) {
	case nil, bool, int64, float64, name, dict, array, stream, string:
		return Value{r, parent, x}
	default:
		return Value{}
	}
}

// load reads an indirect object, once.
func (r *Reader) load(ptr objptr) (obj object) {
	if o, ok := r.cache[ptr]; ok {
		return o
	}
	if ptr.id >= uint32(len(r.xref)) {
		return nil
	}
	x := r.xref[ptr.id]
	if x.ptr != ptr || !x.inStream && x.offset == 0 {
		return nil
	}
	r.loads++
	if r.loads > r.lim.MaxObjects {
		fail(TooLarge, "PDF has too many objects")
	}
	r.depth++
	defer func() { r.depth-- }()
	if r.depth > r.lim.MaxDepth {
		fail(Malformed, "malformed PDF: references nested too deeply (a cycle?)")
	}
	// Mark the object as being loaded: a reference back to it reads null.
	r.cache[ptr] = nil
	if x.inStream {
		obj = r.loadFromStream(ptr, x)
	} else {
		if x.offset < 0 || x.offset >= r.end {
			return nil
		}
		b := newBuffer(bytes.NewReader(r.data[x.offset:]), x.offset)
		b.crypt = r.crypt
		def, ok := b.readObject().(objdef)
		if !ok || def.ptr != ptr {
			fail(Malformed, "malformed PDF: object %d %d is not where the table says", ptr.id, ptr.gen)
		}
		obj = def.obj
	}
	r.cache[ptr] = obj
	return obj
}

func (r *Reader) loadFromStream(ptr objptr, x xref) object {
	strm := r.resolve(objptr{}, x.stream)
	for hops := 0; hops < 8; hops++ {
		if strm.Kind() != Stream || strm.Key("Type").Name() != "ObjStm" {
			fail(Malformed, "malformed PDF: object %d is in a missing object stream", ptr.id)
		}
		n := strm.Key("N").Int64()
		first := strm.Key("First").Int64()
		if first <= 0 || n < 0 {
			fail(Malformed, "malformed PDF: object stream without First")
		}
		b := newBuffer(strm.Reader(), 0)
		b.allowEOF = true
		for i := int64(0); i < n && !b.eof; i++ {
			id, _ := b.readToken().(int64)
			off, _ := b.readToken().(int64)
			if id == int64(ptr.id) {
				if off < 0 || b.readOffset() > first+off {
					fail(Malformed, "malformed PDF: bad offset in object stream")
				}
				b.seekForward(first + off)
				b.unread = nil
				b.allowStream = false
				return b.readObject()
			}
		}
		strm = strm.Key("Extends")
	}
	fail(Malformed, "malformed PDF: object %d not found in its object stream", ptr.id)
	return nil
}

// Reader returns the decoded data of the stream v. Reading past the
// document's decompression budget fails with a TooLarge error.
func (v Value) Reader() io.Reader {
	x, ok := v.data.(stream)
	if !ok {
		return bytes.NewReader(nil)
	}
	r := v.r
	start, end := r.streamExtent(v, x)
	var rd io.Reader = bytes.NewReader(r.data[start:end])
	if r.crypt != nil && v.Key("Type").Name() != "XRef" {
		rd = r.crypt.decryptStream(x.ptr, rd)
	}
	filter := v.Key("Filter")
	param := v.Key("DecodeParms")
	switch filter.Kind() {
	case Null:
	case Name:
		rd = r.applyFilter(rd, filter.Name(), param)
	case Array:
		if filter.Len() > 8 {
			fail(Malformed, "malformed PDF: too many filters")
		}
		for i := 0; i < filter.Len(); i++ {
			rd = r.applyFilter(rd, filter.Index(i).Name(), param.Index(i))
		}
	default:
		fail(Malformed, "malformed PDF: bad stream filter")
	}
	return &budgetReader{r: r, rd: rd}
}

// streamExtent finds the bytes of a stream: from its /Length when that ends at
// "endstream", else up to the next "endstream" in the file.
func (r *Reader) streamExtent(v Value, x stream) (int64, int64) {
	start := x.offset
	if start < 0 || start > r.end {
		fail(Malformed, "malformed PDF: bad stream offset")
	}
	n := v.Key("Length").Int64()
	if n >= 0 && start+n <= r.end && start+n >= start {
		rest := bytes.TrimLeft(r.data[start+n:min(r.end, start+n+32)], "\r\n\t \x00")
		if bytes.HasPrefix(rest, []byte("endstream")) {
			return start, start + n
		}
	}
	if !r.endsDone {
		r.endsDone = true
		for i := 0; ; {
			j := bytes.Index(r.data[i:], []byte("endstream"))
			if j < 0 {
				break
			}
			r.ends = append(r.ends, i+j)
			i += j + 9
		}
	}
	k := sort.SearchInts(r.ends, int(start))
	end := r.end
	if k < len(r.ends) {
		end = int64(r.ends[k])
		// The end of line before "endstream" is not data.
		if end > start && r.data[end-1] == '\n' {
			end--
		}
		if end > start && r.data[end-1] == '\r' {
			end--
		}
	} else if n >= 0 && start+n <= r.end && start+n >= start {
		end = start + n
	}
	return start, end
}
