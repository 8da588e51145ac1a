import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.model_selection import train_test_split
from sklearn.linear_model import LinearRegression
data = pd.read_csv("reviews.csv")
X_train_pos = data[["text", "stars"]]
X_train_pos = X_train_pos[X_train_pos.text.isnull() != True]
y_pos = X_train_pos["stars"]
X_train_pos = TfidfVectorizer().fit_transform(X_train_pos["text"])  # expect: leakage/preprocessing
X_train, X_test, y_train, y_test = train_test_split(X_train_pos, y_pos, test_size=0.33)
m = LinearRegression().fit(X_train, y_train)
print(m.score(X_test, y_test))
