"""Seed content beyond calendars: To Do, mail, contacts, files, Planner and SharePoint."""

from __future__ import annotations

import base64
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from ..timezones import utc_stamp
from .model import Person, Tenant, etag

__all__ = ["seed_content", "todo_task"]


def _stamp(day: date, hour: int = 9) -> str:
    return utc_stamp(datetime.combine(day, time(hour), tzinfo=UTC))


def todo_task(tenant: Tenant, title: str, created: str, *, due: date | None = None, importance: str = "normal", status: str = "notStarted", body: str = "") -> dict[str, Any]:
    _key, tag = etag(tenant.rng)
    return {
        "@odata.etag": tag,
        "id": tenant.new_id("AAkALg"),
        "title": title,
        "status": status,
        "importance": importance,
        "isReminderOn": False,
        "createdDateTime": created,
        "lastModifiedDateTime": created,
        "bodyLastModifiedDateTime": created,
        "categories": [],
        "hasAttachments": False,
        "body": {"content": body, "contentType": "text"},
        "dueDateTime": {"dateTime": f"{due.isoformat()}T00:00:00.0000000", "timeZone": "UTC"} if due else None,
        "completedDateTime": {"dateTime": f"{created[:10]}T00:00:00.0000000", "timeZone": "UTC"} if status == "completed" else None,
        "reminderDateTime": None,
        "startDateTime": None,
        "recurrence": None,
        "linkedResources": [],
    }


def seed_content(tenant: Tenant, seed_date: date, days: dict[str, date] | None = None) -> None:
    """Fill the tenant's other workloads (deterministic for a seed date); `days`: each person's today."""
    for person in tenant.people:
        today = (days or {}).get(person.id, seed_date)
        _todo(tenant, person, today)
        _mail(tenant, person, today)
        _contacts(tenant, person, today)
        _files(tenant, person, today)
    _planner(tenant, seed_date)
    _sites(tenant, seed_date)


def _todo(tenant: Tenant, me: Person, today: date) -> None:
    box = tenant.mailbox(me.id)
    fr = me.locale.startswith("fr")
    created = _stamp(today - timedelta(days=10))
    lists = [
        ("Tâches" if fr else "Tasks", "defaultList"),
        ("E-mails avec indicateur" if fr else "Flagged email", "flaggedEmails"),
        ("Courses" if fr else "Groceries", "none"),
    ]
    for name, known in lists:
        _key, tag = etag(tenant.rng)
        list_id = tenant.new_id("AAMkADIy")
        box.todo_lists[list_id] = {"@odata.etag": tag, "displayName": name, "isOwner": True, "isShared": False, "wellknownListName": known, "id": list_id}
        box.todo_tasks[list_id] = {}
    default_id, _flagged_id, groceries_id = list(box.todo_lists)
    specs: list[tuple[str, str, int | None, str, str]] = [
        ("Préparer la revue trimestrielle" if fr else "Prepare the quarterly review", default_id, 0, "high", "notStarted"),
        ("Envoyer le compte rendu" if fr else "Send the meeting notes", default_id, -2, "normal", "notStarted"),
        ("Relancer le fournisseur" if fr else "Follow up with the supplier", default_id, 1, "normal", "inProgress"),
        ("Réserver la salle" if fr else "Book the room", default_id, 3, "low", "notStarted"),
        ("Mettre à jour le budget" if fr else "Update the budget", default_id, -5, "high", "completed"),
        ("Lire le rapport d'O'Brien" if fr else "Read O'Brien's report", default_id, None, "normal", "notStarted"),
        ("Café" if fr else "Coffee", groceries_id, None, "normal", "notStarted"),
        ("Lait" if fr else "Milk", groceries_id, 2, "normal", "completed"),
    ]
    for title, list_id, offset, importance, status in specs:
        due = today + timedelta(days=offset) if offset is not None else None
        task = todo_task(tenant, title, created, due=due, importance=importance, status=status)
        box.todo_tasks[list_id][task["id"]] = task
    for n in range(55):  # more than one page of 50 (reference §9)
        task = todo_task(tenant, f"{'Tâche' if fr else 'Task'} {n + 1:02d}", created, status="completed" if n % 3 == 0 else "notStarted")
        box.todo_tasks[default_id][task["id"]] = task


def _mail(tenant: Tenant, me: Person, today: date) -> None:
    box = tenant.mailbox(me.id)
    fr = me.locale.startswith("fr")
    senders = [p for p in tenant.people if p.id != me.id]
    subjects = (
        ["Contrat à signer", "Réunion de lundi", "Facture de juillet", "Nouvelles de l'équipe", "Demande de congés", "Déjeuner ?", "Rapport hebdo", "Question rapide", "Présentation client", "Planning"]
        if fr
        else ["Contract to sign", "Monday's meeting", "July invoice", "Team news", "Time-off request", "Lunch?", "Weekly report", "Quick question", "Client deck", "Schedule"]
    )
    ids: list[str] = []
    for n in range(14):
        sender = senders[n % len(senders)]
        received = datetime.combine(today - timedelta(days=n // 2), time(8 + n % 9), tzinfo=UTC)
        flag_status = "flagged" if n % 3 == 0 else ("complete" if n % 7 == 1 else "notFlagged")
        message_id = tenant.new_id("AAMkAGM")
        if n == 1:  # two ids that differ only in letter case (reference §1.1)
            base = ids[0]
            message_id = base[:-6] + base[-6:].swapcase()
        ids.append(message_id)
        key, tag = etag(tenant.rng)
        subject = subjects[n % len(subjects)] + (f" ({n})" if n >= len(subjects) else "")
        preview = ("Bonjour, pouvez-vous regarder ceci ? " if fr else "Hi, could you take a look at this? ") + subject
        box.messages[message_id] = {
            "@odata.etag": tag,
            "id": message_id,
            "createdDateTime": utc_stamp(received),
            "lastModifiedDateTime": utc_stamp(received),
            "changeKey": key,
            "categories": [],
            "receivedDateTime": utc_stamp(received).replace(".0000000Z", "Z"),
            "sentDateTime": utc_stamp(received - timedelta(minutes=1)).replace(".0000000Z", "Z"),
            "hasAttachments": n % 4 == 0,
            "internetMessageId": f"<{message_id[-12:]}@contoso.onmicrosoft.com>",
            "subject": subject,
            "bodyPreview": preview,
            "importance": "high" if n % 5 == 0 else "normal",
            "parentFolderId": "AAMkAGInbox=",
            "conversationId": "AAQkAG" + base64.urlsafe_b64encode(subject.encode()).decode()[:20] + "=",
            "isRead": n % 2 == 1,
            "isDraft": False,
            "webLink": f"https://outlook.office365.com/owa/?ItemID={message_id}&exvsurl=1&viewmodel=ReadMessageItem",
            "inferenceClassification": "focused",
            "body": {"contentType": "html", "content": f"<html><body><p>{preview}</p></body></html>"},
            "sender": {"emailAddress": {"name": sender.display_name, "address": sender.mail}},
            "from": {"emailAddress": {"name": sender.display_name, "address": sender.mail}},
            "toRecipients": [{"emailAddress": {"name": me.display_name, "address": me.mail}}],
            "ccRecipients": [],
            "bccRecipients": [],
            "replyTo": [],
            "flag": {"flagStatus": flag_status}
            | ({"completedDateTime": {"dateTime": f"{today}T08:00:00.0000000", "timeZone": "UTC"}} if flag_status == "complete" else {}),
        }


def _contacts(tenant: Tenant, me: Person, today: date) -> None:
    box = tenant.mailbox(me.id)
    entries = [
        ("Siobhan", "O'Brien", "Fabrikam", "siobhan.obrien@fabrikam.com", "+353 1 555 0101"),
        ("Jean", "de la Cruz", "Northwind", "jean.delacruz@northwind.example", "+33 1 55 55 01 02"),
        ("Hélène", "Girard", "Tailspin", "helene.girard@tailspin.example", "+33 4 55 55 01 03"),
        ("Pavel", "Bansky", "Litware", "pavelb@litware.example", "+1 732 555 0102"),
        ("Ana", "HelloWORld", "Adatum", "ana@adatum.example", "+34 91 555 0104"),
    ]
    created = _stamp(today - timedelta(days=30))
    for given, surname, company, address, phone in entries:
        contact_id = tenant.new_id("AAMkAGCt")
        key, tag = etag(tenant.rng)
        box.contacts[contact_id] = contact_json(contact_id, tag, key, created, given, surname, company, [{"address": address, "name": f"{given} {surname}"}], [phone])


def contact_json(contact_id: str, tag: str, key: str, created: str, given: str, surname: str, company: str, emails: list[dict[str, Any]], phones: list[str], display: str | None = None) -> dict[str, Any]:
    return {
        "@odata.etag": tag,
        "id": contact_id,
        "createdDateTime": created,
        "lastModifiedDateTime": created,
        "changeKey": key,
        "categories": [],
        "parentFolderId": "AAMkAGContacts=",
        "displayName": display or f"{given} {surname}".strip(),
        "givenName": given,
        "middleName": None,
        "surname": surname,
        "nickName": None,
        "title": None,
        "fileAs": "",
        "companyName": company,
        "department": None,
        "jobTitle": None,
        "officeLocation": None,
        "businessPhones": phones,
        "homePhones": [],
        "mobilePhone": None,
        "emailAddresses": emails,
        "imAddresses": [],
        "businessAddress": {},
        "homeAddress": {},
        "otherAddress": {},
        "birthday": None,
        "personalNotes": "",
    }


def _files(tenant: Tenant, me: Person, today: date) -> None:
    box = tenant.mailbox(me.id)
    fr = me.locale.startswith("fr")
    drive_id = "b!" + base64.urlsafe_b64encode(me.id.encode()).decode()[:30]
    names = ["Budget T3.xlsx", "Compte rendu.docx", "Présentation.pptx"] if fr else ["Q3 Budget.xlsx", "Meeting notes.docx", "Roadmap.pptx"]
    mimes = {"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation"}
    for n, name in enumerate(names):
        item_id = "01BYE5RZ" + base64.b32encode(f"{me.id[:8]}{n}".encode()).decode()[:24]
        when = utc_stamp(datetime.combine(today - timedelta(days=n), time(15 - n), tzinfo=UTC))
        box.recent_files.append(_drive_item(item_id, name, mimes[name.rsplit(".", 1)[1]], when, drive_id, me, 20480 * (n + 1)))
    for n, owner in enumerate(p for p in tenant.people if p.id != me.id):
        if n >= 3:
            break
        name = (f"Partagé par {owner.given_name}.docx" if fr else f"Shared by {owner.given_name}.docx")
        item_id = "01SHRD" + base64.b32encode(f"{owner.id[:8]}{me.id[:4]}".encode()).decode()[:22]
        when = utc_stamp(datetime.combine(today - timedelta(days=n + 1), time(11), tzinfo=UTC))
        owner_drive = "b!" + base64.urlsafe_b64encode(owner.id.encode()).decode()[:30]
        item = _drive_item(item_id, name, mimes["docx"], when, owner_drive, owner, 10240)
        item["remoteItem"]["shared"] = {"sharedBy": {"user": {"id": owner.id, "displayName": owner.display_name, "email": owner.mail}}, "sharedDateTime": when}
        box.shared_files.append(item)


def _drive_item(item_id: str, name: str, mime: str, when: str, drive_id: str, owner: Person, size: int) -> dict[str, Any]:
    web_url = f"https://contoso-my.sharepoint.com/personal/{owner.upn.split('@')[0]}/Documents/{name.replace(' ', '%20')}"
    user = {"user": {"id": owner.id, "displayName": owner.display_name, "email": owner.mail}}
    return {
        "id": item_id,
        "name": name,
        "size": size,
        "webUrl": web_url,
        "createdDateTime": when,
        "lastModifiedDateTime": when,
        "file": {"mimeType": mime},
        "fileSystemInfo": {"createdDateTime": when, "lastModifiedDateTime": when, "lastAccessedDateTime": when},
        "createdBy": user,
        "lastModifiedBy": user,
        "parentReference": {"driveId": drive_id, "driveType": "business", "id": "01ROOT"},
        "remoteItem": {
            "id": item_id,
            "name": name,
            "size": size,
            "webUrl": web_url,
            "file": {"mimeType": mime},
            "fileSystemInfo": {"createdDateTime": when, "lastModifiedDateTime": when},
            "parentReference": {"driveId": drive_id, "driveType": "business", "id": "01ROOT"},
            "createdBy": user,
            "lastModifiedBy": user,
        },
    }


def _planner(tenant: Tenant, today: date) -> None:
    from .planner_seed import seed_planner

    seed_planner(tenant, today)


def _sites(tenant: Tenant, today: date) -> None:
    from .sites_seed import seed_sites

    seed_sites(tenant, today)
