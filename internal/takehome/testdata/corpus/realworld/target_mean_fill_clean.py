import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.ensemble import RandomForestRegressor
data = pd.read_csv('d.csv')
data = data.dropna(subset=['tip'])
X_train, X_test, y_train, y_test = train_test_split(data[['a', 'b']], data['tip'], test_size=0.3, random_state=1)
rf = RandomForestRegressor(random_state=1).fit(X_train, y_train)
print(rf.score(X_test, y_test))
