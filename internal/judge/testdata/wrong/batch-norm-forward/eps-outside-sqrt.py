# expect: wrong_answer
# Adds eps to the standard deviation instead of the variance, which matters when the variance is small.
import numpy as np


def batchnorm_forward(x, gamma, beta, eps=1e-5):
    mu = x.mean(axis=0)
    return gamma * (x - mu) / (x.std(axis=0) + eps) + beta
