#!/usr/bin/env bash
# Runs offerloop's whole test suite. It first installs, from Debian's packages,
# what the tests need and the machine lacks (Chromium for the browser tests,
# bubblewrap and python3-numpy for the judge), so
# that it works on a fresh Debian machine with Go. Extra arguments go to go test.
set -euo pipefail
cd "$(dirname "$0")"

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
# The ML coding judge runs Debian's Python with numpy inside bubblewrap.
command -v bwrap >/dev/null 2>&1 || need+=(bubblewrap)
[ -x /usr/bin/python3 ] || need+=(python3)
/usr/bin/python3 -c 'import numpy' >/dev/null 2>&1 || need+=(python3-numpy)
# The take-home checker parses Python with tree-sitter, which is C (cgo);
# the race detector needs cgo too.
command -v gcc >/dev/null 2>&1 || need+=(gcc libc6-dev)
if [ ${#need[@]} -gt 0 ]; then
	echo "test.sh: installing ${need[*]} from Debian's packages" >&2
	sudo=""
	[ "$(id -u)" -eq 0 ] || sudo="sudo"
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

unformatted=$(gofmt -l cmd internal)
if [ -n "$unformatted" ]; then
	echo "test.sh: these files need gofmt:" >&2
	echo "$unformatted" >&2
	exit 1
fi
go vet ./...
# The browser test fails rather than skips when Chromium is missing.
OFFERLOOP_BROWSER_TEST=required go test -race -count=1 "$@" ./...
# The readers of user files are fuzzed for a bounded time on every run. The
# fuzz cache is emptied first: a large cache makes gathering its baseline
# coverage eat most of the ten seconds, and Go then reports the deadline as
# a failure ("context deadline exceeded") though nothing crashed; that report,
# with no failing input written, is retried once.
go clean -fuzzcache
for pair in resume:FuzzReadPDF resume:FuzzReadDOCX resume:FuzzReadText takehome:FuzzReadNotebook takehome:FuzzAnalyse; do
	pkg=${pair%%:*} target=${pair#*:}
	for try in 1 2; do
		if out=$(go test "./internal/$pkg" -run '^$' -fuzz "^${target}\$" -fuzztime 10s -fuzzminimizetime 1x 2>&1); then
			break
		fi
		if [ "$try" = 1 ] && grep -q 'context deadline exceeded' <<<"$out" && ! grep -q 'Failing input written' <<<"$out"; then
			continue
		fi
		echo "$out" >&2
		exit 1
	done
done
