package judge

import (
	"math/rand"
	"sort"
	"strings"
	"testing"
)

// kfoldResult builds k_fold_indices' result for n samples cut from order into
// folds of the given sizes: (train_idx, val_idx) pairs, both sorted.
func kfoldResult(n int, order, sizes []int) Value {
	var out []Value
	start := 0
	for _, size := range sizes {
		val := append([]int(nil), order[start:start+size]...)
		sort.Ints(val)
		in := map[int]bool{}
		for _, v := range val {
			in[v] = true
		}
		var train []int
		for i := 0; i < n; i++ {
			if !in[i] {
				train = append(train, i)
			}
		}
		out = append(out, []Value{kfInts(train), kfInts(val)})
		start += size
	}
	return out
}

func kfInts(xs []int) *NDArray {
	data := make([]float64, len(xs))
	for i, x := range xs {
		data[i] = float64(x)
	}
	return NewArray("int64", data, len(xs))
}

func kfIdentity(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

func kfoldCallOf(n, k int, shuffle bool, seed float64) Call {
	return Call{Args: []Value{float64(n), float64(k)}, Kwargs: map[string]Value{"shuffle": shuffle, "random_state": seed}}
}

// kfNoPanic runs a check and fails the test if it panics.
func kfNoPanic(t *testing.T, name string, fn CheckFunc, in CheckInput) error {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("%s: the check panicked: %v", name, r)
		}
	}()
	return fn(in)
}

func TestCheckKFold(t *testing.T) {
	const n, k = 10, 3
	sizes := []int{4, 3, 3}
	plain := kfoldResult(n, kfIdentity(n), sizes)
	permA := rand.New(rand.NewSource(1)).Perm(n)
	permB := rand.New(rand.NewSource(2)).Perm(n)
	shuffledA := kfoldResult(n, permA, sizes)
	shuffledB := kfoldResult(n, permB, sizes)
	noShuffle := []Call{kfoldCallOf(n, k, false, 0)}
	oneShuffle := []Call{kfoldCallOf(n, k, true, 1)}
	seeds112 := []Call{kfoldCallOf(n, k, true, 1), kfoldCallOf(n, k, true, 1), kfoldCallOf(n, k, true, 2)}

	// A validation fold holding index 0 twice, and one with a training set
	// that overlaps its validation set.
	dupVal := kfoldResult(n, kfIdentity(n), sizes).([]Value)
	dupVal[0] = []Value{kfInts([]int{4, 5, 6, 7, 8, 9}), kfInts([]int{0, 0, 2, 3})}
	overlap := kfoldResult(n, kfIdentity(n), sizes).([]Value)
	overlap[1] = []Value{kfInts([]int{0, 1, 2, 3, 4, 8, 9}), kfInts([]int{4, 5, 6})}
	unsorted := kfoldResult(n, kfIdentity(n), sizes).([]Value)
	unsorted[1] = []Value{kfInts([]int{9, 8, 7, 0, 1, 2, 3}), kfInts([]int{4, 5, 6})}

	tests := []struct {
		name  string
		calls []Call
		got   []Value
		want  []Value
		ok    bool
		msg   string // a fragment the error must contain
	}{
		{"exact answer", noShuffle, []Value{plain}, []Value{plain}, true, ""},
		{"indices as Python lists", noShuffle, []Value{kfLists(plain)}, []Value{plain}, true, ""},
		{"another valid shuffle", oneShuffle, []Value{shuffledB}, []Value{shuffledA}, true, ""},
		{"seeds 1, 1, 2", seeds112, []Value{shuffledA, shuffledA, shuffledB}, []Value{shuffledA, shuffledA, shuffledB}, true, ""},
		{"remainder in the last fold", noShuffle, []Value{kfoldResult(n, kfIdentity(n), []int{3, 3, 4})}, []Value{plain}, false, "val_idx has 3 indices; expected 4"},
		{"index in two folds", noShuffle, []Value{kfoldResult(n, append(kfIdentity(n)[:9], 0), sizes)}, []Value{plain}, false, "validation sets of folds"},
		{"index twice in one fold", noShuffle, []Value{dupVal}, []Value{plain}, false, "twice"},
		{"train overlaps val", noShuffle, []Value{overlap}, []Value{plain}, false, "both train_idx and val_idx"},
		{"unsorted without shuffle", noShuffle, []Value{unsorted}, []Value{plain}, false, "train_idx"},
		{"same seed, different folds", seeds112, []Value{shuffledA, shuffledB, shuffledB}, []Value{shuffledA, shuffledA, shuffledB}, false, "both use random_state=1"},
		{"different seeds, same folds", seeds112, []Value{shuffledA, shuffledA, shuffledA}, []Value{shuffledA, shuffledA, shuffledB}, false, "different random_state"},
		{"too few folds", noShuffle, []Value{plain.([]Value)[:2]}, []Value{plain}, false, "expected 3 folds"},
	}
	for _, tc := range tests {
		err := kfNoPanic(t, tc.name, checkKFold, CheckInput{Calls: tc.calls, Got: tc.got, Want: tc.want})
		if tc.ok && err != nil {
			t.Errorf("%s: checkKFold = %v, want nil", tc.name, err)
		}
		if !tc.ok && (err == nil || !strings.Contains(err.Error(), tc.msg)) {
			t.Errorf("%s: checkKFold = %v, want an error containing %q", tc.name, err, tc.msg)
		}
	}

	hostile := []Value{
		nil, "folds", 3.0, true, Opaque("<generator object>"),
		map[string]Value{"train": plain},
		[]Value{"a", "b", "c"},
		[]Value{[]Value{"x", "y"}, []Value{1.0}, nil},
		[]Value{[]Value{plain, plain}, []Value{plain, plain}, []Value{plain, plain}},
		[]Value{[]Value{NewArray("int64", []float64{0, 1, 2, 3}, 2, 2), kfInts([]int{4})}, nil, nil},
		[]Value{[]Value{kfInts([]int{4, 5, 6, 7, 8, 9}), NewArray("float64", []float64{0.5, 1, 2, 3}, 4)}, nil, nil},
		[]Value{[]Value{kfInts([]int{4, 5, 6, 7, 8, 9}), kfInts([]int{-1, 1, 2, 3})}, nil, nil},
		[]Value{[]Value{kfInts([]int{4, 5, 6, 7, 8, 9}), kfInts([]int{0, 1, 2, 1000})}, nil, nil},
		[]Value{[]Value{kfInts(nil), NewArray("bool", make([]float64, 10), 10)}, nil, nil},
		[]Value{[]Value{[]Value{1.0, []Value{2.0}}, kfInts([]int{0})}, nil, nil},
	}
	for i, h := range hostile {
		for _, calls := range [][]Call{noShuffle, oneShuffle} {
			if err := kfNoPanic(t, "hostile", checkKFold, CheckInput{Calls: calls, Got: []Value{h}, Want: []Value{plain}}); err == nil {
				t.Errorf("hostile value %d (%s) was accepted", i, Describe(h))
			}
		}
	}
	if err := kfNoPanic(t, "missing result", checkKFold, CheckInput{Calls: seeds112, Got: []Value{shuffledA}, Want: []Value{shuffledA, shuffledA, shuffledB}}); err == nil {
		t.Errorf("a missing result was accepted")
	}
}

// kfLists turns every 1-D or 2-D array in a nested value into (nested) lists
// of numbers, as a submission returning Python lists would send them.
func kfLists(v Value) Value {
	switch x := v.(type) {
	case []Value:
		out := make([]Value, len(x))
		for i, e := range x {
			out[i] = kfLists(e)
		}
		return out
	case *NDArray:
		if len(x.Shape) == 2 {
			out := make([]Value, x.Shape[0])
			for i := range out {
				out[i] = kfLists(NewArray(x.DType, x.Row(i), x.Shape[1]))
			}
			return out
		}
		out := make([]Value, len(x.Data))
		for i, f := range x.Data {
			out[i] = f
		}
		return out
	}
	return v
}
