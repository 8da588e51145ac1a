import pandas as pd
from sklearn.preprocessing import StandardScaler
from sklearn.model_selection import train_test_split
from sklearn.linear_model import Ridge
df = pd.read_csv("d.csv")
X, y = df.drop("y", axis=1), df["y"]
X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
X_tr, X_val, y_tr, y_val = train_test_split(X_train, y_train, random_state=3)
scaler = StandardScaler().fit(X_tr)
m = Ridge().fit(scaler.transform(X_tr), y_tr)
print(m.score(scaler.transform(X_val), y_val))
