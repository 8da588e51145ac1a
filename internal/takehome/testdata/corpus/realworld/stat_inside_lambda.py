import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.linear_model import LogisticRegression
wdf = pd.read_csv("d.csv")
wdf["high"] = wdf["sal"].apply(lambda x: 1 if x > wdf["sal"].mean() else 0)  # expect: leakage/preprocessing
X = wdf[["a", "b"]]
y = wdf["high"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.33)
m = LogisticRegression().fit(X_train, y_train)
print(m.score(X_test, y_test))
