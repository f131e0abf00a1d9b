"""The one docstring-template mechanism of the image layers: named shared blocks.

A docstring names a shared block by a placeholder alone on its line, ``{random_state}``,
and :func:`fill_doc` replaces it with the block, indented like the placeholder (so the
docstring's own indentation never matters), or inline where the placeholder sits inside a
sentence. Blocks may name other blocks; a class passes its own extra blocks as keyword
arguments. Braces that do not name a block (``{"reflect", "wrap"}``) are left alone.

>>> @fill_doc(size="a number")
... class Layer:
...     '''Parameters
...     ----------
...     width : int
...         Width, {size}.
...     {data_format}
...     '''
>>> print(Layer.__doc__.splitlines()[4])
    data_format : {"channels_last", "channels_first"} or None, default=None
"""

from __future__ import annotations

import re
import textwrap

__all__ = ["BLOCKS", "fill_doc"]

BLOCKS = {
    "random_state": """\
random_state : int, RandomState instance, Generator or None, default=None
    Replaces Keras's ``seed``. An int gives the same draws on every ``fit_transform``
    call; a ``RandomState`` or ``Generator`` advances between calls; None draws fresh
    entropy. (Keras's ``seed`` seeds a generator that advances between calls, so equal
    seeds give equal *first* calls only; Keras's bit streams cannot be reproduced.)""",
    "data_format": """\
data_format : {"channels_last", "channels_first"} or None, default=None
    Layout of the images; None means ``"channels_last"``.""",
    "fitted_attributes": """\
Attributes
----------
fitted_ : bool
    Set by ``fit``.""",
    "augmentation_parameters": """\
{random_state}
{data_format}

{fitted_attributes}""",
    "training_only": """\
Training-only randomness: ``fit_transform(X)`` is Keras ``layer(X, training=True)``;
``transform(X)`` is inference and returns the images unchanged. So ``fit_transform(X)``
differs from ``fit(X).transform(X)`` by design (as scikit-learn's ``TargetEncoder``).""",
    "training_only_float32": """\
Training-only randomness: ``fit_transform(X)`` is Keras ``layer(X, training=True)``;
``transform(X)`` is inference and returns the images unchanged (floats as float32).""",
    "fill_mode": """\
fill_mode : {"reflect", "wrap", "constant", "nearest"}, default="reflect"
    How points outside the image are read, for a row ``a b c d``: ``"reflect"``
    ``d c b a | a b c d | d c b a``; ``"wrap"`` ``a b c d | a b c d | a b c d``;
    ``"constant"`` ``k k k k | a b c d | k k k k`` with ``k = fill_value``;
    ``"nearest"`` ``a a a a | a b c d | d d d d``. Border handling equals Keras's
    TensorFlow backend.""",
    "interpolation": """\
interpolation : {"bilinear", "nearest"}, default="bilinear"
    How the input is sampled between pixels.""",
    "fill_value": """\
fill_value : float, default=0.0
    Value read outside the image when ``fill_mode="constant"``.""",
    "affine_parameters": """\
{fill_mode}
{interpolation}
{random_state}
{fill_value}
{data_format}""",
    "affine_contract": """\
Training-only: ``fit_transform`` is Keras's ``layer(X, training=True)`` and draws new
parameters for every image on every call; ``transform`` is Keras's ``training=False``
(inference) and returns the input values unchanged as float32, as Keras does. So
``fit_transform(X)`` differs from ``fit(X).transform(X)`` by design, as with
scikit-learn's ``TargetEncoder``. Input: a batch ``(n, height, width, channels)``
(channels first with ``data_format``) or ``n`` single-channel images
``(n, height, width)``, integer or float; output float32 in the same layout. Unlike
Keras, a rank-3 array is never one image: the first axis holds the samples, so pixels are
never mixed across samples (pass one image as ``image[np.newaxis]``).""",
}

_PLACEHOLDER = re.compile(
    r"(?P<indent>^[ \t]*)?\{(?P<name>[A-Za-z0-9_]+)\}(?P<alone>[ \t]*$)?", re.M
)


def _fill(text: str, blocks: dict, depth: int = 0) -> str:
    if depth > 10:  # pragma: no cover - a block naming itself
        raise RecursionError("docstring blocks nest too deeply (a block names itself?)")

    def substitute(match):
        name = match["name"]
        if name not in blocks:
            return match[0]
        block = _fill(textwrap.dedent(blocks[name]).strip("\n"), blocks, depth + 1)
        if match["indent"] is not None and match["alone"] is not None:
            indent = match["indent"]
            return "\n".join(indent + line if line else line for line in block.split("\n"))
        return (match["indent"] or "") + block + (match["alone"] or "")

    return _PLACEHOLDER.sub(substitute, text)


def fill_doc(obj=None, /, **extra):
    """Fill the shared blocks into a docstring.

    ``fill_doc(text)`` returns the filled string; ``@fill_doc`` and ``@fill_doc(**extra)``
    fill a class's or function's ``__doc__`` in place, ``extra`` adding blocks (or
    overriding shared ones) for that object only.
    """
    blocks = {**BLOCKS, **extra}
    if isinstance(obj, str):
        return _fill(obj, blocks)

    def decorate(target):
        if target.__doc__:
            target.__doc__ = _fill(target.__doc__, blocks)
        return target

    return decorate if obj is None else decorate(obj)
