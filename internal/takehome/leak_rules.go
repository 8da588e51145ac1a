package takehome

import (
	"fmt"
	"slices"
	"strings"
)

// method evaluates recv.method(...).
func (a *analyser) method(recv *value, method string, c *callSite) *value {
	if recv.est == nil {
		switch method {
		case "fit", "predict", "predict_proba", "fit_predict", "evaluate", "fit_generator":
			// A model built elsewhere (a helper returning a Keras model).
			if len(recv.rows) > 0 && recv.role() == roleFull && len(recv.taints) == 0 && recv.lagged == nil {
				recv.est = &estimator{class: "model", kind: estModel, chunk: a.chunk, line: c.n.Line}
				recv.rows = nil
			}
		}
	}
	if recv.est != nil {
		return a.estMethod(recv, method, c)
	}
	return a.dataMethod(recv, method, c)
}

func (a *analyser) estMethod(recv *value, method string, c *callSite) *value {
	e := recv.est
	X, XN := c.arg(0, "X"), c.argNode(0, "X")
	if X == nil && c.kw["x"] != nil {
		X, XN = c.kw["x"], c.kwN["x"]
	}
	y := c.arg(1, "y")
	switch method {
	case "fit", "fit_transform", "partial_fit", "fit_on_texts", "fit_on_sequences", "adapt", "fit_generator", "train", "fit_predict":
		kind := e.kind
		if kind == estPipeline && !e.hasModel && (e.hasPre || e.hasSel) {
			kind = estPreproc // a pipeline of transformers is a transformer
		}
		switch kind {
		case estPreproc, estSelector, estTargetEnc:
			supervised := e.kind == estTargetEnc || (e.kind == estSelector && y != nil && e.class != "VarianceThreshold")
			a.fitTransformer(e, X, XN, supervised, c.n)
			if method == "fit_transform" || method == "fit_predict" {
				return a.transformed(e, X)
			}
			return recv
		case estResampler:
			if method == "fit" {
				return recv
			}
		case estSplitter:
			return recv
		case estAugment:
			return recv
		}
		a.fitModel(e, X, XN, c)
		if method == "fit_predict" {
			out := a.derive(X)
			out.pred = e.inst
			return out
		}
		return recv
	case "transform", "inverse_transform", "texts_to_sequences", "texts_to_matrix", "sequences_to_matrix":
		return a.transformed(e, X)
	case "fit_resample", "fit_sample":
		return a.resample(e, X, XN, y, c.n)
	case "flow", "flow_from_dataframe":
		if e.kind == estAugment {
			out := a.derive(X)
			if X != nil && X.role() == roleFull {
				out.dup = &event{kind: "dup", what: "ImageDataGenerator." + method, on: textOf(XN), chunk: a.chunk, line: c.n.Line}
			}
			return out
		}
	case "split":
		if e.kind == estSplitter {
			a.cvChecks(e, X, c.n)
			return &value{loop: nil}
		}
	case "score", "evaluate":
		if e.kind != estPreproc && e.kind != estSelector && e.kind != estSplitter && !clusterer(e.class) {
			inst := a.instFor(e, c.n)
			data := X
			if data == nil {
				data = y
			}
			a.evaluate(inst, data, c.n)
		}
		return nil
	}
	if predictMethods[method] {
		return a.predict(e, X, c.n)
	}
	return recv
}

// instFor is the estimator's current fitted model, made up when the model
// was fitted where the analysis cannot see (loaded from disk).
func (a *analyser) instFor(e *estimator, n *Node) *inst {
	if e.inst == nil {
		e.inst = &inst{est: e, chunk: a.chunk, line: 0, dummy: e.kind == estDummy}
		a.insts = append(a.insts, e.inst)
	}
	return e.inst
}

func (a *analyser) predict(e *estimator, X *value, n *Node) *value {
	out := a.derive(X)
	out.pred = a.instFor(e, n)
	return out
}

// fitTransformer records what a transformer was fitted on.
func (a *analyser) fitTransformer(e *estimator, X *value, XN *Node, supervised bool, n *Node) {
	e.taint = nil
	if X == nil || !learnsFromRows(e.class) {
		return
	}
	X = X.flat()
	ev := &event{kind: "fit", what: e.class, on: textOf(XN), chunk: a.chunk, line: n.Line, supervised: supervised, target: a.isTarget(XN)}
	switch e.class {
	case "OneHotEncoder", "OrdinalEncoder", "LabelEncoder", "LabelBinarizer", "MultiLabelBinarizer", "DictVectorizer", "CountEncoder", "CountFrequencyEncoder":
		ev.kind = "encode"
	}
	ev.rows = X.rows
	switch X.role() {
	case roleFull:
		e.taint = ev
	case roleTrain, roleVal:
		ev.onPart = true
		e.taint = ev
	case roleMixed:
		if !ev.target {
			a.leakMixed(ev, X)
		}
	}
}

// transformed is X after a fitted transformer: it carries the
// transformer's taint, and applying a transformer fitted on unsplit rows to
// a split part is the leak.
func (a *analyser) transformed(e *estimator, X *value) *value {
	out := a.derive(X)
	if e.taint != nil {
		if isPart(out.role()) && !e.taint.target && !e.taint.onPart {
			a.leakStat(e.taint, out)
		}
		out.addTaints([]taint{{ev: e.taint}}, "")
	}
	return out
}

// fitModel records a model fit and checks what watches it.
func (a *analyser) fitModel(e *estimator, X *value, XN *Node, c *callSite) {
	in := &inst{est: e, chunk: a.chunk, line: c.n.Line, trained: X.flat(), loops: slices.Clone(a.loops), dummy: e.kind == estDummy}
	if a.inCVLoop() {
		e.cvEval = true // fitted fold by fold: a hand-written cross-validation
	}
	e.inst = in
	a.insts = append(a.insts, in)
	if e.kind == estSearch {
		e.cvEval = true
		if e.cv != nil {
			a.cvChecks(e.cv, X, c.n)
		}
		if X != nil && X.role() == roleTest {
			a.report("leakage/multi-test", a.chunk, c.n.Line,
				fmt.Sprintf("%s is fitted on %s, the test set, so its hyper-parameters are chosen on the rows meant for the final score.", e.class, textOf(XN)),
				"Fit the search on the training rows; then score best_estimator_ once on the test set.")
		}
		a.cvChecks(e, X, c.n)
	}
	for _, name := range []string{"validation_data", "eval_set", "valid_sets", "evals", "validation_split"} {
		v, ok := c.kw[name]
		if !ok {
			continue
		}
		e.cvEval = true
		if v == nil {
			continue
		}
		if f := v.flat(); f != nil && f.role() == roleTest {
			a.report("leakage/multi-test", a.chunk, c.n.Line,
				fmt.Sprintf("%s=%s hands the test set to training as validation data: early stopping and the choice of the best epoch or round now depend on the test rows.", name, clip(textOf(c.kwN[name]), 60)),
				"Split a validation set off the training data (validation_split, or a three-way split) and keep the test set for one final evaluation.")
		}
	}
}

func (a *analyser) resample(e *estimator, X *value, XN *Node, y *value, n *Node) *value {
	outX, outY := a.derive(X), a.derive(y)
	if X != nil {
		switch X.flat().role() {
		case roleFull:
			ev := &event{kind: "dup", what: e.class, on: textOf(XN), chunk: a.chunk, line: n.Line}
			outX.dup, outY.dup = ev, ev
		case roleMixed:
			a.report("leakage/overlap", a.chunk, n.Line,
				fmt.Sprintf("%s resamples %s, which mixes training and test rows: synthetic rows made from test rows end up in training.", e.class, textOf(XN)),
				"Resample the training split only, after the split, or use imblearn's Pipeline so it happens inside each training fold.")
		}
	}
	return &value{elems: []*value{outX, outY}}
}

// dataMethod evaluates a method of a data frame, series or array.
func (a *analyser) dataMethod(recv *value, method string, c *callSite) *value {
	if len(recv.elems) > 0 && len(recv.rows) == 0 {
		// A Python list or dict.
		switch method {
		case "items", "values", "copy":
			return recv
		case "append", "extend", "insert":
			for _, v := range c.pos {
				if v != nil {
					recv.elems = append(recv.elems, v)
				}
			}
			return nil
		}
	}
	if method == "apply" || method == "transform" || method == "agg" || method == "aggregate" || method == "pipe" {
		// df.apply(f) with f defined in the program: f runs on the data.
		if fn := c.argNode(0, "func"); fn != nil && fn.Kind == "identifier" {
			if def, ok := a.funcs[fn.Text()]; ok {
				inner := &callSite{n: c.n, pos: []*value{recv}, kw: map[string]*value{}}
				if out := a.inline(def, inner); out != nil {
					return a.derive(recv, out)
				}
				return a.derive(recv)
			}
		}
	}
	switch {
	case recv.group && (groupStatMethods[method] || method == "transform" || method == "apply"):
		if method == "transform" || method == "apply" || method == "agg" || method == "aggregate" {
			if !statArg(c) {
				return a.derive(recv, c.all()...)
			}
		}
		col := strings.TrimPrefix(recv.text, "group:")
		supervised := recv.text != "" && a.targets[col]
		what := "a per-group " + aggName(method, c)
		if recv.text != "" {
			what += " of " + col
		}
		out := a.statEvent("stat", what, recv, rootOf(c.recvN), supervised, c.n)
		return out
	case recv.window:
		out := a.derive(recv, c.all()...)
		return out
	case statMethods[method]:
		return a.statEvent("stat", "the "+method, recv, c.recvN, false, c.n)
	case method == "groupby":
		out := a.derive(recv)
		out.group = true
		return out
	case lagMethods[method]:
		out := a.derive(recv, c.all()...)
		if out.lagged == nil {
			out.lagged = &event{kind: "lag", what: "." + method + "()", chunk: a.chunk, line: c.n.Line}
		}
		out.window = windowMethods[method]
		out.group = false
		return out
	case method == "append" && len(c.pos) > 0 && c.pos[0] != nil && len(c.pos[0].flat().rows) > 0:
		return a.concatValues([]*value{recv, c.pos[0]})
	case method == "drop":
		out := a.derive(recv, c.all()...)
		cols := strs(c.kwN["columns"])
		axis := c.literal("axis")
		if first := c.argNode(0, "labels"); first != nil {
			if first.Kind == "attribute" && first.Child("attribute").Text() == "index" {
				out.rowSrc = recv
				return out
			}
			if axis == "" || axis == "1" || axis == "'columns'" || axis == `"columns"` {
				cols = append(cols, strs(first)...)
			}
		}
		for _, col := range cols {
			out.dropTaints(col)
		}
		return out
	case method == "pop":
		if s := strs(c.argNode(0, "item")); len(s) == 1 {
			out := a.derive(recv)
			out.keepColumns(s)
			recv.dropTaints(s[0])
			return out
		}
	case rowSubsetMethods[method]:
		out := a.derive(recv, c.all()...)
		out.rowSrc = recv
		return out
	}
	out := a.derive(recv, c.all()...)
	if c.literal("inplace") == "True" && c.recvN != nil {
		if root, col := a.subscriptRoot(c.recvN); root != "" {
			if base := a.env[root]; base != nil && base.est == nil {
				var others []taint
				for _, v := range c.all() {
					if v != nil {
						others = append(others, v.flat().taints...)
					}
				}
				if isPart(base.role()) {
					for _, t := range others {
						if !t.ev.target && !t.ev.onPart {
							a.leakStat(t.ev, base)
						}
					}
				}
				base.addTaints(others, col)
			}
		}
	}
	return out
}

func aggName(method string, c *callSite) string {
	if len(c.posN) > 0 {
		if s, ok := c.posN[0].StringValue(); ok {
			return s
		}
	}
	return method
}

// statArg says whether a transform/agg/apply argument computes a statistic.
func statArg(c *callSite) bool {
	n := c.argNode(0, "func")
	if n == nil {
		return false
	}
	txt := n.Text()
	if strings.Contains(txt, "shift") || strings.Contains(txt, "rolling") || strings.Contains(txt, "expanding") || strings.Contains(txt, "diff") || strings.Contains(txt, "cum") {
		return false
	}
	for s := range groupStatMethods {
		if strings.Contains(txt, s) {
			return true
		}
	}
	return false
}

// statEvent is a statistic or encoding computed over data's rows.
func (a *analyser) statEvent(kind, what string, data *value, dataN *Node, supervised bool, n *Node) *value {
	out := a.derive(data)
	if data == nil {
		return out
	}
	out.window, out.group = false, false
	ev := &event{kind: kind, what: what, on: textOf(dataN), chunk: a.chunk, line: n.Line, supervised: supervised, target: !supervised && a.isTarget(dataN)}
	ev.rows = data.flat().rows
	switch data.flat().role() {
	case roleFull:
		out.addTaints([]taint{{ev: ev}}, "")
	case roleTrain, roleVal:
		ev.onPart = true
		out.addTaints([]taint{{ev: ev}}, "")
	case roleMixed:
		if !ev.target {
			a.leakMixed(ev, data)
		}
	}
	return out
}

// isTarget says whether an expression names the target: y, df['target'].
func (a *analyser) isTarget(n *Node) bool {
	for n != nil && (n.Kind == "attribute" || n.Kind == "parenthesized_expression") {
		if n.Kind == "attribute" {
			attr := n.Child("attribute").Text()
			if attr != "values" && attr != "ravel" && attr != "to_numpy" {
				return a.targets[attr]
			}
			n = n.Child("object")
		} else {
			n = firstKid(n)
		}
	}
	if n == nil {
		return false
	}
	switch n.Kind {
	case "identifier":
		name := strings.ToLower(n.Text())
		return name == "y" || strings.HasPrefix(name, "y_") || name == "target" || name == "labels" || name == "label"
	case "subscript":
		if k := subscriptKeys(n); len(k) > 0 {
			if s := strs(k[len(k)-1]); len(s) == 1 {
				return a.targets[s[0]]
			}
		}
	}
	return false
}

func (a *analyser) concat(c *callSite) *value {
	var parts []*value
	for _, v := range c.pos[:min(1, len(c.pos))] {
		if v == nil {
			continue
		}
		if len(v.elems) > 0 {
			parts = append(parts, v.elems...)
		} else {
			parts = append(parts, v)
		}
	}
	if len(c.pos) > 1 {
		parts = append(parts, c.pos[1:]...)
	}
	if ax := c.literal("axis"); ax == "1" || ax == "'columns'" {
		return a.derive(firstData(parts), parts...)
	}
	return a.concatValues(parts)
}

func (a *analyser) concatValues(parts []*value) *value {
	out := &value{}
	for _, p := range parts {
		p = p.flat()
		if p == nil {
			continue
		}
		out.rows = unionRows(out.rows, p.rows)
		out.addTaints(p.taints, "")
		out.dup = orEvent(out.dup, p.dup)
		out.lagged = orEvent(out.lagged, p.lagged)
	}
	return out
}

// split is train_test_split: each array becomes a training and a test part.
func (a *analyser) split(c *callSite) *value {
	a.splits++
	key := fmt.Sprintf("split%d", a.splits)
	shuffle := c.literal("shuffle") != "False"
	out := &value{}
	n := len(c.pos)
	for i, in := range c.pos {
		if in == nil || len(in.flat().rows) == 0 {
			f := a.fresh()
			if in != nil {
				f.taints, f.dup, f.lagged = in.taints, in.dup, in.lagged
			}
			in = f
		}
		in = in.flat()
		isTargetArg := n >= 2 && i == n-1
		a.splitChecks(in, shuffle, c.n, key, isTargetArg)
		trRole, teRole := roleTrain, roleTest
		switch in.role() {
		case roleTrain:
			teRole = roleVal
		case roleTest:
			trRole = roleVal
		case roleVal:
			teRole = roleVal
		}
		if a.inCVLoop() {
			teRole = roleVal
		}
		for _, r := range []role{trRole, teRole} {
			p := a.derive(in)
			p.rows = nil
			for _, at := range in.rows {
				k := at.child(key+":"+roleName(r)+fmt.Sprint(r == trRole), r)
				if len(a.loops) > 0 {
					k.loop = a.loops[len(a.loops)-1]
				}
				p.rows = append(p.rows, k)
			}
			p.text = "split"
			out.elems = append(out.elems, p)
		}
	}
	return out
}

// splitChecks runs where rows are divided: statistics, fits and
// oversampling that saw the undivided rows leak into both sides, and lag
// features must not be shuffled apart.
func (a *analyser) splitChecks(in *value, shuffle bool, n *Node, key string, isTargetArg bool) {
	for _, t := range in.taints {
		// Encoding the target's labels before the split is harmless; a
		// statistic of the target over all rows is not.
		if (t.ev.target || isTargetArg) && t.ev.kind == "encode" {
			continue
		}
		if t.ev.target && t.ev.kind == "fit" {
			continue
		}
		if t.ev.onPart && !overlaps(&value{rows: t.ev.rows}, in) {
			continue // fitted on other rows than these: fine
		}
		a.leakSplit(t.ev, n)
	}
	if in.dup != nil {
		ev := in.dup
		a.report("leakage/overlap", ev.chunk, ev.line,
			fmt.Sprintf("%s creates rows from %s before the split %s, so copies and near-copies of the test rows end up in training; the test score then measures memory, not generalisation.", ev.what, ev.on, a.where(n)),
			"Split first and oversample only the training rows, or use imblearn's Pipeline so resampling happens inside each training fold.")
	}
	if in.lagged != nil && shuffle && key != "" {
		a.report("leakage/temporal", a.chunk, n.Line,
			fmt.Sprintf("This split shuffles rows that carry lag or rolling features (%s %s): the model trains on later rows than some it is tested on, and neighbouring rows share values, so the score overstates how it will forecast.", in.lagged.what, a.whereEv(in.lagged)),
			"Split by time: train on the earlier rows and test on the later ones (shuffle=False or a date cutoff), and use TimeSeriesSplit for cross-validation.")
	}
}

// cvChecks runs where cross-validation divides rows internally.
func (a *analyser) cvChecks(e *estimator, X *value, n *Node) {
	if X == nil {
		return
	}
	X = X.flat()
	if X.role() == roleFull || X.role() == roleNone {
		for _, t := range X.taints {
			if t.ev.supervised && !t.ev.target && !t.ev.onPart {
				ev := t.ev
				a.report("leakage/cv-preprocessing", ev.chunk, ev.line,
					fmt.Sprintf("%s uses the target over all of %s before cross-validation %s splits those rows: every fold's validation rows helped decide the features, so the cross-validated score is optimistic.", ev.what, ev.on, a.where(n)),
					"Put the selection or target encoding in a Pipeline with the model and cross-validate the Pipeline, so it is refitted on each training fold.")
			}
		}
	}
	if X.dup != nil && X.role() != roleTrain {
		ev := X.dup
		a.report("leakage/overlap", ev.chunk, ev.line,
			fmt.Sprintf("%s creates rows from %s before cross-validation %s, so synthetic copies of each fold's validation rows sit in its training folds.", ev.what, ev.on, a.where(n)),
			"Resample inside the folds: use imblearn's Pipeline with the resampler and the model, and cross-validate that.")
	}
	if e != nil && e.kind == estSplitter && e.shuffled && X.lagged != nil {
		a.report("leakage/temporal", e.chunk, e.line,
			fmt.Sprintf("%s shuffles rows that carry lag or rolling features (%s %s), so each fold trains on the future of the rows it validates on.", e.class, X.lagged.what, a.whereEv(X.lagged)),
			"Use TimeSeriesSplit (or KFold without shuffling on time-ordered rows) so every validation fold comes after its training rows.")
	}
}

// crossValidate is cross_val_score and friends.
func (a *analyser) crossValidate(c *callSite) *value {
	est := c.arg(0, "estimator")
	X := c.arg(1, "X")
	if est != nil && est.est != nil {
		est.est.cvEval = true
	}
	cv := c.kw["cv"]
	var splitter *estimator
	if cv != nil && cv.est != nil {
		splitter = cv.est
	}
	a.cvChecks(splitter, X, c.n)
	if splitter == nil && X != nil {
		a.cvChecks(nil, X, c.n)
	}
	return a.derive(X)
}

// metric is a metric function: it scores the predictions among its arguments.
func (a *analyser) metric(c *callSite) {
	for _, v := range c.all() {
		if v == nil {
			continue
		}
		if f := v.flat(); f != nil && f.pred != nil {
			a.evaluate(f.pred, f, c.n)
			return
		}
	}
}

// evaluate records a model scored on data.
func (a *analyser) evaluate(in *inst, data *value, n *Node) {
	if in == nil || data == nil {
		return
	}
	data = data.flat()
	ev := &evalEvent{inst: in, data: data, chunk: a.chunk, line: n.Line}
	for _, l := range a.loops {
		if l.cv || splitIn(data, l) {
			continue // each pass has its own held-out rows: no choosing
		}
		if slices.Contains(in.loops, l) || data.loop == l {
			ev.loop = true
		}
	}
	in.evals = append(in.evals, ev)
	r := data.role()
	if (r == roleTest || r == roleVal) && in.trained != nil && overlaps(in.trained, data) && in.line > 0 {
		a.report("leakage/overlap", in.chunk, in.line,
			fmt.Sprintf("The model is fitted on rows that include the ones it is later scored on as held-out data %s; the evaluation has seen its answers.", a.where(n)),
			"Fit on the training split only and keep the test rows out of every fit; refit on all rows only after the final evaluation, if at all.")
	}
	if r == roleTest && ev.loop && !in.dummy {
		a.report("leakage/multi-test", a.chunk, n.Line,
			"Each candidate in this loop is scored on the test set: if the best of them is kept, the test set has become a validation set and its score is optimistic.",
			"Choose on a validation split or by cross-validation on the training rows (GridSearchCV), then score the chosen model once on the test set.")
	}
}

// finish applies the rules that need the whole program.
func (a *analyser) finish() {
	// Scored only on the rows it was trained on.
	for _, in := range a.insts {
		if len(in.evals) == 0 || in.dummy || in.est.cvEval || in.trained == nil {
			continue
		}
		onlyTrain := true
		for _, e := range in.evals {
			if r := e.data.role(); r == roleTest || r == roleVal || !overlaps(in.trained, e.data) {
				onlyTrain = false
			}
		}
		if onlyTrain && !a.heldOutElsewhere(in) {
			for _, e := range in.evals {
				a.report("leakage/overlap", e.chunk, e.line,
					"This scores the model on the rows it was trained on, and it is never scored on rows it has not seen: a training-set score says nothing about new data.",
					"Hold out a test set with train_test_split (or use cross_val_score) and report the score on rows the model never saw in training.")
			}
		}
	}
	// Several models scored on the same test rows.
	type group struct {
		key   string
		insts []*inst
		evals []*evalEvent
	}
	var groups []*group
	for _, in := range a.insts {
		if in.dummy {
			continue
		}
		for _, e := range in.evals {
			if e.data.role() != roleTest {
				continue
			}
			key := rowsKey(e.data.rows)
			var g *group
			for _, gg := range groups {
				if gg.key == key {
					g = gg
				}
			}
			if g == nil {
				g = &group{key: key}
				groups = append(groups, g)
			}
			if !slices.Contains(g.insts, in) {
				g.insts = append(g.insts, in)
				g.evals = append(g.evals, e)
			}
		}
	}
	for _, g := range groups {
		if len(g.insts) < 2 {
			continue
		}
		for i, e := range g.evals[1:] {
			a.report("leakage/multi-test", e.chunk, e.line,
				fmt.Sprintf("This is the %s model scored on the same test rows: choosing between models on the test set makes the chosen one's score optimistic, and reviewers look for a separate validation step.", ordinal(i+2)),
				"Compare models on a validation split or by cross-validation on the training rows, then score only the chosen model on the test set, once.")
		}
	}
}

// heldOutElsewhere: another fit of the same estimator is scored on held-out rows.
func (a *analyser) heldOutElsewhere(in *inst) bool {
	for _, o := range a.insts {
		if o.est != in.est || o == in {
			continue
		}
		for _, e := range o.evals {
			if r := e.data.role(); r == roleTest || r == roleVal {
				return true
			}
		}
	}
	return false
}

func rowsKey(rows []*atom) string {
	var b strings.Builder
	for _, r := range rows {
		fmt.Fprintf(&b, "%p,", r)
	}
	return b.String()
}

func ordinal(n int) string {
	switch n {
	case 2:
		return "second"
	case 3:
		return "third"
	case 4:
		return "fourth"
	case 5:
		return "fifth"
	}
	return fmt.Sprintf("%dth", n)
}

// ---- reporting ----

// leakSplit reports a statistic or fit over rows that are then split.
func (a *analyser) leakSplit(ev *event, split *Node) {
	a.markEncode(ev)
	if ev.supervised && ev.kind == "stat" && !strings.HasPrefix(ev.what, "a group-by") {
		// falls through: a supervised statistic is still preprocessing leakage here
	}
	a.report("leakage/preprocessing", ev.chunk, ev.line, a.leakText(ev, "before the split "+a.where(split)+" divides those rows into training and test data"), a.fixText(ev))
}

// leakStat reports a statistic or fit over unsplit rows used on a split part.
func (a *analyser) leakStat(ev *event, part *value) {
	a.markEncode(ev)
	a.report("leakage/preprocessing", ev.chunk, ev.line, a.leakText(ev, "and the result is then applied to the "+roleName(part.role())+" rows"), a.fixText(ev))
}

// leakMixed reports a statistic or fit over rows mixing training and test parts.
func (a *analyser) leakMixed(ev *event, data *value) {
	a.markEncode(ev)
	a.report("leakage/preprocessing", ev.chunk, ev.line,
		fmt.Sprintf("%s is computed on %s, which puts training and held-out rows back together: %s comes partly from the rows the model is tested on.", subject(ev), ev.on, learned(ev)),
		a.fixText(ev))
}

func subject(ev *event) string {
	switch ev.kind {
	case "stat":
		return upperFirst(ev.what)
	}
	return "`" + ev.what + "`"
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// learned says what a fit or statistic takes from the rows.
func learned(ev *event) string {
	w := ev.what
	switch {
	case ev.kind == "stat":
		return "the value"
	case strings.Contains(w, "get_dummies") || strings.Contains(w, "factorize") || ev.kind == "encode":
		return "the category list"
	case strings.Contains(w, "Scaler") || strings.Contains(w, "scale") || w == "QuantileTransformer" || w == "PowerTransformer" || w == "Normalization":
		return "the scaling statistics"
	case strings.Contains(w, "Imputer"):
		return "the fill values"
	case strings.Contains(w, "Vectorizer") || strings.Contains(w, "Tfidf") || w == "Tokenizer" || w == "TextVectorization":
		return "the vocabulary and its frequencies"
	case ev.supervised:
		return "the choice of features"
	case strings.Contains(w, "Select") || strings.Contains(w, "RFE") || w == "VarianceThreshold":
		return "the choice of features"
	case strings.Contains(w, "PCA") || strings.Contains(w, "SVD") || w == "NMF" || w == "FactorAnalysis" || w == "FastICA":
		return "the components"
	case strings.Contains(w, "Discretizer"):
		return "the bin edges"
	}
	return "what it learns"
}

func (a *analyser) leakText(ev *event, tail string) string {
	switch ev.kind {
	case "stat":
		return fmt.Sprintf("%s is computed over all of %s, test rows included, %s; the test rows have shaped a value the model trains on.", upperFirst(ev.what), ev.on, tail)
	case "encode":
		return fmt.Sprintf("`%s` learns its categories from all of %s %s, so the encoding is built partly from test rows.", ev.what, ev.on, tail)
	}
	return fmt.Sprintf("`%s` is fitted on %s %s: %s come partly from the test rows, so the test score is optimistic.", ev.what, ev.on, tail, learned(ev))
}

func (a *analyser) fixText(ev *event) string {
	switch ev.kind {
	case "stat":
		return "Split first, compute the statistic on the training rows only, and fill or transform both splits with that training value (or use SimpleImputer / a scaler inside a Pipeline)."
	case "encode":
		return "Encode after the split: fit OneHotEncoder(handle_unknown='ignore') or the encoder on the training rows, ideally in a Pipeline with the model, and apply it to the test rows."
	}
	return fmt.Sprintf("Split first, fit %s on the training rows only and call transform on the test rows, or put it in a Pipeline with the model so every fit sees training rows only.", ev.what)
}

// where describes a location relative to the current chunk: "on line 12",
// or "in cell 4, line 2" for another notebook cell.
func (a *analyser) where(n *Node) string {
	return a.locText(a.chunk, n.Line)
}

func (a *analyser) whereEv(ev *event) string {
	return a.locText(ev.chunk, ev.line)
}

func (a *analyser) locText(chunk, line int) string {
	if chunk < 0 || chunk >= len(a.src.Chunks) {
		return fmt.Sprintf("on line %d", line)
	}
	if c := a.src.Chunks[chunk].Cell; c >= 0 {
		return fmt.Sprintf("in code cell %d, line %d", c+1, line)
	}
	return fmt.Sprintf("on line %d", line)
}

func (a *analyser) report(rule string, chunk, line int, msg, fix string) {
	k := findingKey{rule, chunk, line}
	if a.found[k] || line <= 0 {
		return
	}
	a.found[k] = true
	r, _ := RuleByID(rule)
	f := Finding{Rule: rule, Severity: r.Severity, File: a.src.File, Line: line, Message: msg, Fix: fix}
	if rule == "leakage/preprocessing" && a.encodeOnly[k] {
		// An encoder learns only the category list: a real leak, and a
		// reviewer will say so, but a small one.
		f.Severity = Medium
	}
	if chunk >= 0 && chunk < len(a.src.Chunks) {
		ch := a.src.Chunks[chunk]
		f.Excerpt = clip(strings.TrimSpace(ch.Line(line)), 160)
		if ch.Cell >= 0 {
			cell := ch.Cell
			f.Cell = &cell
		}
	}
	a.findings = append(a.findings, f)
}

func textOf(n *Node) string {
	if n == nil {
		return "the data"
	}
	return "`" + clip(n.Text(), 50) + "`"
}

func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len([]rune(s)) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

// rootOf is the variable an expression chain starts from:
// houses.groupby("n")["a"] → houses.
func rootOf(n *Node) *Node {
	for n != nil {
		switch n.Kind {
		case "identifier":
			return n
		case "attribute":
			n = n.Child("object")
		case "subscript":
			n = n.Child("value")
		case "call":
			n = n.Child("function")
		default:
			return n
		}
	}
	return nil
}

// splitIn says whether data's rows were split off inside loop l.
func splitIn(data *value, l *loopCtx) bool {
	for _, at := range data.rows {
		for x := at; x != nil; x = x.parent {
			if x.loop == l {
				return true
			}
		}
	}
	return false
}

// clusterer is true for unsupervised models, whose score (inertia,
// likelihood) on the training rows is how they are used, not a leak.
func clusterer(class string) bool {
	switch class {
	case "KMeans", "MiniBatchKMeans", "GaussianMixture", "BayesianGaussianMixture", "DBSCAN", "AgglomerativeClustering", "Birch", "MeanShift", "SpectralClustering", "OPTICS", "IsolationForest", "LocalOutlierFactor":
		return true
	}
	return false
}

// markEncode notes that a preprocessing finding at ev's line is about an
// encoder, so report gives it medium severity.
func (a *analyser) markEncode(ev *event) {
	if ev.kind != "encode" {
		return
	}
	if a.encodeOnly == nil {
		a.encodeOnly = map[findingKey]bool{}
	}
	a.encodeOnly[findingKey{"leakage/preprocessing", ev.chunk, ev.line}] = true
}
