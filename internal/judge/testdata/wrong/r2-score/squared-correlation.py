# expect: wrong_answer
# Returns the squared Pearson correlation, which equals R² only for a least-squares fit with an intercept on its own training data.
import numpy as np


def r2_score(y_true, y_pred):
    if np.all(y_true == y_true[0]):
        return 1.0 if np.all(y_pred == y_true) else 0.0
    return float(np.corrcoef(y_true, y_pred)[0, 1] ** 2)
