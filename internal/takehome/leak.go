package takehome

import (
	"maps"
	"slices"
	"strings"
)

// The leakage analysis is a flow-sensitive abstract interpretation of the
// program, statement by statement, across a notebook's code cells in order.
// Each variable holds an abstract value: which rows it carries (atoms in a
// tree of splits, so train and test parts of the same rows are disjoint and
// both are parts of their source), what statistics or fitted transformers
// computed over not-yet-split rows have flowed into it (taints, per column
// where the code says which), whether oversampled rows or lag features are in
// it, and for estimator objects what they were fitted on. The rules check
// these facts where the data is split, transformed, fitted and scored.

type role uint8

const (
	roleNone  role = iota // no rows: scalars, unknown values
	roleFull              // rows never split
	roleTrain             // the training part of a split
	roleVal               // a validation part: of a training part, or a CV fold
	roleTest              // the held-out test part
	roleMixed             // parts of different roles put back together
)

// atom is a set of rows: a loaded dataset, or one part of a split of its
// parent's rows.
type atom struct {
	parent *atom
	role   role
	kids   map[string]*atom
	loop   *loopCtx // the loop it was split off in, if any: a new test set each pass
}

func (a *atom) child(key string, r role) *atom {
	if a.kids == nil {
		a.kids = map[string]*atom{}
	}
	k := a.kids[key]
	if k == nil {
		k = &atom{parent: a, role: r}
		a.kids[key] = k
	}
	return k
}

func (a *atom) ancestorOf(b *atom) bool {
	for ; b != nil; b = b.parent {
		if a == b {
			return true
		}
	}
	return false
}

// event is a statistic, fit or resampling computed over some rows.
type event struct {
	kind       string // "stat", "fit", "encode", "dup"
	what       string // StandardScaler, the median, pd.get_dummies, SMOTE ...
	on         string // the data it was computed on, as written
	chunk      int
	line       int
	supervised bool // used the target: supervised selection, target encoding
	target     bool // computed on the target only
	// onPart is true for a fit or statistic on a training part: right in
	// itself, a leak only if those very rows are split again later (a
	// validation split of a scaled X_train).
	onPart bool
	rows   []*atom // the rows it saw
}

type taint struct {
	ev  *event
	col string // the column it went into; "" for the whole value
}

// estimator is a model, transformer, resampler, splitter or search object.
type estimator struct {
	class    string
	kind     estKind
	chunk    int
	line     int
	shuffled bool       // splitters
	taint    *event     // a transformer fitted on rows that were later split
	inst     *inst      // the model as last fitted
	hasPre   bool       // pipelines: holds a preprocessing step
	hasSel   bool       // pipelines: holds a feature selector or target encoder
	hasModel bool       // pipelines: ends in a model, so fitting it trains one
	cvEval   bool       // evaluated by cross-validation or a validation split
	cv       *estimator // searches: the splitter given as cv=
}

// inst is one fitted model: an estimator after one fit call.
type inst struct {
	est     *estimator
	chunk   int
	line    int
	trained *value
	loops   []*loopCtx
	evals   []*evalEvent
	dummy   bool
}

type evalEvent struct {
	inst  *inst
	data  *value
	chunk int
	line  int
	loop  bool // inside a loop that fits or varies what is scored
}

type loopCtx struct {
	vars map[string]bool
	cv   bool // iterates over a cross-validation splitter
}

// value is the abstract value of an expression.
type value struct {
	rows   []*atom
	taints []taint
	dup    *event // oversampled or augmented before any split
	lagged *event // carries lag or rolling features
	window bool   // a rolling/expanding window object
	group  bool   // a group-by object
	est    *estimator
	pred   *inst // predictions of this model
	elems  []*value
	loop   *loopCtx // varies with this loop's variable
	rowSrc *value   // a row subset of this value
	text   string   // the expression as written, for messages
}

func (v *value) role() role {
	if v == nil || len(v.rows) == 0 {
		return roleNone
	}
	r := v.rows[0].role
	for _, a := range v.rows[1:] {
		if a.role != r {
			if isPart(r) || isPart(a.role) {
				return roleMixed
			}
		}
	}
	return r
}

func isPart(r role) bool { return r == roleTrain || r == roleVal || r == roleTest }

// holdsHeldOut is true when the value's rows include a test or validation part.
func (v *value) holdsHeldOut() bool {
	if v == nil {
		return false
	}
	for _, a := range v.rows {
		if a.role == roleTest || a.role == roleVal {
			return true
		}
	}
	return false
}

func overlaps(a, b *value) bool {
	if a == nil || b == nil {
		return false
	}
	for _, x := range a.rows {
		for _, y := range b.rows {
			if x.ancestorOf(y) || y.ancestorOf(x) {
				return true
			}
		}
	}
	return false
}

type fnDef struct {
	node  *Node
	chunk int
}

type findingKey struct {
	rule  string
	chunk int
	line  int
}

// analyser holds the state of one program's analysis.
type analyser struct {
	src     *Source
	env     map[string]*value
	funcs   map[string]fnDef
	chunk   int
	loops   []*loopCtx
	depth   int // inlined calls
	steps   int // statements evaluated, bounded
	nesting int // expression depth, bounded
	insts   []*inst
	targets map[string]bool // column names used as the target
	found   map[findingKey]bool
	// encodeOnly marks preprocessing findings about encoders.
	encodeOnly map[findingKey]bool
	findings   []Finding
	splits     int
}

// maxSteps bounds the statements evaluated per program, inlined calls
// included, so no input can make the analysis run long.
const maxSteps = 200000

// maxNesting bounds how deep expressions are followed; deeper parts of
// absurdly nested code are not analysed.
const maxNesting = 400

// analyse runs the leakage analysis on one program. A bug in the analysis
// must not take a server down with it: a panic ends this program's analysis
// with what was found so far (the fuzz tests call runAnalysis directly, so
// they still see it).
func analyse(s *Source) (out []Finding) {
	a := newAnalyser(s)
	defer func() {
		if recover() != nil {
			out = a.findings
		}
	}()
	a.run()
	return a.findings
}

func newAnalyser(s *Source) *analyser {
	return &analyser{src: s, env: map[string]*value{}, funcs: map[string]fnDef{}, found: map[findingKey]bool{}}
}

// runAnalysis is analyse without the safety net.
func runAnalysis(s *Source) []Finding {
	a := newAnalyser(s)
	a.run()
	return a.findings
}

func (a *analyser) run() {
	s := a.src
	a.targets = findTargets(s)
	for i, t := range s.Trees {
		if t == nil {
			continue
		}
		a.chunk = i
		a.block(t.Root.Kids)
	}
	a.finish()
}

// findTargets collects the column names the program uses as its target:
// y = df['price'], TARGET = 'label', df.pop('y').
func findTargets(s *Source) map[string]bool {
	out := map[string]bool{}
	for _, t := range s.Trees {
		if t == nil {
			continue
		}
		t.Root.Walk(func(n *Node) bool {
			if n.Kind != "assignment" {
				return true
			}
			left, right := n.Child("left"), n.Child("right")
			if left == nil || right == nil || left.Kind != "identifier" {
				return true
			}
			name := strings.ToLower(left.Text())
			targety := name == "y" || strings.HasPrefix(name, "y_") || strings.Contains(name, "target") || strings.Contains(name, "label")
			if !targety {
				return true
			}
			if s, ok := right.StringValue(); ok && !strings.HasPrefix(name, "y") {
				out[s] = true
			}
			// y = df['target'].values, y = df['target'].reset_index(drop=True)
			for right.Kind == "call" || right.Kind == "attribute" {
				fn := right
				if right.Kind == "call" {
					fn = right.Child("function")
				}
				if fn == nil || fn.Kind != "attribute" {
					break
				}
				if m := fn.Child("attribute"); m != nil && m.Text() == "pop" {
					break
				}
				right = fn.Child("object")
			}
			if right.Kind == "subscript" {
				if k := right.Child("subscript"); k != nil {
					if s, ok := k.StringValue(); ok {
						out[s] = true
					}
				}
			}
			if right.Kind == "call" {
				if fn, ok := right.Child("function").DottedName(); ok && lastName(fn) == "pop" {
					pos, _ := right.Args()
					if len(pos) > 0 {
						if s, ok := pos[0].StringValue(); ok {
							out[s] = true
						}
					}
				}
			}
			return true
		})
	}
	return out
}

// ---- statements ----

func (a *analyser) block(stmts []*Node) {
	for _, s := range stmts {
		if a.steps > maxSteps {
			return
		}
		a.steps++
		a.stmt(s)
	}
}

func (a *analyser) stmt(n *Node) {
	switch n.Kind {
	case "expression_statement":
		for _, k := range n.Kids {
			a.exprStmt(k)
		}
	case "function_definition":
		if name := n.Child("name"); name != nil {
			a.funcs[name.Text()] = fnDef{node: n, chunk: a.chunk}
			delete(a.env, name.Text())
		}
	case "decorated_definition":
		if d := n.Child("definition"); d != nil {
			a.stmt(d)
		}
	case "class_definition":
		// Methods are not followed; the class name is not data.
	case "for_statement":
		a.forLoop(n)
	case "while_statement":
		a.eval(n.Child("condition"))
		a.loop(&loopCtx{vars: map[string]bool{}}, n.Child("body"))
		a.elseBlock(n)
	case "if_statement":
		a.ifStatement(n)
	case "try_statement":
		a.body(n.Child("body"))
		for _, k := range n.Kids {
			switch k.Kind {
			case "except_clause", "except_group_clause":
				for _, kk := range k.Kids {
					if kk.Kind == "block" {
						a.body(kk)
					}
				}
			case "else_clause", "finally_clause":
				for _, kk := range k.Kids {
					if kk.Kind == "block" {
						a.body(kk)
					}
				}
				a.body(k.Child("body"))
			}
		}
	case "with_statement":
		for _, k := range n.Kids {
			if k.Kind == "with_clause" {
				for _, item := range k.Kids {
					a.withItem(item)
				}
			}
		}
		a.body(n.Child("body"))
	case "return_statement":
		// handled by the inliner
	case "block":
		a.block(n.Kids)
	}
}

func (a *analyser) withItem(item *Node) {
	v := item.Child("value")
	if v == nil {
		return
	}
	if v.Kind == "as_pattern" {
		val := a.eval(firstKid(v))
		if alias := v.Child("alias"); alias != nil {
			a.bind(firstKid(alias), val)
		}
		return
	}
	a.eval(v)
}

func firstKid(n *Node) *Node {
	if n == nil || len(n.Kids) == 0 {
		return nil
	}
	return n.Kids[0]
}

func (a *analyser) body(n *Node) {
	if n != nil {
		a.block(n.Kids)
	}
}

func (a *analyser) elseBlock(n *Node) {
	for _, k := range n.Kids {
		if k.Kind == "else_clause" {
			a.body(k.Child("body"))
		}
	}
}

func (a *analyser) forLoop(n *Node) {
	iter := a.eval(n.Child("right"))
	ctx := &loopCtx{vars: map[string]bool{}}
	// for tr, te in kf.split(X), or enumerate(kf.split(X)): a
	// cross-validation loop.
	n.Child("right").Walk(func(k *Node) bool {
		if k.Kind != "call" || ctx.cv {
			return !ctx.cv
		}
		if fn := k.Child("function"); fn != nil && fn.Kind == "attribute" {
			if m := fn.Child("attribute"); m != nil && m.Text() == "split" {
				obj := fn.Child("object")
				var recv *value
				if obj != nil && obj.Kind == "identifier" {
					recv = a.env[obj.Text()]
				} else if obj != nil && obj.Kind == "call" {
					if name, ok := obj.Child("function").DottedName(); ok && estClasses[lastName(name)] == estSplitter {
						ctx.cv = true
					}
				}
				if recv != nil && recv.est != nil && recv.est.kind == estSplitter {
					ctx.cv = true
				}
			}
		}
		return true
	})
	left := n.Child("left")
	elem := &value{loop: ctx}
	if iter != nil {
		// Iterating over a container of estimators binds each of them.
		for _, e := range iter.elems {
			if e == nil {
				continue
			}
			if e.est != nil {
				elem.est = e.est
			}
			for _, ee := range e.elems {
				if ee != nil && ee.est != nil {
					elem.est = ee.est
				}
			}
		}
		switch {
		case iter.est != nil && iter.est.kind == estSplitter:
			// for tr, te in KFold(n, k): the old API iterates the splitter.
			ctx.cv = true
		case elem.est == nil && len(iter.rows) == 0 && len(iter.elems) > 0:
			// A list of datasets: each iteration binds one, with its
			// structure (X, y = ds).
			for _, e := range iter.elems {
				if e != nil {
					c := *e
					c.loop = ctx
					elem = &c
					break
				}
			}
		case elem.est == nil:
			elem.rows = iter.rows
			elem.taints = iter.taints
		}
	}
	if left != nil {
		left.Walk(func(k *Node) bool {
			if k.Kind == "identifier" {
				ctx.vars[k.Text()] = true
			}
			return true
		})
	}
	a.bind(left, elem)
	a.loop(ctx, n.Child("body"))
	a.elseBlock(n)
}

func (a *analyser) loop(ctx *loopCtx, body *Node) {
	a.loops = append(a.loops, ctx)
	a.body(body)
	a.loops = a.loops[:len(a.loops)-1]
}

func (a *analyser) inCVLoop() bool {
	for _, l := range a.loops {
		if l.cv {
			return true
		}
	}
	return false
}

func (a *analyser) exprStmt(n *Node) {
	switch n.Kind {
	case "assignment":
		right := n.Child("right")
		if right == nil {
			// An annotation without a value.
			return
		}
		if right.Kind == "assignment" { // a = b = expr
			a.exprStmt(right)
			right = right.Child("left")
		}
		v := a.eval(right)
		a.assign(n.Child("left"), v, right)
	case "augmented_assignment":
		left := n.Child("left")
		old := a.eval(left)
		v := a.derive(old, a.eval(n.Child("right")))
		a.assign(left, v, n.Child("right"))
	default:
		a.eval(n)
	}
}

// assign binds a value to an assignment target, splitting tuples.
func (a *analyser) assign(left *Node, v *value, right *Node) {
	if left == nil {
		return
	}
	switch left.Kind {
	case "identifier":
		if v != nil && v.text == "split" {
			// The names say which part is which: valid_df is validation data
			// even in the second position of a two-way split.
			if r := roleHint(left.Text()); r != roleNone && r != v.role() && v.role() != roleMixed {
				for _, at := range v.rows {
					at.role = r
				}
			}
		}
		if v != nil && v.rowSrc != nil && len(v.rows) > 0 {
			a.hintedPart(left.Text(), v, right)
		}
		a.env[left.Text()] = v
	case "pattern_list", "tuple_pattern", "list_pattern", "tuple", "list":
		targets := left.Kids
		if v != nil && len(v.elems) == len(targets) {
			for i, t := range targets {
				a.assign(t, v.elems[i], right)
			}
			return
		}
		for _, t := range targets {
			if v != nil && v.est == nil && len(v.elems) == 0 {
				c := *v
				c.taints = slices.Clone(v.taints)
				a.assign(t, &c, right)
			} else {
				a.assign(t, v, right)
			}
		}
	case "subscript":
		a.storeSubscript(left, v)
	case "attribute":
		// obj.attr = v: attributes of data frames are columns.
		if obj := left.Child("object"); obj != nil && obj.Kind == "identifier" {
			if base := a.env[obj.Text()]; base != nil && base.est == nil && v != nil {
				base.addTaints(v.taints, left.Child("attribute").Text())
				base.lagged = orEvent(base.lagged, v.lagged)
			}
		}
	}
}

// storeSubscript handles df['col'] = v and df.loc[mask, 'col'] = v.
func (a *analyser) storeSubscript(left *Node, v *value) {
	root, col := a.subscriptRoot(left)
	if root == "" {
		a.eval(left)
		return
	}
	base := a.env[root]
	if base == nil || v == nil {
		return
	}
	if col != "" && col != "?" {
		base.dropTaints(col)
	}
	if v.role() == roleNone || v.role() == roleFull || base.role() == v.role() {
		base.addTaints(v.taints, col)
	}
	base.lagged = orEvent(base.lagged, v.lagged)
	if v.dup != nil && base.dup == nil {
		base.dup = v.dup
	}
}

// subscriptRoot finds the variable a subscript or attribute chain starts at
// and the column it names, if any: df['a'] → (df, a); df.loc[m, 'a'] → (df, a).
func (a *analyser) subscriptRoot(n *Node) (string, string) {
	col := ""
	for n != nil {
		switch n.Kind {
		case "identifier":
			return n.Text(), col
		case "subscript":
			keys := subscriptKeys(n)
			if col == "" && len(keys) > 0 {
				k := keys[len(keys)-1]
				if s, ok := k.StringValue(); ok {
					col = s
				} else if k.Kind == "identifier" {
					col = "?"
				}
			}
			n = n.Child("value")
		case "attribute":
			n = n.Child("object")
		default:
			return "", ""
		}
	}
	return "", ""
}

func subscriptKeys(n *Node) []*Node {
	var keys []*Node
	for _, k := range n.Kids {
		if k.Field == "subscript" {
			keys = append(keys, k)
		}
	}
	return keys
}

func (v *value) addTaints(ts []taint, col string) {
	for _, t := range ts {
		c := col
		if c == "" {
			c = t.col
		}
		dupl := false
		for _, o := range v.taints {
			if o.ev == t.ev && o.col == c {
				dupl = true
				break
			}
		}
		if !dupl {
			v.taints = append(v.taints, taint{ev: t.ev, col: c})
		}
	}
}

func (v *value) dropTaints(col string) {
	kept := v.taints[:0]
	for _, t := range v.taints {
		if t.col != col {
			kept = append(kept, t)
		}
	}
	v.taints = kept
}

func orEvent(a, b *event) *event {
	if a != nil {
		return a
	}
	return b
}

// bind assigns a value to a loop or with target.
func (a *analyser) bind(target *Node, v *value) {
	if target == nil {
		return
	}
	switch target.Kind {
	case "identifier":
		a.env[target.Text()] = v
	default:
		for _, k := range target.Kids {
			a.bind(k, v)
		}
	}
}

// hintedPart turns a row subset assigned to a name like test_df or X_tr into a
// part of its source, disjoint from the other parts with other roles.
func (a *analyser) hintedPart(name string, v *value, right *Node) {
	src := v.rowSrc
	r := roleHint(name)
	if r == roleNone {
		return
	}
	srcRole := src.role()
	if srcRole == r || srcRole == roleMixed {
		return
	}
	if srcRole == roleTest && r == roleTrain || srcRole == roleVal {
		return
	}
	if srcRole == roleTrain && r == roleTest {
		r = roleVal
	}
	if a.inCVLoop() {
		if r == roleTest {
			r = roleVal
		}
	}
	rows := make([]*atom, 0, len(src.rows))
	for _, at := range src.rows {
		rows = append(rows, at.child("subset:"+roleName(r), r))
	}
	v.rows = rows
	if (r == roleTest || r == roleVal) && right != nil {
		a.splitChecks(src, false, right, "", false)
	}
}

func roleName(r role) string {
	switch r {
	case roleTrain:
		return "train"
	case roleVal:
		return "validation"
	case roleTest:
		return "test"
	}
	return "rows"
}

// ifStatement runs each branch from the same variables and joins what they
// leave: a variable assigned differently in two branches may hold either
// value afterwards, so it carries what both carry.
func (a *analyser) ifStatement(n *Node) {
	a.eval(n.Child("condition"))
	before := a.env
	var branches []map[string]*value
	run := func(body *Node) {
		a.env = maps.Clone(before)
		a.body(body)
		branches = append(branches, a.env)
	}
	run(n.Child("consequence"))
	hasElse := false
	for _, k := range n.Kids {
		switch k.Kind {
		case "elif_clause":
			a.env = maps.Clone(before)
			a.eval(k.Child("condition"))
			before2 := a.env
			a.env = before2
			a.body(k.Child("consequence"))
			branches = append(branches, a.env)
		case "else_clause":
			hasElse = true
			run(k.Child("body"))
		}
	}
	if !hasElse {
		branches = append(branches, before)
	}
	joined := maps.Clone(branches[0])
	for _, br := range branches[1:] {
		for k, v := range br {
			if old, ok := joined[k]; !ok || old == nil {
				joined[k] = v
			} else if v != nil && v != old {
				joined[k] = join(old, v)
			}
		}
	}
	a.env = joined
}

// join is a value that may be either a or b.
func join(a, b *value) *value {
	if a.est != nil || b.est != nil || len(a.elems) > 0 || len(b.elems) > 0 {
		if a.est != nil || len(a.elems) > 0 {
			return a
		}
		return b
	}
	out := *a
	out.rows = unionRows(a.rows, b.rows)
	out.taints = slices.Clone(a.taints)
	out.addTaints(b.taints, "")
	out.dup = orEvent(a.dup, b.dup)
	out.lagged = orEvent(a.lagged, b.lagged)
	if out.pred == nil {
		out.pred = b.pred
	}
	if out.rowSrc == nil {
		out.rowSrc = b.rowSrc
	}
	return &out
}
