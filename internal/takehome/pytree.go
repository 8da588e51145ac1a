package takehome

import "strings"

// Node is one named node of a Python syntax tree, copied out of the parser
// so the analysis works on plain Go values. Comments and anonymous tokens
// (punctuation, operators, keywords) are left out, except that Op keeps the
// operator of binary, boolean, augmented-assignment and comparison nodes.
type Node struct {
	Kind  string // tree-sitter-python node kind: call, identifier, attribute, ...
	Field string // the node's field in its parent (function, arguments, left, ...), or ""
	Op    string // the operator token, for operators
	Start int    // byte offsets into the parsed source
	End   int
	Line  int // 1-based line of the first byte
	Kids  []*Node
	tree  *Tree
}

// maxDepth bounds the depth of a copied tree.
const maxDepth = 1000

// Tree is a parsed Python program.
type Tree struct {
	Src    []byte
	Root   *Node
	Errors int // syntax-error and missing nodes the parser recovered from
}

// Text is the node's source text.
func (n *Node) Text() string {
	if n == nil || n.tree == nil || n.Start < 0 || n.End > len(n.tree.Src) || n.Start > n.End {
		return ""
	}
	return string(n.tree.Src[n.Start:n.End])
}

// Child is the first child in the given field, or nil.
func (n *Node) Child(field string) *Node {
	if n == nil {
		return nil
	}
	for _, k := range n.Kids {
		if k.Field == field {
			return k
		}
	}
	return nil
}

// Walk calls fn on n and its descendants in source order; fn returning false
// skips a node's children.
func (n *Node) Walk(fn func(*Node) bool) {
	if n == nil || !fn(n) {
		return
	}
	for _, k := range n.Kids {
		k.Walk(fn)
	}
}

// StringValue is the literal value of a plain string node (no interpolation),
// with ok false for anything else. Escapes are left as written.
func (n *Node) StringValue() (string, bool) {
	if n == nil {
		return "", false
	}
	switch n.Kind {
	case "string":
		var b strings.Builder
		for _, k := range n.Kids {
			switch k.Kind {
			case "string_content":
				b.WriteString(k.Text())
			case "string_start", "string_end", "escape_sequence":
				if k.Kind == "escape_sequence" {
					b.WriteString(k.Text())
				}
			default:
				return "", false
			}
		}
		return b.String(), true
	case "concatenated_string":
		var b strings.Builder
		for _, k := range n.Kids {
			s, ok := k.StringValue()
			if !ok {
				return "", false
			}
			b.WriteString(s)
		}
		return b.String(), true
	}
	return "", false
}

// DottedName is the text of an identifier or a chain of attributes on one
// (np.random.seed), with ok false for anything else.
func (n *Node) DottedName() (string, bool) {
	if n == nil {
		return "", false
	}
	switch n.Kind {
	case "identifier":
		return n.Text(), true
	case "attribute":
		obj, ok := n.Child("object").DottedName()
		if !ok {
			return "", false
		}
		attr := n.Child("attribute")
		if attr == nil {
			return "", false
		}
		return obj + "." + attr.Text(), true
	}
	return "", false
}

// Args splits a call's arguments into positional and keyword ones.
func (n *Node) Args() (pos []*Node, kw map[string]*Node) {
	args := n.Child("arguments")
	if args == nil {
		return nil, nil
	}
	for _, a := range args.Kids {
		switch a.Kind {
		case "keyword_argument":
			name, val := a.Child("name"), a.Child("value")
			if name != nil && val != nil {
				if kw == nil {
					kw = map[string]*Node{}
				}
				kw[name.Text()] = val
			}
		case "list_splat", "dictionary_splat", "comment":
		default:
			pos = append(pos, a)
		}
	}
	return pos, kw
}
