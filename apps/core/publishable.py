"""The publishable types: what each app declares (in its AppConfig.ready) to get the shared
review workflow's pages (apps.core.review) and status emails for one of its models (an
apps.core.models.Reviewable: a listing, a mentor's profile)."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django import forms
from django.urls import reverse
from django.utils.functional import Promise

from apps.core.registry import Registry
from apps.core.roles import is_curator

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise

    from apps.core.models import Reviewable


@dataclass(frozen=True)
class PublishableType:
    """What a publishable type declares to get the shared manage page and review queue."""

    model: "type[Reviewable]"
    queue_title: str | Promise  # e.g. "Jobs waiting for review"
    # What its owners fill in, on core's create and edit pages.
    form_class: type[forms.ModelForm] | None = None
    # Shows the item on its manage page; gets `item`.
    preview_template: str = "core/includes/preview.html"
    manage_template: str = "core/manage.html"
    may_review: Callable = is_curator
    # The type's own pages for editing (else core's) and for renewing with changes, by pk.
    edit_url_name: str = ""
    renew_url_name: str = ""
    # Its own queue page (kept for bookmarks), else core's generic one.
    queue_url_name: str = ""
    # Whether its organization may keep it listed for another period, and publishing moves a
    # past end date on. Events are not: they are listed until the day they happen.
    renewable: bool = True
    # The transitions it offers (apps.core.services.TRANSITIONS; None: a listing's), and the
    # words it uses for some: {action: (what happened, the button)}.
    actions: frozenset[str] | None = None
    wording: Mapping[str, tuple["str | StrPromise", "str | StrPromise"]] = field(
        default_factory=dict
    )
    # The status email its submitter gets (apps.notifications.publication): the template
    # (…_subject.txt, …_message.txt) and the preference topic that turns it off.
    notice_template: str = "notifications/email/publication_notice"
    notice_topic: str = "listing_notices"


class PublishableTypes(Registry[PublishableType]):
    def key_of(self, model: type) -> str | None:
        for key, entry in self.items():
            if entry.model is model:
                return key
        return None

    def of(self, model: type) -> PublishableType | None:
        key = self.key_of(model)
        return self[key] if key else None

    def edit_url(self, key: str, item) -> str:
        name = self[key].edit_url_name
        if name:
            return reverse(name, kwargs={"pk": item.pk})
        return reverse("core:edit", kwargs={"kind": key, "pk": item.pk})

    def queue_url(self, key: str) -> str:
        entry = self[key]
        if entry.queue_url_name:
            return reverse(entry.queue_url_name)
        return reverse("core:review_queue", kwargs={"kind": key})


publishable_types = PublishableTypes("publishable types")
