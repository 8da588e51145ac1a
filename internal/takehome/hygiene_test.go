package takehome

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// nbCell is a notebook cell for tests: Count 0 means never run, Md a
// markdown cell.
type nbCell struct {
	Src     string
	Count   int
	Md      bool
	Outputs []map[string]any
}

// notebook writes an nbformat 4 notebook.
func notebook(cells ...nbCell) string {
	var out []map[string]any
	for i, c := range cells {
		m := map[string]any{"cell_type": "code", "id": fmt.Sprint("c", i), "metadata": map[string]any{}, "source": c.Src}
		if c.Md {
			m["cell_type"] = "markdown"
		} else {
			m["outputs"] = []map[string]any{}
			if c.Outputs != nil {
				m["outputs"] = c.Outputs
			}
			m["execution_count"] = nil
			if c.Count > 0 {
				m["execution_count"] = c.Count
			}
		}
		out = append(out, m)
	}
	b, _ := json.Marshal(map[string]any{
		"cells": out, "nbformat": 4, "nbformat_minor": 5,
		"metadata": map[string]any{"language_info": map[string]any{"name": "python"}},
	})
	return string(b)
}

func textOutput(s string) map[string]any {
	return map[string]any{"output_type": "execute_result", "metadata": map[string]any{}, "data": map[string]any{"text/plain": s}}
}

func errorOutput(name, value string) map[string]any {
	return map[string]any{"output_type": "error", "ename": name, "evalue": value, "traceback": []string{}}
}

// deleted marks a file to remove from the clean project.
const deleted = "\x00delete"

// project copies testdata/hygiene/clean into a temporary folder, applies
// the changes (a path to new content, or deleted) and returns the folder.
func project(t *testing.T, changes map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	src := filepath.Join("testdata", "hygiene", "clean")
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return writeFile(filepath.Join(dir, rel), string(data))
	})
	if err != nil {
		t.Fatal(err)
	}
	for rel, content := range changes {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if content == deleted {
			if err := os.RemoveAll(p); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := writeFile(p, content); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func writeFile(p, content string) error {
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, []byte(content), 0o644)
}

// sparse makes a file of the given size without writing its bytes.
func sparse(t *testing.T, p string, size int64) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := f.Truncate(size); err != nil {
		t.Fatal(err)
	}
}

// hygieneFindings checks a path and keeps the findings of hygiene rules.
func hygieneFindings(t *testing.T, root string) []Finding {
	t.Helper()
	rep, err := CheckPath(context.Background(), root, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var out []Finding
	for _, f := range rep.Findings {
		for _, r := range hygieneRules {
			if r.ID == f.Rule {
				out = append(out, f)
			}
		}
	}
	return out
}

func ofRule(fs []Finding, rule string) []Finding {
	var out []Finding
	for _, f := range fs {
		if f.Rule == rule {
			out = append(out, f)
		}
	}
	return out
}

func describe(fs []Finding) string {
	var b strings.Builder
	for _, f := range fs {
		cell := "-"
		if f.Cell != nil {
			cell = fmt.Sprint(*f.Cell)
		}
		fmt.Fprintf(&b, "\n  %s %s %s:%d cell %s %q: %s", f.Severity, f.Rule, f.File, f.Line, cell, f.Excerpt, f.Message)
	}
	return b.String()
}

func readClean(t *testing.T, rel string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "hygiene", "clean", filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// replace returns s with old replaced, failing when old is not there so a
// case cannot silently test the clean project.
func replace(t *testing.T, s, old, new string) string {
	t.Helper()
	if !strings.Contains(s, old) {
		t.Fatalf("%q not found", old)
	}
	return strings.Replace(s, old, new, 1)
}

func TestHygieneCleanProject(t *testing.T) {
	if got := hygieneFindings(t, filepath.Join("testdata", "hygiene", "clean")); len(got) != 0 {
		t.Errorf("the well-kept project has hygiene findings:%s", describe(got))
	}
}

func TestHygieneRulesCatalogue(t *testing.T) {
	cats := map[string]bool{}
	for _, c := range Categories {
		cats[c.Name] = true
	}
	seen := map[string]bool{}
	for _, r := range hygieneRules {
		if !cats[r.Category] || r.Category == "leakage" {
			t.Errorf("%s: category %q", r.ID, r.Category)
		}
		if seen[r.ID] || r.Weight <= 0 || r.Title == "" {
			t.Errorf("%s: duplicate, no weight or no title", r.ID)
		}
		seen[r.ID] = true
		if _, ok := RuleByID(r.ID); !ok {
			t.Errorf("RuleByID(%q) not found", r.ID)
		}
	}
}

// hygieneCase changes the clean project in one way and says what a rule
// must then report: want findings of the rule (0 for a near miss that must
// not fire), each message containing the strings in has; file, line and
// cell, when set, are those of the first finding.
type hygieneCase struct {
	name    string
	changes func(t *testing.T) map[string]string
	setup   func(t *testing.T, dir string)
	rule    string
	want    int
	has     []string
	file    string
	line    int
	cell    int // -1 for none; checked only when file is set
}

func runHygieneCases(t *testing.T, cases []hygieneCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var changes map[string]string
			if c.changes != nil {
				changes = c.changes(t)
			}
			dir := project(t, changes)
			if c.setup != nil {
				c.setup(t, dir)
			}
			all := hygieneFindings(t, dir)
			got := ofRule(all, c.rule)
			if len(got) != c.want {
				t.Fatalf("%s: %d findings, want %d; all hygiene findings:%s", c.rule, len(got), c.want, describe(all))
			}
			for _, f := range got {
				for _, s := range c.has {
					if !strings.Contains(f.Message+" "+f.Fix, s) {
						t.Errorf("%s message lacks %q:%s", c.rule, s, describe([]Finding{f}))
					}
				}
				if f.Fix == "" || f.Message == "" {
					t.Errorf("%s: empty message or fix", c.rule)
				}
			}
			if c.file != "" {
				f := got[0]
				cell := -1
				if f.Cell != nil {
					cell = *f.Cell
				}
				if f.File != c.file || f.Line != c.line || cell != c.cell {
					t.Errorf("%s at %s:%d cell %d, want %s:%d cell %d", c.rule, f.File, f.Line, cell, c.file, c.line, c.cell)
				}
			}
		})
	}
}

func set(kv ...string) func(t *testing.T) map[string]string {
	return func(t *testing.T) map[string]string {
		m := map[string]string{}
		for i := 0; i+1 < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return m
	}
}

// editClean changes one file of the clean project by string replacement.
func editClean(file string, pairs ...string) func(t *testing.T) map[string]string {
	return func(t *testing.T) map[string]string {
		s := readClean(t, file)
		for i := 0; i+1 < len(pairs); i += 2 {
			s = replace(t, s, pairs[i], pairs[i+1])
		}
		return map[string]string{file: s}
	}
}

func TestHygieneReadme(t *testing.T) {
	runHygieneCases(t, []hygieneCase{
		{name: "missing", changes: set("README.md", deleted), rule: "readme/missing", want: 1, has: []string{"no README at its root"}},
		{name: "missing with one in docs", changes: set("README.md", deleted, "docs/README.md", "# Docs\n"), rule: "readme/missing", want: 1, has: []string{"docs/README.md"}},
		{name: "lower-case readme.rst is found", changes: func(t *testing.T) map[string]string {
			return map[string]string{"README.md": deleted, "readme.rst": readClean(t, "README.md")}
		}, rule: "readme/missing", want: 0},
		{name: "short", changes: set("README.md", "# Churn\n\nA churn model.\n\n```\npip install -r requirements.txt\npython train.py --with --many --options --that --do --not --count --as --prose --at --all --because --they --are --code\n```\n"),
			rule: "readme/short", want: 1, has: []string{"README.md has 14 characters of prose"}},
		{name: "empty", changes: set("README.md", ""), rule: "readme/short", want: 1, has: []string{"no prose at all"}},
		{name: "long enough", rule: "readme/short", want: 0},
		{name: "no summary", changes: editClean("README.md", "Predicts which subscribers of a telecom operator cancel within 30 days, from\ntheir usage and billing history (7,043 customers, 26.5% churn). A gradient\nboosting model reaches PR-AUC 0.66 on a held-out 20% test set, against 0.27\nfor the majority-class baseline.\n", ""),
			rule: "readme/sections", want: 1, has: []string{"summary"}},
		{name: "summary as an Overview heading", changes: editClean("README.md", "Predicts which", "## Overview\n\nIt predicts which"), rule: "readme/sections", want: 0},
		{name: "no approach", changes: editClean("README.md", "## Approach", "## Notes"), rule: "readme/sections", want: 1, has: []string{"Approach"}},
		{name: "approach as Method", changes: editClean("README.md", "## Approach", "## Method"), rule: "readme/sections", want: 0},
		{name: "no results", changes: editClean("README.md", "## Results", "## Table"), rule: "readme/sections", want: 1, has: []string{"no Results section"}},
		{name: "results without numbers", changes: editClean("README.md",
			"| model | PR-AUC | F1 | recall |\n|---|---|---|---|\n| Majority-class baseline | 0.27 | 0.00 | 0.00 |\n| Logistic regression | 0.61 | 0.58 | 0.55 |\n| Gradient boosting | 0.66 | 0.62 | 0.64 |\n",
			"The model clearly beats the baseline.\n"),
			rule: "readme/sections", want: 1, has: []string{`"## Results"`, "no numbers"}, file: "README.md", line: 17, cell: -1},
		{name: "an evaluation subsection before the results", changes: editClean("README.md", "- Model: HistGradientBoostingClassifier", "### Evaluation protocol\n\nStratified split, then cross-validation.\n\n- Model: HistGradientBoostingClassifier"),
			rule: "readme/sections", want: 0},
		{name: "results without a baseline", changes: editClean("README.md", "| Majority-class baseline | 0.27 | 0.00 | 0.00 |\n", ""),
			rule: "readme/sections", want: 1, has: []string{"no baseline"}},
		{name: "no setup", changes: editClean("README.md", "## How to run\n\n```bash\npython -m venv .venv && . .venv/bin/activate\npip install -r requirements.txt\npython -m churn.train --data data/telco.csv\npytest\n```\n", ""),
			rule: "readme/sections", want: 1, has: []string{"how to run"}},
		{name: "setup heading without commands", changes: editClean("README.md", "```bash\npython -m venv .venv && . .venv/bin/activate\npip install -r requirements.txt\npython -m churn.train --data data/telco.csv\npytest\n```\n", "Install the requirements and run the training module.\n"),
			rule: "readme/sections", want: 1, has: []string{`"## How to run"`, "no commands"}},
		{name: "setup as Usage with a pip line", changes: editClean("README.md", "## How to run\n\n```bash\npython -m venv .venv && . .venv/bin/activate\npip install -r requirements.txt\npython -m churn.train --data data/telco.csv\npytest\n```\n", "## Usage\n\n    pip install -r requirements.txt\n"),
			rule: "readme/sections", want: 0},
		{name: "no structure", changes: editClean("README.md", "## Project structure\n\n```\nsrc/churn/      features, training and evaluation code\ntests/          pytest tests of the features and the split\nnotebooks/      exploration and result plots\n```\n", ""),
			rule: "readme/sections", want: 1, has: []string{"project structure"}},
		{name: "structure as a tree drawing", changes: editClean("README.md", "## Project structure\n", "## The code\n", "src/churn/      features", "├── src/churn/   features"), rule: "readme/sections", want: 0},
		{name: "no key decisions", changes: editClean("README.md", "## Key decisions", "## Notes"), rule: "readme/sections", want: 1, has: []string{"key decisions"}},
		{name: "decisions as a bold pseudo-heading", changes: editClean("README.md", "## Key decisions", "**Trade-offs:**"), rule: "readme/sections", want: 0},
		{name: "no next steps", changes: editClean("README.md", "## Next steps", "## Other"), rule: "readme/sections", want: 1, has: []string{"next steps"}},
		{name: "next steps as With more time", changes: editClean("README.md", "## Next steps", "## With more time"), rule: "readme/sections", want: 0},
		{name: "setext headings", changes: editClean("README.md", "## Next steps", "Future work\n-----------"), rule: "readme/sections", want: 0},
		{name: "all missing", changes: set("README.md", "# Churn\n\n"+strings.Repeat("This project looks at customers. ", 12)+"\n"), rule: "readme/sections", want: 7},
	})
}

func TestHygieneReadmeInTopFolder(t *testing.T) {
	// Everything in one folder, as a downloaded archive unpacks: the README
	// of that folder is the project's.
	dir := t.TempDir()
	clean := project(t, nil)
	if err := os.Rename(clean, filepath.Join(dir, "churn-main")); err != nil {
		t.Fatal(err)
	}
	if got := ofRule(hygieneFindings(t, dir), "readme/missing"); len(got) != 0 {
		t.Errorf("README in the only top folder reported missing:%s", describe(got))
	}
}

func TestHygieneTests(t *testing.T) {
	many := map[string]string{}
	for i := range 8 {
		many[fmt.Sprintf("src/churn/step%d.py", i)] = "def f():\n    return 1\n"
	}
	runHygieneCases(t, []hygieneCase{
		{name: "none", changes: set("tests", deleted), rule: "tests/none", want: 1, has: []string{"no tests", "2 Python files"}},
		{name: "a test_ file outside tests/", changes: set("tests", deleted, "src/churn/test_features.py", "def test_x():\n    assert True\n"), rule: "tests/none", want: 0},
		{name: "a tests folder with only __init__", changes: set("tests", deleted, "tests/__init__.py", ""), rule: "tests/none", want: 1},
		{name: "few", changes: func(*testing.T) map[string]string { return many }, rule: "tests/few", want: 1, has: []string{"2 test files for 10 other Python files"}},
		{name: "enough", rule: "tests/few", want: 0},
	})
}

func TestHygieneDependencies(t *testing.T) {
	runHygieneCases(t, []hygieneCase{
		{name: "no manifest", changes: set("requirements.txt", deleted), rule: "deps/manifest", want: 1, has: []string{"pandas", "scikit-learn", "matplotlib"}},
		{name: "pyproject with dependencies", changes: set("requirements.txt", deleted, "pyproject.toml", "[project]\nname = \"churn\"\ndependencies = [\n  \"pandas==2.2.2\",\n  \"scikit-learn==1.5.0\", # model\n  \"matplotlib==3.9.0\",\n]\n[project.optional-dependencies]\ntest = [\"pytest==8.2.0\"]\n"),
			rule: "deps/manifest", want: 0},
		{name: "pyproject with dependencies is pinned", changes: set("requirements.txt", deleted, "pyproject.toml", "[project]\nname = \"churn\"\ndependencies = [\n  \"pandas==2.2.2\",\n  \"scikit-learn==1.5.0\", # model\n  \"matplotlib==3.9.0\",\n]\n[project.optional-dependencies]\ntest = [\"pytest==8.2.0\"]\n"),
			rule: "deps/unpinned", want: 0},
		{name: "pyproject with tool settings only", changes: set("requirements.txt", deleted, "pyproject.toml", "[tool.black]\nline-length = 100\n"), rule: "deps/manifest", want: 1},
		{name: "unpinned", changes: set("requirements.txt", "pandas>=2.0\nscikit-learn\nmatplotlib==3.9.0\npytest~=8.2\n"),
			rule: "deps/unpinned", want: 1, has: []string{"2 of 4", "pandas>=2.0", "scikit-learn"}, file: "requirements.txt", line: 1, cell: -1},
		{name: "unpinned but locked", changes: set("requirements.txt", "pandas>=2.0\nscikit-learn\nmatplotlib\npytest\n", "poetry.lock", "# lock\n"), rule: "deps/unpinned", want: 0},
		{name: "poetry ranges", changes: set("requirements.txt", deleted, "pyproject.toml", "[tool.poetry.dependencies]\npython = \"^3.11\"\npandas = \"^2.2\"\nscikit-learn = \"1.5.0\"\nmatplotlib = {version = \"3.9.0\"}\npytest = \"*\"\n"),
			rule: "deps/unpinned", want: 1, has: []string{"2 of 4", `pandas = "^2.2"`}, file: "pyproject.toml", line: 3, cell: -1},
		{name: "conda environment", changes: set("requirements.txt", deleted, "environment.yml", "name: churn\ndependencies:\n  - python=3.11\n  - pandas=2.2\n  - scikit-learn\n  - matplotlib=3.9\n  - pip\n  - pip:\n    - pytest==8.2.0\n"),
			rule: "deps/unpinned", want: 1, has: []string{"1 of 4", "scikit-learn"}, file: "environment.yml", line: 5, cell: -1},
		{name: "uncovered", changes: editClean("src/churn/train.py", "import numpy as np\n", "import numpy as np\nimport xgboost as xgb\nimport cv2\n"),
			rule: "deps/uncovered", want: 2, has: []string{"requirements.txt"}, file: "src/churn/train.py", line: 5, cell: -1},
		{name: "uncovered names the distribution", changes: editClean("src/churn/train.py", "import numpy as np\n", "import numpy as np\nfrom bs4 import BeautifulSoup\n"),
			rule: "deps/uncovered", want: 1, has: []string{"bs4 (distribution beautifulsoup4)", "beautifulsoup4==<the version you ran>"}},
		{name: "covered under another name, stdlib, local and optional", changes: func(t *testing.T) map[string]string {
			m := editClean("src/churn/train.py", "import numpy as np\n", "import numpy as np\nimport yaml\nimport json, tomllib\nimport helpers\nfrom churn import features\ntry:\n    import lightgbm\nexcept ImportError:\n    lightgbm = None\n")(t)
			m["src/churn/helpers.py"] = "X = 1\n"
			m["requirements.txt"] = readClean(t, "requirements.txt") + "PyYAML==6.0.1\n"
			return m
		}, rule: "deps/uncovered", want: 0},
		{name: "pip install in a notebook", changes: set("notebooks/setup.ipynb", notebook(nbCell{Src: "!pip install -q xgboost shap>=0.4 'lightgbm==4.3.0'", Count: 1})),
			rule: "deps/pip-in-notebook", want: 1, has: []string{"xgboost and shap", "xgboost==<version>"}, file: "notebooks/setup.ipynb", line: 1, cell: 0},
		{name: "pinned or from requirements", changes: set("notebooks/setup.ipynb", notebook(
			nbCell{Src: "%pip install xgboost==2.0.3\n!pip install -r ../requirements.txt", Count: 1},
			nbCell{Src: "%%bash\npip install git+https://github.com/x/y@v1.2", Count: 2})),
			rule: "deps/pip-in-notebook", want: 0},
		{name: "pip install in a bash cell", changes: set("notebooks/setup.ipynb", notebook(nbCell{Src: "%%bash\nset -e\npip install catboost", Count: 1})),
			rule: "deps/pip-in-notebook", want: 1, has: []string{"catboost"}, file: "notebooks/setup.ipynb", line: 3, cell: 0},
	})
}

func TestHygieneAbsolutePaths(t *testing.T) {
	runHygieneCases(t, []hygieneCase{
		{name: "home folder", changes: editClean("src/churn/train.py", `default=str(DATA)`, `default="/home/anna/proj/telco.csv"`),
			rule: "repro/abs-path", want: 1, has: []string{`"/home/anna/proj/telco.csv"`, "user anna"}, file: "src/churn/train.py", line: 20, cell: -1},
		{name: "windows", changes: editClean("src/churn/train.py", `default=str(DATA)`, `default=r"C:\Users\anna\telco.csv"`),
			rule: "repro/abs-path", want: 1, has: []string{"Windows"}},
		{name: "f-string", changes: editClean("src/churn/train.py", `default=str(DATA)`, `default=f"/Users/{user}/telco.csv"`),
			rule: "repro/abs-path", want: 1},
		{name: "kaggle", changes: editClean("src/churn/train.py", `default=str(DATA)`, `default="/kaggle/input/telco/telco.csv"`),
			rule: "repro/abs-path", want: 1, has: []string{"Kaggle"}},
		{name: "colab and a shell escape", changes: set("notebooks/colab.ipynb", notebook(
			nbCell{Src: "from google.colab import drive\ndrive.mount('/content/drive')", Count: 1},
			nbCell{Src: "!cp /content/drive/MyDrive/telco.csv .", Count: 2})),
			rule: "repro/abs-path", want: 2, has: []string{"Colab"}, file: "notebooks/colab.ipynb", line: 2, cell: 0},
		{name: "comments, docstrings, URLs, /tmp and relative paths", changes: editClean("src/churn/train.py", `default=str(DATA)`, `default="data/telco.csv", help="file:///home/x or ../data"`),
			rule: "repro/abs-path", want: 0},
		{name: "web routes and tool settings folders", changes: set("src/churn/serve.py", "import os\n\n@app.route(\"/data/<name>\")\ndef data(name):\n    return os.path.expanduser(\"~/.kaggle/kaggle.json\")\n"),
			rule: "repro/abs-path", want: 0},
		{name: "multi-line string", changes: editClean("src/churn/train.py", "URL = ", "SQL = \"\"\"\nCOPY t FROM\n'/mnt/share/telco.csv'\n\"\"\"\nprint(SQL)\nURL = "),
			rule: "repro/abs-path", want: 1, file: "src/churn/train.py", line: 17, cell: -1},
	})
}

func TestHygieneSeed(t *testing.T) {
	noState := editClean("src/churn/train.py", "stratify=y, random_state=42)", "stratify=y)", "HistGradientBoostingClassifier(random_state=42)", "HistGradientBoostingClassifier()")
	runHygieneCases(t, []hygieneCase{
		{name: "no random_state, no seed", changes: noState, rule: "repro/seed", want: 1,
			has:  []string{"2 calls", "train_test_split at src/churn/train.py:24", "HistGradientBoostingClassifier at src/churn/train.py:26"},
			file: "src/churn/train.py", line: 24, cell: -1},
		{name: "a global seed", changes: func(t *testing.T) map[string]string {
			m := noState(t)
			m["src/churn/train.py"] = replace(t, m["src/churn/train.py"], "def main() -> None:\n", "def main() -> None:\n    np.random.seed(0)\n")
			return m
		}, rule: "repro/seed", want: 0},
		{name: "KFold without shuffle", changes: editClean("src/churn/train.py", "    base = ", "    cv = KFold(n_splits=5)\n    base = "), rule: "repro/seed", want: 0},
		{name: "KFold with shuffle", changes: editClean("src/churn/train.py", "    base = ", "    cv = KFold(n_splits=5, shuffle=True)\n    base = "),
			rule: "repro/seed", want: 1, has: []string{"KFold at src/churn/train.py:25"}},
		{name: "np.random.shuffle in a notebook", changes: set("notebooks/shuffle.ipynb", notebook(nbCell{Src: "import numpy as np\nidx = np.arange(10)\nnp.random.shuffle(idx)", Count: 1})),
			rule: "repro/seed", want: 1, has: []string{"shuffle at notebooks/shuffle.ipynb code cell 1, line 3"}, file: "notebooks/shuffle.ipynb", line: 3, cell: 0},
		{name: "seeded generator", changes: set("notebooks/shuffle.ipynb", notebook(nbCell{Src: "import numpy as np\nrng = np.random.default_rng(0)\nrng.shuffle(idx)", Count: 1})),
			rule: "repro/seed", want: 0},
	})
}

func TestHygieneNotebooks(t *testing.T) {
	longCell := strings.Repeat("x = 1\n", 500)
	runHygieneCases(t, []hygieneCase{
		{name: "out of order", changes: set("notebooks/run.ipynb", notebook(nbCell{Src: "a = 1", Count: 1}, nbCell{Src: "b = 2", Count: 3}, nbCell{Src: "c = 3", Count: 2})),
			rule: "repro/notebook-order", want: 1, has: []string{"code cell 3 ran as In [2], before code cell 2 above it (In [3])"}, file: "notebooks/run.ipynb", line: 0, cell: 2},
		{name: "never-run cells among run ones", changes: set("notebooks/run.ipynb", notebook(nbCell{Src: "a = 1", Count: 1}, nbCell{Src: "b = 2"}, nbCell{Src: "c = 3", Count: 2}, nbCell{Src: "d = 4"})),
			rule: "repro/notebook-order", want: 1, has: []string{"code cells 2 and 4 never ran"}, file: "notebooks/run.ipynb", line: 0, cell: 1},
		{name: "first count not 1", changes: set("notebooks/run.ipynb", notebook(nbCell{Src: "a = 1", Count: 7, Outputs: []map[string]any{textOutput("1")}}, nbCell{Src: "b = 2", Count: 8})),
			rule: "repro/notebook-order", want: 1, has: []string{"In [7], not In [1]"}},
		{name: "cleared outputs", changes: set("notebooks/run.ipynb", notebook(nbCell{Src: "a = 1"}, nbCell{Src: "b = 2"})), rule: "repro/notebook-order", want: 0},
		{name: "run in order with markdown and empty cells", changes: set("notebooks/run.ipynb", notebook(nbCell{Src: "# T", Md: true}, nbCell{Src: "a = 1", Count: 1, Outputs: []map[string]any{textOutput("1")}}, nbCell{Src: ""}, nbCell{Src: "b = 2", Count: 2})),
			rule: "repro/notebook-order", want: 0},
		{name: "stored error", changes: set("notebooks/run.ipynb", notebook(nbCell{Src: "a = 1", Count: 1}, nbCell{Src: "\ndf['price']", Count: 2, Outputs: []map[string]any{errorOutput("KeyError", "'price'")}})),
			rule: "repro/notebook-errors", want: 1, has: []string{"Code cell 2 of notebooks/run.ipynb", "KeyError: 'price'"}, file: "notebooks/run.ipynb", line: 0, cell: 1},
		{name: "too long", changes: set("notebooks/long.ipynb", notebook(nbCell{Src: longCell, Count: 1}, nbCell{Src: longCell + "y = 2", Count: 2})),
			rule: "notebook/too-long", want: 1, has: []string{"1,001 lines of code in 2 code cells"}},
		{name: "1,000 lines is fine", changes: set("notebooks/long.ipynb", notebook(nbCell{Src: longCell, Count: 1}, nbCell{Src: longCell + "\n\n", Count: 2})),
			rule: "notebook/too-long", want: 0},
	})
}

func TestHygieneStructure(t *testing.T) {
	big := int64(12 << 20)
	runHygieneCases(t, []hygieneCase{
		{name: "large csv", setup: func(t *testing.T, dir string) { sparse(t, filepath.Join(dir, "raw", "telco.csv"), big) },
			rule: "files/large", want: 1, has: []string{"raw/telco.csv is 12.0 MB"}, file: "raw/telco.csv", line: 0, cell: -1},
		{name: "large model in a nested folder", setup: func(t *testing.T, dir string) { sparse(t, filepath.Join(dir, "models", "v1", "model.joblib"), big) },
			rule: "files/large", want: 1, has: []string{"models/v1/model.joblib", "model weights"}},
		{name: "ignored by .gitignore", setup: func(t *testing.T, dir string) { sparse(t, filepath.Join(dir, "data", "telco.csv"), big) },
			rule: "files/large", want: 0},
		{name: "ignored by a nested .gitignore", changes: set("raw/.gitignore", "/telco.csv\n"), setup: func(t *testing.T, dir string) { sparse(t, filepath.Join(dir, "raw", "telco.csv"), big) },
			rule: "files/large", want: 0},
		{name: "routed to LFS", changes: set(".gitattributes", "*.csv filter=lfs diff=lfs merge=lfs -text\n"), setup: func(t *testing.T, dir string) { sparse(t, filepath.Join(dir, "raw", "telco.csv"), big) },
			rule: "files/large", want: 0},
		{name: "small csv", setup: func(t *testing.T, dir string) { sparse(t, filepath.Join(dir, "raw", "telco.csv"), 10<<20) },
			rule: "files/large", want: 0},
		{name: "notebook only", changes: set("src", deleted, "tests", deleted), rule: "code/notebook-only", want: 1, has: []string{"1 notebook"}},
	})
}

// accuracyTrain is a training script that reports accuracy only.
const accuracyTrain = `import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score
from sklearn.model_selection import train_test_split

df = pd.read_csv("data/telco.csv")
y = df.pop("churn")
X_train, X_test, y_train, y_test = train_test_split(df, y, random_state=0)
model = LogisticRegression(max_iter=1000%s)
model.fit(X_train, y_train)
print("accuracy", accuracy_score(y_test, model.predict(X_test)))
`

func TestHygieneEvaluation(t *testing.T) {
	noBaseline := func(t *testing.T) map[string]string {
		return map[string]string{
			"src/churn/train.py": fmt.Sprintf(accuracyTrain, ""),
			"README.md":          replace(t, replace(t, readClean(t, "README.md"), "| Majority-class baseline | 0.27 | 0.00 | 0.00 |\n", ""), ", against 0.27\nfor the majority-class baseline", ""),
		}
	}
	// The clean README reports F1 and PR-AUC, so these cases replace it.
	plainReadme := "# Churn\n\n" + strings.Repeat("The model predicts churn from usage. ", 10) + "\n"
	imbalanced := func(extra string) func(t *testing.T) map[string]string {
		return set("src/churn/train.py", fmt.Sprintf(accuracyTrain, extra), "README.md", plainReadme)
	}
	counts := func(out string) func(t *testing.T) map[string]string {
		return set("src/churn/train.py", fmt.Sprintf(accuracyTrain, ""), "README.md", plainReadme,
			"notebooks/explore.ipynb", notebook(nbCell{Src: "import pandas as pd\ndf = pd.read_csv('../data/telco.csv')", Count: 1}, nbCell{Src: "df['churn'].value_counts()", Count: 2, Outputs: []map[string]any{textOutput(out)}}))
	}
	runHygieneCases(t, []hygieneCase{
		{name: "no baseline", changes: noBaseline, rule: "eval/no-baseline", want: 1, has: []string{"DummyClassifier", "most frequent class"}, file: "src/churn/train.py", line: 0, cell: -1},
		{name: "baseline in the README only", changes: set("src/churn/train.py", fmt.Sprintf(accuracyTrain, "")), rule: "eval/no-baseline", want: 0},
		{name: "regression without baseline", changes: func(t *testing.T) map[string]string {
			m := noBaseline(t)
			m["src/churn/train.py"] = "from sklearn.linear_model import Ridge\nfrom sklearn.metrics import mean_absolute_error\nm = Ridge().fit(X, y)\nprint(mean_absolute_error(y, m.predict(X)))\n"
			return m
		}, rule: "eval/no-baseline", want: 1, has: []string{"DummyRegressor", "mean"}},
		{name: "regression reporting R²", changes: func(t *testing.T) map[string]string {
			m := noBaseline(t)
			m["src/churn/train.py"] = "from sklearn.linear_model import Ridge\nfrom sklearn.metrics import r2_score\nm = Ridge().fit(X, y)\nprint(r2_score(y, m.predict(X)))\n"
			return m
		}, rule: "eval/no-baseline", want: 0},
		{name: "accuracy with class_weight", changes: imbalanced(`, class_weight="balanced"`), rule: "eval/accuracy-only", want: 1,
			has: []string{"accuracy_score() at src/churn/train.py:11", `class_weight="balanced" at src/churn/train.py:9`}, file: "src/churn/train.py", line: 11, cell: -1},
		{name: "accuracy with class_weight and F1", changes: func(t *testing.T) map[string]string {
			return map[string]string{"README.md": plainReadme, "src/churn/train.py": fmt.Sprintf(accuracyTrain, `, class_weight="balanced"`) + "from sklearn.metrics import f1_score\nprint(f1_score(y_test, model.predict(X_test)))\n"}
		}, rule: "eval/accuracy-only", want: 0},
		{name: "accuracy on balanced data", changes: imbalanced(""), rule: "eval/accuracy-only", want: 0},
		{name: "class_weight and a README reporting F1", changes: set("src/churn/train.py", fmt.Sprintf(accuracyTrain, `, class_weight="balanced"`)), rule: "eval/accuracy-only", want: 0},
		{name: "skewed value_counts", changes: counts("churn\n0    5174\n1    869\nName: count, dtype: int64"), rule: "eval/accuracy-only", want: 1,
			has: []string{"5,174 against 869", "85.6%", "notebooks/explore.ipynb code cell 2, line 1"}},
		{name: "balanced value_counts", changes: counts("0    5174\n1    1869\nName: churn, dtype: int64"), rule: "eval/accuracy-only", want: 0},
		{name: "Keras accuracy with SMOTE", changes: set("README.md", plainReadme, "src/churn/train.py", "from imblearn.over_sampling import SMOTE\nfrom tensorflow import keras\nX, y = SMOTE(random_state=0).fit_resample(X, y)\nmodel = keras.Sequential([keras.layers.Dense(1, activation=\"sigmoid\")])\nmodel.compile(loss=\"binary_crossentropy\", metrics=[\"accuracy\"])\nmodel.fit(X, y)\n"),
			rule: "eval/accuracy-only", want: 1, has: []string{`metrics=["accuracy"] at src/churn/train.py:5`, "SMOTE at src/churn/train.py:3"}},
		{name: "README says imbalanced", changes: func(t *testing.T) map[string]string {
			return map[string]string{
				"src/churn/train.py": fmt.Sprintf(accuracyTrain, ""),
				"README.md":          "# Churn\n\nThe classes are heavily imbalanced. " + strings.Repeat("More words about the project. ", 12) + "\n",
			}
		}, rule: "eval/accuracy-only", want: 1, has: []string{`"imbalanced"`}},
	})
}

func TestHygieneSingleFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "train.py")
	if err := writeFile(p, "import xgboost\nfrom sklearn.model_selection import train_test_split\ndf = load('/home/bob/x.csv')\na, b = train_test_split(df)\n"); err != nil {
		t.Fatal(err)
	}
	got := hygieneFindings(t, p)
	rules := map[string]int{}
	for _, f := range got {
		rules[f.Rule]++
	}
	want := map[string]int{"repro/abs-path": 1, "repro/seed": 1}
	if !reflect.DeepEqual(rules, want) {
		t.Errorf("single script: rules %v, want %v:%s", rules, want, describe(got))
	}
	if f := ofRule(got, "repro/abs-path"); len(f) == 1 && (f[0].File != "train.py" || f[0].Line != 3 || f[0].Excerpt != "df = load('/home/bob/x.csv')") {
		t.Errorf("abs-path at %s:%d %q", f[0].File, f[0].Line, f[0].Excerpt)
	}
}

func TestHygieneDeterministic(t *testing.T) {
	dir := project(t, map[string]string{
		"README.md":        deleted,
		"requirements.txt": "pandas\nnumpy\n",
		"a.py":             "import torch, xgboost\nx = '/home/a/b'\n",
		"b.py":             "import lightgbm\ny = '/Users/b/c'\n",
		"notebooks/n.ipynb": notebook(nbCell{Src: "!pip install shap", Count: 2},
			nbCell{Src: "import catboost\nz = '/content/x'", Count: 1, Outputs: []map[string]any{errorOutput("ValueError", "bad")}}),
	})
	first := hygieneFindings(t, dir)
	if len(first) < 8 {
		t.Fatalf("expected a messy project:%s", describe(first))
	}
	for range 5 {
		rep, err := CheckPath(context.Background(), dir, Options{Workers: 3})
		if err != nil {
			t.Fatal(err)
		}
		var again []Finding
		for _, f := range rep.Findings {
			if _, ok := RuleByID(f.Rule); ok && strings.Contains(f.Rule, "/") && !strings.HasPrefix(f.Rule, "leakage/") {
				again = append(again, f)
			}
		}
		if !reflect.DeepEqual(first, again) {
			t.Fatalf("findings differ between runs:%s\nvs%s", describe(first), describe(again))
		}
	}
}
