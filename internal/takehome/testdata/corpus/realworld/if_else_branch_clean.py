import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.linear_model import LogisticRegression
def do_classify(clf, indf, cols, target, standardize=False):
    Xtr, Xte, ytr, yte = train_test_split(indf[cols], indf[target], random_state=0)
    if standardize:
        mu, sd = Xtr.mean(), Xtr.std()
        Xtr, Xte = (Xtr - mu) / sd, (Xte - mu) / sd
    clf.fit(Xtr, ytr)
    return clf.score(Xte, yte)
df = pd.read_csv("d.csv")
do_classify(LogisticRegression(), df, ["h", "w"], "g", standardize=True)
