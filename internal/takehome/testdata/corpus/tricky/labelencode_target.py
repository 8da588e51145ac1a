import pandas as pd
import numpy as np
from sklearn.preprocessing import LabelEncoder, StandardScaler
from sklearn.pipeline import make_pipeline
from sklearn.model_selection import train_test_split
from sklearn.svm import SVC
from sklearn.metrics import classification_report

# Dry bean classification (7 bean types)
beans = pd.read_excel("Dry_Bean_Dataset.xlsx")
print(beans.shape)
print(beans["Class"].value_counts())
beans.head()

# encode the class names as integers - this only touches the label column
le = LabelEncoder()
y = le.fit_transform(beans["Class"])
X = beans.drop(columns="Class")
print(dict(zip(le.classes_, range(len(le.classes_)))))

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=13)

svc = make_pipeline(StandardScaler(), SVC(C=10, gamma="scale"))
svc.fit(X_train, y_train)
y_pred = svc.predict(X_test)
print(classification_report(y_test, y_pred, target_names=le.classes_))
