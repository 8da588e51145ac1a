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
hr = hr.dropna(subset=["experience"]).reset_index(drop=True)
hr["male"] = (hr["gender"] == "Male").astype(int)

base_features = ["city_development_index", "experience", "training_hours", "male"]

kf = KFold(n_splits=5, shuffle=True, random_state=17)
aucs = []
for fold, (tr_idx, va_idx) in enumerate(kf.split(hr)):
    tr = hr.iloc[tr_idx].copy()
    va = hr.iloc[va_idx].copy()
    # city target means from the training fold only
    city_means = tr.groupby("city")["target"].mean()
    prior = tr["target"].mean()
    tr["city_te"] = tr["city"].map(city_means)
    va["city_te"] = va["city"].map(city_means).fillna(prior)

    cols = ["city_te"] + base_features
    rf = RandomForestClassifier(n_estimators=200, min_samples_leaf=20, n_jobs=-1, random_state=fold)
    rf.fit(tr[cols], tr["target"])
    p = rf.predict_proba(va[cols])[:, 1]
    aucs.append(roc_auc_score(va["target"], p))
    print(f"fold {fold}: AUC={aucs[-1]:.4f}")

print("mean AUC:", np.mean(aucs))
