import pandas as pd
from sklearn import preprocessing
from sklearn.model_selection import train_test_split
from sklearn.naive_bayes import GaussianNB
r = pd.read_csv("d.csv")
def f(x):
    if x.name != "label":
        return preprocessing.MinMaxScaler((-1, 1)).fit_transform(x)  # expect: leakage/preprocessing
    return x
r = r.apply(f, axis=0)
X = r.drop(["label"], axis=1)
y = r["label"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.33)
m = GaussianNB().fit(X_train, y_train)
print(m.score(X_test, y_test))
