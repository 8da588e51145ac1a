#!/usr/bin/env bash
# Measures the ML coding judge: warm-pool latency, sustained throughput,
# empty-pool latency and the cold sandboxed numpy import.
set -euo pipefail
cd "$(dirname "$0")/.."
go run ./bench/judge "$@"
echo
echo "go test -bench (one submission on a warm pool of two workers):"
go test -run '^$' -bench 'BenchmarkGrade' -benchtime 300x ./internal/judge
