# expect: wrong_answer
# Takes p = P[u] as a view, so updating P[u] in place changes p before Q[i] is updated with it.
import numpy as np


def mf_sgd_epoch(R_entries, P, Q, lr, reg):
    P, Q = P.copy(), Q.copy()
    for u, i, r in R_entries:
        p, q = P[u], Q[i]
        e = r - p @ q
        P[u] += lr * (e * q - reg * p)
        Q[i] += lr * (e * p - reg * q)
    return P, Q
