package main

import (
	"bytes"
	"io"
	"os"
	"testing"

	"github.com/offerloop/offerloop/internal/fsrs"
)

func BenchmarkReplayCLI(b *testing.B) {
	data, err := os.ReadFile("../../bench/out/reviews.jsonl")
	if err != nil {
		b.Skip(err)
	}
	data = data[:bytes.LastIndexByte(data[:len(data)/10], '\n')+1]
	n := bytes.Count(data, []byte("\n"))
	b.ResetTimer()
	for b.Loop() {
		s := fsrs.NewScheduler()
		if _, err := replay(s, bytes.NewReader(data), io.Discard); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "reviews/s")
}
