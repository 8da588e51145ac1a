# Credit card fraud detection
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from imblearn.over_sampling import SMOTE
from sklearn.model_selection import train_test_split
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import classification_report, f1_score, roc_auc_score

cc = pd.read_csv("creditcard.csv")
print(cc.shape)
print(cc["Class"].value_counts())   # only ~0.17% fraud

cc["Class"].value_counts().plot(kind="bar", logy=True)
plt.show()

cc["log_amount"] = np.log1p(cc["Amount"])
X = cc.drop(["Class", "Time", "Amount"], axis=1)
y = cc["Class"]

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, stratify=y, random_state=42)

# oversample the training part only; the test set keeps the real class ratio
sm = SMOTE(random_state=42)
X_train_res, y_train_res = sm.fit_resample(X_train, y_train)
print("after SMOTE:", np.bincount(y_train_res))

rf = RandomForestClassifier(n_estimators=100, n_jobs=-1, random_state=42)
rf.fit(X_train_res, y_train_res)
y_pred = rf.predict(X_test)
print(classification_report(y_test, y_pred, digits=4))
print("F1 :", f1_score(y_test, y_pred))
print("AUC:", roc_auc_score(y_test, rf.predict_proba(X_test)[:, 1]))
