package takehome

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchNotebook builds a notebook of about n code lines from the corpus
// scripts, one script a cell, so it has realistic code and real leaks.
func benchNotebook(tb testing.TB, n int) []byte {
	paths, err := filepath.Glob("testdata/corpus/*/*.py")
	if err != nil || len(paths) == 0 {
		tb.Fatal("no corpus scripts")
	}
	type cell struct {
		CellType       string   `json:"cell_type"`
		ExecutionCount int      `json:"execution_count"`
		Metadata       struct{} `json:"metadata"`
		Outputs        []any    `json:"outputs"`
		Source         []string `json:"source"`
	}
	var cells []cell
	lines := 0
	for i := 0; lines < n; i++ {
		data, err := os.ReadFile(paths[i%len(paths)])
		if err != nil {
			tb.Fatal(err)
		}
		src := strings.SplitAfter(strings.TrimRight(string(data), "\n"), "\n")
		if lines+len(src) > n {
			src = src[:n-lines]
		}
		lines += len(src)
		cells = append(cells, cell{CellType: "code", ExecutionCount: len(cells) + 1, Outputs: []any{}, Source: src})
	}
	out, err := json.Marshal(map[string]any{"cells": cells, "metadata": map[string]any{}, "nbformat": 4, "nbformat_minor": 5})
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

// BenchmarkNotebook600 checks one 600-line notebook: read, parse, analyse,
// hygiene and score. Target: 50 ms.
func BenchmarkNotebook600(b *testing.B) {
	dir := b.TempDir()
	path := filepath.Join(dir, "big.ipynb")
	if err := os.WriteFile(path, benchNotebook(b, 600), 0o644); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := CheckPath(context.Background(), path, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFolder200 checks a folder of 200 notebooks of 150 to 600 lines.
// Target: 5 s on 2 cores.
func BenchmarkFolder200(b *testing.B) {
	dir := b.TempDir()
	total := 0
	for i := range 200 {
		n := 150 + (i*37)%451
		total += n
		p := filepath.Join(dir, fmt.Sprintf("nb%03d", i/20), fmt.Sprintf("analysis_%03d.ipynb", i))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(p, benchNotebook(b, n), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(total), "lines")
	for b.Loop() {
		rep, err := CheckPath(context.Background(), dir, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if rep.Checked.Notebooks != 200 {
			b.Fatalf("checked %d notebooks", rep.Checked.Notebooks)
		}
	}
}
