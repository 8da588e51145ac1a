import pandas as pd
import numpy as np
import matplotlib.pyplot as plt
from sklearn.model_selection import train_test_split
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import accuracy_score

# Employee attrition (IBM HR)
hr = pd.read_csv("WA_Fn-UseC_-HR-Employee-Attrition.csv")
print(hr.head())
print(hr["Attrition"].value_counts())

hr["Attrition"] = (hr["Attrition"] == "Yes").astype(int)
hr["OverTime"] = (hr["OverTime"] == "Yes").astype(int)
hr = hr.drop(columns=["EmployeeCount", "StandardHours", "Over18", "EmployeeNumber"])

hr.groupby("JobLevel")["Attrition"].mean().plot(kind="bar")
plt.ylabel("attrition rate")
plt.show()

num = hr.select_dtypes(include=[np.number]).columns.drop("Attrition")
X = hr[num]
y = hr["Attrition"]

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=8)

model = GradientBoostingClassifier(n_estimators=300, max_depth=4)
model.fit(X_train, y_train)

# training accuracy only as a sanity check for overfitting; the held-out number is what counts
train_acc = accuracy_score(y_train, model.predict(X_train))
test_acc = accuracy_score(y_test, model.predict(X_test))
print("train accuracy: {:.2%}".format(train_acc))
print("test accuracy:  {:.2%}".format(test_acc))

importances = pd.Series(model.feature_importances_, index=num).sort_values()
importances.tail(10).plot(kind="barh")
plt.show()
