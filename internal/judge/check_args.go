package judge

import (
	"fmt"
	"math"
)

// callArg returns a call's argument by position, or by keyword when it was
// passed as one.
func callArg(c Call, pos int, name string) (Value, bool) {
	if pos < len(c.Args) {
		return c.Args[pos], true
	}
	v, ok := c.Kwargs[name]
	return v, ok
}

// callMatrix returns a 2-D array argument. Arguments come from the case file,
// so a failure here is a bug in the problem, not in the submission.
func callMatrix(c Call, pos int, name string) (*NDArray, error) {
	v, ok := callArg(c, pos, name)
	if !ok {
		return nil, fmt.Errorf("judge: argument %s missing", name)
	}
	a, err := AsArray(v)
	if err != nil || len(a.Shape) != 2 {
		return nil, fmt.Errorf("judge: argument %s is not a 2-D array", name)
	}
	return a, nil
}

// callInt returns an integer argument.
func callInt(c Call, pos int, name string) (int, error) {
	v, ok := callArg(c, pos, name)
	f, isNum := v.(float64)
	if !ok || !isNum || f != math.Trunc(f) {
		return 0, fmt.Errorf("judge: argument %s is not an integer", name)
	}
	return int(f), nil
}

// extraArray returns a checker-only array from a case's extra data.
func extraArray(extra map[string]Value, name string) (*NDArray, error) {
	v, ok := extra[name]
	if !ok {
		return nil, fmt.Errorf("judge: extra %s missing", name)
	}
	a, err := AsArray(v)
	if err != nil {
		return nil, fmt.Errorf("judge: extra %s: %w", name, err)
	}
	return a, nil
}

// resultPair unpacks a result that must be a tuple of two items.
func resultPair(got Value, what string) (Value, Value, error) {
	items, ok := got.([]Value)
	if !ok || len(items) != 2 {
		return nil, nil, fmt.Errorf("expected a tuple %s, got %s", what, Describe(got))
	}
	return items[0], items[1], nil
}

// allFinite reports whether an array holds no NaN or infinity.
func allFinite(a *NDArray) bool {
	for _, x := range a.Data {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return false
		}
	}
	return true
}

// sqDist is the squared Euclidean distance between two vectors of equal length.
func sqDist(a, b []float64) float64 {
	s := 0.0
	for i := range a {
		d := a[i] - b[i]
		s += d * d
	}
	return s
}
