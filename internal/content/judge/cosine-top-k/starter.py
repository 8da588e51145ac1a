import numpy as np


def cosine_top_k(query, items, k):
    """Return the indices (k,) of the k items most cosine-similar to query, most similar first."""
    # Your code here
    raise NotImplementedError
