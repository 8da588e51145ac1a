import pandas as pd
import numpy as np
from sklearn.ensemble import ExtraTreesClassifier, GradientBoostingClassifier
from sklearn.feature_selection import SelectFromModel
from sklearn.model_selection import GridSearchCV

# Santander-like customer satisfaction, anonymised columns
sat = pd.read_csv("customer_satisfaction.csv")
print(sat.shape)
print(sat["TARGET"].value_counts(normalize=True))

# drop constant columns
const = [c for c in sat.columns if sat[c].nunique() == 1]
sat = sat.drop(columns=const + ["ID"])
print("dropped", len(const), "constant columns")

X = sat.drop(columns="TARGET")
y = sat["TARGET"]

# tree-based importance to prune the feature set
sfm = SelectFromModel(ExtraTreesClassifier(n_estimators=200, random_state=1), threshold="median")
sfm.fit(X, y)  # expect: leakage/cv-preprocessing
X_red = sfm.transform(X)
print("features left:", X_red.shape[1])

params = {"n_estimators": [100, 300], "max_depth": [2, 3, 4], "learning_rate": [0.05, 0.1]}
search = GridSearchCV(GradientBoostingClassifier(random_state=1), params, cv=4, scoring="roc_auc", n_jobs=-1)
search.fit(X_red, y)
print("best params:", search.best_params_)
print("best CV AUC: %.4f" % search.best_score_)
