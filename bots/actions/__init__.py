"""Card action handlers used by `bots.card_actions`: one function per item button, with their undo handlers."""
