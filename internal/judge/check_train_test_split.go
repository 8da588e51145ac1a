package judge

import (
	"fmt"
	"math"
	"sort"
)

// The "train_test_split" check judges train_test_split(X, y, test_size,
// random_state) -> (X_train, X_test, y_train, y_test), whose rows depend on
// how the submission shuffles. The test inputs give every row a unique y, so
// each returned (X row, y) pair can be traced to its input row. Per call: the
// test part has as many rows as the reference's (ceil(test_size * n)), every
// returned pair is an input pair, and every input row appears exactly once.
// The rows must have been shuffled: the test part may not be the first or the
// last block of rows in input order. Across the calls of one case, equal
// random_state must give identical outputs and different random_state must
// put different rows in the test part. The two chance-based rules are applied
// only where a correct shuffle breaks them with probability below chanceLimit.
func init() { registerCheck("train_test_split", checkTrainTestSplit) }

// chanceLimit bounds the probability that a correct split is rejected by luck:
// a random test part of n_test rows out of n is one given block with
// probability 1 / C(n, n_test).
const chanceLimit = 1e-6

var splitNames = [4]string{"X_train", "X_test", "y_train", "y_test"}

func checkTrainTestSplit(in CheckInput) error {
	if len(in.Got) != len(in.Want) || len(in.Calls) != len(in.Want) {
		return fmt.Errorf("expected %d results, got %d", len(in.Want), len(in.Got))
	}
	tests := make([][]int, len(in.Want))
	for i := range in.Want {
		rows, err := splitCall(in.Calls[i], in.Got[i], in.Want[i])
		if err != nil {
			return callPrefix(i, len(in.Want), err)
		}
		tests[i] = rows
	}
	for i := range in.Calls {
		for j := i + 1; j < len(in.Calls); j++ {
			ri, okI := argValue(in.Calls[i], 3, "random_state").(float64)
			rj, okJ := argValue(in.Calls[j], 3, "random_state").(float64)
			if !okI || !okJ {
				continue
			}
			if ri == rj {
				gi, gj := in.Got[i].([]Value), in.Got[j].([]Value)
				for t := range splitNames {
					if err := Allclose(gj[t], gi[t], Tol{}); err != nil {
						return fmt.Errorf("calls %d and %d both use random_state=%s but return different %s arrays; "+
							"shuffle with a generator seeded by random_state", i+1, j+1, fmtNum(ri), splitNames[t])
					}
				}
			} else if sameShape(tests[i], tests[j]) && rareByChance(in.Calls[i], len(tests[i])) {
				return fmt.Errorf("calls %d and %d use different random_state values (%s and %s) but put the same rows "+
					"in the test part; is the shuffle seeded with random_state?", i+1, j+1, fmtNum(ri), fmtNum(rj))
			}
		}
	}
	return nil
}

// splitCall checks one call's result and returns the input positions of the
// test rows, sorted.
func splitCall(call Call, got, want Value) ([]int, error) {
	if len(call.Args) < 2 {
		return nil, fmt.Errorf("judge: train_test_split needs X and y")
	}
	X, err1 := AsArray(call.Args[0])
	y, err2 := AsArray(call.Args[1])
	wl, _ := want.([]Value)
	if err1 != nil || err2 != nil || len(X.Shape) != 2 || len(y.Shape) != 1 || y.Shape[0] != X.Shape[0] || len(wl) != 4 {
		return nil, fmt.Errorf("judge: malformed train_test_split case")
	}
	wantTest, err := AsArray(wl[3])
	if err != nil {
		return nil, fmt.Errorf("judge: malformed reference output")
	}
	n, d := X.Shape[0], X.Shape[1]
	nTest := wantTest.Size()
	nTrain := n - nTest
	testSize := 0.2
	if ts, ok := argValue(call, 2, "test_size").(float64); ok {
		testSize = ts
	}
	row := make(map[float64]int, n)
	for j, id := range y.Data {
		row[id] = j
	}
	if len(row) != n {
		return nil, fmt.Errorf("judge: the case's y values are not unique")
	}

	gl, ok := got.([]Value)
	if !ok || len(gl) != 4 {
		return nil, fmt.Errorf("expected a tuple (X_train, X_test, y_train, y_test), got %s", Describe(got))
	}
	var parts [4]*NDArray
	for t, v := range gl {
		a, err := AsArray(v)
		if err != nil {
			return nil, fmt.Errorf("%s must be an array; got %s", splitNames[t], Describe(v))
		}
		parts[t] = a
	}
	for _, t := range []int{1, 0} {
		rows := nTest
		if t == 0 {
			rows = nTrain
		}
		Xp, yp := parts[t], parts[t+2]
		if len(Xp.Shape) != 2 || Xp.Shape[1] != d {
			return nil, fmt.Errorf("%s must be a 2-D array with %d columns; got %s", splitNames[t], d, Describe(gl[t]))
		}
		if len(yp.Shape) != 1 {
			return nil, fmt.Errorf("%s must be a 1-D array; got %s", splitNames[t+2], Describe(gl[t+2]))
		}
		if Xp.Shape[0] != rows {
			if t == 1 {
				return nil, fmt.Errorf("the test part has %d rows; expected %d = ceil(%g × %d)", Xp.Shape[0], nTest, testSize, n)
			}
			return nil, fmt.Errorf("the training part has %d rows; expected %d = %d − %d test rows", Xp.Shape[0], nTrain, n, nTest)
		}
		if yp.Shape[0] != rows {
			return nil, fmt.Errorf("%s has %d values but %s has %d rows", splitNames[t+2], yp.Shape[0], splitNames[t], rows)
		}
	}

	used := make([]bool, n)
	var testRows []int
	for t := 0; t < 2; t++ {
		Xp, yp := parts[t], parts[t+2]
		for r, id := range yp.Data {
			j, ok := row[id]
			if !ok {
				return nil, fmt.Errorf("%s[%d] = %s is not one of the input y values", splitNames[t+2], r, fmtNum(id))
			}
			if used[j] {
				return nil, fmt.Errorf("the input row with y = %s appears twice in the output; each row belongs to exactly one part", fmtNum(id))
			}
			used[j] = true
			got, want := Xp.Row(r), X.Row(j)
			for c := range want {
				if got[c] != want[c] {
					return nil, fmt.Errorf("%s row %d is not the input row whose y is %s (%s[%d]): "+
						"X and y must be reordered with the same permutation", splitNames[t], r, fmtNum(id), splitNames[t+2], r)
				}
			}
			if t == 1 {
				testRows = append(testRows, j)
			}
		}
	}
	sort.Ints(testRows)
	if nTest > 0 && nTest < n && math.Log(2)-logChoose(n, nTest) < math.Log(chanceLimit) {
		if testRows[0] == 0 && testRows[nTest-1] == nTest-1 {
			return nil, fmt.Errorf("the test part is the first %d input rows: shuffle the rows before splitting", nTest)
		}
		if testRows[0] == n-nTest && testRows[nTest-1] == n-1 {
			return nil, fmt.Errorf("the test part is the last %d input rows: shuffle the rows before splitting", nTest)
		}
	}
	return testRows, nil
}

// rareByChance reports whether two independent shuffles of the call's rows
// give the same test part of nTest rows with probability below chanceLimit.
func rareByChance(c Call, nTest int) bool {
	X, err := AsArray(argValue(c, 0, "X"))
	if err != nil || len(X.Shape) == 0 {
		return false
	}
	return -logChoose(X.Shape[0], nTest) < math.Log(chanceLimit)
}

// logChoose is ln C(n, k).
func logChoose(n, k int) float64 {
	a, _ := math.Lgamma(float64(n + 1))
	b, _ := math.Lgamma(float64(k + 1))
	c, _ := math.Lgamma(float64(n - k + 1))
	return a - b - c
}
