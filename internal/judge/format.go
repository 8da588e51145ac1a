package judge

import (
	"encoding/json"
	"math"
	"sort"
	"strconv"
	"strings"
)

// The examples of a problem show its values as Python and numpy print them:
// arrays as array([...]) with up to 6 significant digits, one row a line and
// columns aligned, long axes cut to their ends around "...", as numpy does.
const (
	valueEdge    = 3    // items kept at each end of a long axis or list
	valueMaxAxis = 10   // an axis or list longer than this is cut
	valueWidth   = 76   // rows of numbers wrap past this column
	valueMaxLen  = 6000 // the whole text is cut past this many bytes
)

// Format renders v for display, its continuation lines indented as if v
// started at column col. tuple renders a top-level list in parentheses (a
// function's several results).
func Format(v Value, col int, tuple bool) string {
	var b strings.Builder
	writeValue(&b, v, col, tuple)
	s := b.String()
	if len(s) > valueMaxLen {
		cut := valueMaxLen
		for cut > 0 && !isRuneStart(s[cut]) {
			cut--
		}
		s = s[:cut] + "\n… (cut: too long to show)"
	}
	return s
}

func isRuneStart(c byte) bool { return c&0xC0 != 0x80 }

func writeValue(b *strings.Builder, v Value, col int, tuple bool) {
	if b.Len() > valueMaxLen {
		return
	}
	switch x := v.(type) {
	case nil:
		b.WriteString("None")
	case bool:
		b.WriteString(pyBool(x))
	case float64:
		b.WriteString(pyNumber(x, false))
	case string:
		b.WriteString(strconv.Quote(x))
	case Opaque:
		b.WriteString(string(x))
	case []Value:
		open, close := "[", "]"
		if tuple {
			open, close = "(", ")"
		}
		items := make([]string, 0, min(len(x), 2*valueEdge+1))
		for _, i := range shownIndices(len(x)) {
			if i < 0 {
				items = append(items, "...")
				continue
			}
			var ib strings.Builder
			writeValue(&ib, x[i], col+1, false)
			items = append(items, ib.String())
		}
		if tuple && len(x) == 1 {
			close = ",)"
		}
		writeItems(b, open, close, items, col)
	case map[string]Value:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		items := make([]string, 0, len(keys))
		for _, k := range keys {
			key := strconv.Quote(k) + ": "
			var ib strings.Builder
			writeValue(&ib, x[k], col+1+len(key), false)
			items = append(items, key+ib.String())
		}
		writeItems(b, "{", "}", items, col)
	case *NDArray:
		writeArray(b, x, col)
	default:
		b.WriteString("?")
	}
}

// writeItems joins rendered items on one line when they are short and
// single-line, else one a line under the opening bracket.
func writeItems(b *strings.Builder, open, close string, items []string, col int) {
	total, multi := col+len(open)+len(close), false
	for _, it := range items {
		total += len(it) + 2
		multi = multi || strings.Contains(it, "\n")
	}
	b.WriteString(open)
	sep := ", "
	if multi || total > valueWidth {
		sep = ",\n" + strings.Repeat(" ", col+len(open))
	}
	b.WriteString(strings.Join(items, sep))
	b.WriteString(close)
}

// shownIndices lists the indices of an axis of n items to show, with -1 for
// the "..." between the two ends of a long one.
func shownIndices(n int) []int {
	if n <= valueMaxAxis {
		idx := make([]int, n)
		for i := range idx {
			idx[i] = i
		}
		return idx
	}
	idx := make([]int, 0, 2*valueEdge+1)
	for i := 0; i < valueEdge; i++ {
		idx = append(idx, i)
	}
	idx = append(idx, -1)
	for i := n - valueEdge; i < n; i++ {
		idx = append(idx, i)
	}
	return idx
}

// arrayText holds the cells of an array as they will be printed.
type arrayText struct {
	a     *NDArray
	cells map[int]string
	width int
}

func writeArray(b *strings.Builder, a *NDArray, col int) {
	b.WriteString("array(")
	suffix := ""
	if a.DType != "float64" && a.DType != "int64" && a.DType != "bool" {
		suffix = ", dtype=" + a.DType
	}
	switch {
	case a.Size() == 0:
		b.WriteString("[]")
		if len(a.Shape) > 1 {
			b.WriteString(", shape=" + shapeString(a.Shape))
		}
		b.WriteString(", dtype=" + a.DType + ")")
		return
	case len(a.Shape) == 0:
		b.WriteString(cell(a, a.Data[0]) + suffix + ")")
		return
	}
	t := &arrayText{a: a, cells: map[int]string{}}
	t.collect(0, 0)
	t.write(b, 0, 0, col+len("array("))
	b.WriteString(suffix + ")")
}

func (t *arrayText) stride(dim int) int {
	s := 1
	for _, d := range t.a.Shape[dim+1:] {
		s *= d
	}
	return s
}

// collect formats the cells that will be shown and finds the widest.
func (t *arrayText) collect(dim, offset int) {
	if len(t.cells) > valueMaxLen {
		return
	}
	last := dim == len(t.a.Shape)-1
	for _, i := range shownIndices(t.a.Shape[dim]) {
		if i < 0 {
			continue
		}
		if last {
			s := cell(t.a, t.a.Data[offset+i])
			t.cells[offset+i] = s
			t.width = max(t.width, len(s))
			continue
		}
		t.collect(dim+1, offset+i*t.stride(dim))
	}
}

// write prints the axis dim starting at flat offset, its "[" at column col.
func (t *arrayText) write(b *strings.Builder, dim, offset, col int) {
	b.WriteByte('[')
	last := dim == len(t.a.Shape)-1
	at := col + 1 // the column the next cell starts at, for wrapping
	for k, i := range shownIndices(t.a.Shape[dim]) {
		if b.Len() > valueMaxLen {
			b.WriteString("...")
			break
		}
		item := "..."
		if i >= 0 && last {
			item = strings.Repeat(" ", t.width-len(t.cells[offset+i])) + t.cells[offset+i]
		}
		if k > 0 {
			b.WriteByte(',')
			switch {
			case !last:
				// Rows on their own lines; blocks of higher axes apart by
				// blank lines, as numpy prints them.
				b.WriteString(strings.Repeat("\n", len(t.a.Shape)-dim-1))
				b.WriteString(strings.Repeat(" ", col+1))
			case at+2+len(item) > valueWidth:
				b.WriteString("\n" + strings.Repeat(" ", col+1))
				at = col + 1
			default:
				b.WriteByte(' ')
				at += 2
			}
		}
		if i >= 0 && !last {
			t.write(b, dim+1, offset+i*t.stride(dim), col+1)
			continue
		}
		b.WriteString(item)
		at += len(item)
	}
	b.WriteByte(']')
}

// cell prints one element of a as numpy does: integers plain, floats with
// up to 6 significant digits and a point ("1."), booleans as True/False.
func cell(a *NDArray, f float64) string {
	if a.DType == "bool" {
		return pyBool(f != 0)
	}
	s := pyNumber(f, a.IsInt())
	if !a.IsInt() && !strings.ContainsAny(s, ".ein") {
		s += "."
	}
	return s
}

func pyBool(v bool) string {
	if v {
		return "True"
	}
	return "False"
}

// pyNumber prints a number. A float element of an array keeps its point
// ("2."); a plain scalar does not, since the wire does not say whether it
// was a Python int or float.
func pyNumber(f float64, isInt bool) string {
	switch {
	case math.IsNaN(f):
		return "nan"
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case isInt:
		return strconv.FormatFloat(f, 'f', 0, 64)
	}
	return strconv.FormatFloat(f, 'g', 6, 64)
}

// paramNames reads the parameter names of a signature such as
// "adam_step(params, grads, lr=0.001, shape=(2, 3))".
func paramNames(sig string) []string {
	open, close := strings.IndexByte(sig, '('), strings.LastIndexByte(sig, ')')
	if open < 0 || close < open {
		return nil
	}
	var names []string
	depth, start := 0, open+1
	add := func(part string) {
		name, _, _ := strings.Cut(part, "=")
		name, _, _ = strings.Cut(name, ":")
		name = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(name), "*"))
		if name != "" && name != "/" {
			names = append(names, name)
		}
	}
	for i := open + 1; i < close; i++ {
		switch sig[i] {
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			depth--
		case ',':
			if depth == 0 {
				add(sig[start:i])
				start = i + 1
			}
		}
	}
	add(sig[start:close])
	return names
}

// Example is a visible case as the problem page shows it.
type Example struct {
	Name  string
	Calls []ExampleCall
	// Exact is false when the output is one correct answer of several (the
	// case is judged by properties).
	Exact bool
}

type ExampleCall struct {
	Input  string // "z = array([...])", one argument a line
	Output string
}

// Examples renders p's visible cases.
func Examples(p *Problem) []Example {
	names := paramNames(p.Signature)
	var out []Example
	for _, c := range p.VisibleCases() {
		check := c.Check
		if len(check) == 0 {
			check = p.Check
		}
		kind := checkType(check)
		ev := Example{Name: c.Name, Exact: exactCheck(check)}
		for i, call := range c.Calls {
			var in []string
			for j, a := range call.Args {
				name := "arg" + strconv.Itoa(j+1)
				if j < len(names) {
					name = names[j]
				}
				in = append(in, name+" = "+Format(a, len(name)+3, false))
			}
			keys := make([]string, 0, len(call.Kwargs))
			for k := range call.Kwargs {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				in = append(in, k+" = "+Format(call.Kwargs[k], len(k)+3, false))
			}
			ec := ExampleCall{Input: strings.Join(in, "\n")}
			if i < len(c.Expected) {
				ec.Output = Format(c.Expected[i], 0, kind == "tuple")
			}
			ev.Calls = append(ev.Calls, ec)
		}
		out = append(out, ev)
	}
	return out
}

// checkSpec is the part of a case's check the page reads.
type checkSpec struct {
	Type  string            `json:"type"`
	Items []json.RawMessage `json:"items"`
}

func checkType(raw json.RawMessage) string {
	var c checkSpec
	if json.Unmarshal(raw, &c) != nil {
		return ""
	}
	return c.Type
}

// exactCheck reports whether a check accepts only the expected values (up
// to a tolerance), so that the example's output is the answer rather than
// one answer of several.
func exactCheck(raw json.RawMessage) bool {
	var c checkSpec
	if json.Unmarshal(raw, &c) != nil {
		return false
	}
	switch c.Type {
	case "exact", "allclose":
		return true
	case "tuple":
		for _, it := range c.Items {
			if !exactCheck(it) {
				return false
			}
		}
		return len(c.Items) > 0
	}
	return false
}
