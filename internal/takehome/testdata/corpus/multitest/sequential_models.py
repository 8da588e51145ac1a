import pandas as pd
import numpy as np
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from sklearn.linear_model import LogisticRegression
from sklearn.ensemble import RandomForestClassifier
from sklearn.svm import SVC
from sklearn.metrics import accuracy_score

# Water potability
water = pd.read_csv("water_potability.csv")
print(water.describe())
water = water.dropna()
print(water.shape)

X = water.drop("Potability", axis=1)
y = water["Potability"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=77)

scaler = StandardScaler().fit(X_train)
X_train_s = scaler.transform(X_train)
X_test_s = scaler.transform(X_test)

# 1) logistic regression
lr = LogisticRegression()
lr.fit(X_train_s, y_train)
lr_acc = accuracy_score(y_test, lr.predict(X_test_s))  # expect: leakage/multi-test
print("LogReg:", lr_acc)

# 2) random forest
rf = RandomForestClassifier(n_estimators=300, random_state=77)
rf.fit(X_train_s, y_train)
rf_acc = accuracy_score(y_test, rf.predict(X_test_s))  # expect: leakage/multi-test
print("RandomForest:", rf_acc)

# 3) SVM
svm = SVC(C=3, gamma="scale")
svm.fit(X_train_s, y_train)
svm_acc = accuracy_score(y_test, svm.predict(X_test_s))  # expect: leakage/multi-test
print("SVM:", svm_acc)

results = {"logreg": lr_acc, "rf": rf_acc, "svm": svm_acc}
best = max(results, key=results.get)
print(f"Best model is {best} with test accuracy {results[best]:.3f}")
