"""Curation's writes: bulk actions on a selection of items, all or nothing, and filling a
missing translation side by side. Each item's change goes through the service of the app
that owns the workflow (core's publication transitions, core's verification), which writes
that item's audit entry."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from apps.core.indexing import search_index, search_type_of
from apps.core.pagecache import pages_changed
from apps.core.publishable import publishable_types
from apps.core.roles import Person, is_curator
from apps.core.services import (
    InvalidTransition,
    audit_record,
    check_can_transition,
    publication_transition,
)
from apps.core.verification import CheckedType, checked_confirm, checked_type_of, overdue
from apps.curation.items import parse_item_ref
from apps.curation.translations import TextField, missing_texts

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise

# What a bulk action may do; publishing and archiving are transitions of core's workflow.
PUBLISH, VERIFY, ARCHIVE = "publish", "verify", "archive"
BULK_ACTIONS = {
    PUBLISH: _("Publish"),
    VERIFY: _("Mark as checked: still correct"),
    ARCHIVE: _("Archive"),
}
# A selection larger than this is refused: one transaction locks every row it names.
BULK_LIMIT = 200


@dataclass(frozen=True)
class Problem:
    """Why one selected item cannot take the action."""

    ref: str
    reason: "str | StrPromise"


class BulkRefused(Exception):
    """Some items cannot take the action: nothing was changed."""

    def __init__(self, problems: list[Problem]):
        super().__init__(problems)
        self.problems = problems


def _refusal(action: str, item, error: Exception) -> "str | StrPromise":
    if isinstance(error, PermissionDenied):
        return _("You may not do this to this kind of item.")
    status = getattr(item, "status", "")
    if action == PUBLISH and status == "published":
        return _("It is already published.")
    if action == ARCHIVE and status == "archived":
        return _("It is already archived.")
    if action == PUBLISH and item.has_open_reports():
        return _("It has reports that staff must handle first.")
    return _("Its status does not allow this.")


def _check(*, actor: Person, action: str, model, item) -> "str | StrPromise | None":
    """Why the locked item cannot take the action now, or None when it can."""
    if action == VERIFY:
        kind = checked_type_of(model)
        if kind is None:
            return _("This kind of item is not checked again by staff.")
        if not overdue(kind).filter(pk=item.pk).exists():
            return _("It was checked within its period already.")
        return None
    if publishable_types.of(model) is None:
        return _("This kind of item has no review workflow.")
    try:
        check_can_transition(actor=actor, item=item, action=action)
    except (InvalidTransition, PermissionDenied) as error:
        return _refusal(action, item, error)
    return None


def _locked_items(refs: Sequence[str]) -> tuple[dict[str, models.Model], list[Problem]]:
    """Each reference's item, its row locked until the transaction ends, and the references
    that name no item. Rows are locked model by model in key order, so that two selections
    sharing items wait for each other instead of deadlocking."""
    wanted: dict[type[models.Model], dict[int, str]] = {}
    problems = []
    for ref in refs:
        parsed = parse_item_ref(ref)
        if parsed is None:
            problems.append(Problem(ref, _("This is not an item.")))
            continue
        model, pk = parsed
        wanted.setdefault(model, {})[pk] = ref
    found: dict[str, models.Model] = {}
    for model, refs_by_pk in sorted(wanted.items(), key=lambda pair: pair[0]._meta.label):
        rows = model._default_manager.select_for_update().filter(pk__in=refs_by_pk).order_by("pk")
        for item in rows:
            found[refs_by_pk[item.pk]] = item
    for ref in refs:
        if ref not in found and all(problem.ref != ref for problem in problems):
            problems.append(Problem(ref, _("There is no such item: it may have been deleted.")))
    return found, problems


def bulk_apply(*, actor: Person, refs: Sequence[str], action: str, note: str = "") -> int:
    """Take one action on every selected item, or on none: BulkRefused lists the items that
    cannot take it (wrong state, not an item) and why. Two people acting on the same item at
    once: the second waits for the first's locks, then finds the item changed and is told.
    Returns how many items changed."""
    if not is_curator(actor):
        raise PermissionDenied
    if action not in BULK_ACTIONS:
        raise ValueError(action)
    refs = list(dict.fromkeys(refs))  # the same item twice is one item
    with transaction.atomic():
        items, problems = _locked_items(refs)
        for ref, item in items.items():
            reason = _check(actor=actor, action=action, model=type(item), item=item)
            if reason is not None:
                problems.append(Problem(ref, reason))
        if problems:
            problems.sort(key=lambda problem: refs.index(problem.ref))
            raise BulkRefused(problems)
        for item in items.values():
            if action == VERIFY:
                kind = cast(CheckedType, checked_type_of(type(item)))  # checked above
                checked_confirm(actor=actor, kind=kind, item=item, note=note)
            else:
                publication_transition(actor=actor, item=item, action=action, note=note)  # type: ignore[arg-type]
    return len(items)


class TranslationConflict(Exception):
    """Someone filled one of these texts meanwhile: nothing was saved."""


def translation_fill(*, actor: Person, item: models.Model, texts: dict[TextField, str]) -> None:
    """Fill texts missing in a language, and only those: the item's review state (status,
    publication and review dates) stays as it is. Its search entry and cached pages follow
    the new text; the audit log records "translation added"."""
    if not is_curator(actor):
        raise PermissionDenied
    texts = {text: value for text, value in texts.items() if value}
    if not texts:
        return
    with transaction.atomic():
        locked = type(item)._default_manager.select_for_update().get(pk=item.pk)
        if not set(texts) <= set(missing_texts(locked)):
            raise TranslationConflict
        for text, value in texts.items():
            setattr(locked, text.column, value)
        # update_fields: nothing else is written, not even the "updated" date.
        locked.save(update_fields=[text.column for text in texts])
        if search_type_of(locked) is not None:
            search_index(locked)  # type: ignore[arg-type]
        else:
            pages_changed(type(locked))
        names = ", ".join(f"{text.name} ({text.language})" for text in texts)
        audit_record(actor=actor, subject=locked, action="translation_added", note=names)
        for text, value in texts.items():
            setattr(item, text.column, value)
