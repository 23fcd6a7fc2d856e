"""Guide types: plain-words guides in Spanish and English that Camino staff write, review and
publish (know-your-rights in apps.legal, working on your own in apps.certifications).

A type is a concrete model on apps.core.models.Guide (with its own `topic` choices) and a
GuideType declared once, from its AppConfig.ready():

    WORK_GUIDES = GuideType(key="work-guides", model=WorkGuide, namespace="certifications",
                            title=_("Work-on-your-own guides"), stale_after=...)
    guide_type_register(WORK_GUIDES)

and `urlpatterns += guide_urls(WORK_GUIDES)` in its urls.py. It then has public pages (list,
guide, printable guide; cached for anonymous visitors), staff pages (list longest unreviewed
first, write with a preview, edit, mark reviewed), a place in the shared stale queue
(apps.core.verification) and in personal data (who last reviewed a guide). Its templates
are `<templates>/list.html`, `detail.html`, `print.html`, `form.html`, `staff_list.html`
when it has them (extending core/guides/...), core's otherwise."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from functools import cached_property
from typing import TYPE_CHECKING

from django.urls import URLPattern, path
from django.utils.translation import gettext_lazy as _

from apps.core.curation import curation_reason_register, stale_reason
from apps.core.pagecache import cached_page, pages_changed
from apps.core.personal_data import KEEP, PersonalData, declare
from apps.core.registry import Registry
from apps.core.verification import CheckedType, checked_types

if TYPE_CHECKING:
    from django import forms
    from django.db.models import Prefetch
    from django_stubs_ext import StrPromise

    from apps.core.models import Guide

# Slugs the staff pages under guides/ use.
GUIDE_RESERVED_SLUGS = frozenset({"staff"})

URL_NAMES = {
    "list": "guides",
    "detail": "guide",
    "print": "guide_print",
    "staff": "guide_staff",
    "create": "guide_create",
    "edit": "guide_edit",
    "review": "guide_review",
}


def months(count: int) -> timedelta:
    return timedelta(days=round(count * 365.25 / 12))


@dataclass(frozen=True)
class GuideType:
    # Its slug in the stale queue's URLs ("legal-guides").
    key: str
    model: "type[Guide]"
    # The app's URL namespace: its pages are <namespace>:guides, :guide, :guide_print...
    namespace: str
    # What staff call these guides: "Know-your-rights guides" (staff pages, stale queue).
    title: "str | StrPromise"
    # How long a guide stays fresh after staff review it; read when asked (settings).
    stale_after: Callable[[], timedelta]
    # Heading of a person's download: "Know-your-rights guides you last reviewed".
    reviewed_title: "str | StrPromise"
    # Its key in that download (unique across apps).
    personal_data_name: str = ""
    # Where its own templates are ("legal/guides"); "" for core's only.
    templates: str = ""
    # A form with more fields than core's (apps.core.guide_forms.GuideForm subclass).
    form_class: "type[forms.ModelForm] | None" = None
    # Relations the guide's page shows (prefetched: a fixed number of queries).
    prefetch: tuple["str | Prefetch", ...] = ()

    @property
    def urls(self) -> dict[str, str]:
        """The namespaced URL names, for {% url guide_type.urls.edit guide.pk %}."""
        return {what: f"{self.namespace}:{name}" for what, name in URL_NAMES.items()}

    def template_names(self, page: str) -> list[str]:
        names = [f"{self.templates}/{page}"] if self.templates else []
        return [*names, f"core/guides/{page}"]

    @cached_property
    def checked(self) -> CheckedType:
        """Its kind in the shared stale queue: published guides not reviewed within
        stale_after wait there; "still correct" marks the guide reviewed."""
        model = self.model
        return CheckedType(
            model=model,
            title=self.title,
            checked_at="reviewed_at",
            checked_by="reviewed_by",
            stale_after=self.stale_after,
            kept_checked=lambda guides: guides.filter(published=True),
            # The public pages say when the guide was last reviewed.
            after_confirm=lambda guide: pages_changed(model),
        )

    @cached_property
    def personal_data(self) -> PersonalData:
        """A guide stays when the staff member who last reviewed it deletes their account;
        the public never sees who reviewed it anyway ("Camino staff")."""
        model = self.model

        def rows(user):
            for guide in model._default_manager.filter(reviewed_by=user).order_by(
                "reviewed_at", "id"
            ):
                yield {"guide": str(guide), "reviewed_at": guide.reviewed_at}

        return PersonalData(
            name=self.personal_data_name or f"{self.key.replace('-', '_')}_reviewed",
            model=model._meta.label,
            title=self.reviewed_title,
            field="reviewed_by",
            on_erase=KEEP,
            columns=(("guide", _("Guide")), ("reviewed_at", _("Reviewed"))),
            rows=rows,
        )


guide_types: Registry[GuideType] = Registry("guide types")


def guide_type_register(kind: GuideType) -> GuideType:
    """Called from the app's AppConfig.ready(): the type, its stale queue and its personal
    data."""
    guide_types.register(kind.key, kind)
    checked_types.register(kind.key, kind.checked)
    curation_reason_register(stale_reason(kind.key))
    declare(kind.personal_data)
    return kind


def guide_type_of(model: type) -> GuideType:
    for kind in guide_types:
        if kind.model is model:
            return kind
    raise LookupError(f"{model.__name__} is not a registered guide type")


def guide_urls(kind: GuideType) -> list[URLPattern]:
    """The type's pages, for its app's urlpatterns (under the app's own prefix)."""
    from apps.core import guide_views as views

    cached = cached_page(kind.model)
    names = URL_NAMES
    return [
        path("guides/", cached(views.GuideListView.as_view(kind=kind)), name=names["list"]),
        path("guides/staff/", views.GuideStaffListView.as_view(kind=kind), name=names["staff"]),
        path("guides/staff/new/", views.GuideCreateView.as_view(kind=kind), name=names["create"]),
        path(
            "guides/staff/<int:pk>/edit/",
            views.GuideUpdateView.as_view(kind=kind),
            name=names["edit"],
        ),
        path(
            "guides/staff/<int:pk>/review/",
            views.GuideReviewView.as_view(kind=kind),
            name=names["review"],
        ),
        path(
            "guides/<slug:slug>/",
            cached(views.GuideDetailView.as_view(kind=kind)),
            name=names["detail"],
        ),
        path(
            "guides/<slug:slug>/print/",
            cached(views.GuidePrintView.as_view(kind=kind)),
            name=names["print"],
        ),
    ]
