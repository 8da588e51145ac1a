import pandas as pd
from sklearn.pipeline import Pipeline, FeatureUnion
from sklearn.impute import SimpleImputer
from sklearn.preprocessing import StandardScaler
from sklearn.model_selection import train_test_split
from sklearn.ensemble import ExtraTreesClassifier
data = pd.read_csv("d.csv")
y = data["label"]
data = data.drop(["label"], axis=1)
X_train, X_test, y_train, y_test = train_test_split(data, y, test_size=0.5, random_state=0)
prep = Pipeline([("union", FeatureUnion([("a", SimpleImputer(strategy="mean")), ("b", StandardScaler())]))])
m = ExtraTreesClassifier(random_state=0).fit(prep.fit_transform(X_train), y_train)
print(m.score(prep.transform(X_test), y_test))
