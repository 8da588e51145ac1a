package judge

import (
	"sort"
	"strconv"
	"strings"
)

// Format renders a value as Python would print it, roughly: arrays as
// array([...]) with up to 6 significant digits, tuples in parentheses. Output
// longer than max characters is cut with an ellipsis.
func Format(v Value, max int) string {
	var b strings.Builder
	formatTo(&b, v, max)
	s := b.String()
	if max > 0 && len(s) > max {
		s = s[:max] + "…"
	}
	return s
}

// FormatCall renders a call's arguments: "X, y, k=3".
func FormatCall(c Call, max int) string {
	parts := make([]string, 0, len(c.Args)+len(c.Kwargs))
	for _, a := range c.Args {
		parts = append(parts, Format(a, max))
	}
	keys := make([]string, 0, len(c.Kwargs))
	for k := range c.Kwargs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		parts = append(parts, k+"="+Format(c.Kwargs[k], max))
	}
	s := strings.Join(parts, ", ")
	if max > 0 && len(s) > 2*max {
		s = s[:2*max] + "…"
	}
	return s
}

func formatTo(b *strings.Builder, v Value, max int) {
	if max > 0 && b.Len() > max {
		return
	}
	switch x := v.(type) {
	case nil:
		b.WriteString("None")
	case bool:
		if x {
			b.WriteString("True")
		} else {
			b.WriteString("False")
		}
	case float64:
		b.WriteString(formatNum(x, false))
	case string:
		b.WriteString(strconv.Quote(x))
	case Opaque:
		b.WriteString(string(x))
	case []Value:
		b.WriteByte('(')
		for i, e := range x {
			if i > 0 {
				b.WriteString(", ")
			}
			formatTo(b, e, max)
		}
		b.WriteByte(')')
	case map[string]Value:
		b.WriteByte('{')
		for i, k := range sortedKeys(x) {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(strconv.Quote(k) + ": ")
			formatTo(b, x[k], max)
		}
		b.WriteByte('}')
	case *NDArray:
		b.WriteString("array(")
		formatArray(b, x, 0, 0, max)
		b.WriteByte(')')
	}
}

func formatArray(b *strings.Builder, a *NDArray, dim, offset, max int) {
	if len(a.Shape) == 0 {
		if len(a.Data) > 0 {
			b.WriteString(formatNum(a.Data[0], a.IsInt()))
		}
		return
	}
	stride := 1
	for _, d := range a.Shape[dim+1:] {
		stride *= d
	}
	b.WriteByte('[')
	for i := 0; i < a.Shape[dim]; i++ {
		if max > 0 && b.Len() > max {
			b.WriteString("…")
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		if dim == len(a.Shape)-1 {
			f := a.Data[offset+i]
			if a.DType == "bool" {
				b.WriteString(map[bool]string{true: "True", false: "False"}[f != 0])
			} else {
				b.WriteString(formatNum(f, a.IsInt()))
			}
		} else {
			formatArray(b, a, dim+1, offset+i*stride, max)
		}
	}
	b.WriteByte(']')
}

func formatNum(f float64, isInt bool) string {
	if isInt {
		return strconv.FormatFloat(f, 'f', 0, 64)
	}
	s := strconv.FormatFloat(f, 'g', 6, 64)
	if !strings.ContainsAny(s, ".eEnN") {
		s += "."
	}
	return s
}
