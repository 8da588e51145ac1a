import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.ensemble import RandomForestRegressor
data = pd.read_csv('d.csv')
data.tip = data.tip.fillna(data.tip.mean())  # expect: leakage/preprocessing
X_train, X_test, y_train, y_test = train_test_split(data[['a','b']], data['tip'], test_size=0.3)
rf = RandomForestRegressor().fit(X_train, y_train)
print(rf.score(X_test, y_test))
