package takehome

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// TestReportGolden checks whole reports, in JSON and as text, against files
// reviewed by hand: a messy project, a well-kept one and corpus programs.
// Run with -update to rewrite them after a deliberate change.
func TestReportGolden(t *testing.T) {
	cases := []struct{ name, path string }{
		{"messy", "testdata/golden/messy"},
		{"clean", "testdata/hygiene/clean"},
		{"titanic", "testdata/corpus/preprocessing/titanic_concat_fillna.ipynb"},
		{"smote", "testdata/corpus/overlap/smote_before_split.py"},
		{"models", "testdata/corpus/multitest/model_dict_test.ipynb"},
		{"cv", "testdata/corpus/cvprep/mean_map_gridsearch.py"},
		{"temporal", "testdata/corpus/temporal/weather_temp_forecast.ipynb"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rep, err := CheckPath(context.Background(), c.path, Options{Workers: 1})
			if err != nil {
				t.Fatal(err)
			}
			rep.Path = filepath.ToSlash(c.path)
			var js, txt bytes.Buffer
			enc := json.NewEncoder(&js)
			enc.SetIndent("", "  ")
			if err := enc.Encode(rep); err != nil {
				t.Fatal(err)
			}
			if err := WriteText(&txt, rep); err != nil {
				t.Fatal(err)
			}
			for ext, got := range map[string][]byte{".json": js.Bytes(), ".txt": txt.Bytes()} {
				golden := filepath.Join("testdata", "golden", c.name+ext)
				if *update {
					if err := os.WriteFile(golden, got, 0o644); err != nil {
						t.Fatal(err)
					}
					continue
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("%v (run go test ./internal/takehome -run TestReportGolden -update)", err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("%s differs from %s; run with -update and review the diff:\n%s", c.name+ext, golden, got)
				}
			}
		})
	}
}
