import numpy as np


def ndcg_at_k(relevances, k):
    """Return NDCG@k (linear gain, log2 discount) of relevance grades listed in ranked order."""
    # Your code here
    raise NotImplementedError
