"""A turn's objects are freed when the turn ends, by reference counting (bots/sdkfix/loop_cycles.py, issue 25): none
is left in a reference cycle for the collector's full passes, which otherwise free ~150 turns at once inside
whichever event-loop callback set them off."""

from __future__ import annotations

import asyncio
import gc
from collections import Counter

from sandbox.testing import AdminClient
from tests.support.bot import BotServer, texts

#: The SDK and MIPA objects a turn makes (the context, its dialog contexts and their state managers, the activity).
TURN_TYPES = ("ReplyTurnContext", "DialogContext", "WaterfallStepContext", "DialogStateManager", "Activity", "TurnFacts")


async def test_no_turn_object_is_left_in_a_reference_cycle(bot: BotServer, sandbox: AdminClient) -> None:
    conv = bot.conversation(user_id=sandbox.users()[0]["userPrincipalName"])
    await conv.say("help")  # the first turn's one-time work (caches) is not the turn's garbage
    gc.collect()
    gc.disable()
    try:
        for text in ("what's on my calendar today?", "my day", "add buy printer paper to my tasks", "yes"):
            assert texts(await conv.say(text)), text
        await asyncio.sleep(0.05)  # the request handlers' tasks finish after their answers are written
        gc.set_debug(gc.DEBUG_SAVEALL)
        gc.collect()
        left = Counter(type(o).__name__ for o in gc.garbage if type(o).__name__ in TURN_TYPES)
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()
    assert left == Counter(), f"turn objects only the cyclic collector could free: {dict(left)}"
