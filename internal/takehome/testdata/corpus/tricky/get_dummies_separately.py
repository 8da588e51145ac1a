import pandas as pd
import numpy as np
from sklearn.model_selection import train_test_split
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import f1_score, classification_report

# Car evaluation (acceptability)
cars = pd.read_csv("car_evaluation.csv",
                   names=["buying", "maint", "doors", "persons", "lug_boot", "safety", "class"])
print(cars.head())
print(cars["class"].value_counts())

cars["acceptable"] = (cars["class"] != "unacc").astype(int)
X = cars.drop(columns=["class", "acceptable"])
y = cars["acceptable"]

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, stratify=y, random_state=31)

# one-hot each part on its own, then align the test columns to the training columns
X_train = pd.get_dummies(X_train)
X_test = pd.get_dummies(X_test)
X_test = X_test.reindex(columns=X_train.columns, fill_value=0)
print(X_train.shape, X_test.shape)

gbc = GradientBoostingClassifier(n_estimators=200, max_depth=3, random_state=31)
gbc.fit(X_train, y_train)
pred = gbc.predict(X_test)
print("F1:", f1_score(y_test, pred))
print(classification_report(y_test, pred))
