"""MIPA's composition root: settings -> sandbox (local mode) -> Graph -> storage -> adapter -> bot -> routes."""

from __future__ import annotations

import asyncio
import gc
import logging
import os
import signal
import sys
from collections.abc import AsyncIterator, Coroutine
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from aiohttp import web
from aiohttp.typedefs import Handler

from clock import Clock, clock_from_env
from config import Settings, SettingsError, load_settings

__all__ = ["APP_SETTINGS", "BOT_PARTS", "CLOCK", "CREDENTIALS_FACTORY", "GRAPH_CLIENT", "QUIET_LOGGERS", "SANDBOX_URL",
           "configure_logging", "create_app", "main"]

logger = logging.getLogger("mipa")

ROOT = Path(__file__).resolve().parent
#: Libraries that log request URLs (Graph `$filter`/`$search` carry names and search words), headers or
#: bodies: they stay at WARNING whatever LOG_LEVEL says, so no level leaks personal data.
QUIET_LOGGERS = ("httpx", "httpcore", "urllib3", "requests", "msrest", "msal", "botframework.connector")
SANDBOX_START_TIMEOUT = 15.0


@dataclass(slots=True)
class BotParts:
    """What the messages route needs, built once the sandbox, Graph client and storage exist."""

    adapter: object
    bot: object
    storage: object
    handler: Handler
    #: POST /api/notifications (Graph change notifications for alerts).
    notifications: Handler | None = None


@dataclass(slots=True)
class PublicAddress:
    """Where Graph can post notifications: NOTIFICATION_URL, or in local mode the address the app is reached at."""

    url: str | None = None


APP_SETTINGS = web.AppKey("settings", Settings)
#: The one clock (clock.py): every user-facing "now" in the bot comes from it.
CLOCK = web.AppKey("clock", Clock)
SANDBOX_URL = web.AppKey("sandbox_url", str)
GRAPH_CLIENT = web.AppKey("graph_client", object)
BOT_PARTS = web.AppKey("bot_parts", BotParts)
#: Outbound Bot Framework credentials (a ServiceClientCredentialsFactory); None = the SDK's, from settings.
CREDENTIALS_FACTORY = web.AppKey("credentials_factory", object)
PUBLIC_ADDRESS = web.AppKey("public_address", PublicAddress)


# ---- long-lived resources, opened in order and closed in reverse ------------------------------
async def _drain(stream: asyncio.StreamReader) -> None:
    while await stream.readline():
        pass


def _preload() -> None:
    """Import what the bot context needs, so that start-up work overlaps the sandbox's."""
    import bots  # noqa: F401
    import dialogs  # noqa: F401
    import graph  # noqa: F401
    import storage.factory  # noqa: F401


async def sandbox_ctx(app: web.Application) -> AsyncIterator[None]:
    """Local mode without SANDBOX_URL: run the sandbox as a child process for the app's lifetime."""
    settings = app[APP_SETTINGS]
    if not settings.local_mode or settings.sandbox_url:
        app[SANDBOX_URL] = settings.sandbox_url.rstrip("/")
        yield
        return
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "sandbox", "--host", "127.0.0.1", "--port", str(settings.sandbox_port),
        "--auto-signin", cwd=str(ROOT), stdout=asyncio.subprocess.PIPE,
    )
    assert process.stdout is not None
    _preload()  # the bot's imports (~1 s of CPU) run while the child process boots on the other core
    try:
        line = await asyncio.wait_for(process.stdout.readline(), SANDBOX_START_TIMEOUT)
    except TimeoutError:
        line = b""
    text = line.decode(errors="replace").strip()
    if not text.startswith("MIPA sandbox listening on "):
        process.kill()
        await process.wait()
        raise SettingsError(
            f"The sandbox could not start on SANDBOX_PORT {settings.sandbox_port}; "
            "free the port or set SANDBOX_URL to a running sandbox."
        )
    app[SANDBOX_URL] = text.rsplit(" ", 1)[-1]
    drain = asyncio.create_task(_drain(process.stdout))
    logger.info("sandbox started on %s (pid %s)", app[SANDBOX_URL], process.pid)
    try:
        yield
    finally:
        drain.cancel()
        if process.returncode is None:
            process.terminate()
            try:
                await asyncio.wait_for(process.wait(), 5)
            except TimeoutError:
                process.kill()
                await process.wait()


async def graph_ctx(app: web.Application) -> AsyncIterator[None]:
    from graph import GraphClient

    settings = app[APP_SETTINGS]
    sandbox = app[SANDBOX_URL]
    base_url = f"{sandbox}/v1.0" if settings.local_mode and sandbox else settings.graph_base_url
    async with GraphClient(base_url=base_url, wall_clock=app[CLOCK]) as client:
        app[GRAPH_CLIENT] = client
        yield


async def bot_ctx(app: web.Application) -> AsyncIterator[None]:
    from bots import AppBotFrameworkAuthentication, AssistantBot, DedupingTeamsSSOMiddleware
    from bots.adapter import AppCloudAdapter
    from bots.alerts import Alerts
    from bots.card_actions import CardActions
    from bots.errors import make_turn_error_handler
    from bots.proactive import ProactiveSender
    from bots.routes import make_messages_handler
    from bots.sdkfix.b12_state_hash import ConversationState, UserState
    from dialogs import MainDialog, Services, SignInPrompt, build_features, signin_settings
    from dialogs.alert_settings import AlertSettings
    from dialogs.undo import UndoRegistry
    from dialogs.undo_kinds import undo_kinds
    from language import t
    from notify import NotifyStore, Scheduler
    from notify.webhook import NotificationQueue, make_notifications_handler
    from storage import claim_once
    from storage.factory import create_storage

    settings = app[APP_SETTINGS]
    storage = create_storage(
        url=settings.storage_url, key=settings.storage_key or None,
        ttl_seconds=settings.storage_ttl_seconds, prefix=settings.storage_prefix,
    )
    auth = AppBotFrameworkAuthentication(
        settings.bot_config(), token_service_url=app[SANDBOX_URL] if settings.local_mode else None,
        credentials_factory=app.get(CREDENTIALS_FACTORY),  # type: ignore[arg-type]
    )
    adapter = AppCloudAdapter(auth)
    conversation_state = ConversationState(storage)
    user_state = UserState(storage)
    adapter.on_turn_error = make_turn_error_handler(conversation_state)
    adapter.use(DedupingTeamsSSOMiddleware(storage, settings.connection_name))
    signin = SignInPrompt(
        SignInPrompt.__name__,
        signin_settings(settings.connection_name, title=t("bot.signin.title", "en"), text=t("bot.signin.text", "en")),
    )
    async def claim(key: str, ttl_seconds: float) -> bool:
        return await claim_once(storage, key, ttl_seconds=ttl_seconds)

    notify_store = NotifyStore(storage, claim=claim)
    address = app[PUBLIC_ADDRESS]
    alert_settings = AlertSettings(store=notify_store, notification_url=lambda: address.url)
    services = Services(
        settings=settings, graph=app[GRAPH_CLIENT], user_state=user_state, signin=signin,  # type: ignore[arg-type]
        conversation_state=conversation_state, clock=app[CLOCK], undo_registry=UndoRegistry(undo_kinds()),
        alerts=alert_settings,
    )
    dialog = MainDialog(services, build_features(services))
    card_actions = CardActions(services=services, run_dialog=lambda context: bot.run_dialog(context))
    alerts = Alerts(settings=alert_settings, sender=ProactiveSender(adapter, app_id=settings.app_id), services=services,
                    clock=app[CLOCK])
    bot = AssistantBot(
        conversation_state=conversation_state, user_state=user_state, dialog=dialog, services=services,
        card_actions=card_actions, alerts=alerts,
    )
    queue = NotificationQueue()
    app[BOT_PARTS] = BotParts(
        adapter=adapter, bot=bot, storage=storage, handler=make_messages_handler(adapter, bot),
        notifications=make_notifications_handler(notify_store, queue, on_change=alerts.changed,
                                                 on_lifecycle=alerts.lifecycle),
    )
    scheduler = Scheduler(notify_store, alerts, clock=app[CLOCK], tick=settings.alerts_tick_seconds)
    scheduler.start()
    try:
        yield
    finally:
        await scheduler.stop()
        await queue.close()
        await auth.close()
        close = getattr(storage, "close", None)
        if close is not None:
            await close()


# ---- routes -----------------------------------------------------------------------------------
async def messages(request: web.Request) -> web.StreamResponse:
    address = request.app[PUBLIC_ADDRESS]
    if address.url is None and request.app[APP_SETTINGS].local_mode:
        address.url = f"{request.scheme}://{request.host}/api/notifications"
    return await request.app[BOT_PARTS].handler(request)


async def notifications(request: web.Request) -> web.StreamResponse:
    handler = request.app[BOT_PARTS].notifications
    if handler is None:
        raise web.HTTPNotFound()
    return await handler(request)


async def healthz(_: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


def create_app(
    settings: Settings, *, credentials_factory: object | None = None, clock: Clock | None = None
) -> web.Application:
    """The aiohttp application; nothing starts until the app runs its cleanup contexts.

    `clock` answers every user-facing "now" (default: the system clock, moved by MIPA_CLOCK_OFFSET).

    `credentials_factory` (a botframework `ServiceClientCredentialsFactory`) replaces the outbound
    credentials built from the settings: tests use it to call a fake channel without Entra.
    """
    from bots.pages import register_pages
    from bots.routes import MAX_BODY_BYTES

    app = web.Application(client_max_size=MAX_BODY_BYTES)
    app[APP_SETTINGS] = settings
    app[CLOCK] = clock if clock is not None else clock_from_env()
    app[PUBLIC_ADDRESS] = PublicAddress(settings.notification_url or None)
    if credentials_factory is not None:
        app[CREDENTIALS_FACTORY] = credentials_factory
    app.cleanup_ctx.extend([sandbox_ctx, graph_ctx, bot_ctx])
    app.router.add_post("/api/messages", messages)
    app.router.add_post("/api/notifications", notifications)
    app.router.add_get("/healthz", healthz)
    register_pages(app)
    return app


# ---- python app.py --------------------------------------------------------------------------------
# A worker thread hands the GIL back every millisecond instead of every 5: the recognizer's rare slow date
# readings (Recognizers-Text, in `asyncio.to_thread`) then never hold the event loop for 5 ms (language/README.md).
SWITCH_INTERVAL_S = 0.001
#: Printed on stdout once the recognizer is warm and the start-up objects are frozen (after the listening line).
WARM_LINE = "MIPA warm: start-up objects frozen"


#: The collector's thresholds once start-up is frozen (measured 2026-12-06, bench/README.md "Session 4: the event loop"
#: and "Session 5: the collector"). A turn no longer leaves reference cycles (bots/sdkfix/loop_cycles.py), so the
#: collector frees nothing a turn made; it only walked the objects of the turns in flight. With Python's young threshold
#: of 700 it ran 2,280 times over ~5,000 benchmark turns (0.85 s of wall time, ~170 µs a turn on a loaded machine);
#: with 10,000 the in-flight objects of 16 conversations never add up to a collection (fewer than 20 in ~7,700 turns),
#: RSS after 1,000 conversations unchanged (117 MB). A full collection after 100 middle ones instead of 10: each walks
#: every object made since the freeze, inside whichever callback set it off.
GC_THRESHOLDS = (10_000, 10, 100)


def freeze_start_up() -> None:
    """Move every object alive now (modules, the recognizer's models, the app) to the collector's permanent
    generation, and set its thresholds (`GC_THRESHOLDS`). A full collection then walks only what was made since:
    ~0 ms instead of the 10-70 ms of walking ~340,000 start-up objects, a pause that landed inside whichever
    callback set it off. (Counting the frozen objects walks them all, ~10 ms: only done when DEBUG logging is on.)"""
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)
    if logger.isEnabledFor(logging.DEBUG):
        logger.debug("%d start-up objects frozen, collector thresholds %s", gc.get_freeze_count(), gc.get_threshold())


def warm_formatting() -> None:
    """Load what Babel and the message catalogs read on first use: CLDR's global data and each locale's (5-20 ms the
    first time, on the event loop inside a person's first English or French turn), for the languages (`en`, `fr`)
    and the Babel locales (`en_US`, `fr_FR`) the replies and cards use; a few hundred KB. Meant for a worker thread."""
    from babel import Locale
    from babel import dates as babel_dates

    from language.formatting import (
        format_date,
        format_datetime,
        format_duration,
        format_relative,
        format_time,
    )
    from language.messages import catalog

    moment = datetime(2026, 1, 5, 9, 30, tzinfo=UTC)  # any instant: this loads data, it answers nobody
    for lang, babel_name in (("en", "en_US"), ("fr", "fr_FR")):
        catalog(lang)
        Locale.parse(lang).plural_form(2)
        format_datetime(moment, lang, "Europe/Paris")
        format_date(moment, lang, "Europe/Paris", with_year=True)
        format_time(moment, lang, "Europe/Paris")
        format_duration(timedelta(minutes=90), lang)
        format_relative(timedelta(days=-2), lang)
        babel_dates.get_day_names("wide", locale=babel_name)
        babel_dates.format_date(moment.date(), format="medium", locale=babel_name)
        babel_dates.format_time(moment, format="short", locale=babel_name)


def warm_sdk() -> None:
    """What the Bot Framework SDK's libraries do once, on the event loop inside a first turn: msrest's user agent asks
    `platform.platform()` for each client configuration (the first call runs `uname -p` in a child process), and
    isodate compiles its 17 date and time patterns on the first timestamp msrest reads (bots/wire.py's time zones).
    Meant for a worker thread."""
    import platform

    from msrest.serialization import Deserializer

    platform.platform()
    Deserializer.deserialize_iso("2000-01-01T00:00:00.0000000+01:00")


def _warm_up() -> None:
    """Everything a first turn would otherwise build on the event loop (language/recognizer.py's models, Babel, the
    SDK's libraries)."""
    from language.recognizer import warm_up

    warm_up()
    warm_formatting()
    warm_sdk()


async def serve(settings: Settings) -> None:
    sys.setswitchinterval(SWITCH_INTERVAL_S)
    warming = asyncio.create_task(asyncio.to_thread(_warm_up))  # models built off the loop, not on a first turn
    runner = web.AppRunner(create_app(settings), access_log=None)
    await runner.setup()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    try:
        site = web.TCPSite(runner, settings.host, settings.port)
        await site.start()
        port = runner.addresses[0][1] if runner.addresses else settings.port
        print(f"MIPA listening on http://{settings.host}:{port}", flush=True)
        await warming  # the models exist once the warm-up is done: only then is everything start-up made
        freeze_start_up()
        print(WARM_LINE, flush=True)
        await stop.wait()
    finally:
        await runner.cleanup()
        await warming


def configure_logging(level: str) -> None:
    """Root logging at `level` on stderr; the QUIET_LOGGERS never below WARNING."""
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s %(message)s", stream=sys.stderr)
    floor = max(logging.WARNING, logging.getLevelNamesMapping().get(level, logging.INFO))
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(floor)


def _run(main_coroutine: Coroutine[Any, Any, None]) -> None:
    """asyncio.run on uvloop where it is installed (not on Windows): ~15 % less CPU per turn (issue 13)."""
    try:
        import uvloop
    except ImportError:
        asyncio.run(main_coroutine)
        return
    uvloop.run(main_coroutine)


def main() -> int:
    try:
        settings = load_settings()
    except SettingsError as exc:
        print(f"MIPA cannot start: {exc}", file=sys.stderr)
        return 2
    configure_logging(settings.log_level)
    if settings.local_mode:
        logger.info("local mode: no MicrosoftAppId, inbound authentication off, sandbox tenant")
    try:
        _run(serve(settings))
    except SettingsError as exc:
        print(f"MIPA cannot start: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    os.chdir(ROOT)
    sys.exit(main())
