import numpy as np


def knn_predict(X_train, y_train, X_test, k):
    """Predict a label for each row of X_test by majority vote of its k nearest training points."""
    # Your code here
    raise NotImplementedError
