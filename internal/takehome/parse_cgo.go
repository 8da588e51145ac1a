//go:build cgo

package takehome

import (
	"context"
	"errors"

	sitter "github.com/tree-sitter/go-tree-sitter"
	python "github.com/tree-sitter/tree-sitter-python/bindings/go"
)

var pyLanguage = sitter.NewLanguage(python.Language())

// parsers holds idle parsers; a tree-sitter parser serves one goroutine at a
// time and owns C memory, so it is closed rather than left to the collector.
var parsers = make(chan *sitter.Parser, 16)

// ParserAvailable says whether this build can parse Python.
const ParserAvailable = true

// Parse parses Python source with tree-sitter-python. Syntax errors do not
// fail it: the parser recovers and Tree.Errors counts what it skipped.
func Parse(ctx context.Context, src []byte) (*Tree, error) {
	var p *sitter.Parser
	select {
	case p = <-parsers:
	default:
		p = sitter.NewParser()
		if err := p.SetLanguage(pyLanguage); err != nil {
			p.Close()
			return nil, err
		}
	}
	defer func() {
		select {
		case parsers <- p:
		default:
			p.Close()
		}
	}()
	ts := p.ParseCtx(ctx, src, nil)
	if ts == nil {
		p.Reset()
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		return nil, errors.New("the Python parser gave up")
	}
	defer ts.Close()
	t := &Tree{Src: src}
	c := ts.Walk()
	defer c.Close()
	t.Root = t.copy(c, "", 0)
	return t, nil
}

// copy mirrors the cursor's node and its named descendants.
// Nodes nested deeper than maxDepth are dropped and counted as errors, so
// pathological input cannot exhaust the stack of the walks over the tree.
func (t *Tree) copy(c *sitter.TreeCursor, field string, depth int) *Node {
	n := c.Node()
	start, end := n.ByteRange()
	out := &Node{Kind: n.Kind(), Field: field, Start: int(start), End: int(end), Line: int(n.StartPosition().Row) + 1, tree: t}
	if n.IsError() || n.IsMissing() {
		t.Errors++
	}
	if depth > maxDepth {
		t.Errors++
		return out
	}
	if c.GotoFirstChild() {
		for {
			k := c.Node()
			switch {
			case k.IsNamed() && k.Kind() != "comment":
				out.Kids = append(out.Kids, t.copy(c, c.FieldName(), depth+1))
			case k.IsMissing():
				t.Errors++
			case c.FieldName() == "operator" || (out.Kind == "comparison_operator" && !k.IsNamed()):
				if out.Op == "" {
					out.Op = k.Kind()
				}
			case k.Kind() == "ERROR":
				t.Errors++
			}
			if !c.GotoNextSibling() {
				break
			}
		}
		c.GotoParent()
	}
	return out
}
