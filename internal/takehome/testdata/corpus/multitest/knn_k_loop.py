import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from sklearn.neighbors import KNeighborsClassifier

# Glass identification
glass = pd.read_csv("glass.csv")
print(glass.head())
print(glass["Type"].value_counts())

X = glass.drop("Type", axis=1)
y = glass["Type"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, stratify=y, random_state=12)

sc = StandardScaler()
X_train = sc.fit_transform(X_train)
X_test = sc.transform(X_test)

# find the best number of neighbours
scores = []
ks = range(1, 31)
for k in ks:
    knn = KNeighborsClassifier(n_neighbors=k)
    knn.fit(X_train, y_train)
    scores.append(knn.score(X_test, y_test))  # expect: leakage/multi-test

plt.plot(list(ks), scores, marker="o")
plt.xlabel("k")
plt.ylabel("test accuracy")
plt.show()

best_k = ks[int(np.argmax(scores))]
print("best k =", best_k, "with accuracy", max(scores))
