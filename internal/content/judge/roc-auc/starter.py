import numpy as np


def roc_auc(y_true, scores):
    """Return the area under the ROC curve for 0/1 labels and real-valued scores, ties counting one half."""
    # Your code here
    raise NotImplementedError
