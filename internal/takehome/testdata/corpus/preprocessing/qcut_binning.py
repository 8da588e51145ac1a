import pandas as pd
import numpy as np
import matplotlib.pyplot as plt
from sklearn.model_selection import train_test_split
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

# bin the skewed numeric columns into quintiles
bank["age_bin"] = pd.qcut(bank["age"], q=5, labels=False)  # expect: leakage/preprocessing
bank["balance_bin"] = pd.qcut(bank["balance"], q=5, labels=False, duplicates="drop")  # expect: leakage/preprocessing

features = ["age_bin", "balance_bin", "housing", "loan", "duration", "campaign", "pdays", "previous"]
X = bank[features]
y = bank["y"]

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, random_state=11, stratify=y)

gbc = GradientBoostingClassifier(n_estimators=150, learning_rate=0.05, max_depth=3)
gbc.fit(X_train, y_train)
p = gbc.predict_proba(X_test)[:, 1]
print("test AUC:", roc_auc_score(y_test, p))
