from typing import cast

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, ListView, TemplateView, UpdateView

from apps.accounts.models import User
from apps.core.mixins import SearchListMixin
from apps.core.models import PARTNER_EDITABLE
from apps.core.review import ManageView
from apps.core.roles import is_curator
from apps.mentorship.forms import MentorFilterForm, MentorProfileForm, MentorshipAskForm, PauseForm
from apps.mentorship.models import MentorProfile, MentorshipAsk, Pause
from apps.mentorship.ranking import suggestions_for
from apps.mentorship.selectors import mentor_detail_queryset, mentors_for, mentors_search
from apps.mentorship.services import (
    MentorStateError,
    mentor_pause,
    mentor_profile_save,
    mentor_resume,
    mentorship_ask_save,
)

PAGE_SIZE = 20


class MentorListView(SearchListMixin, ListView):
    """Listed mentors, with the shared keyword search and filters (language, kind of work,
    how they meet, distance from a ZIP code): all in the URL, no JavaScript."""

    template_name = "mentorship/mentor_list.html"
    context_object_name = "mentors"
    paginate_by = PAGE_SIZE
    filter_form_class = MentorFilterForm

    def search(self, filters):
        return mentors_search(filters)

    def load(self, entries):
        return mentors_for(entries)


class MentorDetailView(DetailView):
    """A listed mentor's public page: what they offer, never their email or phone."""

    template_name = "mentorship/mentor_detail.html"
    context_object_name = "mentor"

    def get_queryset(self):
        return mentor_detail_queryset()


class MentorApplyView(LoginRequiredMixin, UpdateView):
    """Applying to mentor, and fixing the application after staff asked for changes: the
    person's own profile only, with the code of conduct to agree to before sending it."""

    template_name = "mentorship/mentor_apply.html"
    form_class = MentorProfileForm

    def get_object(self, queryset=None):
        user = cast(User, self.request.user)
        if "pk" in self.kwargs:  # staff, or the person, editing from the manage page
            editable = MentorProfile.objects.editable_by(user).select_related("user")
            return get_object_or_404(editable, pk=self.kwargs["pk"])
        return MentorProfile.objects.filter(user=user).first() or MentorProfile()

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and "pk" not in kwargs:
            profile = MentorProfile.objects.filter(user=request.user).first()
            if profile and profile.status not in PARTNER_EDITABLE:
                messages.info(request, _("Your application cannot be changed now."))
                return HttpResponseRedirect(profile.get_manage_url())
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        # Only the person sends their application; staff who edit it only save.
        user = self.request.user
        own = form.instance.pk is None or form.instance.is_owned_by(user)
        submit = own and "submit" in self.request.POST and form.instance.status in PARTNER_EDITABLE
        agreed = form.cleaned_data["agree"]
        if submit and not (agreed or form.instance.conduct_agreed_at):
            form.add_error("agree", _("To send your application, agree to the code of conduct."))
            return self.form_invalid(form)
        profile = mentor_profile_save(
            actor=self.request.user, profile=form.instance, agreed=agreed, submit=submit
        )
        if submit:
            messages.success(
                self.request,
                _("Thank you! Your application is sent. Our staff will write to you soon."),
            )
        else:
            messages.success(self.request, _("Saved. Send it for review when it is ready."))
        return HttpResponseRedirect(profile.get_manage_url())


class MentorManageView(ManageView):
    """The shared manage page for a mentor's profile (the person and staff): its status,
    staff's note, the review buttons, and pausing or resuming."""

    kind = "mentors"

    def get_context_data(self, **kwargs):
        mentor, user = self.object, self.request.user
        approved = mentor.status == "published"
        own = mentor.is_owned_by(user)
        return super().get_context_data(
            can_pause=approved and not mentor.is_paused and (own or is_curator(user)),
            can_resume=mentor.is_paused and (is_curator(user) or mentor.pause == Pause.SELF),
            pause_form=PauseForm(),
            **kwargs,
        )


class MyMentorProfileView(LoginRequiredMixin, View):
    """'Mentor with Camino': a person's own profile page, or the form to apply."""

    def get(self, request):
        profile = MentorProfile.objects.filter(user=request.user).first()
        if profile is None:
            return HttpResponseRedirect(reverse("mentorship:apply"))
        return HttpResponseRedirect(profile.get_manage_url())


class MentorChangeView(LoginRequiredMixin, View):
    """Pausing and resuming: for the mentor and staff; another person's profile is a 404."""

    http_method_names = ["post"]

    def post(self, request, pk: int):
        profile = get_object_or_404(MentorProfile.objects.managed_by(request.user), pk=pk)
        form = PauseForm(request.POST)
        note = form.cleaned_data["note"] if form.is_valid() else ""
        try:
            self.change(profile, note)
        except (MentorStateError, PermissionDenied):
            messages.error(request, _("That is no longer possible: its status has changed."))
        return HttpResponseRedirect(profile.get_manage_url())

    def change(self, profile: MentorProfile, note: str) -> None:
        raise NotImplementedError


class MentorPauseView(MentorChangeView):
    def change(self, profile, note):
        mentor_pause(actor=self.request.user, profile=profile, note=note)
        messages.success(self.request, _("Paused: seekers do not see this mentor for now."))


class MentorResumeView(MentorChangeView):
    def change(self, profile, note):
        mentor_resume(actor=self.request.user, profile=profile)
        messages.success(self.request, _("Back on the list of mentors."))


class AskView(LoginRequiredMixin, UpdateView):
    """What a seeker wants help with; saving it shows the mentors who fit."""

    template_name = "mentorship/ask.html"
    form_class = MentorshipAskForm

    def get_object(self, queryset=None):
        user = cast(User, self.request.user)
        return MentorshipAsk.objects.of(user).first() or MentorshipAsk(
            language=(user.preferred_language or "es")[:2]
        )

    def form_valid(self, form):
        mentorship_ask_save(actor=self.request.user, ask=form.instance)
        return HttpResponseRedirect(reverse("mentorship:suggestions"))


class SuggestionsView(LoginRequiredMixin, TemplateView):
    """The mentors who fit what the seeker asked for, best first, each with why."""

    template_name = "mentorship/suggestions.html"

    def get(self, request, *args, **kwargs):
        self.ask = MentorshipAsk.objects.of(request.user).first()
        if self.ask is None:
            return HttpResponseRedirect(reverse("mentorship:ask"))
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            ask=self.ask, suggestions=suggestions_for(self.ask), **kwargs
        )
