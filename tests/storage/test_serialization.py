"""The serialiser round-trips bot state and refuses payloads naming types outside its allowlist."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from botbuilder.core import StoreItem
from botbuilder.dialogs import DialogInstance, DialogState, PromptOptions
from botbuilder.schema import Activity, InputHints

from storage import RedisStorage, StateSerializer, StorageError, UnsafePayload


def malicious_payloads(marker: Path) -> dict[str, object]:
    """Payloads that would create `marker` (or worse) if jsonpickle decoded them unchecked."""
    touch = {"py/reduce": [{"py/type": "pathlib.Path"}, {"py/tuple": [str(marker)]}]}
    return {
        "reduce-os-system": {"x": {"py/reduce": [{"py/function": "os.system"}, {"py/tuple": [f"touch {marker}"]}]}},
        "reduce-subprocess": {"py/reduce": [{"py/type": "subprocess.Popen"}, {"py/tuple": [["touch", str(marker)]]}]},
        "object-outside": {"py/object": "subprocess.Popen", "args": ["touch", str(marker)]},
        "type-outside": [{"py/type": "os.system"}],
        "pathlib": {"p": touch},
        "repr": {"py/repr": f"os/os.system('touch {marker}')"},
        "module": {"py/mod": "os"},
        "prefix-lookalike": {"py/object": "botbuilder_evil.Thing"},
        "attribute-chain": {"py/object": "botbuilder.core.bot_state.Pickler"},
        "allowed-class-called": {"py/reduce": [{"py/type": "botbuilder.core.MemoryStorage"}, {"py/tuple": [{}]}]},
        "datetime-with-bad-callable": {
            "py/object": "datetime.datetime",
            "__reduce__": [{"py/function": "os.system"}, [f"touch {marker}"]],
        },
    }


def test_dialog_state_round_trip() -> None:
    serializer = StateSerializer()
    prompt = Activity(type="message", text="Sign in", input_hint=InputHints.accepting_input)
    state = DialogState([DialogInstance(id="signin", state={"options": PromptOptions(prompt=prompt)})])
    text = serializer.dumps({"DialogState": state, "e_tag": "old"})
    assert "old" not in text  # eTags live next to the value, not in it
    back = serializer.loads(text, e_tag="new")
    assert back["e_tag"] == "new"
    restored = back["DialogState"]
    assert isinstance(restored, DialogState)
    options = restored.dialog_stack[0].state["options"]
    assert options.prompt.text == "Sign in" and options.prompt.input_hint == InputHints.accepting_input


def test_store_item_gets_the_stored_etag() -> None:
    serializer = StateSerializer()
    back = serializer.loads(serializer.dumps(StoreItem(a=1, e_tag="x")), e_tag="y")
    assert isinstance(back, StoreItem) and back.a == 1 and back.e_tag == "y"


@pytest.mark.parametrize("case", list(malicious_payloads(Path("/nonexistent"))))
def test_malicious_payloads_are_refused_without_side_effects(
    case: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    marker = tmp_path / "pwned"
    payload = malicious_payloads(marker)[case]
    with pytest.raises(UnsafePayload, match="not allowed"):
        StateSerializer().loads(json.dumps(payload))
    assert not marker.exists()
    assert "refused a stored value" in caplog.text
    assert str(tmp_path) not in caplog.text  # the payload's data is not logged


def test_extra_allowed_modules_are_opt_in() -> None:
    payload = json.dumps({"py/object": "tests.storage.test_serialization.AppThing", "n": 3})
    with pytest.raises(UnsafePayload):
        StateSerializer().loads(payload)
    thing = StateSerializer(allowed_modules=("tests.storage",)).loads(payload)
    assert isinstance(thing, AppThing) and thing.n == 3


class AppThing:
    """An application class stored in dialog state."""

    n: int = 0


def test_corrupt_values_are_refused() -> None:
    with pytest.raises(UnsafePayload):
        StateSerializer().loads("{not json")
    with pytest.raises(StorageError):
        StateSerializer().loads(json.dumps({"py/object": "botbuilder.core.NoSuchClass"}))


async def test_malicious_value_written_directly_into_redis_is_refused(
    redis_store: RedisStorage, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    marker = tmp_path / "pwned"
    for case, payload in malicious_payloads(marker).items():
        raw = f"{'a' * 32}\n{json.dumps(payload)}"
        await redis_store.client.set(redis_store.redis_key(case), raw)
        with pytest.raises(UnsafePayload):
            await redis_store.read([case])
    assert not marker.exists()
    assert str(tmp_path) not in caplog.text
    # Other keys still read normally.
    await redis_store.write({"fine": {"v": 1}})
    assert (await redis_store.read(["fine"]))["fine"]["v"] == 1
