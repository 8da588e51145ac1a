import numpy as np
from sklearn.feature_selection import f_classif
from sklearn.model_selection import train_test_split
from sklearn.naive_bayes import MultinomialNB
x = np.load("x.npy"); y = np.load("y.npy")
F = f_classif(x, y)[0]  # expect: leakage/preprocessing
x_sel = x[:, F >= 10.0]
xtr, xte, ytr, yte = train_test_split(x_sel, y, test_size=0.2)
print(MultinomialNB().fit(xtr, ytr).score(xte, yte))
