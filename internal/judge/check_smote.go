package judge

import (
	"fmt"
	"math"
	"sort"
)

func init() { registerCheck("smote", checkSmote) }

// smoteTol is how far, in Euclidean distance, a synthetic point may lie from
// the nearest segment joining a minority point to one of its neighbours.
const smoteTol = 1e-6

// checkSmote accepts any random stream: the result must have shape
// (n_new, d); every synthetic point must lie on a segment x_i + t(x_j − x_i),
// t in [0, 1], where j is one of the k nearest minority points of i (i
// itself excluded; a point tied with the k-th nearest counts as a neighbour);
// and the points must not all be copies of minority points.
func checkSmote(in CheckInput) error {
	if len(in.Calls) != 1 || len(in.Got) != 1 {
		return fmt.Errorf("expected one result, got %d", len(in.Got))
	}
	X, err := callMatrix(in.Calls[0], 0, "X_minority")
	if err != nil {
		return err
	}
	nNew, err := callInt(in.Calls[0], 1, "n_new")
	if err != nil {
		return err
	}
	k, err := callInt(in.Calls[0], 2, "k")
	if err != nil {
		return err
	}
	n, d := X.Shape[0], X.Shape[1]
	if k < 1 || k >= n {
		return fmt.Errorf("judge: k = %d needs 1 <= k < %d", k, n)
	}
	S, err := AsArray(in.Got[0])
	if err != nil {
		return err
	}
	if !sameShape(S.Shape, []int{nNew, d}) {
		return fmt.Errorf("expected shape %s, got %s", shapeString([]int{nNew, d}), Describe(in.Got[0]))
	}
	if !allFinite(S) {
		return fmt.Errorf("the synthetic points contain NaN or infinity")
	}

	neighbours := smoteNeighbours(X, k)
	copies := 0
	for r := 0; r < nNew; r++ {
		p := S.Row(r)
		best := math.Inf(1)
		for i := 0; i < n && best > smoteTol; i++ {
			for _, j := range neighbours[i] {
				best = math.Min(best, segmentDist(p, X.Row(i), X.Row(j)))
			}
		}
		if best > smoteTol {
			return fmt.Errorf("synthetic point %d does not lie on any segment from a minority point to one of its k = %d nearest neighbours (it is %s away from the nearest one)",
				r, k, fmtNum(best))
		}
		for i := 0; i < n; i++ {
			if sqDist(p, X.Row(i)) <= 1e-18 {
				copies++
				break
			}
		}
	}
	if nNew > 0 && copies == nNew {
		return fmt.Errorf("every synthetic point is a copy of a minority point; SMOTE interpolates between a point and a neighbour")
	}
	return nil
}

// smoteNeighbours lists, for every row of X, the other rows no farther than
// its k-th nearest (so ties at the k-th distance are all included).
func smoteNeighbours(X *NDArray, k int) [][]int {
	n := X.Shape[0]
	out := make([][]int, n)
	for i := 0; i < n; i++ {
		d := make([]float64, 0, n-1)
		for j := 0; j < n; j++ {
			if j != i {
				d = append(d, sqDist(X.Row(i), X.Row(j)))
			}
		}
		sort.Float64s(d)
		limit := d[k-1]*(1+1e-9) + 1e-12
		for j := 0; j < n; j++ {
			if j != i && sqDist(X.Row(i), X.Row(j)) <= limit {
				out[i] = append(out[i], j)
			}
		}
	}
	return out
}

// segmentDist is the Euclidean distance from p to the segment from a to b.
func segmentDist(p, a, b []float64) float64 {
	var vv, pv float64
	for c := range a {
		v := b[c] - a[c]
		vv += v * v
		pv += (p[c] - a[c]) * v
	}
	t := 0.0
	if vv > 0 {
		t = math.Max(0, math.Min(1, pv/vv))
	}
	s := 0.0
	for c := range a {
		e := a[c] + t*(b[c]-a[c]) - p[c]
		s += e * e
	}
	return math.Sqrt(s)
}
