import numpy as np


def cases():
    rng = np.random.default_rng(20261210)
    words = ["model", "data", "loss", "train", "test", "feature", "label", "gradient", "batch", "score",
             "rank", "query", "click", "user", "item"]

    def corpus(n, lo, hi):
        # a Zipf-like draw so some words are common and some rare
        p = 1.0 / np.arange(1, len(words) + 1)
        p /= p.sum()
        return [" ".join(rng.choice(words, size=rng.integers(lo, hi + 1), p=p)) for _ in range(n)]

    return [
        {"name": "three short documents", "visible": True, "args": [["the cat sat", "the dog sat", "the cat ate the fish"]]},
        {"name": "two documents", "visible": True, "args": [["a b b", "b c"]]},
        {"name": "case and whitespace", "args": [["The  Cat\tSAT", "the cat\nsat   down", "  DOWN the stairs  "]]},
        {"name": "an empty document", "args": [["red green", "", "green blue blue", "   "]]},
        {"name": "single document", "args": [["one two two three three three"]]},
        {"name": "every document empty", "args": [["", " \t "]]},
        {"name": "punctuation and digits", "args": [["end. end 10 items", "2 items, end", "apple 10 2 10"]]},
        {"name": "a term in every document", "args": [["x y", "x z z", "x"]]},
        {"name": "random corpus of 12", "args": [corpus(12, 3, 10)]},
        {"name": "random corpus of 40", "args": [corpus(40, 1, 25)]},
    ]
