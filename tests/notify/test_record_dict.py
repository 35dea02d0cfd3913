"""UserRecord.as_dict: the stored form `dataclasses.asdict` gave (digest as text), copied, and read back whole."""

from __future__ import annotations

from dataclasses import asdict
from datetime import time

from notify.models import Digest, Due, SubscriptionInfo, UserRecord, Watch


def _as_asdict_gave(record: UserRecord) -> dict[str, object]:
    out = asdict(record)
    out["digest"] = record.digest.as_dict() if record.digest else None
    out["due"] = [asdict(d) for d in record.due]
    out["watch"] = [asdict(w) for w in record.watch]
    out["subscription"] = asdict(record.subscription) if record.subscription else None
    out["v"] = 1
    return out


FULL = UserRecord(
    user_id="29:u1", locale="fr", tz="Europe/Paris",
    reference={"user": {"id": "29:u1", "aadObjectId": "a1"}, "conversation": {"id": "a:c1", "conversationType": "personal"},
               "serviceUrl": "https://smba.example/", "locale": "fr-FR", "activityId": None, "list": [1, [2.5, {"x": True}]]},
    reminders=15, digest=Digest(at=time(8, 30), days=(0, 1, 2)),
    subscription=SubscriptionInfo(id="s1", expires=1.5e9, client_state="cs"),
    due=(Due(event_id="e1", start=2.0e9, at=2.0e9 - 900),), watch=(Watch(event_id="e1", start=2.0e9),),
    digest_sent="2026-12-06", next_refresh=3.0, paused=True, told_paused=True, extra={"k": {"nested": ["v"]}},
)


def test_as_dict_is_what_asdict_gave_key_for_key() -> None:
    for record in (FULL, UserRecord(user_id="29:u2")):
        stored = record.as_dict()
        assert stored == _as_asdict_gave(record)
        assert list(stored) == list(_as_asdict_gave(record))
        assert UserRecord.from_dict(stored) == record


def test_as_dict_shares_nothing_mutable_with_the_record() -> None:
    stored = FULL.as_dict()
    stored["reference"]["user"]["id"] = "changed"
    stored["reference"]["list"][1][1]["x"] = False
    stored["extra"]["k"]["nested"].append("w")
    assert FULL.reference is not None and FULL.reference["user"]["id"] == "29:u1"
    assert FULL.reference["list"][1][1]["x"] is True
    assert FULL.extra == {"k": {"nested": ["v"]}}
