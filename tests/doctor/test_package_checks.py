"""The package checks render the real template with appPackage/build.py; broken copies of it must fail."""

from __future__ import annotations

import io
import json
import random
import shutil
import struct
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from appPackage import build
from doctor import Status
from doctor.package_checks import (
    TEMPLATE_DIR,
    _png_rows,
    check_built_zip,
    check_copilot_agent,
    check_icons,
    check_valid_domains,
    check_web_application_info,
    load_package,
)

from .conftest import APP_ID, BOT_DOMAIN, settings


def _package(template: Path = TEMPLATE_DIR, **overrides: Any):
    package, check = load_package(settings(**overrides), {}, source_dir=template)
    assert package is not None, check
    return package


def _template(tmp_path: Path, edit: Callable[[dict[str, Any]], None] | None = None) -> Path:
    """A copy of appPackage/ whose manifest `edit` changes."""
    folder = tmp_path / "template"
    shutil.copytree(TEMPLATE_DIR, folder, ignore=shutil.ignore_patterns("build", "*.py", "__pycache__"))
    if edit is not None:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        edit(manifest)
        (folder / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    return folder


def test_white_outlines_pass_in_rgba_and_grey(tmp_path: Path) -> None:
    for mode, background, dot in (("RGBA", (0, 0, 0, 0), (255, 255, 255, 255)), ("LA", (0, 0), (255, 128))):
        folder = _template(tmp_path / mode)
        (folder / "outline.png").write_bytes(_png(32, mode, background, dot))
        result = check_icons(_package(folder))
        assert result.status is Status.OK, result


def test_the_repository_template_passes_every_package_check(tmp_path: Path) -> None:
    package = _package()
    for check in (check_web_application_info, check_valid_domains, check_icons, check_copilot_agent):
        result = check(package)
        assert result.status is Status.OK, result
    assert f"api://botid-{APP_ID}" in check_web_application_info(package).detail
    assert "6 Copilot prompt starters" in check_copilot_agent(package).detail


def test_manifest_needs_good_settings_and_names_a_bad_version() -> None:
    package, check = load_package(settings(app_id="not-a-guid"), {}, source_dir=TEMPLATE_DIR)
    assert package is None and check.status is Status.SKIP
    package, check = load_package(settings(app_version="1.0"), {}, source_dir=TEMPLATE_DIR)
    assert package is None and check.status is Status.FAIL and "APP_VERSION" in check.detail
    package, check = load_package(settings(), {"TEAMS_APP_ID": "mipa"}, source_dir=TEMPLATE_DIR)
    assert package is None and "TEAMS_APP_ID" in check.detail


def test_broken_template_fails_the_manifest_check(tmp_path: Path) -> None:
    folder = _template(tmp_path)
    (folder / "fr.json").unlink()
    package, check = load_package(settings(), {}, source_dir=folder)
    assert package is None and check.status is Status.FAIL
    assert "fr.json" in check.detail


@pytest.mark.parametrize(
    ("resource", "status"),
    [
        (f"api://{BOT_DOMAIN}/botid-{{{{MicrosoftAppId}}}}", Status.OK),
        ("api://botid-00000000-0000-0000-0000-000000000000", Status.FAIL),
        ("api://other.example.com/botid-{{MicrosoftAppId}}", Status.FAIL),
        ("api://{{MicrosoftAppId}}", Status.FAIL),
    ],
)
def test_web_application_info_resource_is_the_token_exchange_url(tmp_path: Path, resource: str, status) -> None:
    def edit(manifest: dict[str, Any]) -> None:
        manifest["webApplicationInfo"]["resource"] = resource

    result = check_web_application_info(_package(_template(tmp_path, edit)))
    assert result.status is status, result
    if status is Status.FAIL:
        assert "resourcematchfailed" in result.detail and f"api://botid-{APP_ID}" in result.detail


def test_web_application_info_must_exist_and_carry_the_app_id(tmp_path: Path) -> None:
    def drop(manifest: dict[str, Any]) -> None:
        del manifest["webApplicationInfo"]

    def other_id(manifest: dict[str, Any]) -> None:
        manifest["webApplicationInfo"]["id"] = "00000000-0000-0000-0000-000000000000"

    assert "no webApplicationInfo" in check_web_application_info(_package(_template(tmp_path / "a", drop))).detail
    result = check_web_application_info(_package(_template(tmp_path / "b", other_id)))
    assert result.status is Status.FAIL and "webApplicationInfo.id" in result.detail


@pytest.mark.parametrize(
    ("domains", "wanted"),
    [
        (["{{BOT_DOMAIN}}"], "token.botframework.com"),
        (["token.botframework.com"], BOT_DOMAIN),
        (["token.botframework.com", "{{BOT_DOMAIN}}", "https://contoso.example.com"], "host names only"),
        (["token.botframework.com", "{{BOT_DOMAIN}}"] + [f"d{i}.example.com" for i in range(15)], "allows 16"),
    ],
)
def test_valid_domains_hold_the_token_service_and_the_bot(tmp_path: Path, domains: list[str], wanted: str) -> None:
    def edit(manifest: dict[str, Any]) -> None:
        manifest["validDomains"] = domains

    result = check_valid_domains(_package(_template(tmp_path, edit)))
    assert result.status is Status.FAIL
    assert wanted in result.detail


def _png(size: int, mode: str, colour: Any = "white", dot: Any = None) -> bytes:
    image = Image.new(mode, (size, size), colour)
    if dot is not None:
        image.putpixel((size // 2, size // 2), dot)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "wanted"),
    [
        ("outline.png", _png(192, "RGBA"), "192x192, not 32x32"),
        ("outline.png", _png(32, "RGB"), "no transparency"),
        ("color.png", _png(96, "RGBA"), "96x96, not 192x192"),
        ("color.png", b"GIF89a not a png", "is not a PNG"),
        ("outline.png", _png(32, "RGBA", (0, 0, 0, 0), (255, 0, 0, 255)), "is not white"),
        ("outline.png", _png(32, "RGBA", (255, 255, 255, 255)), "no transparent pixel"),
        ("outline.png", _png(32, "RGBA", (255, 255, 255, 0)), "draws nothing"),
        ("outline.png", _png(32, "LA", (0, 0), (200, 255)), "is not white"),
    ],
)
def test_icons_have_the_sizes_teams_wants(tmp_path: Path, name: str, data: bytes, wanted: str) -> None:
    folder = _template(tmp_path)
    (folder / name).write_bytes(data)
    result = check_icons(_package(folder))
    assert result.status is Status.FAIL
    assert wanted in result.detail


def test_copilot_agent_must_point_at_the_bot(tmp_path: Path) -> None:
    def no_agent(manifest: dict[str, Any]) -> None:
        del manifest["copilotAgents"]

    def other_id(manifest: dict[str, Any]) -> None:
        manifest["copilotAgents"]["customEngineAgents"][0]["id"] = "00000000-0000-0000-0000-000000000000"

    def no_scope(manifest: dict[str, Any]) -> None:
        manifest["bots"][0]["scopes"].remove("copilot")

    assert check_copilot_agent(_package(_template(tmp_path / "a", no_agent))).status is Status.WARN
    result = check_copilot_agent(_package(_template(tmp_path / "b", other_id)))
    assert result.status is Status.FAIL and "botId" in result.detail
    result = check_copilot_agent(_package(_template(tmp_path / "c", no_scope)))
    assert result.status is Status.FAIL and "copilot" in result.detail


def test_built_zip_matches_the_settings(tmp_path: Path) -> None:
    package = _package()
    zip_path = tmp_path / "appPackage.zip"
    assert check_built_zip(package, zip_path).status is Status.SKIP
    build.build(package.settings, output=zip_path)
    assert check_built_zip(package, zip_path).status is Status.OK
    other = build.PackageSettings(app_id="22222222-3333-4444-5555-666666666666", bot_domain=BOT_DOMAIN)
    build.build(other, output=zip_path)
    result = check_built_zip(package, zip_path)
    assert result.status is Status.FAIL
    assert "bots[0].botId" in result.detail and "webApplicationInfo" in result.detail
    assert "make package" in result.detail
    zip_path.write_bytes(b"not a zip")
    assert "cannot be read" in check_built_zip(package, zip_path).detail


def test_png_decoder_reads_what_pillow_wrote_with_every_filter() -> None:
    generator = random.Random(1)
    filters_seen: set[int] = set()
    for mode, channels in (("RGBA", 4), ("LA", 2)):
        for optimize in (False, True, False, True, False):
            image = Image.frombytes(mode, (32, 32), bytes(
                generator.randrange(256) if generator.random() < 0.5 else (i * 7) % 256
                for i in range(32 * 32 * channels)
            ))
            buffer = io.BytesIO()
            image.save(buffer, format="PNG", optimize=optimize)
            rows = _png_rows(buffer.getvalue(), 32, 32, channels)
            assert rows is not None and b"".join(rows) == image.tobytes()
            raw = zlib.decompress(b"".join(_chunks(buffer.getvalue(), b"IDAT")))
            filters_seen |= {raw[y * (32 * channels + 1)] for y in range(32)}
    assert filters_seen == {0, 1, 2, 3, 4}  # None, Sub, Up, Average and Paeth were all decoded


def _chunks(data: bytes, kind: bytes) -> list[bytes]:
    found, offset = [], 8
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset:offset + 4])
        if data[offset + 4:offset + 8] == kind:
            found.append(data[offset + 8:offset + 8 + length])
        offset += 12 + length
    return found
