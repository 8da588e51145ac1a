# expect: wrong_answer
# Multiplies the per-feature densities instead of adding their logs; with 30 features far from the data every product underflows to 0.
import numpy as np


def gaussian_nb_predict(X_train, y_train, X_test, var_smoothing=1e-9):
    classes = np.unique(y_train)
    eps = var_smoothing * X_train.var(axis=0).max()
    scores = []
    for c in classes:
        Xc = X_train[y_train == c]
        mu, var = Xc.mean(axis=0), Xc.var(axis=0) + eps
        density = np.exp(-(X_test - mu) ** 2 / (2 * var)) / np.sqrt(2 * np.pi * var)
        scores.append(len(Xc) / len(X_train) * density.prod(axis=1))
    return classes[np.argmax(scores, axis=0)]
