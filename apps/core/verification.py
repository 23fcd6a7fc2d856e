"""Checking again that what Camino lists is still true. Some things go out of date while
nobody edits them: a legal provider's hours, a guide's advice, a state's licensing rule. A
type that staff check from time to time registers a CheckedType in `checked_types` (in its
AppConfig.ready()); core keeps one queue of what is overdue across every type, oldest first,
where staff confirm "still correct" after checking (apps.core.verification_views), and the staff
summary counts it."""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.db.models import F, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.core.registry import Registry
from apps.core.roles import Person, is_curator
from apps.core.services import audit_actions, audit_record

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise


@dataclass(frozen=True)
class CheckedType:
    """What a type that staff check again declares. `checked_at` and `checked_by` name its
    fields for when it was last checked and by whom; `stale_after` reads its period from
    settings when asked, so tests and operators can change it."""

    model: type[models.Model]
    title: "str | StrPromise"  # "Legal help providers"
    checked_at: str
    checked_by: str
    stale_after: Callable[[], timedelta]
    # Which items are kept checked (the public ones, say), from the model's default manager.
    kept_checked: Callable[[QuerySet], QuerySet] = field(default=lambda items: items)
    # What else a confirmation changes (a provider's listing moves its end date on); called
    # inside the transaction, after the fields are saved.
    after_confirm: Callable[[Any], None] | None = None
    # The page where staff check an item against its sources.
    page_url: Callable[[Any], str] = field(default=lambda item: item.get_absolute_url())
    select_related: tuple[str, ...] = ()


# Keyed by a short slug used in URLs ("legal-providers").
checked_types: Registry[CheckedType] = Registry("checked types")

audit_actions.register("still_correct", _("Checked: still correct"))


def checked_type_of(model: type[models.Model]) -> CheckedType | None:
    """The checked type of a model, as publishable_types.of() finds a publishable one."""
    for kind in checked_types:
        if kind.model is model:
            return kind
    return None


def overdue(kind: CheckedType, *, now=None) -> QuerySet:
    """The items of a type not checked within its period (never checked first, then the
    oldest check first)."""
    cutoff = (now or timezone.now()) - kind.stale_after()
    items = kind.kept_checked(kind.model._default_manager.all())
    never = models.Q(**{f"{kind.checked_at}__isnull": True})
    return (
        items.filter(never | models.Q(**{f"{kind.checked_at}__lt": cutoff}))
        .select_related(kind.checked_by, *kind.select_related)
        .order_by(F(kind.checked_at).asc(nulls_first=True), "pk")
    )


def overdue_counts(*, now=None) -> dict[str, int]:
    return {key: overdue(kind, now=now).count() for key, kind in checked_types.items()}


def checked_confirm(*, actor: Person, kind: CheckedType, item: models.Model, note: str = ""):
    """Staff looked at the item's sources and it is still correct: record when and by whom,
    and let the type move on what depends on it."""
    if not is_curator(actor):
        raise PermissionDenied
    with transaction.atomic():
        setattr(item, kind.checked_at, timezone.now())
        setattr(item, kind.checked_by, actor)
        item.save(update_fields=[kind.checked_at, kind.checked_by])
        if kind.after_confirm is not None:
            kind.after_confirm(item)
        audit_record(actor=actor, subject=item, action="still_correct", note=note)
    return item
