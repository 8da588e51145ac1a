import pandas as pd
import numpy as np
import seaborn as sns
import matplotlib.pyplot as plt
from sklearn.model_selection import train_test_split
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error

# Daily sales for 10 stores, forecast next-day sales
sales = pd.read_csv("store_daily_sales.csv", parse_dates=["date"])
sales = sales.sort_values(["store", "date"]).reset_index(drop=True)
print(sales.head())
print(sales["store"].nunique(), "stores,", sales["date"].nunique(), "days")

sns.lineplot(data=sales[sales["store"] <= 3], x="date", y="sales", hue="store")
plt.show()

sales["dow"] = sales["date"].dt.dayofweek
sales["month"] = sales["date"].dt.month
g = sales.groupby("store")["sales"]
sales["lag_1"] = g.shift(1)
sales["lag_7"] = g.shift(7)
sales["diff_7"] = sales["lag_1"] - sales["lag_7"]
sales["roll_mean_7"] = g.shift(1).rolling(7).mean()
sales = sales.dropna()

features = ["store", "dow", "month", "promo", "lag_1", "lag_7", "diff_7", "roll_mean_7"]
X = sales[features]
y = sales["sales"]

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=1)  # expect: leakage/temporal

hgb = HistGradientBoostingRegressor(max_iter=500, learning_rate=0.05)
hgb.fit(X_train, y_train)
mae = mean_absolute_error(y_test, hgb.predict(X_test))
print(f"MAE: {mae:.1f} units")
