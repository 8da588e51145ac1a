# expect: wrong_answer
# Counts only pairs where the positive scores strictly higher, so tied pairs add nothing instead of one half.
import numpy as np


def roc_auc(y_true, scores):
    pos = scores[y_true == 1]
    neg = scores[y_true == 0]
    return float(np.mean(pos[:, None] > neg[None, :]))
