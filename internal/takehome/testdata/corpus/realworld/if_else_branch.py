import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.linear_model import LogisticRegression
def do_classify(clf, indf, cols, target, standardize=False):
    sub = indf[cols]
    if standardize:
        subs = (sub - sub.mean()) / sub.std()  # expect: leakage/preprocessing
    else:
        subs = sub
    Xtr, Xte, ytr, yte = train_test_split(subs.values, indf[target].values)
    clf.fit(Xtr, ytr)
    return clf.score(Xte, yte)
df = pd.read_csv("d.csv")
do_classify(LogisticRegression(), df, ["h", "w"], "g", standardize=True)
