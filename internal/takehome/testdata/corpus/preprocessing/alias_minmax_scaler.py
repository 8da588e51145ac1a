# Telco churn - take-home task
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.preprocessing import MinMaxScaler
from sklearn.model_selection import train_test_split
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score, confusion_matrix

data = pd.read_csv("telco_churn.csv")
data.head()
data.info()

# TotalCharges comes in as a string with blanks
data["TotalCharges"] = pd.to_numeric(data["TotalCharges"], errors="coerce")
data = data.dropna(subset=["TotalCharges"])
data["Churn"] = data["Churn"].map({"Yes": 1, "No": 0})
data["gender"] = data["gender"].map({"Male": 1, "Female": 0})
data["Partner"] = data["Partner"].map({"Yes": 1, "No": 0})

data.groupby("Churn")["MonthlyCharges"].plot(kind="hist", alpha=0.5, legend=True)
plt.show()

feats = ["tenure", "MonthlyCharges", "TotalCharges", "SeniorCitizen", "gender", "Partner"]
X = data[feats].values
y = data["Churn"].values

sc = MinMaxScaler()
sc.fit(X)  # expect: leakage/preprocessing
X = sc.transform(X)

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, stratify=y, random_state=7)

clf = LogisticRegression(max_iter=1000)
clf.fit(X_train, y_train)
proba = clf.predict_proba(X_test)[:, 1]
print("ROC AUC: %.3f" % roc_auc_score(y_test, proba))
print(confusion_matrix(y_test, clf.predict(X_test)))
