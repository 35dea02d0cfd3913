"""MIPA's icons have the sizes and modes Teams asks for, and the outline is white on transparency."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

from PIL import Image, ImageChops

from .conftest import APP_PACKAGE


def _open(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def test_color_icon_is_192_square_full_colour(built_files) -> None:
    image = _open(built_files["color.png"])
    assert image.size == (192, 192)
    assert image.mode == "RGBA"
    alpha_min, _ = image.getchannel("A").getextrema()
    assert alpha_min == 255  # a full tile, no holes
    colours = image.convert("RGB").getcolors(maxcolors=192 * 192) or []
    assert len(colours) > 2
    assert any(r != g or g != b for _, (r, g, b) in colours)


def test_outline_icon_is_32_square_white_on_transparent(built_files) -> None:
    image = _open(built_files["outline.png"])
    assert image.size == (32, 32)
    assert image.mode == "RGBA"
    pixels = list(image.getdata())
    visible = [pixel for pixel in pixels if pixel[3] > 0]
    assert visible, "the outline icon draws nothing"
    assert all(pixel[:3] == (255, 255, 255) for pixel in visible)
    transparent = [pixel for pixel in pixels if pixel[3] == 0]
    assert len(transparent) > len(pixels) // 3  # an outline, not a filled square


def test_committed_icons_are_what_draw_icons_draws(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(APP_PACKAGE / "draw_icons.py"), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    for name in ("color.png", "outline.png"):
        with Image.open(APP_PACKAGE / name) as committed, Image.open(tmp_path / name) as drawn:
            assert committed.size == drawn.size
            assert ImageChops.difference(committed.convert("RGBA"), drawn.convert("RGBA")).getbbox() is None
