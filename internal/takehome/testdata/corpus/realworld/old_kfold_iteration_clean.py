import numpy as np
from sklearn import cross_validation
from sklearn.naive_bayes import MultinomialNB
x = np.load("x.npy"); y = np.load("y.npy")
kfold = cross_validation.KFold(n=x.shape[0], n_folds=5)
acc = []
for train_index, test_index in kfold:
    clf = MultinomialNB().fit(x[train_index], y[train_index])
    acc.append(clf.score(x[test_index], y[test_index]))
