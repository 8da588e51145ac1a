# expect: wrong_answer
# Divides true positives by the actual positives for precision and by the predicted positives for recall, swapping the two metrics.
import numpy as np


def precision_recall_f1(y_true, y_pred):
    tp = np.sum((y_true == 1) & (y_pred == 1))
    actual, predicted = np.sum(y_true == 1), np.sum(y_pred == 1)
    precision = tp / actual if actual else 0.0
    recall = tp / predicted if predicted else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
