"""Know-your-rights guides (public, and staff's pages to write them), the notario warning
and the guided entry."""

from django.contrib import messages
from django.db.models import F
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import CreateView, DetailView, ListView, TemplateView, UpdateView
from django.views.generic.base import TemplateResponseMixin
from django.views.generic.detail import SingleObjectMixin
from django.views.generic.edit import ModelFormMixin

from apps.core.i18n import translated
from apps.core.mixins import CuratorRequiredMixin
from apps.core.review import Table
from apps.core.roles import is_curator
from apps.legal.guide_forms import GuideForm
from apps.legal.guide_services import guide_mark_reviewed, guide_save
from apps.legal.guided import QUESTIONS
from apps.legal.models import Guide
from apps.legal.rendering import markdown_html


class GuideListView(ListView):
    template_name = "legal/guides/list.html"
    context_object_name = "guides"

    def get_queryset(self):
        return Guide.objects.published()

    def get_context_data(self, **kwargs):
        return super().get_context_data(staff=is_curator(self.request.user), **kwargs)


class GuideDetailView(DetailView):
    """A published guide; staff also see unpublished ones (everyone else: 404)."""

    template_name = "legal/guides/detail.html"
    context_object_name = "guide"

    def get_queryset(self):
        guides = Guide.objects.all()
        return guides if is_curator(self.request.user) else guides.published()

    def get_context_data(self, **kwargs):
        body = translated(self.object, "body")
        return super().get_context_data(
            body=body,
            body_html=markdown_html(body.text),
            staff=is_curator(self.request.user),
            **kwargs,
        )


class NotarioWarningView(TemplateView):
    template_name = "legal/guides/notario_warning.html"


class GuidedEntryView(TemplateView):
    """Plain questions, each a link to the filtered directory: nothing is asked or kept."""

    template_name = "legal/guides/guided.html"
    extra_context = {"questions": QUESTIONS}


class GuideStaffListView(CuratorRequiredMixin, ListView):
    """Every guide, the longest unreviewed first."""

    template_name = "legal/guides/staff_list.html"
    context_object_name = "guides"
    paginate_by = 50
    extra_context = {
        "table": Table(
            caption=gettext_lazy("Know-your-rights guides, longest unreviewed first"),
            headers=(
                gettext_lazy("Guide"), gettext_lazy("Topic"), gettext_lazy("Status"),
                gettext_lazy("Last reviewed"), gettext_lazy("Actions"),
            ),
            row_template="legal/guides/includes/staff_row.html",
            empty=gettext_lazy("No guides yet."),
        )
    }  # fmt: skip

    def get_queryset(self):
        return Guide.objects.select_related("reviewed_by").order_by(
            F("reviewed_at").asc(nulls_first=True), "id"
        )


class GuideFormMixin(TemplateResponseMixin, ModelFormMixin):
    """Writing a guide, with a preview of both languages that saves nothing."""

    request: HttpRequest
    form_class: type[GuideForm] | None = GuideForm
    template_name: str | None = "legal/guides/form.html"

    def form_valid(self, form):
        if "preview" in self.request.POST:
            data = form.cleaned_data
            previews = [
                (code, data[f"title_{code}"], markdown_html(data[f"body_{code}"]))
                for code in ("es", "en")
            ]
            return self.render_to_response(self.get_context_data(form=form, previews=previews))
        guide = guide_save(actor=self.request.user, guide=form.instance)
        messages.success(self.request, _("The guide is saved."))
        return HttpResponseRedirect(guide.get_absolute_url())


class GuideCreateView(CuratorRequiredMixin, GuideFormMixin, CreateView):
    pass


class GuideUpdateView(CuratorRequiredMixin, GuideFormMixin, UpdateView):
    queryset = Guide.objects.all()


class GuideReviewView(CuratorRequiredMixin, SingleObjectMixin, TemplateView):
    """Staff checked the guide and it is still correct."""

    queryset = Guide.objects.all()
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        guide = guide_mark_reviewed(actor=request.user, guide=self.get_object())
        messages.success(request, _("Marked as reviewed today."))
        if request.POST.get("back") == "guide":
            return HttpResponseRedirect(guide.get_absolute_url())
        return HttpResponseRedirect(reverse("legal:guide_staff"))
