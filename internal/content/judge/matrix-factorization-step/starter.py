import numpy as np


def mf_sgd_epoch(R_entries, P, Q, lr, reg):
    """Run one SGD epoch over the (user, item, rating) triples in order; return (P_new, Q_new)."""
    # Your code here
    raise NotImplementedError
