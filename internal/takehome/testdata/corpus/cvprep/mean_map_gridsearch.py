import pandas as pd
import numpy as np
import matplotlib.pyplot as plt
from sklearn.ensemble import RandomForestRegressor
from sklearn.model_selection import GridSearchCV, KFold

# Laptop price regression
laptops = pd.read_csv("laptop_prices.csv")
print(laptops.head())
print(laptops["Company"].value_counts())

laptops["Ram"] = laptops["Ram"].str.replace("GB", "").astype(int)
laptops["Weight"] = laptops["Weight"].str.replace("kg", "").astype(float)
laptops["Touchscreen"] = laptops["ScreenResolution"].str.contains("Touch").astype(int)
laptops["log_price"] = np.log(laptops["Price_euros"])

laptops.boxplot(column="log_price", by="Company", rot=90, figsize=(12, 5))
plt.show()

# brand / cpu family encoded by their average (log) price
brand_means = laptops.groupby("Company")["log_price"].mean()  # expect: leakage/cv-preprocessing
laptops["brand_enc"] = laptops["Company"].map(brand_means)  # expect: leakage/cv-preprocessing
laptops["cpu_family"] = laptops["Cpu"].str.split().str[:3].str.join(" ")
laptops["cpu_enc"] = laptops.groupby("cpu_family")["log_price"].transform("mean")  # expect: leakage/cv-preprocessing

X = laptops[["brand_enc", "cpu_enc", "Ram", "Weight", "Touchscreen", "Inches"]]
y = laptops["log_price"]

grid = GridSearchCV(
    RandomForestRegressor(random_state=0),
    {"n_estimators": [200, 500], "max_depth": [None, 10, 20], "min_samples_leaf": [1, 3]},
    cv=KFold(5, shuffle=True, random_state=0),
    scoring="neg_root_mean_squared_error",
)
grid.fit(X, y)
print(grid.best_params_)
print("CV RMSE (log euros):", -grid.best_score_)
