package judge

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/offerloop/offerloop/internal/content"
)

// Problem is one ML coding problem, loaded from internal/content/judge/ID/.
type Problem struct {
	ID         string          `json:"id"`
	Title      string          `json:"title"`
	Topic      string          `json:"topic"`
	Difficulty string          `json:"difficulty"`
	Entry      string          `json:"entry"`     // the function the user writes
	Signature  string          `json:"signature"` // as shown: "softmax(z)"
	Check      json.RawMessage `json:"check"`     // the default check for every case
	CPUSeconds int             `json:"cpu_seconds,omitempty"`

	Statement string `json:"-"` // Markdown
	Starter   string `json:"-"` // starter.py
	Solution  string `json:"-"` // solution.py, the reference
	Cases     []Case `json:"-"`

	// wireCases is the cases' inputs in the request encoding, built once.
	wireCases json.RawMessage
}

// Case is one test: its calls, the reference outputs and how they are checked.
type Case struct {
	Name     string
	Visible  bool
	Seed     int64
	Calls    []Call
	Expected []Value
	Check    json.RawMessage
	Extra    map[string]Value

	rawCalls []json.RawMessage
}

// Topics and difficulties a problem may have, in display order.
var (
	Topics = []string{"regression", "classification", "clustering", "metrics", "evaluation",
		"preprocessing", "probability", "optimization", "deep-learning", "nlp-retrieval", "recommenders", "sampling"}
	Difficulties = []string{"easy", "medium", "hard"}
)

var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

type caseFile struct {
	Name     string                     `json:"name"`
	Visible  bool                       `json:"visible"`
	Seed     int64                      `json:"seed"`
	Calls    []json.RawMessage          `json:"calls"`
	Expected []json.RawMessage          `json:"expected"`
	Check    json.RawMessage            `json:"check"`
	Extra    map[string]json.RawMessage `json:"extra"`
}

var (
	loadOnce sync.Once
	library  []*Problem
	byID     map[string]*Problem
	loadErr  error
)

// Problems returns every problem, sorted by topic order, difficulty, title.
func Problems() ([]*Problem, error) {
	loadOnce.Do(func() { library, loadErr = loadAll(content.FS()) })
	return library, loadErr
}

// Get returns one problem by id.
func Get(id string) (*Problem, bool) {
	if _, err := Problems(); err != nil {
		return nil, false
	}
	p, ok := byID[id]
	return p, ok
}

func loadAll(fsys fs.FS) ([]*Problem, error) {
	entries, err := fs.ReadDir(fsys, "judge")
	if err != nil {
		return nil, fmt.Errorf("judge: %w", err)
	}
	byID = map[string]*Problem{}
	var out []*Problem
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		p, err := loadProblem(fsys, path.Join("judge", e.Name()))
		if err != nil {
			return nil, err
		}
		if p.ID != e.Name() {
			return nil, fmt.Errorf("judge: %s: id %q differs from its directory", e.Name(), p.ID)
		}
		byID[p.ID] = p
		out = append(out, p)
	}
	rank := func(list []string, s string) int {
		for i, x := range list {
			if x == s {
				return i
			}
		}
		return len(list)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if ta, tb := rank(Topics, a.Topic), rank(Topics, b.Topic); ta != tb {
			return ta < tb
		}
		if da, db := rank(Difficulties, a.Difficulty), rank(Difficulties, b.Difficulty); da != db {
			return da < db
		}
		return a.Title < b.Title
	})
	return out, nil
}

func loadProblem(fsys fs.FS, dir string) (*Problem, error) {
	read := func(name string) (string, error) {
		b, err := fs.ReadFile(fsys, path.Join(dir, name))
		if err != nil {
			return "", fmt.Errorf("judge: %w", err)
		}
		return string(b), nil
	}
	meta, err := read("problem.json")
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(strings.NewReader(meta))
	dec.DisallowUnknownFields()
	p := &Problem{}
	if err := dec.Decode(p); err != nil {
		return nil, fmt.Errorf("judge: %s/problem.json: %w", dir, err)
	}
	if !idPattern.MatchString(p.ID) || p.Title == "" || p.Entry == "" || p.Signature == "" {
		return nil, fmt.Errorf("judge: %s: id, title, entry and signature are required", dir)
	}
	if !contains(Topics, p.Topic) || !contains(Difficulties, p.Difficulty) {
		return nil, fmt.Errorf("judge: %s: unknown topic %q or difficulty %q", dir, p.Topic, p.Difficulty)
	}
	if p.Statement, err = read("statement.md"); err != nil {
		return nil, err
	}
	if p.Starter, err = read("starter.py"); err != nil {
		return nil, err
	}
	if p.Solution, err = read("solution.py"); err != nil {
		return nil, err
	}
	raw, err := read("cases.json")
	if err != nil {
		return nil, err
	}
	var files []caseFile
	if err := json.Unmarshal([]byte(raw), &files); err != nil {
		return nil, fmt.Errorf("judge: %s/cases.json: %w", dir, err)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("judge: %s has no cases", dir)
	}
	wire := make([]map[string]any, len(files))
	for i, cf := range files {
		c, err := loadCase(cf)
		if err != nil {
			return nil, fmt.Errorf("judge: %s case %q: %w", dir, cf.Name, err)
		}
		if len(c.Check) == 0 {
			c.Check = p.Check
		}
		p.Cases = append(p.Cases, c)
		wire[i] = map[string]any{"seed": c.Seed, "calls": c.rawCalls}
	}
	if p.wireCases, err = json.Marshal(wire); err != nil {
		return nil, err
	}
	return p, nil
}

func loadCase(cf caseFile) (Case, error) {
	c := Case{Name: cf.Name, Visible: cf.Visible, Seed: cf.Seed, Check: cf.Check, rawCalls: cf.Calls}
	if cf.Name == "" || len(cf.Calls) == 0 || len(cf.Calls) != len(cf.Expected) {
		return c, fmt.Errorf("a case needs a name, calls and one expected value per call")
	}
	for _, rc := range cf.Calls {
		var call struct {
			Args   json.RawMessage            `json:"args"`
			Kwargs map[string]json.RawMessage `json:"kwargs"`
		}
		if err := json.Unmarshal(rc, &call); err != nil {
			return c, err
		}
		args, err := DecodeValue(orNull(call.Args))
		if err != nil {
			return c, err
		}
		list, _ := args.([]Value)
		cl := Call{Args: list, Kwargs: map[string]Value{}}
		for k, v := range call.Kwargs {
			if cl.Kwargs[k], err = DecodeValue(v); err != nil {
				return c, err
			}
		}
		c.Calls = append(c.Calls, cl)
	}
	for _, e := range cf.Expected {
		v, err := DecodeValue(e)
		if err != nil {
			return c, err
		}
		c.Expected = append(c.Expected, v)
	}
	if len(cf.Extra) > 0 {
		c.Extra = map[string]Value{}
		for k, e := range cf.Extra {
			v, err := DecodeValue(e)
			if err != nil {
				return c, err
			}
			c.Extra[k] = v
		}
	}
	return c, nil
}

func orNull(b json.RawMessage) []byte {
	if len(bytes.TrimSpace(b)) == 0 {
		return []byte("[]")
	}
	return b
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// VisibleCases returns the examples a user may see in full.
func (p *Problem) VisibleCases() []Case {
	var out []Case
	for _, c := range p.Cases {
		if c.Visible {
			out = append(out, c)
		}
	}
	return out
}
