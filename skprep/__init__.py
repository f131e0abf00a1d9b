"""skprep: the Keras preprocessing layers as fast, scikit-learn-native transformers."""

__version__ = "0.1.0.dev0"

from . import audio, hashing, image, lookup, numeric, structured, text
from ._config import config_context, get_config, set_config  # noqa: F401  (in __all__)
from .audio import *  # noqa: F403
from .hashing import *  # noqa: F403
from .image import *  # noqa: F403
from .lookup import *  # noqa: F403
from .numeric import *  # noqa: F403
from .structured import *  # noqa: F403
from .text import *  # noqa: F403
from .utils.discovery import all_estimators  # noqa: F401  (listed in __all__ below)

__all__ = sorted(
    ["all_estimators", "config_context", "get_config", "set_config"]
    + [name for name in numeric.__all__ if name[0].isupper()]
    + audio.__all__
    + hashing.__all__
    + image.__all__
    + lookup.__all__
    + structured.__all__
    + text.__all__
)
