package takehome

import (
	"regexp"
	"slices"
	"strings"
)

// ---- expressions ----

func (a *analyser) eval(n *Node) *value {
	if n == nil || a.nesting > maxNesting {
		return nil
	}
	a.nesting++
	defer func() { a.nesting-- }()
	switch n.Kind {
	case "identifier":
		return a.env[n.Text()]
	case "attribute":
		return a.attribute(n)
	case "subscript":
		return a.subscript(n)
	case "call":
		return a.call(n)
	case "parenthesized_expression", "await", "yield", "expression_statement":
		var v *value
		for _, k := range n.Kids {
			v = a.eval(k)
		}
		return v
	case "binary_operator", "boolean_operator", "comparison_operator", "not_operator", "unary_operator", "conditional_expression":
		var vals []*value
		for _, k := range n.Kids {
			vals = append(vals, a.eval(k))
		}
		return a.derive(firstData(vals), vals...)
	case "tuple", "list", "expression_list", "set", "pattern_list":
		out := &value{}
		for _, k := range n.Kids {
			out.elems = append(out.elems, a.eval(k))
		}
		return out
	case "dictionary":
		out := &value{}
		for _, pair := range n.Kids {
			if pair.Kind == "pair" {
				out.elems = append(out.elems, a.eval(pair.Child("value")))
			}
		}
		return out
	case "list_comprehension", "generator_expression", "set_comprehension", "dictionary_comprehension":
		for _, k := range n.Kids {
			if k.Kind == "for_in_clause" {
				iter := a.eval(k.Child("right"))
				a.bind(k.Child("left"), a.derive(iter))
			}
		}
		body := a.eval(n.Child("body"))
		return a.derive(body)
	case "named_expression":
		v := a.eval(n.Child("value"))
		if name := n.Child("name"); name != nil {
			a.env[name.Text()] = v
		}
		return v
	case "keyword_argument":
		return a.eval(n.Child("value"))
	case "lambda":
		// Its parameters are unknown; what its body reads from outside
		// (a whole-column mean, say) flows into whatever it is applied to.
		return a.derive(nil, a.eval(n.Child("body")))
	case "list_splat", "dictionary_splat":
		return a.eval(firstKid(n))
	}
	return nil
}

func firstData(vals []*value) *value {
	for _, v := range vals {
		if v != nil && len(v.rows) > 0 {
			return v
		}
	}
	for _, v := range vals {
		if v != nil {
			return v
		}
	}
	return nil
}

// derive is the value of an operation on base that also reads others: it
// keeps base's rows and collects everything that flowed in. A statistic of
// unsplit rows flowing into a training or test part is a leak right here.
func (a *analyser) derive(base *value, others ...*value) *value {
	out := &value{}
	if base != nil {
		b := base.flat()
		out.rows = b.rows
		out.taints = slices.Clone(b.taints)
		out.dup, out.lagged, out.pred, out.loop, out.rowSrc = b.dup, b.lagged, b.pred, b.loop, b.rowSrc
		if base.est != nil && base.est.taint != nil {
			out.addTaints([]taint{{ev: base.est.taint}}, "")
		}
	}
	part := isPart(out.role())
	for _, o := range others {
		if o == nil || o == base {
			continue
		}
		if o.est != nil && o.est.taint != nil {
			// selector.get_support() used to pick columns carries the fit.
			o = &value{taints: []taint{{ev: o.est.taint}}}
		}
		o = o.flat()
		if len(out.rows) == 0 {
			out.rows = o.rows
		}
		if part && o.role() != out.role() {
			for _, t := range o.taints {
				if !t.ev.target && !t.ev.onPart {
					a.leakStat(t.ev, out)
				}
			}
		}
		out.addTaints(o.taints, "")
		out.dup = orEvent(out.dup, o.dup)
		out.lagged = orEvent(out.lagged, o.lagged)
		if out.pred == nil {
			out.pred = o.pred
		}
		if out.loop == nil {
			out.loop = o.loop
		}
	}
	return out
}

// flat merges a container's elements into one value.
func (v *value) flat() *value {
	if v == nil || len(v.elems) == 0 || len(v.rows) > 0 {
		return v
	}
	out := &value{}
	for _, e := range v.elems {
		e = e.flat()
		if e == nil {
			continue
		}
		out.rows = unionRows(out.rows, e.rows)
		out.addTaints(e.taints, "")
		out.dup = orEvent(out.dup, e.dup)
		out.lagged = orEvent(out.lagged, e.lagged)
		if out.pred == nil {
			out.pred = e.pred
		}
		if out.loop == nil {
			out.loop = e.loop
		}
	}
	return out
}

func unionRows(a, b []*atom) []*atom {
	out := slices.Clone(a)
	for _, x := range b {
		if !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	return out
}

func (a *analyser) attribute(n *Node) *value {
	obj := a.eval(n.Child("object"))
	if obj == nil {
		return nil
	}
	attr := n.Child("attribute").Text()
	if obj.est != nil {
		return obj // best_estimator_, named_steps, feature_importances_ ...
	}
	out := a.derive(obj)
	out.window, out.group = obj.window, obj.group
	switch attr {
	case "columns", "shape", "dtypes", "size", "ndim", "index":
		return nil // metadata, not rows
	case "loc", "iloc", "values", "T", "str", "dt", "cat", "array":
		if attr == "loc" || attr == "iloc" {
			out.rowSrc = obj // marks an indexer; subscript decides
		}
		return out
	}
	// df.Age is the column Age.
	out.keepColumns([]string{attr})
	return out
}

// keepColumns keeps the taints of the named columns and of the whole value.
func (v *value) keepColumns(cols []string) {
	kept := v.taints[:0]
	for _, t := range v.taints {
		if t.col == "" || t.col == "?" || slices.Contains(cols, t.col) {
			kept = append(kept, t)
		}
	}
	v.taints = kept
}

func (a *analyser) subscript(n *Node) *value {
	valNode := n.Child("value")
	base := a.eval(valNode)
	keys := subscriptKeys(n)
	var keyVals []*value
	for _, k := range keys {
		keyVals = append(keyVals, a.eval(k))
	}
	if base == nil {
		return nil
	}
	if base.est != nil {
		return base
	}
	// A container indexed by position: splits[0].
	if len(base.elems) > 0 && len(base.rows) == 0 && len(keys) == 1 && keys[0].Kind == "integer" {
		i := atoiSafe(keys[0].Text())
		if i >= 0 && i < len(base.elems) {
			return base.elems[i]
		}
		return nil
	}
	indexer := valNode != nil && valNode.Kind == "attribute" && (valNode.Child("attribute").Text() == "loc" || valNode.Child("attribute").Text() == "iloc")
	out := a.derive(base, keyVals...)
	out.window = base.window
	out.group = base.group
	if len(keys) == 0 {
		return out
	}
	first := keys[0]
	colKey := first
	rowKeyed := false
	switch {
	case indexer:
		rowKeyed = !isFullSlice(first)
		colKey = nil
		if len(keys) > 1 {
			colKey = keys[1]
		}
	case first.Kind == "slice":
		rowKeyed = !isFullSlice(first)
		colKey = nil
		if len(keys) > 1 && keys[1].Kind != "integer" && keys[1].Kind != "slice" {
			colKey = keys[1]
		}
	case first.Kind == "comparison_operator" || first.Kind == "boolean_operator" || first.Kind == "not_operator" || first.Kind == "unary_operator":
		rowKeyed = true
		colKey = nil
	case first.Kind == "identifier" || first.Kind == "attribute" || first.Kind == "call" || first.Kind == "subscript":
		if kv := keyVals[0]; kv != nil && len(kv.rows) > 0 && len(strs(first)) == 0 {
			rowKeyed = true // an index array or a mask
			colKey = nil
		}
	case first.Kind == "integer":
		colKey = nil
	}
	if rowKeyed {
		src := base
		if indexer && base.rowSrc != nil {
			src = base.rowSrc
		}
		out.rowSrc = src
	}
	if colKey != nil {
		if cols := strs(colKey); len(cols) > 0 {
			out.keepColumns(cols)
			if base.group && len(cols) == 1 {
				out.text = "group:" + cols[0]
			}
		}
	}
	return out
}

func atoiSafe(s string) int {
	n := 0
	if s == "" || len(s) > 6 {
		return -1
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return -1
		}
		n = n*10 + int(c-'0')
	}
	return n
}

// isFullSlice is true for a bare ":".
func isFullSlice(n *Node) bool {
	return n != nil && n.Kind == "slice" && len(n.Kids) == 0
}

// strs reads a string or a list of strings.
func strs(n *Node) []string {
	if n == nil {
		return nil
	}
	if s, ok := n.StringValue(); ok {
		return []string{s}
	}
	if n.Kind == "list" || n.Kind == "tuple" {
		var out []string
		for _, k := range n.Kids {
			s, ok := k.StringValue()
			if !ok {
				return nil
			}
			out = append(out, s)
		}
		return out
	}
	return nil
}

var modelName = regexp.MustCompile(`(Classifier|Regressor|Regression|SVC|SVR|NB|Sequential|Model|Net|Lasso|Ridge|ElasticNet|Perceptron|Discriminant\w*|KMeans|DBSCAN|GaussianMixture|IsolationForest|Booster|Forest|Boosting|Tree|Learner|Estimator)$|^(XGB|LGBM|CatBoost|KNeighbors|RandomForest|ExtraTrees|GradientBoosting|HistGradient|AdaBoost|Bagging|Voting|Stacking)`)

// call evaluates a call: a constructor, a method of an estimator or of data,
// a library function, or a function defined in the program (inlined).
func (a *analyser) call(n *Node) *value {
	fn := n.Child("function")
	posN, kwN := n.Args()
	pos := make([]*value, len(posN))
	for i, p := range posN {
		pos[i] = a.eval(p)
	}
	kw := map[string]*value{}
	for k, v := range kwN {
		kw[k] = a.eval(v)
	}
	c := &callSite{n: n, posN: posN, kwN: kwN, pos: pos, kw: kw}
	if fn == nil {
		return nil
	}
	switch fn.Kind {
	case "attribute":
		method := fn.Child("attribute").Text()
		recv := a.eval(fn.Child("object"))
		c.recvN = fn.Child("object")
		if recv != nil {
			return a.method(recv, method, c)
		}
		return a.function(method, fn, c)
	case "identifier":
		name := fn.Text()
		if def, ok := a.funcs[name]; ok {
			return a.inline(def, c)
		}
		if v := a.env[name]; v != nil && v.est != nil {
			// A Keras model called on data: predictions.
			return a.predict(v.est, c.arg(0, "x"), n)
		}
		return a.function(name, fn, c)
	case "call", "subscript", "parenthesized_expression":
		recv := a.eval(fn)
		return a.derive(recv, pos...)
	}
	return nil
}

type callSite struct {
	n     *Node
	recvN *Node
	posN  []*Node
	kwN   map[string]*Node
	pos   []*value
	kw    map[string]*value
}

// arg is positional argument i, or the keyword argument of that name.
func (c *callSite) arg(i int, name string) *value {
	if i < len(c.pos) {
		return c.pos[i]
	}
	return c.kw[name]
}

func (c *callSite) argNode(i int, name string) *Node {
	if i < len(c.posN) {
		return c.posN[i]
	}
	return c.kwN[name]
}

func (c *callSite) all() []*value {
	out := slices.Clone(c.pos)
	keys := make([]string, 0, len(c.kw))
	for k := range c.kw {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		out = append(out, c.kw[k])
	}
	return out
}

// literal reports a keyword argument's literal text, "" when absent.
func (c *callSite) literal(name string) string {
	if n := c.kwN[name]; n != nil {
		return n.Text()
	}
	return ""
}

func (a *analyser) fresh() *value {
	return &value{rows: []*atom{{role: roleFull}}}
}

// function handles calls of library functions and classes.
func (a *analyser) function(name string, fn *Node, c *callSite) *value {
	dotted, _ := fn.DottedName()
	if k, ok := estClasses[name]; ok {
		return a.construct(name, k, c)
	}
	if modelName.MatchString(name) {
		return a.construct(name, estModel, c)
	}
	root := dotted
	if i := strings.IndexByte(dotted, '.'); i >= 0 {
		root = dotted[:i]
	}
	switch {
	case name == "train_test_split":
		return a.split(c)
	case concatFuncs[name] && name != "append":
		return a.concat(c)
	case name == "get_dummies" || name == "factorize":
		return a.statEvent("encode", "pd."+name, c.arg(0, "data"), c.argNode(0, "data"), false, c.n)
	case name == "qcut":
		return a.statEvent("stat", "pd.qcut", c.arg(0, "x"), c.argNode(0, "x"), false, c.n)
	case name == "cut":
		if b := c.argNode(1, "bins"); b != nil && b.Kind == "integer" {
			return a.statEvent("stat", "pd.cut", c.arg(0, "x"), c.argNode(0, "x"), false, c.n)
		}
		return a.derive(c.arg(0, "x"))
	case name == "f_classif" || name == "chi2" || name == "f_regression" || name == "r_regression" || name == "mutual_info_classif" || name == "mutual_info_regression":
		// Called directly, a univariate test scores features with the labels
		// of every row passed in.
		return a.statEvent("fit", name, c.arg(0, "X"), c.argNode(0, "X"), len(c.pos) > 1 || c.kw["y"] != nil, c.n)
	case scaleFuncs[name]:
		return a.statEvent("fit", name, c.arg(0, "X"), c.argNode(0, "X"), false, c.n)
	case npStats[name] && (root == "np" || root == "numpy" || root == "statistics" || root == "pd" || root == name):
		return a.statEvent("stat", "np."+name, c.arg(0, "a"), c.argNode(0, "a"), false, c.n)
	case name == "load_data" && (strings.Contains(dotted, "datasets") || strings.HasPrefix(dotted, "mnist") || strings.HasPrefix(dotted, "cifar") || strings.HasPrefix(dotted, "fashion_mnist") || strings.HasPrefix(dotted, "imdb") || strings.HasPrefix(dotted, "boston_housing") || strings.HasPrefix(dotted, "reuters")):
		// Keras datasets: (x_train, y_train), (x_test, y_test), already split.
		tr := &value{rows: []*atom{{role: roleTrain}}}
		te := &value{rows: []*atom{{role: roleTest}}}
		return &value{elems: []*value{{elems: []*value{tr, a.derive(tr)}}, {elems: []*value{te, a.derive(te)}}}}
	case readFuncs[name]:
		return a.fresh()
	case metricFuncs[name]:
		a.metric(c)
		return nil
	case cvFuncs[name]:
		return a.crossValidate(c)
	case name == "print" || name == "display" || name == "len" || name == "isinstance" || name == "type":
		if name == "len" {
			return nil
		}
		return nil
	case name == "zip" || name == "enumerate" || name == "list" || name == "sorted" || name == "reversed" || name == "tuple" || name == "iter":
		out := &value{}
		for _, v := range c.pos {
			if v == nil {
				continue
			}
			if len(v.elems) > 0 {
				out.elems = append(out.elems, v.elems...)
			} else {
				out.elems = append(out.elems, v)
			}
		}
		return out
	case name == "next":
		return a.derive(c.arg(0, ""))
	}
	all := c.all()
	if base := firstData(all); base != nil && len(base.rows) > 0 {
		return a.derive(base, all...)
	}
	if name == "range" || name == "str" || name == "int" || name == "float" || name == "open" {
		return nil
	}
	out := a.fresh()
	if v := a.derive(nil, all...); v != nil {
		out.taints, out.lagged, out.dup, out.loop, out.pred = v.taints, v.lagged, v.dup, v.loop, v.pred
	}
	return out
}

// construct makes an estimator object.
func (a *analyser) construct(class string, kind estKind, c *callSite) *value {
	e := &estimator{class: class, kind: kind, chunk: a.chunk, line: c.n.Line}
	switch kind {
	case estSplitter:
		e.shuffled = alwaysShuffled(class) || c.literal("shuffle") == "True"
	case estPipeline, estSearch:
		if cv := c.kw["cv"]; cv != nil && cv.est != nil && cv.est.kind == estSplitter {
			e.cv = cv.est
		}
		for _, v := range c.all() {
			walkEsts(v, func(inner *estimator) {
				switch inner.kind {
				case estPreproc:
					e.hasPre = true
				case estSelector, estTargetEnc:
					e.hasSel = true
				case estPipeline:
					e.hasPre = e.hasPre || inner.hasPre
					e.hasSel = e.hasSel || inner.hasSel
					e.hasModel = e.hasModel || inner.hasModel
				case estModel, estSearch, estDummy:
					e.hasModel = true
				}
			})
		}
	}
	return &value{est: e}
}

func walkEsts(v *value, fn func(*estimator)) {
	if v == nil {
		return
	}
	if v.est != nil {
		fn(v.est)
	}
	for _, e := range v.elems {
		walkEsts(e, fn)
	}
}

// inline evaluates a call of a function defined in the program with its
// parameters bound to the arguments, and returns what it returns.
func (a *analyser) inline(def fnDef, c *callSite) *value {
	if a.depth >= 4 {
		return a.derive(firstData(c.all()), c.all()...)
	}
	a.depth++ // before the defaults: def f(x=f()) must not recurse forever
	defer func() { a.depth-- }()
	saved := a.env
	env := make(map[string]*value, len(saved)+4)
	for k, v := range saved {
		env[k] = v
	}
	params := def.node.Child("parameters")
	i := 0
	if params != nil {
		for _, p := range params.Kids {
			var name string
			switch p.Kind {
			case "identifier":
				name = p.Text()
			case "default_parameter", "typed_default_parameter":
				if nm := p.Child("name"); nm != nil {
					name = nm.Text()
				}
			case "typed_parameter":
				if k := firstKid(p); k != nil && k.Kind == "identifier" {
					name = k.Text()
				}
			default:
				continue
			}
			if name == "" {
				continue
			}
			if v, ok := c.kw[name]; ok {
				env[name] = v
			} else if i < len(c.pos) {
				env[name] = c.pos[i]
			} else if p.Kind == "default_parameter" {
				env[name] = a.eval(p.Child("value"))
			} else {
				env[name] = nil
			}
			i++
		}
	}
	savedChunk := a.chunk
	a.env, a.chunk = env, def.chunk
	var ret *value
	if body := def.node.Child("body"); body != nil {
		ret = a.inlineBody(body.Kids)
	}
	a.env, a.chunk = saved, savedChunk
	// Globals assigned inside are not tracked; mutations of shared values
	// (df['x'] = ...) already happened on the shared value objects.
	return ret
}

func (a *analyser) inlineBody(stmts []*Node) *value {
	var ret *value
	for _, s := range stmts {
		if a.steps > maxSteps {
			return ret
		}
		a.steps++
		switch s.Kind {
		case "return_statement":
			if k := firstKid(s); k != nil {
				if r := a.eval(k); r != nil {
					ret = joinRet(ret, r)
				}
			}
		case "if_statement", "for_statement", "while_statement", "try_statement", "with_statement":
			a.stmt(s)
			s.Walk(func(k *Node) bool {
				if k.Kind == "function_definition" || k.Kind == "lambda" {
					return false
				}
				if k.Kind == "return_statement" {
					ret = joinRet(ret, a.eval(firstKid(k)))
				}
				return true
			})
		default:
			a.stmt(s)
		}
	}
	return ret
}

// joinRet joins the values a function may return.
func joinRet(a, b *value) *value {
	switch {
	case a == nil:
		return b
	case b == nil:
		return a
	}
	return join(a, b)
}
