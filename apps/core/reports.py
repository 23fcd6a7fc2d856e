"""Seekers' reports of listed items (a job, a legal help provider): one view for every type.
The report form sits at the end of the item's page; this view takes its POST."""

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.utils.translation import gettext_lazy as _
from django.views.generic.detail import SingleObjectMixin
from django.views.generic.edit import FormView

from apps.core.ratelimit import ReportLimitReached, who_is_asking


class ReportView(SingleObjectMixin, FormView):
    """POST only. A type gives its form (`form_class`), its listed items (`get_queryset`),
    the page that shows the form again with what was typed (`page_view`, a DetailView), how
    a report is filed (`report`, a service that may raise ReportLimitReached) and what the
    reporter is told (`thanks`, `limit_reached`)."""

    http_method_names = ["post"]
    page_view: type
    thanks = _("Thank you. Our staff will look at it. Reports are private.")
    limit_reached = _(
        "You have already reported this, or several things in a short time. Our staff will "
        "look at your reports."
    )

    def report(self, **fields) -> None:
        raise NotImplementedError

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        try:
            self.report(
                reporter=self.request.user, who=who_is_asking(self.request),
                reason=form.cleaned_data["reason"], details=form.cleaned_data["details"],
            )  # fmt: skip
        except ReportLimitReached:
            messages.warning(self.request, self.limit_reached)
        else:
            messages.success(self.request, self.thanks)
        return HttpResponseRedirect(self.object.get_absolute_url())

    def invalid_message(self, form):
        if "reason" in form.errors:
            return _("Choose what is wrong to report it.")
        return _("Check the report form at the end of the page.")

    def form_invalid(self, form):
        """The item's page again, with the report form open and what was typed in it."""
        messages.error(self.request, self.invalid_message(form))
        page = self.page_view(request=self.request, args=self.args, kwargs=self.kwargs)
        page.object = page.get_object()
        return page.render_to_response(page.get_context_data(report_form=form))
