package judge

import (
	"encoding/json"
	"math"
	"testing"
)

func TestCheckLogisticRegression(t *testing.T) {
	// One feature; the reference boundary is x = 1.5.
	X := ndF64([]float64{0, 1, 2, 3}, 4, 1)
	extra := map[string]Value{
		"X_holdout": ndF64([]float64{0.5, 2.5, -1, 4, 1.2, 1.8}, 6, 1),
		"y_holdout": ndI64([]float64{0, 1, 0, 1, 0, 1}, 6),
	}
	want := []Value{ndF64([]float64{2}, 1), -3.0}
	model := func(w, b Value) Value { return []Value{w, b} }
	tests := []struct {
		name    string
		spec    string
		got     Value
		wantErr string
	}{
		{"right", "", model(ndF64([]float64{4}, 1), -6.2), ""},
		{"right, 0-d array bias and list weights", "", model([]Value{2.1}, ndF64([]float64{-3.1})), ""},
		{"gradient ascent", "", model(ndF64([]float64{-2}, 1), 3.0), "classifies 0 of 6"},
		{"constant class", "", model(ndF64([]float64{0}, 1), -1.0), "classifies 3 of 6"},
		{"disagrees with the reference", `{"min_accuracy":0}`, model(ndF64([]float64{1}, 1), -1.0), "agree with the reference"},
		{"bias of shape (1,)", "", model(ndF64([]float64{2}, 1), ndF64([]float64{-3}, 1)), "bias: expected a single number"},
		{"weights of shape (1, 1)", "", model(ndF64([]float64{2}, 1, 1), -3.0), "weights: expected shape (1,)"},
		{"weights too long", "", model(ndF64([]float64{2, 0}, 2), -3.0), "weights: expected shape (1,)"},
		{"NaN weights", "", model(ndF64([]float64{math.NaN()}, 1), -3.0), "NaN"},
		{"infinite bias", "", model(ndF64([]float64{2}, 1), math.Inf(-1)), "bias is"},
		{"a string", "", "weights", "expected a tuple"},
		{"None", "", nil, "expected a tuple"},
		{"weights only", "", ndF64([]float64{2}, 1), "expected a tuple"},
		{"a string bias", "", model(ndF64([]float64{2}, 1), "b"), "bias"},
		{"an opaque weight object", "", model(Opaque("<object>"), 0.0), "weights"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := CheckInput{
				Spec:  json.RawMessage(tt.spec),
				Calls: []Call{{Args: []Value{X, ndI64([]float64{0, 0, 1, 1}, 4)}}},
				Got:   []Value{tt.got},
				Want:  []Value{want},
				Extra: extra,
			}
			wantCheckErr(t, checks["logistic_regression"](in), tt.wantErr)
		})
	}
}
