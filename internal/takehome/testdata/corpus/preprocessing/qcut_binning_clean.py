import pandas as pd
import numpy as np
import matplotlib.pyplot as plt
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import KBinsDiscretizer
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import roc_auc_score

# Bank marketing: will the client subscribe to a term deposit?
bank = pd.read_csv("bank-full.csv", sep=";")
print(bank.shape)
print(bank.head())
print(bank["y"].value_counts())

bank["age"].hist(bins=30)
plt.xlabel("age")
plt.show()

bank["y"] = (bank["y"] == "yes").astype(int)
bank["housing"] = (bank["housing"] == "yes").astype(int)
bank["loan"] = (bank["loan"] == "yes").astype(int)

features = ["age_bin", "balance_bin", "housing", "loan", "duration", "campaign", "pdays", "previous"]
train, test = train_test_split(bank, test_size=0.3, random_state=11, stratify=bank["y"])
train = train.copy()
test = test.copy()

# quintile edges are learnt from the training rows, then applied to the test rows
binner = KBinsDiscretizer(n_bins=5, encode="ordinal", strategy="quantile")
train[["age_bin", "balance_bin"]] = binner.fit_transform(train[["age", "balance"]])
test[["age_bin", "balance_bin"]] = binner.transform(test[["age", "balance"]])

X_train, y_train = train[features], train["y"]
X_test, y_test = test[features], test["y"]

gbc = GradientBoostingClassifier(n_estimators=150, learning_rate=0.05, max_depth=3)
gbc.fit(X_train, y_train)
p = gbc.predict_proba(X_test)[:, 1]
print("test AUC:", roc_auc_score(y_test, p))
