package judge

import (
	"math"
	"math/rand"
	"strings"
	"testing"
)

// splitInputs is a 50 x 2 data set whose y gives every row a unique id.
func splitInputs() (*NDArray, *NDArray) {
	const n = 50
	X := make([]float64, 2*n)
	y := make([]float64, n)
	for i := 0; i < n; i++ {
		X[2*i], X[2*i+1] = float64(i)*0.5, -float64(i)
		y[i] = float64(100 + i)
	}
	return NewArray("float64", X, n, 2), NewArray("int64", y, n)
}

// splitResult builds (X_train, X_test, y_train, y_test) with the first nTest
// rows of perm as the test part.
func splitResult(X, y *NDArray, perm []int, nTest int) Value {
	take := func(rows []int) (*NDArray, *NDArray) {
		xs := make([]float64, 0, 2*len(rows))
		ys := make([]float64, 0, len(rows))
		for _, r := range rows {
			xs = append(xs, X.Row(r)...)
			ys = append(ys, y.Data[r])
		}
		return NewArray("float64", xs, len(rows), 2), NewArray("int64", ys, len(rows))
	}
	Xte, yte := take(perm[:nTest])
	Xtr, ytr := take(perm[nTest:])
	return []Value{Xtr, Xte, ytr, yte}
}

func TestCheckTrainTestSplit(t *testing.T) {
	X, y := splitInputs()
	n := 50
	nTest := int(math.Ceil(0.2 * float64(n)))
	call := func(seed float64) Call {
		return Call{Args: []Value{X, y}, Kwargs: map[string]Value{"test_size": 0.2, "random_state": seed}}
	}
	permA := rand.New(rand.NewSource(1)).Perm(n)
	permB := rand.New(rand.NewSource(2)).Perm(n)
	right := splitResult(X, y, permA, nTest)
	other := splitResult(X, y, permB, nTest)
	one := []Call{call(1)}
	seeds112 := []Call{call(1), call(1), call(2)}

	// y_test with two labels swapped: rows no longer match their labels.
	swapped := splitResult(X, y, permA, nTest).([]Value)
	yte := *swapped[3].(*NDArray)
	yte.Data = append([]float64(nil), yte.Data...)
	yte.Data[0], yte.Data[1] = yte.Data[1], yte.Data[0]
	swapped[3] = &yte
	// One row in both parts.
	dup := append([]int(nil), permA...)
	dup[nTest] = dup[0]

	tests := []struct {
		name  string
		calls []Call
		got   []Value
		want  []Value
		ok    bool
		msg   string
	}{
		{"another valid shuffle", one, []Value{other}, []Value{right}, true, ""},
		{"seeds 1, 1, 2", seeds112, []Value{right, right, other}, []Value{right, right, other}, true, ""},
		{"nested lists instead of arrays", one, []Value{kfLists(right)}, []Value{right}, true, ""},
		{"floor instead of ceil", one, []Value{splitResult(X, y, permA, nTest-1)}, []Value{right}, false, "test part has 9 rows; expected 10"},
		{"X and y shuffled apart", one, []Value{swapped}, []Value{right}, false, "same permutation"},
		{"a row in both parts", one, []Value{splitResult(X, y, dup, nTest)}, []Value{right}, false, "appears twice"},
		{"not shuffled", one, []Value{splitResult(X, y, append(kfIdentity(n)[n-nTest:], kfIdentity(n)[:n-nTest]...), nTest)}, []Value{right}, false, "last 10 input rows"},
		{"test part first", one, []Value{splitResult(X, y, kfIdentity(n), nTest)}, []Value{right}, false, "first 10 input rows"},
		{"same seed, different split", seeds112, []Value{right, other, other}, []Value{right, right, other}, false, "both use random_state=1"},
		{"different seeds, same split", seeds112, []Value{right, right, right}, []Value{right, right, other}, false, "different random_state"},
	}
	for _, tc := range tests {
		err := kfNoPanic(t, tc.name, checkTrainTestSplit, CheckInput{Calls: tc.calls, Got: tc.got, Want: tc.want})
		if tc.ok && err != nil {
			t.Errorf("%s: checkTrainTestSplit = %v, want nil", tc.name, err)
		}
		if !tc.ok && (err == nil || !strings.Contains(err.Error(), tc.msg)) {
			t.Errorf("%s: checkTrainTestSplit = %v, want an error containing %q", tc.name, err, tc.msg)
		}
	}

	r := right.([]Value)
	hostile := []Value{
		nil, "split", 1.0, Opaque("<object>"), map[string]Value{"X_train": r[0]},
		r[:3],
		[]Value{"a", "b", "c", "d"},
		[]Value{r[2], r[3], r[0], r[1]},
		[]Value{r[0], r[1], r[0], r[1]},
		[]Value{r[0], r[1], r[2], NewArray("float64", []float64{math.NaN()}, 1)},
		[]Value{r[0], r[1], r[2], NewArray("float64", make([]float64, 10), 10)},
		[]Value{r[0], NewArray("float64", make([]float64, 30), 10, 3), r[2], r[3]},
		[]Value{r[0], []Value{[]Value{1.0}, []Value{1.0, 2.0}}, r[2], r[3]},
		[]Value{r[0], r[1], r[2], NewArray("int64", make([]float64, 10), 10, 1)},
	}
	for i, h := range hostile {
		if err := kfNoPanic(t, "hostile", checkTrainTestSplit, CheckInput{Calls: seeds112, Got: []Value{h, h, h}, Want: []Value{right, right, other}}); err == nil {
			t.Errorf("hostile value %d (%s) was accepted", i, Describe(h))
		}
	}
	if err := kfNoPanic(t, "missing result", checkTrainTestSplit, CheckInput{Calls: seeds112, Got: []Value{right}, Want: []Value{right, right, other}}); err == nil {
		t.Errorf("a missing result was accepted")
	}
}
