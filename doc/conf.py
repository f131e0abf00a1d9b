"""Sphinx configuration: ``pip install -e ".[docs]" && sphinx-build doc doc/_build``."""

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
