// Copyright 2014 The Go Authors.  All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package pdf

import (
	"io"
)

// A Stack represents a stack of values.
type Stack struct {
	stack []Value
}

// Len returns the number of values on the stack.
func (stk *Stack) Len() int {
	return len(stk.stack)
}

// Push pushes v, dropping the stack when it grows past any sensible size.
func (stk *Stack) Push(v Value) {
	if len(stk.stack) >= maxStack {
		stk.stack = stk.stack[:0]
	}
	stk.stack = append(stk.stack, v)
}

// Pop pops a value, or returns null when the stack is empty.
func (stk *Stack) Pop() Value {
	n := len(stk.stack)
	if n == 0 {
		return Value{}
	}
	v := stk.stack[n-1]
	stk.stack[n-1] = Value{}
	stk.stack = stk.stack[:n-1]
	return v
}

const maxStack = 100000

func newDict() Value {
	return Value{nil, objptr{}, make(dict)}
}

// interpret runs the content of a stream as a basic PostScript program,
// pushing values onto a stack and calling do for each operator. It handles
// "dict", "currentdict", "begin", "end", "def" and "pop" itself. It serves
// the CMaps embedded in fonts, not page content (see content.go).
func (r *Reader) interpret(strm Value, do func(stk *Stack, op string)) {
	var stk Stack
	var dicts []dict
	b := newBuffer(strm.Reader(), 0)
	b.allowEOF = true
	b.allowObjptr = false
	b.allowStream = false

Reading:
	for {
		r.ops--
		if r.ops < 0 {
			fail(TooLarge, "PDF has too many operators")
		}
		tok, ok := readTokenRecover(b)
		if !ok {
			continue
		}
		if tok == io.EOF {
			break
		}
		if kw, ok := tok.(keyword); ok {
			switch kw {
			case "null", "[", "]", "<<", ">>":
			default:
				for i := len(dicts) - 1; i >= 0; i-- {
					if v, ok := dicts[i][name(kw)]; ok {
						stk.Push(Value{nil, objptr{}, v})
						continue Reading
					}
				}
				do(&stk, string(kw))
				continue
			case "dict":
				stk.Pop()
				stk.Push(Value{nil, objptr{}, make(dict)})
				continue
			case "currentdict":
				if len(dicts) == 0 {
					continue
				}
				stk.Push(Value{nil, objptr{}, dicts[len(dicts)-1]})
				continue
			case "begin":
				d := stk.Pop()
				if d.Kind() != Dict || len(dicts) > 64 {
					continue
				}
				dicts = append(dicts, d.data.(dict))
				continue
			case "end":
				if len(dicts) > 0 {
					dicts = dicts[:len(dicts)-1]
				}
				continue
			case "def":
				val := stk.Pop()
				key, ok := stk.Pop().data.(name)
				if !ok || len(dicts) == 0 {
					continue
				}
				dicts[len(dicts)-1][key] = val.data
				continue
			case "pop":
				stk.Pop()
				continue
			}
		}
		b.unreadToken(tok)
		obj, ok := readObjectRecover(b)
		if !ok {
			continue
		}
		stk.Push(Value{nil, objptr{}, obj})
	}
}

// readTokenRecover reads one token; a malformed one is dropped (its bytes
// were consumed, so reading goes on from after it).
func readTokenRecover(b *buffer) (tok token, ok bool) {
	defer func() {
		if x := recover(); x != nil {
			if e, isErr := x.(*Error); !isErr || e.Kind != Malformed {
				panic(x)
			}
			tok, ok = nil, false
		}
	}()
	return b.readToken(), true
}

// readObjectRecover reads one object; a malformed one is dropped.
func readObjectRecover(b *buffer) (obj object, ok bool) {
	defer func() {
		if x := recover(); x != nil {
			if e, isErr := x.(*Error); !isErr || e.Kind != Malformed {
				panic(x)
			}
			obj, ok = nil, false
		}
	}()
	return b.readObject(), true
}
