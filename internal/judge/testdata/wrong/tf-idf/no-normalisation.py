# expect: wrong_answer
# Returns the raw tf * idf weights without dividing each row by its L2 norm.
import numpy as np


def tfidf(docs):
    toks = [d.lower().split() for d in docs]
    vocab = sorted(set(t for ts in toks for t in ts))
    m = np.array([[ts.count(t) / len(ts) if ts else 0.0 for t in vocab] for ts in toks]).reshape(len(docs), len(vocab))
    df = (m > 0).sum(axis=0)
    return vocab, m * (np.log((1 + len(docs)) / (1 + df)) + 1)
