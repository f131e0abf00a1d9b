"""Sphinx configuration: ``pip install -e ".[docs]" && make -C doc html`` (see CONTRIBUTING)."""

import sys
from pathlib import Path

# Document the checkout this file belongs to, not whichever skprep happens to be installed.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import skprep

project = "skprep"
release = skprep.__version__
extensions = [
    "myst_parser",
    "numpydoc",
    "sphinx.ext.autodoc",
    "sphinx.ext.autosummary",
    "sphinx_gallery.gen_gallery",
]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
autosummary_generate = True
numpydoc_show_class_members = False
sphinx_gallery_conf = {
    "examples_dirs": "../examples",
    "gallery_dirs": "auto_examples",
    "filename_pattern": "plot_",
}
exclude_patterns = ["_build"]
html_theme = "alabaster"
myst_heading_anchors = 3
