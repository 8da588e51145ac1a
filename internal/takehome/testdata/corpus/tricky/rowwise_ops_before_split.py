import pandas as pd
import numpy as np
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.impute import SimpleImputer
from sklearn.preprocessing import StandardScaler
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error

# Medical insurance charges
ins = pd.read_csv("insurance.csv")
print(ins.head())
print(ins.dtypes)

# cleaning that looks at one row at a time (no statistics across rows)
ins = ins.drop_duplicates()
ins = ins.dropna(subset=["charges"])
ins = ins.rename(columns={"bmi": "body_mass_index", "children": "n_children"})
ins["smoker"] = (ins["smoker"] == "yes").astype(int)
ins["sex"] = ins["sex"].str.lower().map({"male": 1, "female": 0})
ins["n_children"] = ins["n_children"].astype("int64")
ins["obese"] = (ins["body_mass_index"] >= 30).astype(int)
ins["smoker_obese"] = ins["smoker"] * ins["obese"]
ins["log_charges"] = np.log(ins["charges"])
ins = ins[ins["age"].between(18, 100)]

feats = ["age", "sex", "body_mass_index", "n_children", "smoker", "obese", "smoker_obese"]
X_train, X_test, y_train, y_test = train_test_split(ins[feats], ins["log_charges"], test_size=0.2, random_state=14)

model = Pipeline([
    ("impute", SimpleImputer(strategy="median")),
    ("scale", StandardScaler()),
    ("ridge", Ridge(alpha=1.0)),
])
model.fit(X_train, y_train)
pred = model.predict(X_test)
print("MAE (charges):", mean_absolute_error(np.exp(y_test), np.exp(pred)))
