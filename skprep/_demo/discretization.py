"""Demo: Discretization bins a skewed numeric column into quantile buckets."""

from sklearn.compose import ColumnTransformer
from sklearn.datasets import load_breast_cancer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline

from skprep import Discretization, Normalization

from . import DemoCase


def _breast_cancer():
    X, y = load_breast_cancer(return_X_y=True, as_frame=True)
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.25, random_state=0, stratify=y)
    binned = ["mean area", "worst area"]  # skewed: learn ~equal-frequency buckets
    rest = [c for c in X.columns if c not in binned]
    ct = ColumnTransformer(
        [
            ("area_bins_" + str(i), Discretization(num_bins=8, output_mode="one_hot"), [col])
            for i, col in enumerate(binned)
        ]
        + [("numeric", Normalization(), rest)]
    )
    pipe = make_pipeline(ct, LogisticRegression(max_iter=2000))
    return DemoCase(
        "Breast cancer: ColumnTransformer[Discretization (one_hot, CSR), Normalization]",
        "sklearn breast_cancer (569 rows, 30 numeric; the two area columns bucketed)",
        pipe,
        X_tr,
        y_tr,
        X_te,
        y_te,
        X_te.iloc[:5],
    )


def cases():
    return [_breast_cancer()]
