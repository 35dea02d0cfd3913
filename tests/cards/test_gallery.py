"""`make cards` on a subset: a PNG per card and language at Teams' message width, an index.html that shows them."""

from __future__ import annotations

import re
from pathlib import Path

from PIL import Image

from tests.cards.gallery import WIDTH, all_builders, main


def test_gallery_renders_a_subset_with_an_index(tmp_path: Path) -> None:
    names = ["agenda_range", "confirmation", "list_confirm"]
    assert main(["--out", str(tmp_path), "--only", ",".join(names)]) == 0, "the renderer reported warnings"
    pngs = sorted(p.name for p in tmp_path.glob("*.png"))
    assert pngs == sorted(f"{n}-{lang}.png" for n in names for lang in ("en", "fr"))
    for png in tmp_path.glob("*.png"):
        with Image.open(png) as image:
            assert image.format == "PNG"
            assert image.width == WIDTH + 20 and image.height > 80  # the 500 px card column and its padding
            assert len(image.convert("RGB").getcolors(maxcolors=1_000_000) or []) > 10, f"{png.name} is blank"
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert sorted(re.findall(r"src='([^']+\.png)'", index)) == pngs
    assert "English" in index and "Français" in index and "Renderer warnings: 0" in index
    assert all(f"id='{n}'" in index for n in names)


def test_gallery_covers_every_card_and_the_dialogs_own() -> None:
    every = all_builders()
    assert {"agenda_range", "meeting", "digest", "list_confirm", "list_result", "mail_list"} <= set(every)
