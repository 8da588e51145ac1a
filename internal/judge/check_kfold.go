package judge

import (
	"fmt"
	"math"
	"sort"
)

// The "kfold" check judges k_fold_indices(n_samples, k, shuffle, random_state),
// which returns k (train_idx, val_idx) pairs. Every call is checked for
// structure: fold sizes as the reference has them, validation sets that hold
// each index exactly once, training sets that are their complements. Without
// shuffling the answer is unique, so it must also equal the reference exactly.
// With shuffling only reproducibility is added: calls of one case with equal
// random_state must return the same folds, calls with different ones must not.
func init() { registerCheck("kfold", checkKFold) }

func checkKFold(in CheckInput) error {
	if len(in.Got) != len(in.Want) || len(in.Calls) != len(in.Want) {
		return fmt.Errorf("expected %d results, got %d", len(in.Want), len(in.Got))
	}
	vals := make([][][]int, len(in.Want))
	for i := range in.Want {
		shuffle := pyTruthy(argValue(in.Calls[i], 2, "shuffle"))
		v, err := kfoldCall(in.Got[i], in.Want[i], !shuffle)
		if err != nil {
			return callPrefix(i, len(in.Want), err)
		}
		vals[i] = v
	}
	for i := range in.Calls {
		for j := i + 1; j < len(in.Calls); j++ {
			if !pyTruthy(argValue(in.Calls[i], 2, "shuffle")) || !pyTruthy(argValue(in.Calls[j], 2, "shuffle")) {
				continue
			}
			ri, okI := argValue(in.Calls[i], 3, "random_state").(float64)
			rj, okJ := argValue(in.Calls[j], 3, "random_state").(float64)
			if !okI || !okJ || len(vals[i]) != len(vals[j]) {
				continue
			}
			same := sameIndexSets(vals[i], vals[j])
			if ri == rj && !same {
				return fmt.Errorf("calls %d and %d both use random_state=%s but return different folds; "+
					"shuffle with np.random.default_rng(random_state)", i+1, j+1, fmtNum(ri))
			}
			if ri != rj && same {
				return fmt.Errorf("calls %d and %d use different random_state values (%s and %s) but return the same folds; "+
					"is the shuffle seeded with random_state?", i+1, j+1, fmtNum(ri), fmtNum(rj))
			}
		}
	}
	return nil
}

// kfoldCall checks one call's folds and returns each fold's validation
// indices, sorted.
func kfoldCall(got, want Value, exact bool) ([][]int, error) {
	wantFolds, _ := want.([]Value)
	k := len(wantFolds)
	sizes := make([]int, k)
	n := 0
	for j, f := range wantFolds {
		pair, _ := f.([]Value)
		if len(pair) != 2 {
			return nil, fmt.Errorf("judge: malformed reference fold %d", j)
		}
		tr, err1 := AsArray(pair[0])
		va, err2 := AsArray(pair[1])
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("judge: malformed reference fold %d", j)
		}
		sizes[j] = va.Size()
		n = tr.Size() + va.Size()
	}

	gotFolds, ok := got.([]Value)
	if !ok {
		return nil, fmt.Errorf("expected a list of %d (train_idx, val_idx) tuples, got %s", k, Describe(got))
	}
	if len(gotFolds) != k {
		return nil, fmt.Errorf("expected %d folds, got %d", k, len(gotFolds))
	}
	owner := make([]int, n)
	for i := range owner {
		owner[i] = -1
	}
	out := make([][]int, k)
	for j, f := range gotFolds {
		pair, ok := f.([]Value)
		if !ok || len(pair) != 2 {
			return nil, fmt.Errorf("folds[%d] must be a (train_idx, val_idx) tuple; got %s", j, Describe(f))
		}
		train, err := indexVector(pair[0], n)
		if err != nil {
			return nil, fmt.Errorf("folds[%d] train_idx %w", j, err)
		}
		val, err := indexVector(pair[1], n)
		if err != nil {
			return nil, fmt.Errorf("folds[%d] val_idx %w", j, err)
		}
		if len(val) != sizes[j] {
			return nil, fmt.Errorf("folds[%d] val_idx has %d indices; expected %d (%s)", j, len(val), sizes[j], foldSizeRule(n, k))
		}
		inVal := make([]bool, n)
		for _, x := range val {
			if inVal[x] {
				return nil, fmt.Errorf("folds[%d] val_idx holds index %d twice", j, x)
			}
			inVal[x] = true
			if owner[x] >= 0 {
				return nil, fmt.Errorf("index %d is in the validation sets of folds %d and %d; each index belongs to exactly one", x, owner[x], j)
			}
			owner[x] = j
		}
		if len(train) != n-len(val) {
			return nil, fmt.Errorf("folds[%d] train_idx has %d indices; expected %d, every index not in val_idx", j, len(train), n-len(val))
		}
		inTrain := make([]bool, n)
		for _, x := range train {
			if inVal[x] {
				return nil, fmt.Errorf("folds[%d]: index %d is in both train_idx and val_idx", j, x)
			}
			if inTrain[x] {
				return nil, fmt.Errorf("folds[%d] train_idx holds index %d twice", j, x)
			}
			inTrain[x] = true
		}
		if exact {
			wantPair := wantFolds[j].([]Value)
			if err := Allclose(pair[0], wantPair[0], Tol{}); err != nil {
				return nil, fmt.Errorf("folds[%d] train_idx: %w", j, err)
			}
			if err := Allclose(pair[1], wantPair[1], Tol{}); err != nil {
				return nil, fmt.Errorf("folds[%d] val_idx: %w", j, err)
			}
		}
		sort.Ints(val)
		out[j] = val
	}
	return out, nil
}

// foldSizeRule explains the fold sizes of n samples in k folds.
func foldSizeRule(n, k int) string {
	if n%k == 0 {
		return fmt.Sprintf("%d samples in %d folds of %d", n, k, n/k)
	}
	if n%k == 1 {
		return fmt.Sprintf("%d samples in %d folds: %d each, plus one more in the first fold", n, k, n/k)
	}
	return fmt.Sprintf("%d samples in %d folds: %d each, plus one more in each of the first %d folds", n, k, n/k, n%k)
}

// indexVector reads a 1-D list or array of integer indices in [0, n). Its
// errors read after the name of the array: "train_idx must be ...".
func indexVector(v Value, n int) ([]int, error) {
	a, err := AsArray(v)
	if err != nil || len(a.Shape) != 1 {
		return nil, fmt.Errorf("must be a 1-D array of indices; got %s", Describe(v))
	}
	if a.DType == "bool" {
		return nil, fmt.Errorf("must hold integer indices, not a boolean mask")
	}
	out := make([]int, len(a.Data))
	for i, x := range a.Data {
		if x != math.Trunc(x) || x < 0 || x >= float64(n) {
			return nil, fmt.Errorf("holds %s at position %d, which is not an index in 0..%d", fmtNum(x), i, n-1)
		}
		out[i] = int(x)
	}
	return out, nil
}

// sameIndexSets reports whether two lists of sorted index sets are equal.
func sameIndexSets(a, b [][]int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if len(a[i]) != len(b[i]) {
			return false
		}
		for j := range a[i] {
			if a[i][j] != b[i][j] {
				return false
			}
		}
	}
	return true
}

// argValue returns an argument passed by keyword name or at position pos, or
// nil when the call left it at its default.
func argValue(c Call, pos int, name string) Value {
	if v, ok := c.Kwargs[name]; ok {
		return v
	}
	if pos < len(c.Args) {
		return c.Args[pos]
	}
	return nil
}

// pyTruthy is Python's truth value for a bool or a number argument.
func pyTruthy(v Value) bool {
	switch x := v.(type) {
	case bool:
		return x
	case float64:
		return x != 0
	}
	return false
}

// callPrefix prefixes an error with its call number when a case has several.
func callPrefix(i, calls int, err error) error {
	if calls > 1 {
		return fmt.Errorf("call %d: %w", i+1, err)
	}
	return err
}
