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
# train / validation / test = 60 / 20 / 20
X_tmp, X_test, y_tmp, y_test = train_test_split(X, y, test_size=0.2, random_state=77)
X_train, X_val, y_train, y_val = train_test_split(X_tmp, y_tmp, test_size=0.25, random_state=77)

scaler = StandardScaler().fit(X_train)
X_train_s = scaler.transform(X_train)
X_val_s = scaler.transform(X_val)
X_test_s = scaler.transform(X_test)

lr = LogisticRegression()
lr.fit(X_train_s, y_train)
lr_acc = accuracy_score(y_val, lr.predict(X_val_s))
print("LogReg (val):", lr_acc)

rf = RandomForestClassifier(n_estimators=300, random_state=77)
rf.fit(X_train_s, y_train)
rf_acc = accuracy_score(y_val, rf.predict(X_val_s))
print("RandomForest (val):", rf_acc)

svm = SVC(C=3, gamma="scale")
svm.fit(X_train_s, y_train)
svm_acc = accuracy_score(y_val, svm.predict(X_val_s))
print("SVM (val):", svm_acc)

models = {"logreg": (lr, lr_acc), "rf": (rf, rf_acc), "svm": (svm, svm_acc)}
best = max(models, key=lambda name: models[name][1])
chosen = models[best][0]
print(f"Chosen on validation: {best}")
print("Test accuracy:", accuracy_score(y_test, chosen.predict(X_test_s)))
