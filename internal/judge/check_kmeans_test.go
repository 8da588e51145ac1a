package judge

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
)

func ndF64(data []float64, shape ...int) *NDArray { return NewArray("float64", data, shape...) }
func ndI64(data []float64, shape ...int) *NDArray { return NewArray("int64", data, shape...) }

func TestCheckKMeans(t *testing.T) {
	// Two blobs of three points; the true partition is {0,1,2}, {3,4,5}.
	X := ndF64([]float64{0, 0, 0, 1, 1, 0, 10, 10, 10, 11, 11, 10}, 6, 2)
	truth := ndI64([]float64{0, 0, 0, 1, 1, 1}, 6)
	third, thirtyOne := 1.0/3, 31.0/3
	pair := func(c, l Value) Value { return []Value{c, l} }
	tests := []struct {
		name    string
		k       int
		got     Value
		wantErr string // "" for a right answer
	}{
		{"right", 2, pair(ndF64([]float64{third, third, thirtyOne, thirtyOne}, 2, 2), ndI64([]float64{0, 0, 0, 1, 1, 1}, 6)), ""},
		{"right, labels renamed", 2, pair(ndF64([]float64{thirtyOne, thirtyOne, third, third}, 2, 2), ndI64([]float64{1, 1, 1, 0, 0, 0}, 6)), ""},
		{"right, float labels and nested lists", 2, pair([]Value{[]Value{third, third}, []Value{thirtyOne, thirtyOne}}, ndF64([]float64{0, 0, 0, 1, 1, 1}, 6)), ""},
		{"empty third cluster far away", 3, pair(ndF64([]float64{third, third, thirtyOne, thirtyOne, 100, 100}, 3, 2), ndI64([]float64{0, 0, 0, 1, 1, 1}, 6)), ""},
		{"farthest centroid", 2, pair(ndF64([]float64{third, third, thirtyOne, thirtyOne}, 2, 2), ndI64([]float64{1, 1, 1, 0, 0, 0}, 6)), "nearer"},
		{"centroid not the mean", 2, pair(ndF64([]float64{0, 0, thirtyOne, thirtyOne}, 2, 2), ndI64([]float64{0, 0, 0, 1, 1, 1}, 6)), "not the mean"},
		{"label out of range", 2, pair(ndF64([]float64{third, third, thirtyOne, thirtyOne}, 2, 2), ndI64([]float64{0, 0, 0, 2, 2, 2}, 6)), "labels must be integers"},
		{"fractional label", 2, pair(ndF64([]float64{third, third, thirtyOne, thirtyOne}, 2, 2), ndF64([]float64{0, 0, 0.5, 1, 1, 1}, 6)), "labels must be integers"},
		{"NaN centroid", 2, pair(ndF64([]float64{third, third, math.NaN(), thirtyOne}, 2, 2), ndI64([]float64{0, 0, 0, 1, 1, 1}, 6)), "NaN"},
		{"centroids transposed", 2, pair(ndF64([]float64{third, thirtyOne, third, thirtyOne, 0, 0}, 3, 2), ndI64([]float64{0, 0, 0, 1, 1, 1}, 6)), "centroids: expected shape (2, 2)"},
		{"labels as a column", 2, pair(ndF64([]float64{third, third, thirtyOne, thirtyOne}, 2, 2), ndI64([]float64{0, 0, 0, 1, 1, 1}, 6, 1)), "labels: expected shape (6,)"},
		{"a string", 2, "centroids", "expected a tuple"},
		{"None", 2, nil, "expected a tuple"},
		{"an opaque object", 2, Opaque("<generator object>"), "expected a tuple"},
		{"a 3-tuple", 2, []Value{1.0, 2.0, 3.0}, "expected a tuple"},
		{"strings inside the tuple", 2, pair("a", "b"), "centroids"},
		{"a ragged list of centroids", 2, pair([]Value{[]Value{1.0}, []Value{1.0, 2.0}}, ndI64([]float64{0, 0, 0, 1, 1, 1}, 6)), "ragged"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := CheckInput{
				Spec:  json.RawMessage(`{"type":"kmeans"}`),
				Calls: []Call{{Args: []Value{X, float64(tt.k)}}},
				Got:   []Value{tt.got},
				Extra: map[string]Value{"labels": truth},
			}
			if tt.k == 3 {
				delete(in.Extra, "labels")
			}
			err := checks["kmeans"](in)
			wantCheckErr(t, err, tt.wantErr)
		})
	}
}

// A Lloyd fixed point that is not the true partition: four points split by
// row instead of by column.
func TestCheckKMeansWrongPartition(t *testing.T) {
	X := ndF64([]float64{0, 0, 0, 2, 10, 0, 10, 2}, 4, 2)
	in := CheckInput{
		Calls: []Call{{Args: []Value{X, 2.0}}},
		Got:   []Value{[]Value{ndF64([]float64{5, 0, 5, 2}, 2, 2), ndI64([]float64{0, 1, 0, 1}, 4)}},
		Extra: map[string]Value{"labels": ndI64([]float64{0, 0, 1, 1}, 4)},
	}
	wantCheckErr(t, checks["kmeans"](in), "expected clustering")
	delete(in.Extra, "labels")
	wantCheckErr(t, checks["kmeans"](in), "") // without true labels it is a valid fixed point
}

// wantCheckErr fails unless err is nil when want is "", or contains want.
func wantCheckErr(t *testing.T, err error, want string) {
	t.Helper()
	switch {
	case want == "" && err != nil:
		t.Errorf("check = %v, want nil", err)
	case want != "" && err == nil:
		t.Errorf("check = nil, want an error containing %q", want)
	case want != "" && !strings.Contains(err.Error(), want):
		t.Errorf("check = %q, want an error containing %q", err, want)
	}
}
