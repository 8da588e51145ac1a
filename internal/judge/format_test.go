package judge

import (
	"math"
	"reflect"
	"strings"
	"testing"
)

func TestFormatValue(t *testing.T) {
	seq := func(n int) []float64 {
		out := make([]float64, n)
		for i := range out {
			out[i] = float64(i)
		}
		return out
	}
	tests := []struct {
		name  string
		v     Value
		col   int
		tuple bool
		want  string
	}{
		{"scalars", []Value{nil, true, 3.0, 0.1234567891, "a\"b", Opaque("{1, 2}")}, 0, false, `[None, True, 3, 0.123457, "a\"b", {1, 2}]`},
		{"floats", NewArray("float64", []float64{1, 2.5, math.NaN(), math.Inf(-1), 1e-7}, 5), 0, false, "array([   1.,   2.5,   nan,  -inf, 1e-07])"},
		{"ints", NewArray("int64", []float64{3, -12, 7}, 3), 0, false, "array([  3, -12,   7])"},
		{"bools", NewArray("bool", []float64{1, 0}, 2), 0, false, "array([ True, False])"},
		{"other dtype", NewArray("int32", []float64{1, 2}, 2), 0, false, "array([1, 2], dtype=int32)"},
		{"0-d", NewArray("float64", []float64{2}), 0, false, "array(2.)"},
		{"empty", NewArray("float64", nil, 0, 3), 0, false, "array([], shape=(0, 3), dtype=float64)"},
		{"matrix", NewArray("float64", []float64{1, 2, 3, 4.25}, 2, 2), 4, false, "array([[  1.,   2.],\n           [  3., 4.25]])"},
		{"3-D", NewArray("int64", seq(8), 2, 2, 2), 0, false, "array([[[0, 1],\n        [2, 3]],\n\n       [[4, 5],\n        [6, 7]]])"},
		{"long axis", NewArray("int64", seq(100), 100), 0, false, "array([ 0,  1,  2, ..., 97, 98, 99])"},
		{"long rows", NewArray("int64", seq(24), 12, 2), 0, false, "array([[ 0,  1],\n       [ 2,  3],\n       [ 4,  5],\n       ...,\n       [18, 19],\n       [20, 21],\n       [22, 23]])"},
		{"tuple of arrays", []Value{NewArray("int64", []float64{2, 3}, 2), NewArray("int64", []float64{0, 1}, 2)}, 0, true, "(array([2, 3]), array([0, 1]))"},
		{"one-tuple", []Value{1.0}, 0, true, "(1,)"},
		{"dict", map[string]Value{"b": 2.0, "a": "x"}, 0, false, `{"a": "x", "b": 2}`},
	}
	for _, tt := range tests {
		if got := Format(tt.v, tt.col, tt.tuple); got != tt.want {
			t.Errorf("%s: formatValue = \n%s\nwant\n%s", tt.name, got, tt.want)
		}
	}

	// Long rows wrap under their bracket; a long list goes one item a line.
	wide := Format(NewArray("float64", seq(10), 10), 0, false)
	for _, l := range strings.Split(wide, "\n") {
		if len(l) > valueWidth {
			t.Errorf("line of %d characters: %q", len(l), l)
		}
	}
	list := Format([]Value{NewArray("int64", seq(4), 2, 2), 1.0}, 0, false)
	if want := "[array([[0, 1],\n        [2, 3]]),\n 1]"; list != want {
		t.Errorf("list with a matrix = \n%s\nwant\n%s", list, want)
	}
	// Whatever the array, the text stays bounded.
	huge := Format(NewArray("float64", make([]float64, 1<<16), 4, 4, 4, 4, 4, 4, 4, 4), 0, false)
	if len(huge) > valueMaxLen+100 {
		t.Errorf("an 8-D array printed %d bytes", len(huge))
	}
}

func TestParamNames(t *testing.T) {
	tests := []struct {
		sig  string
		want []string
	}{
		{"softmax(z)", []string{"z"}},
		{"adam_step(params, grads, m, v, t, lr=0.001, beta1=0.9)", []string{"params", "grads", "m", "v", "t", "lr", "beta1"}},
		{"f(x, shape=(2, 3), *args, k: int = 1, **kw)", []string{"x", "shape", "args", "k", "kw"}},
		{"f()", nil},
		{"no parentheses", nil},
	}
	for _, tt := range tests {
		if got := paramNames(tt.sig); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("paramNames(%q) = %q, want %q", tt.sig, got, tt.want)
		}
	}
}

// TestExamples renders every problem's examples: each visible case and call
// shows, with names from the signature.
func TestExamples(t *testing.T) {
	ps, err := Problems()
	if err != nil {
		t.Fatalf("Problems: %v", err)
	}
	for _, p := range ps {
		ex := Examples(p)
		if len(ex) != len(p.VisibleCases()) {
			t.Errorf("%s: %d examples, want %d", p.ID, len(ex), len(p.VisibleCases()))
		}
		for _, e := range ex {
			for _, c := range e.Calls {
				if c.Output == "" || strings.Contains(c.Input+c.Output, "?") {
					t.Errorf("%s %q: input %q, output %q", p.ID, e.Name, c.Input, c.Output)
				}
			}
		}
	}
	soft := Examples(mustProblem(t, "softmax"))
	if got := soft[0].Calls[0]; got.Input != "z = array([1., 2., 3.])" || !soft[0].Exact {
		t.Errorf("softmax's first example = %+v", got)
	}
}

func mustProblem(t *testing.T, id string) *Problem {
	t.Helper()
	p, ok := Get(id)
	if !ok {
		t.Fatalf("no problem %q", id)
	}
	return p
}
