# expect: wrong_answer
# Leaves out the log prior, so it picks the class of highest likelihood instead of highest posterior.
import numpy as np


def gaussian_nb_predict(X_train, y_train, X_test, var_smoothing=1e-9):
    classes = np.unique(y_train)
    eps = var_smoothing * X_train.var(axis=0).max()
    scores = []
    for c in classes:
        Xc = X_train[y_train == c]
        mu, var = Xc.mean(axis=0), Xc.var(axis=0) + eps
        scores.append(-0.5 * (np.log(2 * np.pi * var) + (X_test - mu) ** 2 / var).sum(axis=1))
    return classes[np.argmax(scores, axis=0)]
