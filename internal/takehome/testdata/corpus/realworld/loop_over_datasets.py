from sklearn.datasets import make_moons, make_circles
from sklearn.preprocessing import StandardScaler
from sklearn.model_selection import train_test_split
from sklearn.svm import SVC
datasets = [make_moons(noise=0.3), make_circles(noise=0.2)]
for ds in datasets:
    X, y = ds
    X = StandardScaler().fit_transform(X)  # expect: leakage/preprocessing
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=.4)
    clf = SVC().fit(X_train, y_train)
    print(clf.score(X_test, y_test))
