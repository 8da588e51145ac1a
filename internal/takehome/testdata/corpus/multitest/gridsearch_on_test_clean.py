import pandas as pd
import numpy as np
from sklearn.model_selection import train_test_split, GridSearchCV
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC
from sklearn.metrics import accuracy_score, classification_report

# Mobile price range classification
phones = pd.read_csv("mobile_train.csv")
print(phones.head())
print(phones["price_range"].value_counts())
print(phones.corr()["price_range"].sort_values(ascending=False).head(8))

X = phones.drop("price_range", axis=1)
y = phones["price_range"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=30)

pipe = Pipeline([("sc", StandardScaler()), ("svc", SVC())])
param_grid = {
    "svc__C": [0.1, 1, 10, 100],
    "svc__kernel": ["linear", "rbf"],
    "svc__gamma": ["scale", 0.01, 0.001],
}

# tune with 5-fold CV on the training rows; refit=True retrains the best pipeline on all of them
grid = GridSearchCV(pipe, param_grid, cv=5, scoring="accuracy", n_jobs=-1)
grid.fit(X_train, y_train)
print("best params:", grid.best_params_)
print("best CV accuracy:", grid.best_score_)

y_pred = grid.predict(X_test)
print("test accuracy:", accuracy_score(y_test, y_pred))
print(classification_report(y_test, y_pred))
