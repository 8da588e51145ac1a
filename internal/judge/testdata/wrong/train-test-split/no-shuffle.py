# expect: wrong_answer
# Splits the rows in their original order, so the test part is always the last rows and random_state has no effect.
import math

import numpy as np


def train_test_split(X, y, test_size=0.2, random_state=None):
    n_train = len(X) - math.ceil(test_size * len(X))
    return X[:n_train], X[n_train:], y[:n_train], y[n_train:]
