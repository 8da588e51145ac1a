package takehome

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

func addCorpusSeeds(f *testing.F, ext string) {
	paths, _ := filepath.Glob("testdata/corpus/*/*" + ext)
	for i, p := range paths {
		if i%3 != 0 {
			continue
		}
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
}

// FuzzReadNotebook: the notebook reader and the IPython neutraliser accept
// or refuse any bytes without panicking, and keep every cell's line count.
func FuzzReadNotebook(f *testing.F) {
	addCorpusSeeds(f, ".ipynb")
	f.Add([]byte(`{"nbformat": 3, "worksheets": [{"cells": [{"cell_type": "code", "input": "%%bash\nls", "prompt_number": 1}]}]}`))
	f.Add([]byte(`{"nbformat": 4, "cells": [{"cell_type": "code", "source": ["x = !ls\n", "  %time y = 1\n", "len?"], "outputs": [{"output_type": "error", "ename": "E"}]}]}`))
	f.Add([]byte(`{"nbformat": 4, "cells": [{"cell_type": "code", "source": null, "execution_count": "x"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		nb, err := ReadNotebook(data)
		if err != nil {
			return
		}
		p := NotebookProgram("f.ipynb", nb)
		for _, c := range p.Chunks {
			if got, want := lines(string(c.Code)), lines(c.Raw); got != want {
				t.Fatalf("neutralising changed the line count from %d to %d: %q", want, got, c.Raw)
			}
		}
	})
}

func lines(s string) int {
	n := 1
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			n++
		}
	}
	return n
}

// FuzzAnalyse: any script, parsed and analysed with the panic safety net
// off, finishes without panicking; so does any notebook.
func FuzzAnalyse(f *testing.F) {
	addCorpusSeeds(f, ".py")
	f.Add([]byte("def f(x):\n    return f(x)\nX = f(df)\nX_train, X_test = train_test_split(X)\n"))
	f.Add([]byte("for a, (b, c) in enumerate(KFold(3).split(X)):\n    m.fit(X.iloc[b]); m.score(X.iloc[c])\n"))
	f.Add([]byte("a = b = c[::2, 'x'] = (yield)\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			return
		}
		ctx := context.Background()
		src := &Source{Program: ScriptProgram("f.py", data)}
		if nb, err := ReadNotebook(data); err == nil {
			src = &Source{Program: NotebookProgram("f.ipynb", nb)}
		}
		for _, c := range src.Chunks {
			tree, err := Parse(ctx, c.Code)
			if err != nil {
				t.Fatal(err)
			}
			src.Trees = append(src.Trees, tree)
		}
		for _, f := range runAnalysis(src) {
			if f.Line <= 0 || f.Rule == "" || f.Message == "" || f.Fix == "" {
				t.Fatalf("incomplete finding %+v", f)
			}
		}
	})
}
