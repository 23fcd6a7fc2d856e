"""Staff's workspace pages: bulk actions on a selection, translating an item side by side,
and the audit log."""

import csv
from collections.abc import Iterator

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponseRedirect, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import FormView, ListView

from apps.core.mixins import CappedPaginator, CuratorRequiredMixin, ForgivingPaginationMixin
from apps.core.review import Table
from apps.core.services import audit_actions, audit_note
from apps.core.spreadsheets import spreadsheet_safe
from apps.core.templatetags.camino import actor_label
from apps.curation.forms import AuditFilterForm, BulkForm, TranslationForm
from apps.curation.items import item_ref, kind_label, manage_url, parse_item_ref
from apps.curation.links import history_url
from apps.curation.selectors import audit_entries, items_of, subjects_of
from apps.curation.services import (
    BULK_ACTIONS,
    BulkRefused,
    TranslationConflict,
    bulk_apply,
    translation_fill,
)
from apps.curation.translations import missing_texts, texts_of, translated_names

AUDIT_TABLE = Table(
    caption=gettext_lazy("Audit log, newest first"),
    headers=(
        gettext_lazy("When"), gettext_lazy("Item"), gettext_lazy("Who"), gettext_lazy("What"),
        gettext_lazy("Note"),
    ),
    row_template="curation/includes/audit_row.html",
    empty=gettext_lazy("No entry matches these filters."),
    stack=True,
)  # fmt: skip

AUDIT_PAGE_SIZE = 50
CSV_CHUNK = 1000


def safe_next(request, default: str) -> str:
    """Where a form came from, if it is on this site; else `default`."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    allowed = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if target and allowed else default


class Selection:
    """The selected items as the bulk page lists them: each reference with its item, loaded
    in one query per kind of item."""

    def __init__(self, refs: list[str], problems: dict[str, str]):
        parsed = {ref: parse_item_ref(ref) for ref in refs}
        wanted: dict = {}
        for pair in filter(None, parsed.values()):
            wanted.setdefault(pair[0], set()).add(pair[1])
        items = items_of(wanted)
        self.rows = [
            {
                "ref": ref,
                "item": items.get(pair) if pair else None,
                "problem": problems.get(ref, ""),
            }
            for ref, pair in parsed.items()
        ]


class BulkView(CuratorRequiredMixin, FormView):
    """One action on a selection of items (posted by the queue's table, or by this page): all
    of them change, or none and the page says which items cannot and why, with the selection
    kept. A GET shows the selection named in the URL (`?item=…`), with the same controls."""

    template_name = "curation/bulk.html"
    form_class = BulkForm
    problems: dict[str, str] = {}  # replaced per request

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        if self.request.method == "GET":
            kwargs["initial"] = {"item": self.request.GET.getlist("item")}
        return kwargs

    def get_context_data(self, **kwargs):
        form = kwargs.get("form") or self.get_form()
        refs = form["item"].value() or []
        refs = form.fields["item"].to_python(refs)
        return super().get_context_data(
            selection=Selection(refs, self.problems), bulk_form=form, **kwargs
        )

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            count = bulk_apply(
                actor=self.request.user, refs=data["item"], action=data["action"],
                note=data["note"],
            )  # fmt: skip
        except BulkRefused as refused:
            self.problems = {problem.ref: str(problem.reason) for problem in refused.problems}
            messages.error(
                self.request,
                ngettext(
                    "Nothing was changed: %(count)s item cannot take this action.",
                    "Nothing was changed: %(count)s items cannot take this action.",
                    len(refused.problems),
                )
                % {"count": len(refused.problems)},
            )
            return self.render_to_response(self.get_context_data(form=form))
        messages.success(
            self.request,
            ngettext(
                "%(action)s: %(count)s item.", "%(action)s: %(count)s items.", count
            ) % {"action": BULK_ACTIONS[data["action"]], "count": count},
        )  # fmt: skip
        return HttpResponseRedirect(safe_next(self.request, reverse("curation:bulk")))


def translatable_item(ref: str):
    """The item a URL names, if staff translate its kind; 404 otherwise."""
    parsed = parse_item_ref(ref)
    if parsed is None or translated_names(parsed[0]) is None:
        raise Http404
    model, pk = parsed
    return get_object_or_404(model._default_manager.all(), pk=pk)


class TranslateView(CuratorRequiredMixin, FormView):
    """An item's texts in both languages side by side: those written are shown as they are
    (changing them is an edit, which goes through the item's own page and review); those
    missing are fields to fill. Saving fills only them."""

    template_name = "curation/translate.html"

    @cached_property
    def item(self):
        return translatable_item(self.kwargs["ref"])

    def get_form(self, form_class=None):
        return TranslationForm(
            **self.get_form_kwargs(), model=type(self.item), missing=missing_texts(self.item)
        )

    def get_context_data(self, **kwargs):
        form = kwargs.get("form") or self.get_form()
        model = type(self.item)
        rows = []
        for row in texts_of(model):
            rows.append(
                {
                    "label": str(model._meta.get_field(row[0].name).verbose_name).capitalize(),
                    "required": row[0].required,
                    "cells": [
                        {
                            "text": getattr(self.item, text.column) or "",
                            "field": form[text.column] if text.column in form.fields else None,
                        }
                        for text in row
                    ],
                }
            )
        ref = item_ref(self.item)
        return super().get_context_data(
            item=self.item,
            ref=ref,
            kind=kind_label(model),
            languages=settings.LANGUAGES,
            rows=rows,
            history_url=history_url(self.item),
            manage_url=manage_url(self.item),
            **kwargs,
        )

    def form_valid(self, form):
        try:
            translation_fill(actor=self.request.user, item=self.item, texts=form.filled())
        except TranslationConflict:
            form.add_error(None, _("Someone filled some of these texts meanwhile. Check them."))
            del self.item  # read again: the page shows what is there now
            return self.form_invalid(form)
        messages.success(self.request, _("Translation saved."))
        return HttpResponseRedirect(self.request.path)


class AuditLogView(CuratorRequiredMixin, ForgivingPaginationMixin, ListView):
    """Every action on every item, newest first, filtered; `?format=csv` downloads the
    filtered list whole."""

    template_name = "curation/audit.html"
    paginate_by = AUDIT_PAGE_SIZE
    # Counted no further than the cap: a narrower filter reaches older entries.
    paginator_class = CappedPaginator

    def get(self, request, *args, **kwargs):
        self.form = AuditFilterForm(request.GET or None)
        self.filters = self.form.filters()
        if request.GET.get("format") == "csv":
            return self.csv()
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return audit_entries(self.filters)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(form=self.form, audit_table=AUDIT_TABLE, **kwargs)
        entries = list(context["object_list"])
        subjects = subjects_of(entries)
        context["rows"] = [
            {"entry": entry, "subject": subjects[entry.pk], "who": who(entry)} for entry in entries
        ]
        query = self.request.GET.copy()
        query.pop("page", None)
        query["format"] = "csv"
        context["csv_url"] = f"?{query.urlencode()}"
        return context

    def csv(self) -> StreamingHttpResponse:
        stamp = timezone.localtime().strftime("%Y-%m-%d")
        response = StreamingHttpResponse(self.csv_lines(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="camino-audit-{stamp}.csv"'
        return response

    def csv_lines(self) -> Iterator[str]:
        buffer = LineBuffer()
        writer = csv.writer(buffer)
        yield "\ufeff"  # spreadsheet programs then read it as UTF-8
        writer.writerow(
            [_("When"), _("Item"), _("Kind"), _("Name"), _("Who"), _("What"), _("Note")]
        )
        yield buffer.take()
        chunk: list = []
        for entry in self.get_queryset().iterator(chunk_size=CSV_CHUNK):
            chunk.append(entry)
            if len(chunk) == CSV_CHUNK:
                yield self.csv_chunk(chunk, writer, buffer)
                chunk = []
        yield self.csv_chunk(chunk, writer, buffer)

    def csv_chunk(self, entries, writer, buffer) -> str:
        subjects = subjects_of(entries)
        for entry in entries:
            subject = subjects[entry.pk]
            writer.writerow(
                [
                    timezone.localtime(entry.created_at).isoformat(timespec="seconds"),
                    subject.ref,
                    subject.kind,
                    spreadsheet_safe(subject.name),
                    spreadsheet_safe(who(entry)),
                    str(audit_actions.get(entry.action, entry.action)),
                    spreadsheet_safe(audit_note(entry)),
                ]
            )
        return buffer.take()


class LineBuffer:
    """What csv.writer writes, kept until taken."""

    def __init__(self):
        self.parts: list[str] = []

    def write(self, text: str) -> None:
        self.parts.append(text)

    def take(self) -> str:
        text, self.parts = "".join(self.parts), []
        return text


def who(entry) -> str:
    """Who acted, as the log names them: staff and partners by name and email; a seeker is
    not named (the log is about items, not about the people who use Camino)."""
    actor = entry.actor
    if actor is not None and not (actor.is_staff or entry.actor_is_partner):
        return _("A signed-in visitor")
    return actor_label(entry)
