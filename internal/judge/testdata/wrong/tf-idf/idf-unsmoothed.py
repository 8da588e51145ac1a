# expect: wrong_answer
# Uses the textbook idf = ln(N / df) with no smoothing and no +1, so a term in every document gets weight 0.
import numpy as np


def tfidf(docs):
    toks = [d.lower().split() for d in docs]
    vocab = sorted(set(t for ts in toks for t in ts))
    m = np.array([[ts.count(t) / len(ts) if ts else 0.0 for t in vocab] for ts in toks]).reshape(len(docs), len(vocab))
    df = (m > 0).sum(axis=0)
    m = m * np.log(len(docs) / np.maximum(df, 1))
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    return vocab, np.where(norms > 0, m / np.where(norms > 0, norms, 1), 0.0)
