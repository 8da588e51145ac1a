import argparse
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import average_precision_score, classification_report
from sklearn.model_selection import train_test_split

from churn.features import add_features

DATA = Path(__file__).resolve().parent.parent.parent / "data" / "telco.csv"
# Old location: "/Users/anna/Downloads/telco.csv" (kept out of the code)
URL = "https://example.com/data/telco.csv"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=str(DATA))
    args = ap.parse_args()
    df = add_features(pd.read_csv(args.data))
    y = df.pop("churn")
    X_train, X_test, y_train, y_test = train_test_split(df, y, test_size=0.2, stratify=y, random_state=42)
    base = DummyClassifier(strategy="most_frequent").fit(X_train, y_train)
    model = HistGradientBoostingClassifier(random_state=42).fit(X_train, y_train)
    for name, m in [("baseline", base), ("model", model)]:
        p = m.predict_proba(X_test)[:, 1]
        print(name, average_precision_score(y_test, p))
    print(classification_report(y_test, model.predict(X_test)))
    np.save("/tmp/preds.npy", model.predict(X_test))


if __name__ == "__main__":
    main()
