"""Parkinson's detection from voice measurements."""
import pandas as pd
import numpy as np
import seaborn as sns
import matplotlib.pyplot as plt
from sklearn.feature_selection import SelectKBest, mutual_info_classif
from sklearn.model_selection import StratifiedKFold, cross_validate
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import MinMaxScaler
from sklearn.svm import SVC


def summarize(cv_result):
    for key in ["test_accuracy", "test_f1", "test_roc_auc"]:
        print(f"{key:15s} {cv_result[key].mean():.3f} (+/- {cv_result[key].std():.3f})")


pk = pd.read_csv("parkinsons.data")
print(pk.head())
sns.countplot(x="status", data=pk)
plt.show()

X = pk.drop(columns=["name", "status"])
y = pk["status"]

# mutual information ranking, keep the 10 best voice features
mi_selector = SelectKBest(mutual_info_classif, k=10).fit(X, y)  # expect: leakage/cv-preprocessing
X_mi = X.loc[:, mi_selector.get_support()]
print(X_mi.columns.tolist())

model = Pipeline([("scale", MinMaxScaler()), ("svc", SVC(C=10, probability=True))])
skf = StratifiedKFold(n_splits=10, shuffle=True, random_state=4)
res = cross_validate(model, X_mi, y, cv=skf, scoring=["accuracy", "f1", "roc_auc"])
summarize(res)
