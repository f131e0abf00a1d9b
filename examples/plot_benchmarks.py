"""
Benchmarks: skprep's time relative to Keras and scikit-learn
============================================================

The numbers of the benchmarks page (``doc/benchmarks.md``, measured with
``python -m benchmarks``) as one picture: each bar is skprep's time divided by its peer's
time on the same data in the same process -- below 1 means skprep is faster. Peers are the
Keras 3 layer on TensorFlow (``adapt`` + call, or ``training=True``) and the closest
scikit-learn transformer where one exists.

The figures are read from the tables of ``doc/benchmarks.md``, so the plot always shows the
published numbers; see that page for the machine, the data and each benchmark's settings
(several rows were measured on a shared, loaded machine, where ratios scatter).
"""

import re
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np


def benchmark_ratios(markdown: str):
    """``(family, benchmark, peer, ratio)`` rows from the Markdown tables whose header has a
    ``skprep / <peer>`` column (the summary table is skipped: it repeats the others)."""
    rows, family, title, header = [], None, None, None
    for line in markdown.splitlines():
        if line.startswith("## "):
            family, header = line[3:].split("(")[0].strip(), None
        elif line.startswith("### "):
            title, header = line[4:].split("(")[0].strip().rstrip(","), None
        elif line.startswith("|") and family and not family.startswith("Summary"):
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            if header is None:
                header = cells
            elif not set("".join(cells)) <= set("-: "):
                ratio_col = next(
                    (i for i, h in enumerate(header) if h.startswith("skprep /")), None
                )
                if ratio_col is None or not re.fullmatch(r"[\d.]+", cells[ratio_col]):
                    continue
                if header[0].lower() == "competitor":  # one row per peer
                    peer = "Keras" if "keras" in cells[0].lower() else "scikit-learn"
                    name = title or family
                else:  # one row per layer, one peer for the table
                    peer = "Keras" if "keras" in header[ratio_col].lower() else "scikit-learn"
                    name = cells[0].replace("`", "")
                rows.append((family, name, peer, float(cells[ratio_col])))
        elif not line.startswith("|"):
            header = None if line.strip() == "" else header
    return rows


# %%
# Read the published tables (the page sits next to the gallery in the source tree).
# sphinx-gallery runs an example from its own folder without ``__file__``.
here = Path(__file__).resolve().parent if "__file__" in globals() else Path.cwd()
page = here.parent / "doc" / "benchmarks.md"
rows = benchmark_ratios(page.read_text(encoding="utf-8"))
assert len(rows) >= 20, "the benchmark tables of doc/benchmarks.md were not found"
for family in dict.fromkeys(r[0] for r in rows):
    ratios = {
        peer: [r[3] for r in rows if r[0] == family and r[2] == peer]
        for peer in ("Keras", "scikit-learn")
    }
    summary = ", ".join(
        f"{len(v)} vs {peer} (median {np.median(v):.2f})" for peer, v in ratios.items() if v
    )
    print(f"{family:40s} {summary}")

# %%
# Every row: skprep time / peer time, on a log scale (the dotted line is parity).
colors = {"Keras": "tab:red", "scikit-learn": "tab:blue"}
fig, ax = plt.subplots(figsize=(9, 0.22 * len(rows) + 1.2))
y = np.arange(len(rows))
ax.barh(y, [r[3] for r in rows], color=[colors[r[2]] for r in rows])
ax.set_yticks(y, [f"{r[0]}: {r[1][:48]}" for r in rows], fontsize=7)
ax.axvline(1.0, color="black", linestyle=":")
ax.set_xscale("log")
ax.set_xlabel("skprep time / peer time (log scale; < 1 = skprep faster)")
ax.invert_yaxis()
for peer, color in colors.items():
    ax.barh([], [], color=color, label=f"vs {peer}")
ax.legend(loc="lower right")
fig.tight_layout()

# %%
# The median ratio per family and peer.
families = list(dict.fromkeys(r[0] for r in rows))
fig, ax = plt.subplots(figsize=(8, 3.5))
width = 0.4
for i, peer in enumerate(colors):
    medians = [
        np.median([r[3] for r in rows if r[0] == f and r[2] == peer] or [np.nan]) for f in families
    ]
    ax.bar(
        np.arange(len(families)) + (i - 0.5) * width,
        medians,
        width,
        label=f"vs {peer}",
        color=colors[peer],
    )
ax.axhline(1.0, color="black", linestyle=":")
ax.set_xticks(np.arange(len(families)), families, rotation=30, ha="right")
ax.set(ylabel="median skprep / peer", title="per family")
ax.legend()
fig.tight_layout()

# %%
# How many rows beat their peer.
print(f"{len(rows)} ratios, {sum(r[3] < 1 for r in rows)} below 1")
plt.show()
