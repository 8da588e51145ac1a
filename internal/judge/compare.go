package judge

import (
	"encoding/json"
	"fmt"
	"math"
	"sort"
)

// Call is one call of the user's function: positional and keyword arguments.
type Call struct {
	Args   []Value
	Kwargs map[string]Value
}

// CheckInput is everything a check sees for one case. Got comes from the
// sandbox and is untrusted; Want, Calls and Extra never entered it.
type CheckInput struct {
	Spec  json.RawMessage  // the check object from the case or the problem
	Calls []Call           // the calls made, in order
	Got   []Value          // the submission's return value for each call
	Want  []Value          // the reference solution's return value for each call
	Extra map[string]Value // data only the checker sees (held-out points, true labels)
}

// A CheckFunc returns nil when the output is right, or an error whose message
// says what is wrong in words a user can act on ("row 3 differs: ...").
// It must never panic, whatever Got holds.
type CheckFunc func(in CheckInput) error

var checks = map[string]CheckFunc{}

// registerCheck adds a named check; problem files refer to it by name as
// {"type": name, ...}. Registering a name twice is a programming error.
func registerCheck(name string, fn CheckFunc) {
	if _, dup := checks[name]; dup {
		panic("judge: check registered twice: " + name)
	}
	checks[name] = fn
}

// specOf decodes a check object's parameters.
func specOf(raw json.RawMessage, v any) error {
	if len(raw) == 0 {
		return nil
	}
	return json.Unmarshal(raw, v)
}

// Tol is a tolerance pair: |got-want| <= Atol + Rtol*|want| element-wise.
type Tol struct {
	Rtol float64 `json:"rtol"`
	Atol float64 `json:"atol"`
}

func (t Tol) orDefault() Tol {
	if t.Rtol == 0 && t.Atol == 0 {
		return Tol{Rtol: 1e-6, Atol: 1e-9}
	}
	return t
}

func init() {
	registerCheck("allclose", func(in CheckInput) error {
		var t Tol
		if err := specOf(in.Spec, &t); err != nil {
			return err
		}
		return eachCall(in, func(got, want Value) error { return Allclose(got, want, t.orDefault()) })
	})
	registerCheck("exact", func(in CheckInput) error {
		return eachCall(in, func(got, want Value) error { return Allclose(got, want, Tol{Rtol: 0, Atol: 0}) })
	})
	registerCheck("tuple", checkTuple)
	registerCheck("sign_rows", func(in CheckInput) error {
		var t Tol
		if err := specOf(in.Spec, &t); err != nil {
			return err
		}
		return eachCall(in, func(got, want Value) error { return SignRows(got, want, t.orDefault()) })
	})
}

// eachCall applies a per-value comparison to every call of a case.
func eachCall(in CheckInput, cmp func(got, want Value) error) error {
	if len(in.Got) != len(in.Want) {
		return fmt.Errorf("expected %d results, got %d", len(in.Want), len(in.Got))
	}
	for i := range in.Want {
		if err := cmp(in.Got[i], in.Want[i]); err != nil {
			if len(in.Want) > 1 {
				return fmt.Errorf("call %d: %w", i+1, err)
			}
			return err
		}
	}
	return nil
}

// checkTuple compares a tuple result item by item, each with its own check:
// {"type":"tuple","items":[{"type":"allclose"},{"type":"exact"}]}.
func checkTuple(in CheckInput) error {
	var spec struct {
		Items []json.RawMessage `json:"items"`
	}
	if err := specOf(in.Spec, &spec); err != nil {
		return err
	}
	for ci := range in.Want {
		if ci >= len(in.Got) {
			return fmt.Errorf("missing result for call %d", ci+1)
		}
		want, _ := in.Want[ci].([]Value)
		got, ok := in.Got[ci].([]Value)
		if !ok {
			return fmt.Errorf("expected a tuple of %d items, got %s", len(want), Describe(in.Got[ci]))
		}
		if len(got) != len(want) {
			return fmt.Errorf("expected a tuple of %d items, got %d items", len(want), len(got))
		}
		for i := range want {
			item := CheckInput{Spec: nil, Calls: in.Calls, Got: []Value{got[i]}, Want: []Value{want[i]}, Extra: in.Extra}
			if i < len(spec.Items) {
				item.Spec = spec.Items[i]
			}
			if err := runCheck(item); err != nil {
				return fmt.Errorf("item %d of the tuple: %w", i+1, err)
			}
		}
	}
	return nil
}

// runCheck dispatches on the spec's "type" (allclose when absent) and turns a
// panic in a check into a wrong answer rather than a crash.
func runCheck(in CheckInput) (err error) {
	var head struct {
		Type string `json:"type"`
	}
	if err := specOf(in.Spec, &head); err != nil {
		return fmt.Errorf("judge: bad check spec: %w", err)
	}
	if head.Type == "" {
		head.Type = "allclose"
	}
	fn, ok := checks[head.Type]
	if !ok {
		return fmt.Errorf("judge: unknown check %q", head.Type)
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("the output could not be checked: %v", r)
		}
	}()
	return fn(in)
}

// AsArray views a value as an array: an ndarray as is, a number as a 0-d
// array, a (nested) list of numbers as the array numpy would build from it.
func AsArray(v Value) (*NDArray, error) {
	switch x := v.(type) {
	case *NDArray:
		return x, nil
	case float64:
		return &NDArray{DType: "float64", Data: []float64{x}}, nil
	case bool:
		f := 0.0
		if x {
			f = 1
		}
		return &NDArray{DType: "bool", Data: []float64{f}}, nil
	case []Value:
		if len(x) == 0 {
			return &NDArray{DType: "float64", Shape: []int{0}}, nil
		}
		var inner *NDArray
		data := []float64{}
		for i, e := range x {
			a, err := AsArray(e)
			if err != nil {
				return nil, err
			}
			if i == 0 {
				inner = a
			} else if !sameShape(a.Shape, inner.Shape) {
				return nil, fmt.Errorf("a ragged list (items of different shapes) is not an array")
			}
			data = append(data, a.Data...)
		}
		return &NDArray{DType: inner.DType, Shape: append([]int{len(x)}, inner.Shape...), Data: data}, nil
	}
	return nil, fmt.Errorf("expected numbers, got %s", Describe(v))
}

func sameShape(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Allclose compares two values element-wise within t. Shapes must match
// exactly; ints and floats compare by value; NaN matches only NaN; -0 == 0.
// A tuple is compared item by item.
func Allclose(got, want Value, t Tol) error {
	if wl, ok := want.([]Value); ok {
		// A list that is not one regular array (a tuple of a number and
		// arrays, say) is compared item by item.
		if _, err := AsArray(wl); err != nil || !isNumericList(wl) {
			gl, ok := got.([]Value)
			if !ok {
				return fmt.Errorf("expected a tuple of %d items, got %s", len(wl), Describe(got))
			}
			if len(gl) != len(wl) {
				return fmt.Errorf("expected %d items, got %d", len(wl), len(gl))
			}
			for i := range wl {
				if err := Allclose(gl[i], wl[i], t); err != nil {
					return fmt.Errorf("item %d: %w", i+1, err)
				}
			}
			return nil
		}
	}
	if ws, ok := want.(string); ok {
		if gs, ok := got.(string); !ok || gs != ws {
			return fmt.Errorf("expected %q, got %s", ws, Describe(got))
		}
		return nil
	}
	if want == nil {
		if got != nil {
			return fmt.Errorf("expected None, got %s", Describe(got))
		}
		return nil
	}
	w, err := AsArray(want)
	if err != nil {
		return err
	}
	g, err := AsArray(got)
	if err != nil {
		return err
	}
	if !sameShape(g.Shape, w.Shape) {
		if len(w.Shape) == 0 {
			return fmt.Errorf("expected a single number, got %s", Describe(got))
		}
		return fmt.Errorf("expected shape %s, got shape %s", shapeString(w.Shape), shapeString(g.Shape))
	}
	for i := range w.Data {
		if !near(g.Data[i], w.Data[i], t) {
			return fmt.Errorf("%s: expected %s, got %s", elementName(w.Shape, i),
				fmtNum(w.Data[i]), fmtNum(g.Data[i]))
		}
	}
	return nil
}

func isNumericList(l []Value) bool {
	for _, e := range l {
		switch x := e.(type) {
		case float64, bool:
		case *NDArray:
		case []Value:
			if !isNumericList(x) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

func near(g, w float64, t Tol) bool {
	if math.IsNaN(w) || math.IsNaN(g) {
		return math.IsNaN(w) && math.IsNaN(g)
	}
	if math.IsInf(w, 0) || math.IsInf(g, 0) {
		return g == w
	}
	return math.Abs(g-w) <= t.Atol+t.Rtol*math.Abs(w)
}

func fmtNum(f float64) string { return fmt.Sprintf("%.10g", f) }

// elementName names flat index i of an array of the given shape: "value",
// "element 3", "element [2, 0]".
func elementName(shape []int, i int) string {
	switch len(shape) {
	case 0:
		return "value"
	case 1:
		return fmt.Sprintf("element %d", i)
	}
	idx := make([]int, len(shape))
	for d := len(shape) - 1; d >= 0; d-- {
		if shape[d] > 0 {
			idx[d] = i % shape[d]
			i /= shape[d]
		}
	}
	s := "element ["
	for d, x := range idx {
		if d > 0 {
			s += ", "
		}
		s += fmt.Sprint(x)
	}
	return s + "]"
}

// SignRows compares 2-D arrays row by row where each row may be negated as a
// whole (eigenvectors, principal components).
func SignRows(got, want Value, t Tol) error {
	w, err := AsArray(want)
	if err != nil {
		return err
	}
	g, err := AsArray(got)
	if err != nil {
		return err
	}
	if !sameShape(g.Shape, w.Shape) || len(w.Shape) != 2 {
		return fmt.Errorf("expected shape %s, got %s", shapeString(w.Shape), Describe(got))
	}
	for r := 0; r < w.Shape[0]; r++ {
		gr, wr := g.Row(r), w.Row(r)
		plus, minus := true, true
		for j := range wr {
			plus = plus && near(gr[j], wr[j], t)
			minus = minus && near(-gr[j], wr[j], t)
		}
		if !plus && !minus {
			return fmt.Errorf("row %d does not match the expected row, even with its sign flipped", r)
		}
	}
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
