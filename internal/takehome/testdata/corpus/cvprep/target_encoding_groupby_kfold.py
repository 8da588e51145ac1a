import pandas as pd
import numpy as np
from sklearn.model_selection import KFold
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import roc_auc_score

# HR analytics: will the candidate look for a new job?
hr = pd.read_csv("aug_train.csv")
print(hr.head())
print(hr.isna().sum())

hr["gender"] = hr["gender"].fillna("unknown")
hr["experience"] = hr["experience"].replace({">20": "21", "<1": "0"}).astype(float)
hr = hr.dropna(subset=["experience"])

# city has ~120 levels -> encode with the mean target of the city
hr["city_te"] = hr.groupby("city")["target"].transform("mean")  # expect: leakage/cv-preprocessing
hr["male"] = (hr["gender"] == "Male").astype(int)

features = ["city_te", "city_development_index", "experience", "training_hours", "male"]
X = hr[features].reset_index(drop=True)
y = hr["target"].reset_index(drop=True)

kf = KFold(n_splits=5, shuffle=True, random_state=17)
aucs = []
for fold, (tr_idx, va_idx) in enumerate(kf.split(X)):
    rf = RandomForestClassifier(n_estimators=200, min_samples_leaf=20, n_jobs=-1, random_state=fold)
    rf.fit(X.iloc[tr_idx], y.iloc[tr_idx])
    p = rf.predict_proba(X.iloc[va_idx])[:, 1]
    aucs.append(roc_auc_score(y.iloc[va_idx], p))
    print(f"fold {fold}: AUC={aucs[-1]:.4f}")

print("mean AUC:", np.mean(aucs))
