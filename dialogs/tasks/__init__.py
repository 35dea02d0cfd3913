"""Task dialogs: Microsoft To Do, Planner and flagged mail (issue 7)."""

from dialogs.tasks.flagged import FlagDialog, FlaggedListDialog, MailToTaskDialog
from dialogs.tasks.planner import (
    PlannerAddDialog,
    PlannerCompleteDialog,
    PlannerListDialog,
    PlannerPlansDialog,
)
from dialogs.tasks.todo import TodoAddDialog, TodoChangeDialog, TodoListDialog

__all__ = [
    "TASK_FEATURES",
    "FlagDialog",
    "FlaggedListDialog",
    "MailToTaskDialog",
    "PlannerAddDialog",
    "PlannerCompleteDialog",
    "PlannerListDialog",
    "PlannerPlansDialog",
    "TodoAddDialog",
    "TodoChangeDialog",
    "TodoListDialog",
]

#: Every task feature, for `dialogs/registry.py`.
TASK_FEATURES = (
    TodoListDialog, TodoAddDialog, TodoChangeDialog,
    PlannerListDialog, PlannerPlansDialog, PlannerAddDialog, PlannerCompleteDialog,
    FlaggedListDialog, FlagDialog, MailToTaskDialog,
)
