import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import f1_score, precision_score, recall_score

# Insurance claim prediction - positives are rare, tune the decision threshold
claims = pd.read_csv("insurance_claims.csv")
print(claims.head())
print(claims["is_claim"].value_counts(normalize=True))

claims = claims.drop(columns=["policy_id"])
claims["is_esc"] = (claims["is_esc"] == "Yes").astype(int)
claims["fuel_type"] = claims["fuel_type"].astype("category").cat.codes
claims["segment"] = claims["segment"].astype("category").cat.codes
feature_cols = [c for c in claims.columns if c != "is_claim" and claims[c].dtype != object]

X_train, X_test, y_train, y_test = train_test_split(
    claims[feature_cols], claims["is_claim"], test_size=0.2, stratify=claims["is_claim"], random_state=5
)

hgb = HistGradientBoostingClassifier(max_iter=300, learning_rate=0.05)
hgb.fit(X_train, y_train)
proba = hgb.predict_proba(X_test)[:, 1]

thresholds = np.arange(0.05, 0.6, 0.01)
f1s = []
for t in thresholds:
    f1s.append(f1_score(y_test, (proba >= t).astype(int)))  # expect: leakage/multi-test
best_t = thresholds[int(np.argmax(f1s))]  # expect: leakage/multi-test

final_pred = (proba >= best_t).astype(int)
print(f"threshold={best_t:.2f}")
print("F1       ", f1_score(y_test, final_pred))
print("precision", precision_score(y_test, final_pred))
print("recall   ", recall_score(y_test, final_pred))
