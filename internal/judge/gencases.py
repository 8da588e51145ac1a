# Regenerates a problem's cases.json from its gen.py and its reference solution.
#
#   /usr/bin/python3 internal/judge/gencases.py internal/content/judge/ID [...]
#
# gen.py defines cases(), returning a list of dicts:
#   name     (required) shown to the user
#   visible  True for the examples shown in the statement (default False: hidden)
#   args     positional arguments; kwargs: keyword arguments   (one call), or
#   calls    a list of {"args": [...], "kwargs": {...}}          (several calls,
#            made in order in one process, e.g. to test that a seed reproduces)
#   check    optional check object overriding the problem's default
#   extra    optional dict of data only the Go checker sees (held-out points)
#   seed     optional; random and numpy.random are seeded with it before the
#            case runs (default: 1000 + the case's index)
# Expected outputs are the reference solution's return values, computed here
# exactly as the harness computes a submission's: the same decoding of inputs,
# the same seeding, the same encoding of results.
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402

harness.spend = lambda n: None  # reference outputs are not capped
import numpy  # noqa: E402


def load(path, name):
    ns = {"__name__": name}
    with open(path) as f:
        exec(compile(f.read(), path, "exec"), ns)
    return ns


def generate(pdir):
    with open(os.path.join(pdir, "problem.json")) as f:
        problem = json.load(f)
    gen = load(os.path.join(pdir, "gen.py"), "gen")
    sol = load(os.path.join(pdir, "solution.py"), "solution")
    fn = sol[problem["entry"]]
    out = []
    names = set()
    for i, c in enumerate(gen["cases"]()):
        unknown = set(c) - {"name", "visible", "args", "kwargs", "calls", "check", "extra", "seed"}
        if unknown:
            raise SystemExit("%s case %d: unknown keys %s" % (pdir, i, sorted(unknown)))
        if c["name"] in names:
            raise SystemExit("%s: duplicate case name %r" % (pdir, c["name"]))
        names.add(c["name"])
        calls = c.get("calls") or [{"args": c.get("args", []), "kwargs": c.get("kwargs", {})}]
        wire_calls = [{"args": harness.encode(list(call.get("args", []))),
                       "kwargs": {k: harness.encode(v) for k, v in call.get("kwargs", {}).items()}}
                      for call in calls]
        seed = c.get("seed", 1000 + i)
        random.seed(seed)
        numpy.random.seed(seed)
        expected = []
        for call in wire_calls:
            args = harness.decode(call["args"])
            kwargs = {k: harness.decode(v) for k, v in call["kwargs"].items()}
            expected.append(harness.encode(fn(*args, **kwargs)))
        case = {"name": c["name"], "visible": bool(c.get("visible", False)), "seed": seed,
                "calls": wire_calls, "expected": expected}
        if "check" in c:
            case["check"] = c["check"]
        if "extra" in c:
            case["extra"] = {k: harness.encode(v) for k, v in c["extra"].items()}
        out.append(case)
    text = "[\n" + ",\n".join(json.dumps(c, allow_nan=False, separators=(",", ":")) for c in out) + "\n]\n"
    with open(os.path.join(pdir, "cases.json"), "w") as f:
        f.write(text)
    print("%s: %d cases (%d visible)" % (problem["id"], len(out), sum(c["visible"] for c in out)))


if __name__ == "__main__":
    if len(sys.argv) < 2:
        raise SystemExit(__doc__ or "usage: gencases.py PROBLEM_DIR...")
    for d in sys.argv[1:]:
        generate(d)
