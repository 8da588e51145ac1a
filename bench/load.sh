#!/usr/bin/env bash
# Whole-program figures for the tracker: start-up time to the first answered
# request, and latency of the board and Today pages under 100 concurrent
# connections (wrk), on a database of 2,000 applications and 20,000 events.
#
#   bash bench/load.sh            # installs wrk from Debian if missing
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
out=bench/out
mkdir -p "$out"
rm -f "$out"/bench.db*
go build -o "$out/offerloop" ./cmd/offerloop
ls -l "$out/offerloop" | awk '{printf "binary: %.1f MB, one file\n", $5/1e6}'
go run ./bench/seed -db "$out/bench.db" -apps 2000 -events 20000
port=18181
start=$(date +%s%N)
"$out/offerloop" serve --addr 127.0.0.1:$port --db "$out/bench.db" >"$out/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
until curl -fs -o /dev/null "http://127.0.0.1:$port/healthz"; do :; done
end=$(date +%s%N)
echo "first request answered $(( (end - start) / 1000000 )) ms after start (includes curl start-up)"
# Browsers always send Accept-Encoding: gzip; the plain runs show the cost of
# sending the uncompressed page to a client that does not.
for page in / /today /funnel; do
	for enc in gzip identity; do
		echo "== GET $page, Accept-Encoding: $enc, 100 connections, 10 s"
		wrk -t2 -c100 -d10s --latency -H "Accept-Encoding: $enc" "http://127.0.0.1:$port$page" |
			grep -E 'Requests/sec|50%|90%|99%|Non-2xx|Socket errors' || true
	done
done
