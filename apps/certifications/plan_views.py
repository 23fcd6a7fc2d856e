"""A seeker's plan, under /careers/plan/: the list with a form to add a step, a step's edit
and delete pages, checking off, moving, the printable page, and "Add to my plan" from a
credential or a training. Only the signed-in owner ever sees a step: every view reads
through plan_of(user), so another person's step is a 404. Everything works without
JavaScript (each button is a small form)."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView, UpdateView

from apps.accounts.http import AuthenticatedHttpRequest
from apps.certifications.models import MAX_PLAN_STEPS, Credential, PlanStep, Training
from apps.certifications.plan_forms import PlanStepForm
from apps.certifications.plan_selectors import plan_of, plan_steps
from apps.certifications.plan_services import (
    AlreadyInPlan,
    PlanRefused,
    plan_step_add,
    plan_step_add_for,
    plan_step_check,
    plan_step_delete,
    plan_step_move,
    plan_step_update,
    reminder_days,
)


def plan_url(step: PlanStep | None = None) -> str:
    url = reverse("certifications:plan")
    return f"{url}#step-{step.pk}" if step is not None else url


class PlanView(LoginRequiredMixin, TemplateView):
    """GET: the plan, steps still to do first, and the form to add one; POST: add it. A
    refused step (bad input, a full plan) shows the page again with what was typed."""

    request: AuthenticatedHttpRequest
    template_name = "certifications/plan.html"

    def get_context_data(self, **kwargs):
        steps = plan_steps(self.request.user)
        to_do = [step for step in steps if not step.done]
        done = [step for step in steps if step.done]
        kwargs.setdefault("form", PlanStepForm())
        return super().get_context_data(
            to_do=to_do, done=done, count=len(steps), full=len(steps) >= MAX_PLAN_STEPS,
            max_steps=MAX_PLAN_STEPS, overdue=sum(step.is_overdue for step in to_do),
            reminder_days=reminder_days(), **kwargs,
        )  # fmt: skip

    def post(self, request, *args, **kwargs):
        form = PlanStepForm(request.POST)
        if form.is_valid():
            try:
                step = plan_step_add(user=request.user, **form.cleaned_data)
            except PlanRefused as refused:
                form.add_error(None, str(refused.message))
            else:
                messages.success(request, _("Step added to your plan."))
                return HttpResponseRedirect(plan_url(step))
        return self.render_to_response(self.get_context_data(form=form), status=400)


def own_step(request, pk: int) -> PlanStep:
    """The step `pk` of the signed-in person; anyone else's is a 404."""
    return get_object_or_404(plan_of(request.user), pk=pk)


class PlanStepUpdateView(LoginRequiredMixin, UpdateView):
    request: AuthenticatedHttpRequest
    template_name = "certifications/plan_step_form.html"
    form_class = PlanStepForm
    context_object_name = "step"

    def get_queryset(self):
        return plan_of(self.request.user).select_related("credential", "training")

    def form_valid(self, form):
        step = plan_step_update(user=self.request.user, step=self.object, **form.cleaned_data)
        messages.success(self.request, _("Step saved."))
        return HttpResponseRedirect(plan_url(step))

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class PlanStepCheckView(LoginRequiredMixin, View):
    """POST: mark the step done (`done` posted) or not done again (`done` absent)."""

    request: AuthenticatedHttpRequest

    def post(self, request, pk: int):
        step = own_step(request, pk)
        done = request.POST.get("done") == "on"
        step = plan_step_check(user=request.user, step=step, done=done)
        if done:
            messages.success(request, _("Well done! The step is marked done."))
        else:
            messages.success(request, _("The step is back among the steps to do."))
        return HttpResponseRedirect(plan_url(step))


class PlanStepMoveView(LoginRequiredMixin, View):
    """POST: move the step one place up (`direction=up`) or down."""

    request: AuthenticatedHttpRequest

    def post(self, request, pk: int):
        step = own_step(request, pk)
        direction = request.POST.get("direction")
        if direction not in ("up", "down"):
            raise Http404
        plan_step_move(user=request.user, step=step, up=direction == "up")
        return HttpResponseRedirect(plan_url(step))


class PlanStepDeleteView(LoginRequiredMixin, TemplateView):
    """GET: ask to confirm; POST: delete."""

    request: AuthenticatedHttpRequest
    template_name = "certifications/plan_step_delete.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(step=own_step(self.request, kwargs["pk"]), **kwargs)

    def post(self, request, pk: int):
        plan_step_delete(user=request.user, step=own_step(request, pk))
        messages.success(request, _("Step deleted."))
        return HttpResponseRedirect(plan_url())


class PlanPrintView(LoginRequiredMixin, TemplateView):
    """The plan on one printed page: no navigation, the date it was printed."""

    request: AuthenticatedHttpRequest
    template_name = "certifications/plan_print.html"

    def get_context_data(self, **kwargs):
        steps = plan_steps(self.request.user)
        return super().get_context_data(
            steps=steps, today=timezone.localdate(), person=self.request.user, **kwargs
        )


# What "Add to my plan" may add, by the kind in its URL: what the public sees of it.
ADDABLE = {
    "credential": lambda: Credential.objects.filter(published=True),
    "training": lambda: Training.objects.published(),
}


class PlanAddView(LoginRequiredMixin, View):
    """POST from a credential's or a training's page: "Get <name>" or "Enrol in <title>"
    joins the plan, linked to it, once. Someone not signed in is sent to sign in and comes
    back to the page they were on (`next`)."""

    request: AuthenticatedHttpRequest
    http_method_names = ["post"]

    def get_redirect_field_value(self):  # where sign-in sends them back
        back = self.request.POST.get("next", "")
        allowed = url_has_allowed_host_and_scheme(
            back, allowed_hosts={self.request.get_host()}, require_https=self.request.is_secure()
        )
        return back if back and allowed else reverse("certifications:plan")

    def handle_no_permission(self):
        from django.contrib.auth.views import redirect_to_login

        return redirect_to_login(self.get_redirect_field_value(), self.get_login_url())

    def post(self, request, kind: str, pk: int):
        if kind not in ADDABLE:
            raise Http404
        item = get_object_or_404(ADDABLE[kind](), pk=pk)
        try:
            step = plan_step_add_for(user=request.user, item=item)
        except AlreadyInPlan as known:
            messages.info(
                request, _("“%(title)s” is already in your plan.") % {"title": known.step.title}
            )
            return HttpResponseRedirect(plan_url(known.step))
        except PlanRefused as refused:
            messages.error(request, str(refused.message))
            return HttpResponseRedirect(plan_url())
        messages.success(
            request,
            _("Added to your plan: “%(title)s”. Give it a target date to get a reminder.")
            % {"title": step.title},
        )
        return HttpResponseRedirect(plan_url(step))
