package judge

import (
	"fmt"
	"math"
)

func init() { registerCheck("logistic_regression", checkLogisticRegression) }

// checkLogisticRegression judges a linear classifier by what it predicts on
// held-out points (extra "X_holdout", "y_holdout") rather than by its exact
// weights: at least min_accuracy of them classified right, and the predicted
// class equal to the reference model's on at least min_agreement of them.
// A point is predicted positive when x @ w + b >= 0.
func checkLogisticRegression(in CheckInput) error {
	spec := struct {
		MinAccuracy  float64 `json:"min_accuracy"`
		MinAgreement float64 `json:"min_agreement"`
	}{0.95, 0.95}
	if err := specOf(in.Spec, &spec); err != nil {
		return err
	}
	if len(in.Calls) != 1 || len(in.Got) != 1 || len(in.Want) != 1 {
		return fmt.Errorf("expected one result, got %d", len(in.Got))
	}
	X, err := callMatrix(in.Calls[0], 0, "X")
	if err != nil {
		return err
	}
	d := X.Shape[1]
	Xh, err := extraArray(in.Extra, "X_holdout")
	if err != nil {
		return err
	}
	yh, err := extraArray(in.Extra, "y_holdout")
	if err != nil {
		return err
	}
	if len(Xh.Shape) != 2 || Xh.Shape[1] != d || yh.Size() != Xh.Shape[0] || Xh.Shape[0] == 0 {
		return fmt.Errorf("judge: held-out data does not match X")
	}
	refW, refB, err := linearModel(in.Want[0], d)
	if err != nil {
		return fmt.Errorf("judge: reference result: %w", err)
	}
	w, b, err := linearModel(in.Got[0], d)
	if err != nil {
		return err
	}

	m := Xh.Shape[0]
	correct, agree := 0, 0
	for i := 0; i < m; i++ {
		pred := predictLinear(Xh.Row(i), w, b)
		if pred == (yh.Data[i] == 1) {
			correct++
		}
		if pred == predictLinear(Xh.Row(i), refW, refB) {
			agree++
		}
	}
	if acc := float64(correct) / float64(m); acc < spec.MinAccuracy {
		return fmt.Errorf("the model classifies %d of %d held-out points correctly (%.1f%%); at least %.0f%% is required",
			correct, m, 100*acc, 100*spec.MinAccuracy)
	}
	if agr := float64(agree) / float64(m); agr < spec.MinAgreement {
		return fmt.Errorf("the model's predictions agree with the reference model's on %d of %d held-out points (%.1f%%); at least %.0f%% is required",
			agree, m, 100*agr, 100*spec.MinAgreement)
	}
	return nil
}

// linearModel unpacks a (weights, bias) result with weights of shape (d,).
func linearModel(v Value, d int) ([]float64, float64, error) {
	wv, bv, err := resultPair(v, "(weights, bias)")
	if err != nil {
		return nil, 0, err
	}
	w, err := AsArray(wv)
	if err != nil {
		return nil, 0, fmt.Errorf("weights: %w", err)
	}
	if !sameShape(w.Shape, []int{d}) {
		return nil, 0, fmt.Errorf("weights: expected shape %s, got %s", shapeString([]int{d}), Describe(wv))
	}
	if !allFinite(w) {
		return nil, 0, fmt.Errorf("weights contain NaN or infinity")
	}
	ba, err := AsArray(bv)
	if err != nil || len(ba.Shape) != 0 || len(ba.Data) != 1 {
		return nil, 0, fmt.Errorf("bias: expected a single number, got %s", Describe(bv))
	}
	b := ba.Data[0]
	if math.IsNaN(b) || math.IsInf(b, 0) {
		return nil, 0, fmt.Errorf("bias is %s", fmtNum(b))
	}
	return w.Data, b, nil
}

func predictLinear(x, w []float64, b float64) bool {
	z := b
	for j := range x {
		z += x[j] * w[j]
	}
	return z >= 0
}
