import pandas as pd
import numpy as np
from sklearn.model_selection import train_test_split
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, roc_auc_score

# Titanic (train.csv only), a minimal numeric baseline
titanic = pd.read_csv("train.csv")
print(titanic[["age", "fare", "pclass", "sibsp", "parch"]].isna().sum())

titanic["male"] = (titanic["sex"] == "male").astype(int)
X = titanic[["age", "fare", "pclass", "sibsp", "parch", "male"]]
y = titanic["survived"]

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0)
X_train = X_train.copy()
X_test = X_test.copy()

# the fill value is a training statistic, applied to both parts
m = X_train["age"].mean()
X_train["age"] = X_train["age"].fillna(m)
X_test["age"] = X_test["age"].fillna(m)

fare_med = X_train["fare"].median()
X_train["fare"] = X_train["fare"].fillna(fare_med)
X_test["fare"] = X_test["fare"].fillna(fare_med)

clf = LogisticRegression(max_iter=1000)
clf.fit(X_train, y_train)
print("accuracy:", accuracy_score(y_test, clf.predict(X_test)))
print("auc     :", roc_auc_score(y_test, clf.predict_proba(X_test)[:, 1]))
