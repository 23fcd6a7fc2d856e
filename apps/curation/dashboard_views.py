import csv

from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from apps.core.mixins import CuratorRequiredMixin
from apps.core.spreadsheets import spreadsheet_safe
from apps.curation.dashboard import dashboard_figures_stored, dashboard_html
from apps.curation.dashboard_forms import DashboardForm


class DashboardView(CuratorRequiredMixin, TemplateView):
    """How Camino is doing: aggregated counts only, never a person."""

    template_name = "curation/dashboard.html"

    def get_context_data(self, **kwargs):
        form = DashboardForm(self.request.GET or None)
        weeks = form.weeks_shown()
        stored = dashboard_figures_stored(weeks)
        return super().get_context_data(
            form=form, weeks=weeks, figures=dashboard_html(stored, weeks),
            computed_at=stored.computed_at, **kwargs,
        )  # fmt: skip


class DashboardCsvView(CuratorRequiredMixin, View):
    """One figure's table as CSV, the same numbers as its chart."""

    def get(self, request, figure: str):
        form = DashboardForm(request.GET or None)
        weeks = form.weeks_shown()
        tables = dashboard_figures_stored(weeks).tables
        table = next((t for t in tables if t.key == figure), None)
        if table is None:
            raise Http404
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        name = f"camino-{figure}-{timezone.localdate().isoformat()}.csv"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        writer = csv.writer(response)
        first = _("Week starting") if table.figure.weekly else _("What")
        writer.writerow(spreadsheet_safe(str(text)) for text in
                        [first, *(column.label for column in table.columns)])  # fmt: skip
        for label, values in table.rows:
            label = label.isoformat() if table.figure.weekly else table.row_label(label)
            writer.writerow([spreadsheet_safe(label), *("" if v is None else v for v in values)])
        return response
