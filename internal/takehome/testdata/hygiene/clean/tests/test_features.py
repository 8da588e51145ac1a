import pandas as pd

from churn.features import add_features


def test_add_features_keeps_rows():
    df = pd.DataFrame({"tenure": [1, 30]})
    assert len(add_features(df)) == 2
