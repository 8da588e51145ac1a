"""Build the corpus notebooks from plain `# %%`-separated sources.

Usage:
    python3 mknb.py SOURCE.py OUT.ipynb      # build one notebook
    python3 mknb.py --extract NB.ipynb       # print a notebook back as source

Source format (a "percent" script, as used by Jupytext / VS Code):
    # %%                 starts a code cell
    # %% [markdown]      starts a markdown cell; its lines are "# text"
    #> some text         (inside a code cell) becomes a stdout stream output
    #= some text         (inside a code cell) becomes an execute_result (text/plain)

Everything else in a code cell is copied verbatim into the cell source,
including IPython lines such as `%matplotlib inline` or `!pip install ...`,
and the leak labels (see README.md).

The generated .ipynb files are committed; this script is only a convenience
for editing them. It uses the standard library only (no nbformat needed).
"""
import hashlib
import json
import sys


def _cell_id(name, index):
    return hashlib.md5(f"{name}:{index}".encode()).hexdigest()[:8]


def _as_source(lines):
    while lines and not lines[-1].strip():
        lines.pop()
    while lines and not lines[0].strip():
        lines.pop(0)
    return [l + "\n" for l in lines[:-1]] + lines[-1:]


def parse(text):
    cells = []
    cur = None
    for line in text.splitlines():
        if line.startswith("# %%"):
            cur = {"kind": "markdown" if "[markdown]" in line else "code",
                   "src": [], "out": [], "res": []}
            cells.append(cur)
            continue
        if cur is None:
            continue
        if cur["kind"] == "markdown":
            cur["src"].append(line[2:] if line.startswith("# ") else line.lstrip("#"))
        elif line.startswith("#>"):
            cur["out"].append(line[3:])
        elif line.startswith("#="):
            cur["res"].append(line[3:])
        else:
            cur["src"].append(line)
    return cells


def build(text, name):
    nb_cells = []
    count = 0
    for i, c in enumerate(parse(text)):
        cell = {"cell_type": c["kind"], "id": _cell_id(name, i), "metadata": {},
                "source": _as_source(list(c["src"]))}
        if c["kind"] == "code":
            count += 1
            outputs = []
            if c["out"]:
                outputs.append({"name": "stdout", "output_type": "stream",
                                "text": [l + "\n" for l in c["out"]]})
            if c["res"]:
                outputs.append({"data": {"text/plain": _as_source(list(c["res"]))},
                                "execution_count": count, "metadata": {},
                                "output_type": "execute_result"})
            cell["execution_count"] = count
            cell["outputs"] = outputs
        nb_cells.append(cell)
    return {
        "cells": nb_cells,
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python", "version": "3.10.12"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def extract(nb):
    parts = []
    for c in nb["cells"]:
        src = "".join(c["source"])
        if c["cell_type"] == "markdown":
            parts.append("# %% [markdown]\n" + "\n".join("# " + l for l in src.splitlines()))
        else:
            body = src
            for o in c.get("outputs", []):
                if o["output_type"] == "stream":
                    body += "\n" + "\n".join("#> " + l for l in "".join(o["text"]).splitlines())
                elif o["output_type"] == "execute_result":
                    body += "\n" + "\n".join("#= " + l for l in "".join(o["data"]["text/plain"]).splitlines())
            parts.append("# %%\n" + body)
    return "\n\n".join(parts) + "\n"


def main(argv):
    if len(argv) == 3 and argv[1] == "--extract":
        with open(argv[2]) as f:
            sys.stdout.write(extract(json.load(f)))
        return 0
    if len(argv) != 3:
        print(__doc__)
        return 2
    with open(argv[1]) as f:
        text = f.read()
    nb = build(text, argv[2].rsplit("/", 1)[-1])
    with open(argv[2], "w") as f:
        json.dump(nb, f, indent=1, ensure_ascii=False)
        f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
