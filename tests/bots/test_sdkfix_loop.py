"""MIPA's side of L1 (bots/sdkfix/loop_cycles.py: a turn's objects are freed by reference counting, behaviour
unchanged) and L2 (bots/sdkfix/loop_retry_codes.py: msrest's retry codes, the same list without the slow search) and T1
(bots/sdkfix/turn_instance_ids.py: unique waterfall instance ids without uuid1)."""

from __future__ import annotations

import gc
import re
import weakref
from collections.abc import Iterator
from typing import Any

import pytest
from botbuilder.core import ConversationState, MemoryStorage, TurnContext
from botbuilder.core.adapters import TestAdapter
from botbuilder.dialogs import (
    DialogExtensions,
    DialogTurnResult,
    DialogTurnStatus,
    WaterfallDialog,
    WaterfallStepContext,
)
from botbuilder.schema import Activity
from msrest.universal_http.requests import ClientRetryPolicy

from bots.sdkfix import loop_retry_codes
from bots.sdkfix.loop_cycles import SDK_EMIT, install, installed
from bots.sdkfix.loop_retry_codes import SDK_SAFE_CODES


@pytest.fixture
def no_collector() -> Iterator[None]:
    """Only reference counting frees objects while the test runs."""
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def test_importing_bots_installs_it() -> None:
    import bots  # noqa: F401

    install()  # idempotent
    assert installed()


async def _send_through(emit: Any, handlers: list[str]) -> tuple[list[str], list[str | None], str | None]:
    """Send "one" through send handlers named in `handlers` (`stop`: does not call next, `fail`: raises), with `emit`
    as `TurnContext._emit`: what the handlers saw, what the adapter sent, the error."""
    adapter = TestAdapter()
    context = TurnContext(adapter, Activity(type="message", text="hi", channel_id="test", service_url="http://x"))
    seen: list[str] = []

    def handler(name: str) -> Any:
        async def run(ctx: TurnContext, activities: list[Activity], next_send: Any) -> Any:
            assert ctx is context
            seen.append(f"{name}:{[a.text for a in activities]}")
            if name == "fail":
                raise ZeroDivisionError
            return None if name == "stop" else await next_send()

        return run

    for name in handlers:
        context.on_send_activities(handler(name))
    error = None
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(TurnContext, "_emit", emit)
        try:
            await context.send_activity("one")
        except ZeroDivisionError as exc:
            error = type(exc).__name__
    return seen, [a.text for a in adapter.activity_buffer], error


@pytest.mark.parametrize("handlers", [
    [], ["a"], ["a", "b"], ["a", "stop", "b"],
    # the SDK leaves the adapter's send coroutine unawaited when a handler raises: so do we
    pytest.param(["a", "fail", "b"], marks=pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")),
])
async def test_send_handlers_behave_as_the_sdks(handlers: list[str]) -> None:
    install()
    ours = await _send_through(TurnContext._emit, handlers)
    assert ours == await _send_through(SDK_EMIT, handlers)
    reached = next((i + 1 for i, name in enumerate(handlers) if name in ("stop", "fail")), len(handlers))
    assert ours[0] == [f"{name}:['one']" for name in handlers[:reached]]
    assert ours[2] == ("ZeroDivisionError" if "fail" in handlers else None)


async def test_a_context_that_sent_through_a_handler_is_freed_without_the_collector(no_collector: None) -> None:
    install()
    context = TurnContext(TestAdapter(), Activity(type="message", text="hi", channel_id="test", service_url="http://x"))

    async def forward(ctx: TurnContext, activities: list[Activity], next_send: Any) -> Any:
        return await next_send()

    context.on_send_activities(forward)
    await context.send_activity("one")
    await context.update_activity(Activity(type="message", id="1", text="two"))
    gone = weakref.ref(context)
    del context
    assert gone() is None


async def test_a_waterfall_turn_is_freed_without_the_collector_and_runs_as_before(no_collector: None) -> None:
    install()
    conversation = ConversationState(MemoryStorage())
    flow: WaterfallDialog
    contexts: list[weakref.ref[Any]] = []

    async def ask(step: WaterfallStepContext) -> DialogTurnResult:
        contexts.append(weakref.ref(step))
        assert step.state._dialog_context is step  # the manager reaches its context through the weak reference
        step.values["asked"] = step.context.activity.text
        await step.context.send_activity(f"asked {step.values['asked']}")
        return DialogTurnResult(DialogTurnStatus.Waiting)

    async def answer(step: WaterfallStepContext) -> DialogTurnResult:
        contexts.append(weakref.ref(step))
        await step.context.send_activity(f"{step.values['asked']} then {step.context.activity.text}")
        return await step.end_dialog()

    flow = WaterfallDialog("flow", [ask, answer])
    state = conversation.create_property("dialogs")

    async def logic(context: TurnContext) -> None:
        contexts.append(weakref.ref(context))
        await DialogExtensions.run_dialog(flow, context, state)  # as bots/assistant_bot.py: memory scopes loaded
        await conversation.save_changes(context)

    adapter = TestAdapter(logic)
    await adapter.send("first")
    await adapter.send("second")
    assert [a.text for a in adapter.activity_buffer] == ["asked first", "first then second"]
    assert len(contexts) == 4
    assert [ref() for ref in contexts] == [None] * 4


def test_l2_the_retry_policy_retries_the_same_status_codes() -> None:
    import bots  # noqa: F401  (installs it)

    assert loop_retry_codes.installed()
    policy = ClientRetryPolicy()
    assert policy.policy.status_forcelist == [code for code in range(999) if code not in SDK_SAFE_CODES]
    assert {408, 500, 502, 503} <= set(policy.policy.status_forcelist)
    assert not {404, 429, 501, 505} & set(policy.policy.status_forcelist)


def test_t1_waterfalls_get_distinct_uuid_shaped_instance_ids() -> None:
    from botbuilder.dialogs import waterfall_dialog

    import bots  # noqa: F401  (installs it)
    from bots.sdkfix import turn_instance_ids

    assert turn_instance_ids.installed()
    turn_instance_ids.install()  # idempotent
    ids = [str(waterfall_dialog.uuid.uuid1()) for _ in range(2000)]  # type: ignore[attr-defined]
    assert len(set(ids)) == len(ids)
    shape = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
    assert all(shape.fullmatch(value) for value in ids)
    assert len({value[:24] for value in ids}) == 1  # one random prefix per process, then a count


async def test_t1_a_begun_waterfall_keeps_its_instance_id_for_its_steps() -> None:
    from botbuilder.dialogs import DialogSet

    import bots  # noqa: F401  (installs it)

    seen: list[str] = []

    async def step(step_context: WaterfallStepContext) -> DialogTurnResult:
        seen.append(step_context.active_dialog.state[WaterfallDialog.PersistedInstanceId])
        return await step_context.end_dialog()

    storage = MemoryStorage()
    state = ConversationState(storage)
    dialogs = DialogSet(state.create_property("dialogs"))
    dialogs.add(WaterfallDialog("w", [step]))

    async def logic(context: TurnContext) -> None:
        dc = await dialogs.create_context(context)
        await dc.begin_dialog("w")
        await state.save_changes(context)

    adapter = TestAdapter(logic)
    await adapter.send("one")
    await adapter.send("two")
    assert len(seen) == 2 and seen[0] != seen[1] and all(len(value) == 36 for value in seen)


def test_t2_an_account_copy_is_the_generic_protocols_copy() -> None:
    import copy

    from botbuilder.schema import ChannelAccount, ConversationAccount
    from botbuilder.schema.teams import TeamsChannelAccount

    from bots.sdkfix import turn_account_copies

    assert turn_account_copies.installed()
    turn_account_copies.install()  # idempotent
    accounts = [
        ChannelAccount(id="29:1a", name="N", aad_object_id="o", role="user", properties={"k": [1]}),
        ChannelAccount(),
        ConversationAccount(id="a:1", conversation_type="personal", tenant_id="t", is_group=False),
        TeamsChannelAccount(id="29:1b", given_name="G", user_principal_name="u@x"),
    ]
    accounts[0].additional_properties = {"extra": {"x": 1}}
    accounts[1].custom = "set after construction"  # type: ignore[attr-defined]
    for account in accounts:
        generic = copy._reconstruct(account, None, *account.__reduce_ex__(4))  # type: ignore[attr-defined]
        copied = copy.copy(account)
        assert type(copied) is type(account) is type(generic) and copied is not account
        assert vars(copied) == vars(generic) == vars(account)
        assert all(vars(copied)[key] is value for key, value in vars(account).items())  # shallow, as the protocol


def test_t3_a_state_manager_is_built_as_the_sdk_builds_it() -> None:
    from botbuilder.dialogs import DialogContext, DialogSet, DialogState
    from botbuilder.dialogs.memory import DialogStateManager, DialogStateManagerConfiguration

    from bots.sdkfix import turn_state_manager_init
    from bots.sdkfix.turn_state_manager_init import SDK_INIT

    assert turn_state_manager_init.installed()
    turn_state_manager_init.install()  # idempotent

    def built(init: Any, configured: bool) -> tuple[dict[str, Any], dict[str, Any]]:
        context = TurnContext(TestAdapter(), Activity(type="message", text="hi"))
        if configured:
            context.turn_state["DialogStateManagerConfiguration"] = DialogStateManagerConfiguration()
        dc = DialogContext(DialogSet(ConversationState(MemoryStorage()).create_property("d")), context, DialogState())
        manager = DialogStateManager.__new__(DialogStateManager)
        init(manager, dc)
        state = dict(vars(manager))
        state.pop("_dialog_context_ref")  # a weak reference (L1) to dc
        assert manager._dialog_context is dc
        return state, dict(context.turn_state)

    for configured in (True, False):
        sdk_state, sdk_turn = built(SDK_INIT, configured)
        our_state, our_turn = built(DialogStateManager.__init__, configured)
        assert list(our_state) == list(sdk_state)
        assert {k: v for k, v in our_state.items() if k != "_configuration"} == {
            k: v for k, v in sdk_state.items() if k != "_configuration"}
        assert type(our_state["_configuration"]) is type(sdk_state["_configuration"])
        assert list(our_turn) == list(sdk_turn)
        assert our_turn["DialogStateManagerConfiguration"] is our_state["_configuration"]
        if not configured:  # built by the SDK's own code: the same scopes and resolvers
            ours, sdks = our_state["_configuration"], sdk_state["_configuration"]
            assert [type(s) for s in ours.memory_scopes] == [type(s) for s in sdks.memory_scopes]
            assert [type(r) for r in ours.path_resolvers] == [type(r) for r in sdks.path_resolvers]
    with pytest.raises(TypeError):
        DialogStateManager(None)  # type: ignore[arg-type]

