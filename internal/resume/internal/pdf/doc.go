// Copyright 2014 The Go Authors.  All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Package pdf reads the text of PDF files, with the position, size and font of
// every glyph, under hard limits, for offerloop's resume reader.
//
// It is a fork of github.com/ledongthuc/pdf at v0.0.0-20260907135840-6c8c28e0e8a0
// (itself a fork of rsc.io/pdf), BSD-3-Clause: see LICENSE in this directory,
// whose copyright notice is kept on every file taken from it. The lexer
// (lex.go), the object model and cross-reference reading (read.go), the
// encryption code (crypt.go), the PostScript subset for CMaps (ps.go) and the
// encoding tables (text.go, name.go) come from it. What changed:
//
//   - The input is a byte slice already in memory, and every stream decoder
//     (Flate, ASCII85, ASCIIHex, PNG predictors) writes through one budget of
//     decompressed bytes for the whole document (Limits.MaxDecompressed); past
//     it reading stops with a TooLarge error. So does a document with more
//     objects than Limits.MaxObjects, more pages than Limits.MaxPages, more
//     glyphs than Limits.MaxGlyphs or more content operators than Limits.MaxOps.
//   - Resolved objects are cached, and resolving is depth-limited, so a
//     reference cycle (an object stream whose /Length lives in itself, a page
//     tree whose kid is its parent, a /Prev chain that loops, a /Parent chain
//     that loops, a form XObject that draws itself) ends with an error instead
//     of recursing or looping forever. The page tree is walked once with a
//     visited set.
//   - Every failure is an *Error (Malformed, Encrypted or TooLarge) returned by
//     the exported functions; the library's panics on bad input (an empty
//     graphics-state stack, a malformed CMap range, an AES string shorter than
//     a block, unknown filters, ...) are errors now. A hex string that never
//     ends no longer loops forever at the end of a content stream.
//   - A damaged cross-reference table (a truncated or edited file) is rebuilt
//     by scanning the file for "N G obj" markers, as PDF viewers do.
//   - Text extraction is rewritten: codes are split by the font (two-byte codes
//     for Type0 fonts, or the ToUnicode code space), widths come from /Widths
//     or the descendant font's /W array, ToUnicode CMaps are indexed once per
//     font (maps and sorted ranges instead of linear scans for every glyph),
//     form XObjects are drawn, inline images are skipped, and each glyph
//     carries its font's boldness. The plain-text, row and column helpers, the
//     outline and the file-opening helpers were removed.
//   - Encrypted files open only when the empty user password works (RC4 or
//     AESV2); otherwise Open returns an Encrypted error.
package pdf

import "fmt"

// Kind classifies an Error.
type Kind int

// Error kinds.
const (
	Malformed Kind = iota // the file breaks the format, or is truncated
	Encrypted             // the file needs a password
	TooLarge              // a limit was reached
)

// Error is a failure to read a PDF.
type Error struct {
	Kind Kind
	Msg  string
}

func (e *Error) Error() string { return e.Msg }

// fail stops reading with an Error; the exported functions recover it.
func fail(kind Kind, format string, args ...any) {
	panic(&Error{Kind: kind, Msg: fmt.Sprintf(format, args...)})
}

// catch turns a panic raised by fail into *err. Any other panic is a bug and
// goes on up.
func catch(err *error) {
	if x := recover(); x != nil {
		if e, ok := x.(*Error); ok {
			*err = e
			return
		}
		panic(x)
	}
}

// Limits bound the work done on one document.
type Limits struct {
	MaxDecompressed int64 // bytes produced by all stream decoders together
	MaxObjects      int   // indirect objects loaded, and cross-reference entries
	MaxDepth        int   // nesting of references being resolved, form XObjects, page tree
	MaxPages        int   // pages; one more is a TooLarge error
	MaxGlyphs       int   // glyphs drawn in the whole document
	MaxOps          int   // content-stream operators run in the whole document
}

// DefaultLimits are the limits used when a field of Limits is zero.
var DefaultLimits = Limits{
	MaxDecompressed: 32 << 20,
	MaxObjects:      100000,
	MaxDepth:        32,
	MaxPages:        10,
	MaxGlyphs:       400000,
	MaxOps:          4000000,
}

func (l Limits) withDefaults() Limits {
	d := DefaultLimits
	if l.MaxDecompressed > 0 {
		d.MaxDecompressed = l.MaxDecompressed
	}
	if l.MaxObjects > 0 {
		d.MaxObjects = l.MaxObjects
	}
	if l.MaxDepth > 0 {
		d.MaxDepth = l.MaxDepth
	}
	if l.MaxPages > 0 {
		d.MaxPages = l.MaxPages
	}
	if l.MaxGlyphs > 0 {
		d.MaxGlyphs = l.MaxGlyphs
	}
	if l.MaxOps > 0 {
		d.MaxOps = l.MaxOps
	}
	return d
}
