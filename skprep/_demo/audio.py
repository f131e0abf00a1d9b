"""Demo: classify synthetic sounds from their mel spectrograms."""

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline

from skprep import Flatten, MelSpectrogram, Normalization

from . import DemoCase

_RATE = 8000


def _sounds(n=240, seconds=0.5, seed=0):
    """Noisy clips of three kinds: a low hum, a high whistle and a rising sweep, with random
    pitch, loudness and onset."""
    rng = np.random.default_rng(seed)
    t = np.arange(int(_RATE * seconds)) / _RATE
    y = rng.integers(0, 3, size=n)
    clips = np.empty((n, t.size), dtype=np.float32)
    for i, kind in enumerate(y):
        if kind == 0:
            phase = 2 * np.pi * rng.uniform(100, 300) * t
        elif kind == 1:
            phase = 2 * np.pi * rng.uniform(1500, 3000) * t
        else:
            f0, f1 = rng.uniform(200, 600), rng.uniform(2000, 3500)
            phase = 2 * np.pi * (f0 * t + (f1 - f0) * t**2 / (2 * seconds))
        tone = rng.uniform(0.1, 1.0) * np.sin(phase + rng.uniform(0, 2 * np.pi))
        clips[i] = tone + rng.uniform(0.05, 0.3) * rng.normal(size=t.size)
    return clips, np.array(["hum", "whistle", "sweep"])[y]


def _mel_classifier():
    X, y = _sounds()
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.25, random_state=0, stratify=y)
    pipe = make_pipeline(
        MelSpectrogram(512, sequence_stride=256, sampling_rate=_RATE, num_mel_bins=32),
        Flatten(),
        Normalization(),
        LogisticRegression(max_iter=1000),
    )
    return DemoCase(
        "Sounds: MelSpectrogram + Flatten + Normalization + LogisticRegression",
        "240 synthetic noisy clips (hum / whistle / sweep), 0.5 s at 8 kHz",
        pipe,
        X_tr,
        y_tr,
        X_te,
        y_te,
        X_te[:5],
    )


def cases():
    return [_mel_classifier()]
