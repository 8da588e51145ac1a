import numpy as np


def softmax(z):
    """Return the softmax of z taken over its last axis, same shape as z."""
    # Your code here
    raise NotImplementedError
