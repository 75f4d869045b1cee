"""Compares ogpress renders with Chromium references: prints `name  ssim  diff%` and the mean.

Usage: compare.py REFERENCE_DIR RENDER_DIR NAME...
Writes RENDER_DIR/<name>.diff.png (differing pixels in red over a faded reference) and
RENDER_DIR/<name>.side.png (reference left, ogpress right).
"""
import sys

import numpy as np
from PIL import Image
from skimage.metrics import structural_similarity

THRESHOLD = 16


def load(path):
    return np.asarray(Image.open(path).convert("RGB"), dtype=np.uint8)


def main():
    reference_dir, render_dir, names = sys.argv[1], sys.argv[2], sys.argv[3:]
    rows = []
    for name in names:
        reference = load(f"{reference_dir}/{name}.png")
        try:
            rendered = load(f"{render_dir}/{name}.png")
        except FileNotFoundError:
            rows.append((name, 0.0, 100.0))
            continue
        if rendered.shape != reference.shape:
            canvas = np.full(reference.shape, 255, dtype=np.uint8)
            h, w = min(rendered.shape[0], reference.shape[0]), min(rendered.shape[1], reference.shape[1])
            canvas[:h, :w] = rendered[:h, :w]
            rendered = canvas
        ssim = structural_similarity(reference, rendered, channel_axis=2, data_range=255)
        differing = (np.abs(reference.astype(int) - rendered.astype(int)).max(axis=2) > THRESHOLD)
        rows.append((name, ssim, 100.0 * differing.mean()))
        faded = (reference * 0.3 + 178).astype(np.uint8)
        faded[differing] = (255, 0, 0)
        Image.fromarray(faded).save(f"{render_dir}/{name}.diff.png")
        Image.fromarray(np.concatenate([reference, rendered], axis=1)).save(f"{render_dir}/{name}.side.png")
    width = max(len(name) for name, _, _ in rows)
    print(f"{'case'.ljust(width)}  {'ssim':>6}  {'diff%':>6}")
    for name, ssim, diff in sorted(rows, key=lambda row: row[1]):
        print(f"{name.ljust(width)}  {ssim:6.4f}  {diff:6.2f}")
    ssims = [row[1] for row in rows]
    print(f"{'mean'.ljust(width)}  {np.mean(ssims):6.4f}  {np.mean([row[2] for row in rows]):6.2f}")
    print(f"cases: {len(rows)}, below 0.85: {sum(1 for s in ssims if s < 0.85)}")


if __name__ == "__main__":
    main()
