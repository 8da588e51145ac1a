package judge

import (
	"fmt"
	"math"
)

func init() { registerCheck("kmeans", checkKMeans) }

// checkKMeans accepts any converged Lloyd result, since the initialisation is
// the user's choice: every label names its point's nearest centroid (ties
// either way within 1e-9), every non-empty cluster's centroid is the mean of
// its points (1e-6), and, when the case carries the true blob labels in
// extra "labels", the partition equals the true one up to relabelling.
func checkKMeans(in CheckInput) error {
	if len(in.Calls) != 1 || len(in.Got) != 1 {
		return fmt.Errorf("expected one result, got %d", len(in.Got))
	}
	X, err := callMatrix(in.Calls[0], 0, "X")
	if err != nil {
		return err
	}
	k, err := callInt(in.Calls[0], 1, "k")
	if err != nil {
		return err
	}
	n, d := X.Shape[0], X.Shape[1]
	cv, lv, err := resultPair(in.Got[0], "(centroids, labels)")
	if err != nil {
		return err
	}
	C, err := AsArray(cv)
	if err != nil {
		return fmt.Errorf("centroids: %w", err)
	}
	if !sameShape(C.Shape, []int{k, d}) {
		return fmt.Errorf("centroids: expected shape %s, got %s", shapeString([]int{k, d}), Describe(cv))
	}
	if !allFinite(C) {
		return fmt.Errorf("centroids contain NaN or infinity")
	}
	L, err := AsArray(lv)
	if err != nil {
		return fmt.Errorf("labels: %w", err)
	}
	if !sameShape(L.Shape, []int{n}) {
		return fmt.Errorf("labels: expected shape %s, got %s", shapeString([]int{n}), Describe(lv))
	}
	labels := make([]int, n)
	for i, f := range L.Data {
		if f != math.Trunc(f) || f < 0 || f >= float64(k) {
			return fmt.Errorf("label %d is %s; labels must be integers in [0, %d)", i, fmtNum(f), k)
		}
		labels[i] = int(f)
	}

	for i := 0; i < n; i++ {
		x := X.Row(i)
		own := sqDist(x, C.Row(labels[i]))
		for j := 0; j < k; j++ {
			if dj := sqDist(x, C.Row(j)); own > dj+1e-9*(1+dj) {
				return fmt.Errorf("point %d is labelled %d, but centroid %d is nearer (squared distance %s, not %s): not a converged assignment",
					i, labels[i], j, fmtNum(dj), fmtNum(own))
			}
		}
	}

	counts := make([]int, k)
	sums := make([]float64, k*d)
	for i, l := range labels {
		counts[l]++
		for c, v := range X.Row(i) {
			sums[l*d+c] += v
		}
	}
	for j := 0; j < k; j++ {
		if counts[j] == 0 {
			continue
		}
		for c := 0; c < d; c++ {
			mean := sums[j*d+c] / float64(counts[j])
			if got := C.At2(j, c); math.Abs(got-mean) > 1e-6*(1+math.Abs(mean)) {
				return fmt.Errorf("centroid %d is not the mean of its %d points: coordinate %d is %s, the mean is %s",
					j, counts[j], c, fmtNum(got), fmtNum(mean))
			}
		}
	}

	if _, ok := in.Extra["labels"]; !ok {
		return nil
	}
	truth, err := extraArray(in.Extra, "labels")
	if err != nil {
		return err
	}
	if truth.Size() != n {
		return fmt.Errorf("judge: extra labels has %d entries for %d points", truth.Size(), n)
	}
	return samePartition(labels, truth.Data)
}

// samePartition reports whether two labellings group the points identically.
func samePartition(got []int, truth []float64) error {
	gotOf := map[float64]int{}   // true label -> label given
	firstOf := map[int]int{}     // label given -> first point with it
	truthOf := map[int]float64{} // label given -> true label
	for i, g := range got {
		t := truth[i]
		if prev, ok := gotOf[t]; ok && prev != g {
			return fmt.Errorf("points %d and %d belong together in the expected clustering (its groups are far apart) but got labels %d and %d",
				firstPointWith(truth, t), i, prev, g)
		}
		gotOf[t] = g
		if prev, ok := truthOf[g]; ok && prev != t {
			return fmt.Errorf("points %d and %d belong to different groups of the expected clustering (its groups are far apart) but share label %d",
				firstOf[g], i, g)
		}
		if _, ok := firstOf[g]; !ok {
			firstOf[g] = i
		}
		truthOf[g] = t
	}
	return nil
}

func firstPointWith(labels []float64, t float64) int {
	for i, x := range labels {
		if x == t {
			return i
		}
	}
	return -1
}
