"""Regenerate the Keras-parity fixtures from real Keras (TensorFlow backend).

Usage (needs the ``keras`` extra: ``pip install -e ".[keras]"``)::

    python tools/make_keras_fixtures.py            # every family
    python tools/make_keras_fixtures.py numeric    # one family

Each family's cases live in ``tools/keras_fixtures/<family>.py``; the output goes to
``tests/fixtures/<family>.json.gz``. Tests never import Keras: they only read the fixtures.
"""

import importlib
import os
import sys
from pathlib import Path

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("CUDA_VISIBLE_DEVICES", "")
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parents[1]))  # the repo root, for tests.*

from keras_fixtures import FAMILIES
from keras_fixtures._io import save


def main(argv):
    import keras
    import tensorflow as tf

    print(
        f"keras {keras.__version__}, tensorflow {tf.__version__}, backend {keras.backend.backend()}"
    )
    families = argv or FAMILIES
    for family in families:
        try:
            module = importlib.import_module(f"keras_fixtures.{family}")
        except ModuleNotFoundError as exc:
            if exc.name == f"keras_fixtures.{family}" and not argv:
                continue
            raise
        cases = module.generate()
        for case in cases:
            case.setdefault("keras_version", keras.__version__)
        path = save(family, cases)
        print(f"{family}: {len(cases)} cases -> {path}")


if __name__ == "__main__":
    main(sys.argv[1:])
