"""
Audio: mel and STFT spectrograms of a chirp, and a sound classifier
===================================================================

``MelSpectrogram`` and ``STFTSpectrogram`` turn raw audio into image-like arrays, exactly as
the Keras layers do. They are stateless: ``transform`` works without ``fit``. Their 3-D
outputs go through ``Flatten`` to reach any scikit-learn estimator.
"""

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_score
from sklearn.pipeline import make_pipeline

from skprep import Flatten, MelSpectrogram, Normalization, STFTSpectrogram

# %%
# A two-second chirp at 8 kHz sweeping 100 Hz -> 3.5 kHz, plus a little noise.
rate = 8000
t = np.arange(2 * rate) / rate
chirp = np.sin(2 * np.pi * (100 * t + (3500 - 100) * t**2 / 4))
chirp += 0.05 * np.random.default_rng(0).normal(size=t.size)

mel = MelSpectrogram(512, sequence_stride=128, sampling_rate=rate, num_mel_bins=64)
mel_db = mel.transform(chirp)  # one clip: (num_mel_bins, frames), decibels
stft = STFTSpectrogram("log", frame_length=256, frame_step=64)
log_mag = stft.transform(chirp[np.newaxis])[0]  # (frames, 129): log magnitude
print("mel", mel_db.shape, "stft", log_mag.shape)

# %%
# The loudest mel band rises with time, as the chirp's pitch does.
peaks = mel_db.argmax(axis=0)
print("loudest mel band every 25 frames:", peaks[::25].tolist())

# %%
# A classifier on mel spectrograms: tones below or above 1 kHz, in noise.
rng = np.random.default_rng(1)
freqs = rng.uniform(200, 3000, size=120)
clips = np.sin(2 * np.pi * freqs[:, None] * t[:4000]) + rng.normal(size=(120, 4000))
labels = freqs > 1000
model = make_pipeline(
    MelSpectrogram(512, sequence_stride=256, sampling_rate=rate, num_mel_bins=32),
    Flatten(),
    Normalization(),
    LogisticRegression(max_iter=1000),
)
print("cross-validated accuracy:", cross_val_score(model, clips, labels, cv=3).mean().round(3))

# %%
# Plot both spectrograms (if matplotlib is installed).
try:
    import matplotlib.pyplot as plt
except ImportError:  # pragma: no cover
    plt = None
if plt is not None:
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(10, 3.5))
    ax1.imshow(mel_db, origin="lower", aspect="auto")
    ax1.set(title="MelSpectrogram (dB)", xlabel="frame", ylabel="mel band")
    ax2.imshow(log_mag.T, origin="lower", aspect="auto")
    ax2.set(title='STFTSpectrogram("log")', xlabel="frame", ylabel="frequency bin")
    fig.tight_layout()
    plt.show()
