# expect: wrong_answer
# Divides by SS_tot without handling constant y_true, giving NaN or -inf instead of 1.0 or 0.0.
import numpy as np


def r2_score(y_true, y_pred):
    ss_res = np.sum((y_true - y_pred) ** 2)
    ss_tot = np.sum((y_true - y_true.mean()) ** 2)
    return float(1 - ss_res / ss_tot)
