"""The image layers' shared docstring blocks: filled everywhere, indented like the placeholder."""

import re

import pytest

from skprep.image._docstrings import BLOCKS, fill_doc
from skprep.utils.discovery import all_estimators


@pytest.mark.parametrize("name, cls", all_estimators(), ids=[n for n, _ in all_estimators()])
def test_no_placeholder_is_left(name, cls):
    names = set(BLOCKS) | {"shared", "contract", "common_params", "training_only", "specific"}
    left = [m for m in re.findall(r"\{(\w+)\}", cls.__doc__ or "") if m in names]
    assert not left, f"{name} docstring keeps placeholders {left}"


def test_block_is_indented_like_its_placeholder():
    text = "Intro.\n\n        Parameters\n        ----------\n        {data_format}\n"
    lines = fill_doc(text).splitlines()
    assert (
        lines[4]
        == '        data_format : {"channels_last", "channels_first"} or None, default=None'
    )
    assert lines[5].startswith("            Layout of the images")


def test_blocks_nest_and_extras_override():
    text = "A\n    {augmentation_parameters}\n"
    filled = fill_doc(text)
    assert "random_state : int" in filled and "fitted_ : bool" in filled
    assert fill_doc("x {size} y", size="3") == "x 3 y"
    assert fill_doc('{"reflect", "wrap"} {unknown}') == '{"reflect", "wrap"} {unknown}'


def test_decorator_fills_the_class_docstring():
    @fill_doc(extra="Extra.")
    class Layer:
        """Doc.

        {extra}
        """

    assert "Extra." in Layer.__doc__ and "{extra}" not in Layer.__doc__
