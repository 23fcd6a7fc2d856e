"""The staff pages of apps.core.verification: every checked type's overdue items on one page,
one type's whole queue, and the "still correct" button."""

from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import ListView, TemplateView

from apps.core.mixins import CuratorRequiredMixin, ForgivingPaginationMixin
from apps.core.review import PAGE_SIZE, Table
from apps.core.verification import CheckedType, checked_confirm, checked_types, overdue

STALE_TABLE = Table(
    caption=gettext_lazy("Not checked within their period, oldest check first"),
    headers=(
        gettext_lazy("Last checked"), gettext_lazy("What"), gettext_lazy("Checked by"),
        gettext_lazy("After checking its sources"),
    ),
    row_template="core/includes/stale_row.html",
    empty=gettext_lazy("Everything has been checked within its period."),
)  # fmt: skip

OVERVIEW_SIZE = 10


class CheckedTypeMixin:
    kwargs: dict

    def get_kind(self) -> CheckedType:
        kind = checked_types.get(self.kwargs["kind"])
        if kind is None:
            raise Http404
        return kind


class Row:
    """One overdue item as the table shows it."""

    def __init__(self, key: str, kind: CheckedType, item):
        self.item = item
        self.checked_at = getattr(item, kind.checked_at)
        self.checked_by = getattr(item, kind.checked_by)
        self.url = kind.page_url(item)
        self.confirm_url = reverse("core:still_correct", kwargs={"kind": key, "pk": item.pk})


class StaleOverviewView(CuratorRequiredMixin, TemplateView):
    """Every checked type's overdue items, the oldest few of each."""

    template_name = "core/stale_overview.html"

    def get_context_data(self, **kwargs):
        sections = []
        for key, kind in checked_types.items():
            items = overdue(kind)
            sections.append(
                {
                    "kind": kind,
                    "rows": [Row(key, kind, item) for item in items[:OVERVIEW_SIZE]],
                    "count": items.count(),
                    "url": reverse("core:stale_queue", kwargs={"kind": key}),
                }
            )
        return super().get_context_data(sections=sections, stale_table=STALE_TABLE, **kwargs)


class StaleQueueView(CheckedTypeMixin, CuratorRequiredMixin, ForgivingPaginationMixin, ListView):
    """One type's overdue items, all of them, a page at a time."""

    template_name = "core/stale_queue.html"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        return overdue(self.get_kind())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(kind=self.get_kind(), stale_table=STALE_TABLE, **kwargs)
        key = self.kwargs["kind"]
        context["rows"] = [Row(key, context["kind"], item) for item in context["object_list"]]
        return context


class StillCorrectForm(forms.Form):
    note = forms.CharField(
        label=gettext_lazy("What you checked (optional)"), required=False, max_length=500
    )


class StillCorrectView(CheckedTypeMixin, CuratorRequiredMixin, View):
    """Staff checked an item against its sources and found it still correct."""

    http_method_names = ["post"]

    def post(self, request, kind, pk):
        checked = self.get_kind()
        item = get_object_or_404(checked.kept_checked(checked.model._default_manager.all()), pk=pk)
        form = StillCorrectForm(request.POST)
        note = form.cleaned_data["note"] if form.is_valid() else ""
        checked_confirm(actor=request.user, kind=checked, item=item, note=note)
        messages.success(request, _("Marked as checked today: “%(item)s”.") % {"item": item})
        return HttpResponseRedirect(reverse("core:stale_queue", kwargs={"kind": kind}))
