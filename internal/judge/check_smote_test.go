package judge

import (
	"math"
	"testing"
)

func TestCheckSmote(t *testing.T) {
	// Two clumps of three points. With k = 1, (0,0) has two tied nearest
	// neighbours, (1,0) and (0,1); both count.
	X := ndF64([]float64{0, 0, 1, 0, 0, 1, 10, 10, 11, 10, 10, 11}, 6, 2)
	tests := []struct {
		name    string
		nNew    int
		got     Value
		wantErr string
	}{
		{"right", 3, ndF64([]float64{0.5, 0, 0, 0.25, 10, 10.75}, 3, 2), ""},
		{"right, one endpoint is a copy", 2, ndF64([]float64{0, 0, 10.5, 10}, 2, 2), ""},
		{"right, nested lists", 1, []Value{[]Value{0.5, 0.0}}, ""},
		{"no points", 0, ndF64(nil, 0, 2), ""},
		{"between the clumps", 2, ndF64([]float64{0.5, 0, 5, 5}, 2, 2), "synthetic point 1 does not lie"},
		{"extrapolated beyond the neighbour", 1, ndF64([]float64{2, 0}, 1, 2), "does not lie"},
		{"towards a point that is not a neighbour", 1, ndF64([]float64{0.5, 0.5}, 1, 2), "does not lie"},
		{"copies of minority points", 2, ndF64([]float64{1, 0, 10, 11}, 2, 2), "copy"},
		{"too few rows", 3, ndF64([]float64{0.5, 0, 0, 0.25}, 2, 2), "expected shape (3, 2)"},
		{"transposed", 2, ndF64([]float64{0.5, 0, 0, 0.25}, 2, 2, 1), "expected shape (2, 2)"},
		{"flat vector", 2, ndF64([]float64{0.5, 0, 0, 0.25}, 4), "expected shape (2, 2)"},
		{"NaN", 1, ndF64([]float64{math.NaN(), 0}, 1, 2), "NaN"},
		{"a string", 1, "points", "expected numbers"},
		{"None", 1, nil, "expected numbers"},
		{"a tuple of strings", 1, []Value{"a", "b"}, "expected numbers"},
		{"an opaque object", 1, Opaque("<generator>"), "generator"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := CheckInput{
				Calls: []Call{{Args: []Value{X, float64(tt.nNew), 1.0, 0.0}}},
				Got:   []Value{tt.got},
			}
			wantCheckErr(t, checks["smote"](in), tt.wantErr)
		})
	}
}
