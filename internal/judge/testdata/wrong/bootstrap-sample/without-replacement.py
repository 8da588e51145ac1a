# expect: wrong_answer
# Samples without replacement (a permutation), which only reorders the rows and never leaves any out of bag.
import numpy as np


def bootstrap_sample(X, y, random_state):
    idx = np.random.default_rng(random_state).permutation(len(X))
    return X[idx], y[idx], np.setdiff1d(np.arange(len(X)), idx)
