"""Workarounds for botbuilder 4.17.1 defects, one module per defect; README.md is the table of them all.

tests/bots/test_sdk_defects.py reproduces each defect on the SDK itself: when one of those tests fails
after an upgrade, the defect is gone and its workaround can go.
"""

from bots.sdkfix.b5_exchange_result import exchange_result
from bots.sdkfix.b6_sso_dedup import DedupingTeamsSSOMiddleware
from bots.sdkfix.b7_anonymous_app_id import PLACEHOLDER_APP_ID, token_app_id
from bots.sdkfix.b11_bearer_errors import BEARER_ERRORS
from bots.sdkfix.loop_cycles import install as install_loop_cycles
from bots.sdkfix.loop_retry_codes import install as install_loop_retry_codes
from bots.sdkfix.turn_account_copies import install as install_turn_account_copies
from bots.sdkfix.turn_dropped_snapshot import install as install_turn_dropped_snapshot
from bots.sdkfix.turn_instance_ids import install as install_turn_instance_ids
from bots.sdkfix.turn_state_manager_init import install as install_turn_state_manager_init

__all__ = ["BEARER_ERRORS", "PLACEHOLDER_APP_ID", "DedupingTeamsSSOMiddleware", "exchange_result", "token_app_id"]

install_loop_cycles()  # L1: a turn's objects freed by reference counting, not by full collections (issue 25)
install_loop_retry_codes()  # L2: msrest's retry status list built without 500,000 comparisons on the loop
install_turn_instance_ids()  # T1: a waterfall's telemetry-only instance id without uuid1() (issue 25)
install_turn_account_copies()  # T2: the accounts of a sent activity's reference copied directly (issue 25)
install_turn_state_manager_init()  # T3: a dialog context's state manager without an import statement (issue 25)
install_turn_dropped_snapshot()  # T4: no memory snapshot for a trace the adapter drops (issue 25)
