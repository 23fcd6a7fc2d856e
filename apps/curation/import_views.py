"""Curation's pages. Imports: choose a kind, upload a file, read its dry run, confirm it.
Exports: a kind's filtered list as CSV with the columns its import reads."""

import csv
from typing import cast

from django.conf import settings
from django.contrib import messages
from django.db import models
from django.http import Http404, HttpResponseRedirect, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from apps.core.imports import ORGANIZATION, ImportResource, import_resources
from apps.core.mixins import CuratorRequiredMixin
from apps.curation.import_forms import (
    ExportFilterForm,
    ImportConfirmForm,
    ImportUploadForm,
    too_large_message,
)
from apps.curation.import_services import ImportRefused, import_file_check, import_file_confirm
from apps.curation.imports import FileRefused
from apps.curation.models import ImportFile

# Room in a request for the form's other fields around the file itself.
FORM_OVERHEAD_BYTES = 64 * 1024
EXPORT_CHUNK = 2000


def resource_or_404(kind: str) -> ImportResource:
    resource = import_resources.get(kind)
    if resource is None:
        raise Http404
    return resource


class ImportStartView(CuratorRequiredMixin, TemplateView):
    template_name = "curation/import_start.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            kinds=import_resources.items(),
            recent=ImportFile.objects.filter(uploaded_by=self.request.user.pk)
            .defer("content", "report")
            .order_by("-uploaded_at")[:10],
            **kwargs,
        )


class ImportUploadView(CuratorRequiredMixin, TemplateView):
    template_name = "curation/import_upload.html"

    def get_context_data(self, **kwargs):
        resource = resource_or_404(self.kwargs["kind"])
        kwargs.setdefault("form", ImportUploadForm())
        return super().get_context_data(
            resource=resource, header=resource.header,
            required=resource.required_header, **kwargs,
        )  # fmt: skip

    def post(self, request, *args, **kwargs):
        resource_or_404(kwargs["kind"])
        # Refused by its announced size before the body is read: a 50 MB upload costs nothing.
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.CURATION_IMPORT_MAX_BYTES + FORM_OVERHEAD_BYTES:
            context = self.get_context_data(refused=too_large_message())
            return self.render_to_response(context, status=413)
        form = ImportUploadForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                import_file = import_file_check(
                    actor=request.user, kind=kwargs["kind"], file_name=upload.name,
                    content=upload.read(), publish=form.cleaned_data["publish"],
                )  # fmt: skip
            except FileRefused as error:
                form.add_error("file", str(error))
            else:
                return HttpResponseRedirect(
                    reverse("curation:import_file", kwargs={"pk": import_file.pk})
                )
        return self.render_to_response(self.get_context_data(form=form))


class ImportFileView(CuratorRequiredMixin, TemplateView):
    """A checked file's report, and its confirmation (only its uploader's: a 404 otherwise)."""

    template_name = "curation/import_file.html"

    def get_object(self) -> ImportFile:
        return get_object_or_404(
            ImportFile.objects.defer("content"), pk=self.kwargs["pk"], uploaded_by=self.request.user
        )

    def get_context_data(self, **kwargs):
        import_file = kwargs.pop("import_file", None) or self.get_object()
        report = import_file.report
        counts = {"created": 0, "updated": 0, "skipped": 0, "error": 0, **report.get("counts", {})}
        resource = import_resources.get(import_file.kind)
        return super().get_context_data(
            import_file=import_file, report=report, counts=counts,
            kind_label=resource.label if resource else import_file.kind,
            more_rows=sum(counts.values()) - len(report.get("rows", [])),
            more_errors=report.get("error_count", 0) - len(report.get("errors", [])),
            confirm=ImportConfirmForm(initial={"sha256": import_file.sha256}), **kwargs,
        )  # fmt: skip

    def post(self, request, *args, **kwargs):
        import_file = self.get_object()
        form = ImportConfirmForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("This is not the file that was checked. Upload it again."))
        else:
            try:
                import_file_confirm(
                    actor=request.user, import_file=import_file,
                    sha256=form.cleaned_data["sha256"],
                )  # fmt: skip
            except ImportRefused as error:
                messages.error(request, str(error))
        return HttpResponseRedirect(reverse("curation:import_file", kwargs={"pk": import_file.pk}))


class ExportView(CuratorRequiredMixin, TemplateView):
    """Which list to export, with its filters: the form leads to that list's CSV address
    (/curation/export/jobs/?status=published), and an export whose filters are wrong comes
    back here with the errors."""

    template_name = "curation/export.html"

    def get(self, request, *args, **kwargs):
        if "kind" in request.GET:
            form = ExportFilterForm(request.GET)
            if form.is_valid():
                query = request.GET.copy()
                del query["kind"]
                url = reverse("curation:export_csv", kwargs={"kind": form.cleaned_data["kind"]})
                return HttpResponseRedirect(f"{url}?{query.urlencode()}" if query else url)
            return self.render_to_response(self.get_context_data(form=form), status=400)
        return self.render_to_response(self.get_context_data(form=ExportFilterForm()))


class ExportCSVView(ExportView):
    def get(self, request, *args, **kwargs):
        resource = resource_or_404(kwargs["kind"])
        form = ExportFilterForm({**request.GET.dict(), "kind": kwargs["kind"]})
        items = resource.queryset()
        if form.is_valid():
            status = form.cleaned_data["status"]
            slug = form.cleaned_data["organization"]
            if status:
                items = resource.filter_status(items, status)
            if slug and resource.has_organization:
                field = cast(models.ForeignKey, resource.model._meta.get_field(ORGANIZATION))
                organizations = cast(type[models.Model], field.related_model)
                if not organizations._default_manager.filter(slug=slug).exists():
                    form.add_error("organization", _("No organization has this address name."))
                items = items.filter(organization__slug=slug)
        if form.errors:
            return self.render_to_response(self.get_context_data(form=form), status=400)
        if resource.has_organization:
            items = items.select_related(ORGANIZATION)
        response = StreamingHttpResponse(
            _csv_lines(resource, items.order_by("pk")), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="camino-{kwargs["kind"]}.csv"'
        return response


class _Echo:
    def write(self, value: str) -> str:
        return value


def _csv_lines(resource: ImportResource, items):
    writer = csv.writer(_Echo())
    yield "\ufeff"  # Excel reads the accents as UTF-8 only with this mark
    yield writer.writerow(resource.header)
    for item in items.iterator(chunk_size=EXPORT_CHUNK):
        yield writer.writerow(resource.export_row(item))
