"""The conversation context: ids, intents, date ranges and pages only, kept 30 minutes (issue 20)."""

from dialogs.context.items import item_of_undo
from dialogs.context.models import Context, Item, LastRequest, ShownList
from dialogs.context.store import LIFETIME_SECONDS, ConversationContext

__all__ = ["LIFETIME_SECONDS", "Context", "ConversationContext", "Item", "LastRequest", "ShownList", "item_of_undo"]
