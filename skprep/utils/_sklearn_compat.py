"""The one module that imports scikit-learn's private helpers.

scikit-learn moves private names between releases; keeping every such import here means a
new scikit-learn release can break skprep in one place only.
"""

from sklearn.base import _fit_context
from sklearn.utils._param_validation import (
    Hidden,
    Interval,
    Options,
    StrOptions,
    validate_params,
)
from sklearn.utils._set_output import _wrap_data_with_container, _wrap_method_output
from sklearn.utils.validation import (
    _check_feature_names_in,
    _check_n_features,
    check_is_fitted,
    validate_data,
)

__all__ = [
    "Hidden",
    "Interval",
    "Options",
    "StrOptions",
    "_check_feature_names_in",
    "_check_n_features",
    "_fit_context",
    "_wrap_data_with_container",
    "_wrap_method_output",
    "check_is_fitted",
    "validate_data",
    "validate_params",
]
