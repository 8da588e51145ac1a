# expect: wrong_answer
# Adds var_smoothing itself to every variance instead of var_smoothing times the largest feature variance.
import numpy as np


def gaussian_nb_predict(X_train, y_train, X_test, var_smoothing=1e-9):
    classes = np.unique(y_train)
    scores = []
    for c in classes:
        Xc = X_train[y_train == c]
        mu, var = Xc.mean(axis=0), Xc.var(axis=0) + var_smoothing
        ll = -0.5 * (np.log(2 * np.pi * var) + (X_test - mu) ** 2 / var).sum(axis=1)
        scores.append(np.log(len(Xc) / len(X_train)) + ll)
    return classes[np.argmax(scores, axis=0)]
