"""Offline checks of the Teams app package that `make package` builds from these settings (appPackage/build.py)."""

from __future__ import annotations

import json
import struct
import zipfile
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from appPackage.build import (
    HERE as TEMPLATE_DIR,
)
from appPackage.build import (
    MANIFEST,
    PackageError,
    PackageSettings,
    SettingError,
    render_package,
)
from config import Settings

from .report import Check

__all__ = [
    "Package",
    "TEMPLATE_DIR",
    "check_built_zip",
    "check_copilot_agent",
    "check_icons",
    "check_valid_domains",
    "check_web_application_info",
    "load_package",
    "token_exchange_urls",
]

TOKEN_SERVICE_DOMAIN = "token.botframework.com"
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_ALPHA_COLOUR_TYPES = {4: "grey with alpha", 6: "RGBA"}
_MAX_VALID_DOMAINS = 16  # manifest 1.22


@dataclass(frozen=True, slots=True)
class Package:
    """The package's files as `make package` renders them, and its parsed manifest."""

    settings: PackageSettings
    files: dict[str, bytes]

    @property
    def manifest(self) -> dict[str, Any]:
        return dict(json.loads(self.files[MANIFEST]))


def load_package(
    settings: Settings, environ: Mapping[str, str], *, source_dir: Path = TEMPLATE_DIR
) -> tuple[Package | None, Check]:
    """Render the package; the check says whether that worked (skipped when app id or domain are wrong)."""
    values = {
        "MicrosoftAppId": settings.app_id,
        "BOT_DOMAIN": settings.bot_domain,
        "APP_VERSION": settings.app_version,
        "TEAMS_APP_ID": environ.get("TEAMS_APP_ID", ""),
    }
    try:
        package_settings = PackageSettings.from_mapping(values)
    except SettingError as exc:
        message = str(exc)
        if message.startswith(("MicrosoftAppId", "BOT_DOMAIN")):
            return None, Check.skip("manifest", "needs a valid MicrosoftAppId and BOT_DOMAIN (see above)")
        return None, Check.fail("manifest", message)
    try:
        files = render_package(package_settings, source_dir=source_dir)
    except (PackageError, ValueError, KeyError) as exc:
        return None, Check.fail(
            "manifest",
            f"the manifest template in {source_dir} cannot be built ({exc}): restore appPackage/ from git.",
        )
    return Package(package_settings, files), Check.ok(
        "manifest", f"make package builds {MANIFEST} and {len(files) - 1} more files from these settings"
    )


def token_exchange_urls(app_id: str, bot_domain: str) -> tuple[str, str]:
    """The two Application ID URIs Teams accepts for a bot's SSO: bot only, and bot with a tab on the domain."""
    return f"api://botid-{app_id}", f"api://{bot_domain}/botid-{app_id}"


def check_web_application_info(package: Package) -> Check:
    name = "webApplicationInfo"
    app_id, domain = package.settings.app_id, package.settings.bot_domain
    info = package.manifest.get("webApplicationInfo")
    if not isinstance(info, dict):
        return Check.fail(name, "the manifest has no webApplicationInfo, so Teams cannot sign in silently: "
                                "restore appPackage/manifest.json from git.")
    if str(info.get("id", "")).lower() != app_id:
        return Check.fail(name, f"webApplicationInfo.id is {info.get('id')!r}, not MicrosoftAppId {app_id}: "
                                "put {{MicrosoftAppId}} back in appPackage/manifest.json.")
    resource = str(info.get("resource", ""))
    bot_only, with_domain = token_exchange_urls(app_id, domain)
    if resource not in (bot_only, with_domain):
        return Check.fail(
            name,
            f"webApplicationInfo.resource is {resource!r}, expected {bot_only} (or {with_domain} when the app's "
            "Application ID URI carries the domain): Teams answers SSO with resourcematchfailed when it differs "
            "from the Application ID URI and the OAuth connection's Token Exchange URL.",
        )
    return Check.ok(
        name,
        f"resource {resource}: the Entra app's Application ID URI and the OAuth connection's Token Exchange URL "
        "must be exactly this",
    )


def check_valid_domains(package: Package) -> Check:
    name = "validDomains"
    domains = package.manifest.get("validDomains", [])
    if not isinstance(domains, list):
        return Check.fail(name, "validDomains is not a list: restore appPackage/manifest.json from git.")
    wanted = [TOKEN_SERVICE_DOMAIN, package.settings.bot_domain]
    missing = [domain for domain in wanted if domain not in domains]
    if missing:
        return Check.fail(
            name,
            f"validDomains lacks {', '.join(missing)}: without it the sign-in popup is blocked; put "
            "token.botframework.com and {{BOT_DOMAIN}} back in appPackage/manifest.json and run make package.",
        )
    malformed = [domain for domain in domains if not isinstance(domain, str) or "://" in domain or "/" in domain]
    if malformed:
        return Check.fail(name, f"validDomains holds {malformed[0]!r}: write host names only, without https:// "
                                "or a path.")
    if len(domains) > _MAX_VALID_DOMAINS:
        return Check.fail(name, f"validDomains lists {len(domains)} domains; manifest 1.22 allows "
                                f"{_MAX_VALID_DOMAINS}.")
    return Check.ok(name, f"{', '.join(domains)}")


def _png_header(data: bytes) -> tuple[int, int, int] | None:
    """(width, height, colour type) from a PNG's IHDR chunk, or None when `data` is not a PNG."""
    if len(data) < 26 or not data.startswith(_PNG_SIGNATURE) or data[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", data[16:24])
    return width, height, data[25]


def _png_rows(data: bytes, width: int, height: int, channels: int) -> list[bytes] | None:
    """The unfiltered scanlines of an 8-bit, non-interlaced PNG with `channels` bytes a pixel; None otherwise."""
    if data[24] != 8 or data[28] != 0:
        return None
    chunks, offset = [], 8
    while offset + 8 <= len(data):
        length = struct.unpack(">I", data[offset:offset + 4])[0]
        kind = data[offset + 4:offset + 8]
        if kind == b"IDAT":
            chunks.append(data[offset + 8:offset + 8 + length])
        offset += 12 + length
    try:
        raw = zlib.decompress(b"".join(chunks))
    except zlib.error:
        return None
    stride = width * channels
    if len(raw) < height * (stride + 1):
        return None
    rows: list[bytes] = []
    previous = bytes(stride)
    for y in range(height):
        method, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            left = line[x - channels] if x >= channels else 0
            up, corner = previous[x], previous[x - channels] if x >= channels else 0
            if method == 1:
                line[x] = (line[x] + left) & 0xFF
            elif method == 2:
                line[x] = (line[x] + up) & 0xFF
            elif method == 3:
                line[x] = (line[x] + (left + up) // 2) & 0xFF
            elif method == 4:
                guess = left + up - corner
                best = min((abs(guess - left), 0, left), (abs(guess - up), 1, up), (abs(guess - corner), 2, corner))
                line[x] = (line[x] + best[2]) & 0xFF
        rows.append(bytes(line))
        previous = bytes(line)
    return rows


def _outline_problem(data: bytes, width: int, height: int, colour_type: int) -> str | None:
    """Teams wants the outline white on transparency: name what is not (None when the pixels cannot be read)."""
    channels = 4 if colour_type == 6 else 2
    rows = _png_rows(data, width, height, channels)
    if rows is None:
        return None
    pixels = [row[x:x + channels] for row in rows for x in range(0, len(row), channels)]
    visible = [pixel for pixel in pixels if pixel[-1] > 0]
    if not visible:
        return "draws nothing (every pixel is transparent)"
    if any(set(pixel[:-1]) != {255} for pixel in visible):
        return "is not white: every visible pixel of an outline icon must be white"
    if len(visible) == len(pixels):
        return "has no transparent pixel: draw the outline on a transparent background"
    return None


def check_icons(package: Package) -> Check:
    name = "icons"
    icons = package.manifest.get("icons", {})
    problems = []
    for role, size in (("color", 192), ("outline", 32)):
        file_name = icons.get(role, "")
        header = _png_header(package.files.get(file_name, b""))
        if header is None:
            problems.append(f"the {role} icon {file_name!r} is not a PNG")
            continue
        width, height, colour_type = header
        if (width, height) != (size, size):
            problems.append(f"the {role} icon {file_name} is {width}x{height}, not {size}x{size}")
        if role == "outline" and colour_type not in _ALPHA_COLOUR_TYPES:
            problems.append(f"the outline icon {file_name} has no transparency (white on a transparent background)")
        elif role == "outline" and (width, height) == (size, size):
            problem = _outline_problem(package.files[file_name], width, height, colour_type)
            if problem:
                problems.append(f"the outline icon {file_name} {problem}")
    if problems:
        return Check.fail(name, "; ".join(problems) + ": redraw them with python appPackage/draw_icons.py.")
    return Check.ok(name, f"{icons['color']} 192x192 and {icons['outline']} 32x32, white on transparency")


def check_copilot_agent(package: Package) -> Check:
    name = "Copilot agent"
    manifest = package.manifest
    bot = (manifest.get("bots") or [{}])[0]
    agents = (manifest.get("copilotAgents") or {}).get("customEngineAgents") or []
    if not agents:
        return Check.warn(name, "the manifest declares no custom engine agent: MIPA does not appear in Microsoft "
                                "365 Copilot (restore copilotAgents in appPackage/manifest.json to offer it).")
    agent = agents[0]
    if agent.get("type") != "bot" or str(agent.get("id", "")).lower() != str(bot.get("botId", "")).lower():
        return Check.fail(name, "copilotAgents.customEngineAgents[0] must be {\"type\": \"bot\", \"id\": the "
                                "bot's botId}: put {{MicrosoftAppId}} back in appPackage/manifest.json.")
    scopes = set(bot.get("scopes", []))
    missing = [scope for scope in ("copilot", "personal") if scope not in scopes]
    if missing:
        return Check.fail(name, f"the bot's scopes lack {', '.join(missing)}, which a custom engine agent needs.")
    starters = [group for group in bot.get("commandLists", []) if "copilot" in group.get("scopes", [])]
    count = sum(len(group.get("commands", [])) for group in starters)
    return Check.ok(name, f"custom engine agent on bot {bot['botId']} with {count} Copilot prompt starters")


def _shown(path: Path) -> str:
    """`path` relative to the working directory when it is under it (the repository for make doctor)."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def check_built_zip(package: Package, zip_path: Path) -> Check:
    """The zip on disk (what gets uploaded) holds what these settings build."""
    name = "package zip"
    shown = _shown(zip_path)
    if not zip_path.is_file():
        return Check.skip(name, f"{shown} does not exist yet: make package builds it")
    try:
        with zipfile.ZipFile(zip_path) as archive:
            built = {entry: archive.read(entry) for entry in archive.namelist()}
    except (OSError, zipfile.BadZipFile, KeyError) as exc:
        return Check.fail(name, f"{shown} cannot be read ({type(exc).__name__}): run make package again.")
    if built == package.files:
        return Check.ok(name, f"{shown} is what these settings build")
    try:
        uploaded = json.loads(built.get(MANIFEST, b"{}"))
    except ValueError:
        uploaded = {}
    current = package.manifest
    fields = [
        label
        for label, path in (
            ("bots[0].botId", ("bots", 0, "botId")),
            ("webApplicationInfo", ("webApplicationInfo",)),
            ("validDomains", ("validDomains",)),
            ("version", ("version",)),
            ("copilotAgents", ("copilotAgents",)),
        )
        if _dig(uploaded, path) != _dig(current, path)
    ]
    differs = f" ({', '.join(fields)} differ)" if fields else ""
    return Check.fail(
        name,
        f"{shown} was built from other settings or an older template{differs}: run make package and upload "
        "the new zip with a higher APP_VERSION.",
    )


def _dig(document: Any, path: tuple[str | int, ...]) -> Any:
    for step in path:
        try:
            document = document[step]
        except (KeyError, IndexError, TypeError):
            return None
    return document
