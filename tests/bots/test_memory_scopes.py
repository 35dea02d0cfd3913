"""`bots.memory_scopes`: every turn's dialog contexts share one memory configuration, the one the SDK builds."""

from __future__ import annotations

from botbuilder.core import ConversationState, MemoryStorage, TurnContext
from botbuilder.core.adapters import TestAdapter
from botbuilder.dialogs import DialogSet, DialogTurnStatus, TextPrompt
from botbuilder.dialogs.memory import DialogStateManagerConfiguration
from botbuilder.dialogs.prompts import PromptOptions
from botbuilder.schema import Activity

from bots.memory_scopes import MemoryScopes


async def _configurations(scopes: MemoryScopes | None) -> list[DialogStateManagerConfiguration]:
    """Two turns of a prompt; the configuration each turn's dialog context used."""
    state = ConversationState(MemoryStorage())
    dialogs = DialogSet(state.create_property("dialogs"))
    dialogs.add(TextPrompt("ask"))
    seen: list[DialogStateManagerConfiguration] = []
    answers: list[str] = []

    async def logic(context: TurnContext) -> None:
        if scopes is not None:
            scopes.put(context)
        dialog_context = await dialogs.create_context(context)
        seen.append(dialog_context.state.configuration)
        result = await dialog_context.continue_dialog()
        if result.status == DialogTurnStatus.Empty:
            await dialog_context.prompt("ask", PromptOptions(prompt=Activity(type="message", text="?")))
        else:
            answers.append(result.result)
        await state.save_changes(context)

    adapter = TestAdapter(logic)
    await adapter.send("one")
    await adapter.send("two")
    assert answers == ["two"]  # the prompt asked on the first turn and was answered on the second
    return seen


def _shape(configuration: DialogStateManagerConfiguration) -> tuple[list[str], list[str]]:
    return ([f"{type(s).__name__}:{s.name}" for s in configuration.memory_scopes],
            [type(r).__name__ for r in configuration.path_resolvers])


async def test_turns_share_the_configuration_the_sdk_would_build_per_turn() -> None:
    scopes = MemoryScopes()
    shared = await _configurations(scopes)
    built = await _configurations(None)
    assert shared[0] is shared[1] is scopes.configuration
    assert built[0] is not built[1]  # the SDK's own: one per turn
    assert _shape(scopes.configuration) == _shape(built[0]) == _shape(built[1])
    assert len(scopes.configuration.memory_scopes) == 9 and len(scopes.configuration.path_resolvers) == 5
