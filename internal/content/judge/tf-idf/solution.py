import numpy as np


def tfidf(docs):
    tokens = [d.lower().split() for d in docs]
    vocab = sorted({t for toks in tokens for t in toks})
    col = {t: j for j, t in enumerate(vocab)}
    n = len(docs)
    tf = np.zeros((n, len(vocab)))
    for i, toks in enumerate(tokens):
        for t in toks:
            tf[i, col[t]] += 1
        if toks:
            tf[i] /= len(toks)
    df = (tf > 0).sum(axis=0)
    idf = np.log((1 + n) / (1 + df)) + 1
    m = tf * idf
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    m = np.divide(m, norms, out=np.zeros_like(m), where=norms > 0)
    return vocab, m
