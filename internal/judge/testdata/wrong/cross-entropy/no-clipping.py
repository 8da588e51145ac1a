# expect: wrong_answer
# Takes the log without clipping, so a zero probability on the true class makes the loss infinite.
import numpy as np


def cross_entropy(y_true, probs, eps=1e-12):
    return float(-np.mean(np.log(probs[np.arange(len(y_true)), y_true])))
