# expect: wrong_answer
# Resamples existing minority points with replacement (random oversampling) instead of synthesising new ones.
import numpy as np


def smote(X_minority, n_new, k, random_state):
    rng = np.random.default_rng(random_state)
    return X_minority[rng.integers(len(X_minority), size=n_new)]
