"""The pages of every guide type (apps.core.guides): the public list, a guide and its
printable page, and staff's pages to write and review. Each view is given its type
(`as_view(kind=...)` in guide_urls)."""

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

from apps.core.guide_forms import guide_form_class
from apps.core.guide_services import guide_mark_reviewed, guide_save
from apps.core.guides import GuideType
from apps.core.i18n import translated
from apps.core.markdown import markdown_html
from apps.core.mixins import CuratorRequiredMixin
from apps.core.review import Table
from apps.core.roles import is_curator


class GuideTypeMixin:
    """The guide type's model, templates and URL names."""

    kind: GuideType = None  # type: ignore[assignment]  # given by as_view(kind=...)
    page = ""
    request: HttpRequest

    def get_template_names(self):
        return self.kind.template_names(self.page)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)  # type: ignore[misc]
        return {**context, "guide_type": self.kind, "staff": is_curator(self.request.user)}


class GuideListView(GuideTypeMixin, ListView):
    page = "list.html"
    context_object_name = "guides"

    def get_queryset(self):
        return self.kind.model.objects.published()


class GuideDetailView(GuideTypeMixin, DetailView):
    """A published guide; staff also see unpublished ones (everyone else: 404)."""

    page = "detail.html"
    context_object_name = "guide"

    def get_queryset(self):
        guides = self.kind.model.objects.prefetch_related(*self.kind.prefetch)  # type: ignore[arg-type]
        return guides if is_curator(self.request.user) else guides.published()

    def get_context_data(self, **kwargs):
        body = translated(self.object, "body")
        return super().get_context_data(body=body, body_html=markdown_html(body.text), **kwargs)


class GuidePrintView(GuideDetailView):
    """The guide alone, to print or save as a PDF: no navigation, each link's address
    written out (the print stylesheet)."""

    page = "print.html"


class GuideStaffListView(CuratorRequiredMixin, GuideTypeMixin, ListView):
    """Every guide of the type, the longest unreviewed first."""

    page = "staff_list.html"
    context_object_name = "guides"
    paginate_by = 50

    def get_queryset(self):
        return self.kind.model.objects.select_related("reviewed_by").order_by(
            F("reviewed_at").asc(nulls_first=True), "id"
        )

    def get_context_data(self, **kwargs):
        table = Table(
            caption=gettext_lazy("Guides, longest unreviewed first"),
            headers=(
                gettext_lazy("Guide"), gettext_lazy("Topic"), gettext_lazy("Status"),
                gettext_lazy("Last reviewed"), gettext_lazy("Actions"),
            ),
            row_template="core/guides/includes/staff_row.html",
            empty=gettext_lazy("No guides yet."),
        )  # fmt: skip
        return super().get_context_data(table=table, **kwargs)


class GuideFormMixin(GuideTypeMixin, TemplateResponseMixin, ModelFormMixin):
    """Writing a guide, with a preview of both languages that saves nothing."""

    page = "form.html"

    def get_form_class(self):
        return guide_form_class(self.kind)

    def form_valid(self, form):
        if "preview" in self.request.POST:
            data = form.cleaned_data
            previews = [
                (code, data[f"title_{code}"], markdown_html(data[f"body_{code}"]))
                for code in ("es", "en")
            ]
            return self.render_to_response(self.get_context_data(form=form, previews=previews))
        guide = form.save(commit=False)
        guide = guide_save(actor=self.request.user, guide=guide, save_related=form.save_m2m)
        messages.success(self.request, _("The guide is saved."))
        return HttpResponseRedirect(guide.get_absolute_url())


class GuideCreateView(CuratorRequiredMixin, GuideFormMixin, CreateView):
    pass


class GuideUpdateView(CuratorRequiredMixin, GuideFormMixin, UpdateView):
    def get_queryset(self):
        return self.kind.model.objects.all()


class GuideReviewView(CuratorRequiredMixin, SingleObjectMixin, TemplateView):
    """Staff checked the guide and it is still correct."""

    kind: GuideType = None  # type: ignore[assignment]  # given by as_view(kind=...)
    http_method_names = ["post"]

    def get_queryset(self):
        return self.kind.model.objects.all()

    def post(self, request, *args, **kwargs):
        guide = guide_mark_reviewed(actor=request.user, guide=self.get_object())
        messages.success(request, _("Marked as reviewed today."))
        if request.POST.get("back") == "guide":
            return HttpResponseRedirect(guide.get_absolute_url())
        return HttpResponseRedirect(reverse(self.kind.urls["staff"]))
