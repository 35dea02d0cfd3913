"""Draw MIPA's Teams icons: color.png (192x192, full colour) and outline.png (32x32, white on transparent)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent

ACCENT = (58, 95, 205)  # "#3A5FCD", the manifest's accentColor
WHITE = (255, 255, 255)
SUPERSAMPLE = 8

COLOR_SIZE = 192
OUTLINE_SIZE = 32


def _bubble(
    draw: ImageDraw.ImageDraw, box: tuple[float, float, float, float], fill: int | tuple[int, ...]
) -> None:
    """A speech bubble: a rounded rectangle with a tail at its lower left."""
    left, top, right, bottom = box
    width = right - left
    radius = width * 0.22
    draw.rounded_rectangle(box, radius=radius, fill=fill)
    tail = [
        (left + width * 0.20, bottom - radius * 0.5),
        (left + width * 0.44, bottom - radius * 0.5),
        (left + width * 0.12, bottom + width * 0.20),
    ]
    draw.polygon(tail, fill=fill)


def _check(
    draw: ImageDraw.ImageDraw, box: tuple[float, float, float, float], fill: int | tuple[int, ...], width: int
) -> None:
    """A check mark inside `box`, drawn as two thick strokes with round ends."""
    left, top, right, bottom = box
    w, h = right - left, bottom - top
    points = [
        (left + w * 0.10, top + h * 0.55),
        (left + w * 0.40, top + h * 0.85),
        (left + w * 0.92, top + h * 0.18),
    ]
    draw.line(points, fill=fill, width=width, joint="curve")
    for x, y in (points[0], points[2]):
        draw.ellipse((x - width / 2, y - width / 2, x + width / 2, y + width / 2), fill=fill)


def draw_color(size: int = COLOR_SIZE) -> Image.Image:
    """The full-colour icon: a white speech bubble holding an accent check mark on an accent tile."""
    big = size * SUPERSAMPLE
    image = Image.new("RGBA", (big, big), ACCENT + (255,))
    draw = ImageDraw.Draw(image)
    bubble = (big * 0.22, big * 0.24, big * 0.78, big * 0.68)
    _bubble(draw, bubble, WHITE + (255,))
    inner = (big * 0.36, big * 0.32, big * 0.64, big * 0.60)
    _check(draw, inner, ACCENT + (255,), width=int(big * 0.055))
    return image.resize((size, size), Image.Resampling.LANCZOS)


def draw_outline(size: int = OUTLINE_SIZE) -> Image.Image:
    """The outline icon: a white speech-bubble outline with a check mark, on a transparent background.

    Drawn as an alpha mask and put on a white image, so that every pixel is white and only its
    opacity varies (Teams requires a white outline on transparency).
    """
    big = size * SUPERSAMPLE
    mask = Image.new("L", (big, big), 0)
    draw = ImageDraw.Draw(mask)
    stroke = big * 0.09
    outer = (big * 0.06, big * 0.08, big * 0.94, big * 0.74)
    _bubble(draw, outer, 255)
    inner = (outer[0] + stroke, outer[1] + stroke, outer[2] - stroke, outer[3] - stroke)
    draw.rounded_rectangle(inner, radius=(inner[2] - inner[0]) * 0.16, fill=0)
    check_box = (big * 0.30, big * 0.24, big * 0.70, big * 0.58)
    _check(draw, check_box, 255, width=int(big * 0.085))
    alpha = mask.resize((size, size), Image.Resampling.LANCZOS)
    image = Image.new("RGBA", (size, size), WHITE + (0,))
    image.putalpha(alpha)
    return image


def write_icons(out_dir: Path) -> tuple[Path, Path]:
    """Write color.png and outline.png into `out_dir` and return their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    color_path = out_dir / "color.png"
    outline_path = out_dir / "outline.png"
    draw_color().save(color_path, format="PNG", optimize=True)
    draw_outline().save(outline_path, format="PNG", optimize=True)
    return color_path, outline_path


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--out", type=Path, default=HERE, help="folder to write the PNGs into (default: appPackage/)"
    )
    args = parser.parse_args(argv)
    for path in write_icons(args.out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
