"""Run benchmarks: ``python -m benchmarks [family ...]`` (default: every family).

Prints a Markdown table per benchmark with skprep's time over each competitor's, measured in
the same process. Install the ``bench`` and ``keras`` extras to include Keras/TF.
"""

import importlib
import platform
import sys

from benchmarks._harness import keras_or_none, report, run

FAMILIES = (
    "numeric",
    "lookup",
    "text",
    "hashing",
    "discretization",
    "image",
    "image_geometry",
    "image_mixing",
    "image_hsv",
    "image_pointwise",
    "albumentations",
    "audio",
    "streaming",
    "serve",
)


def main(argv):
    keras = keras_or_none()
    import numpy
    import sklearn

    print(
        f"# skprep benchmarks\n\npython {platform.python_version()}, numpy {numpy.__version__}, "
        f"scikit-learn {sklearn.__version__}, keras {getattr(keras, '__version__', 'absent')}\n"
    )
    selected = [a for a in argv if not a.startswith("-")] or FAMILIES
    for family in selected:
        try:
            module = importlib.import_module(f"benchmarks.bench_{family}")
        except ModuleNotFoundError as exc:
            if exc.name == f"benchmarks.bench_{family}" and family not in argv:
                continue
            raise
        for bench in module.benchmarks():
            run(bench)
            print(report(bench), flush=True)
        for extra in getattr(module, "reports", ()):
            print(extra(), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
