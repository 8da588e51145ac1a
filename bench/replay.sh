#!/usr/bin/env bash
# Throughput of "offerloop srs replay" on a generated log of 2,000,000 reviews
# of 20,000 cards, end to end (reading, scheduling and writing JSON lines).
#   bash bench/replay.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/out
mkdir -p "$out"
go build -o "$out/offerloop" ./cmd/offerloop
if [ ! -s "$out/reviews.jsonl" ]; then
	python3 - "$out/reviews.jsonl" <<'PY'
import sys, datetime, random
random.seed(1)
t = datetime.datetime(2024, 1, 1, 8, 0, tzinfo=datetime.timezone.utc)
with open(sys.argv[1], "w") as f:
    for i in range(2_000_000):
        t += datetime.timedelta(seconds=37)
        f.write('{"card":"c%d","rating":%d,"time":"%s"}\n' % (random.randrange(20000), random.choice((1, 2, 3, 3, 3, 3, 4)), t.strftime("%Y-%m-%dT%H:%M:%SZ")))
PY
fi
lines=$(wc -l < "$out/reviews.jsonl")
start=$(date +%s%N)
taskset -c 0 "$out/offerloop" srs replay --json < "$out/reviews.jsonl" > "$out/replay.jsonl"
end=$(date +%s%N)
ms=$(( (end - start) / 1000000 ))
echo "replayed $lines reviews in $ms ms on one core: $(( lines * 1000 / ms )) reviews/s end to end"
go test ./internal/fsrs -run XXX -bench 'Replay$' -benchtime 20x | grep -E 'reviews/s'
