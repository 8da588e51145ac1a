import pandas as pd
import numpy as np
import matplotlib.pyplot as plt
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.ensemble import RandomForestRegressor
from sklearn.pipeline import Pipeline
from sklearn.model_selection import GridSearchCV, KFold


class MeanTargetEncoder(BaseEstimator, TransformerMixin):
    """Replace categorical columns by the mean target seen during fit."""

    def __init__(self, cols):
        self.cols = cols

    def fit(self, X, y):
        frame = X.assign(_y=np.asarray(y))
        self.prior_ = float(np.mean(y))
        self.maps_ = {c: frame.groupby(c)["_y"].mean() for c in self.cols}
        return self

    def transform(self, X):
        out = X.copy()
        for c in self.cols:
            out[c] = out[c].map(self.maps_[c]).astype(float).fillna(self.prior_)
        return out


# Laptop price regression
laptops = pd.read_csv("laptop_prices.csv")
print(laptops.head())
print(laptops["Company"].value_counts())

laptops["Ram"] = laptops["Ram"].str.replace("GB", "").astype(int)
laptops["Weight"] = laptops["Weight"].str.replace("kg", "").astype(float)
laptops["Touchscreen"] = laptops["ScreenResolution"].str.contains("Touch").astype(int)
laptops["log_price"] = np.log(laptops["Price_euros"])
laptops["cpu_family"] = laptops["Cpu"].str.split().str[:3].str.join(" ")

laptops.boxplot(column="log_price", by="Company", rot=90, figsize=(12, 5))
plt.show()

X = laptops[["Company", "cpu_family", "Ram", "Weight", "Touchscreen", "Inches"]]
y = laptops["log_price"]

# the encoder is refitted on the training folds of every split
pipe = Pipeline([("te", MeanTargetEncoder(cols=["Company", "cpu_family"])),
                 ("rf", RandomForestRegressor(random_state=0))])
grid = GridSearchCV(
    pipe,
    {"rf__n_estimators": [200, 500], "rf__max_depth": [None, 10, 20], "rf__min_samples_leaf": [1, 3]},
    cv=KFold(5, shuffle=True, random_state=0),
    scoring="neg_root_mean_squared_error",
)
grid.fit(X, y)
print(grid.best_params_)
print("CV RMSE (log euros):", -grid.best_score_)
