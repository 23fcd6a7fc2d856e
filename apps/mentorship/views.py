"""The pages of a match: asking a mentor, the match page (status, the goal, answers,
contact details, messages, feedback, a conduct report), and for staff proposing a match,
conduct reports and feedback per mentor.

A match is found only among the matches the person may open (selectors.matches_visible_to):
anyone else's is a 404. Every action is a POST from the match page; a refused action says
why, and a form with an error shows the match page again with what was typed."""

from typing import cast

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import DetailView, FormView, ListView, TemplateView, UpdateView

from apps.accounts.http import AuthenticatedHttpRequest
from apps.accounts.models import User
from apps.core.mixins import CuratorRequiredMixin, SearchListMixin
from apps.core.models import PARTNER_EDITABLE, PublicationStatus
from apps.core.ratelimit import ReportLimitReached, who_is_asking
from apps.core.review import ManageView, Table
from apps.core.roles import is_curator
from apps.mentorship import services
from apps.mentorship.forms import (
    CancelForm,
    ContactForm,
    DeclineForm,
    FeedbackForm,
    MatchReportForm,
    MatchRequestForm,
    MentorFilterForm,
    MentorProfileForm,
    MentorshipAskForm,
    MessageForm,
    PauseForm,
    ProposeForm,
    ReportHandleForm,
)
from apps.mentorship.models import (
    Match,
    MatchFeedback,
    MatchReport,
    MatchStatus,
    MentorProfile,
    MentorshipAsk,
    Pause,
)
from apps.mentorship.ranking import suggestions_for
from apps.mentorship.selectors import (
    THREAD_SHOWN,
    feedback_of_mentors,
    match_thread,
    matches_visible_to,
    mentor_detail_queryset,
    mentors_for,
    mentors_not_to_suggest,
    mentors_search,
    mentors_with_feedback,
    report_mentor_id,
    reports_for_staff,
)
from apps.mentorship.services import (
    MatchRefused,
    MentorStateError,
    mentor_pause,
    mentor_profile_save,
    mentor_resume,
    mentorship_ask_save,
    side_of,
)

S = MatchStatus
StrOrPromise = str | Promise


class MatchRequestView(LoginRequiredMixin, FormView):
    """GET: what the seeker wants help with; POST: ask. A paused or full mentor, or one the
    seeker already asked, is refused with a message, and the text stays in the form."""

    request: AuthenticatedHttpRequest
    mentor: MentorProfile
    template_name = "mentorship/match_request.html"
    form_class = MatchRequestForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            # Approved mentors only: anyone else's profile is not found.
            self.mentor = get_object_or_404(
                MentorProfile.objects.select_related("user"),
                pk=kwargs["mentor"], status=PublicationStatus.PUBLISHED,
            )  # fmt: skip
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        # What the seeker already told Camino they want help with: they may edit it.
        ask = MentorshipAsk.objects.filter(user=self.request.user).only("goal").first()
        return {"goal": ask.goal} if ask else {}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            mentor=self.mentor,
            refusal=services.request_refusal(user=self.request.user, mentor=self.mentor),
            **kwargs,
        )

    def form_valid(self, form):
        try:
            match = services.match_request(
                user=self.request.user, mentor=self.mentor, goal=form.cleaned_data["goal"]
            )
        except MatchRefused as refused:
            messages.error(self.request, str(refused.message))
            return self.render_to_response(self.get_context_data(form=form))
        messages.success(
            self.request,
            _("Your request is sent. The mentor has 14 days to answer; we will email you."),
        )
        return HttpResponseRedirect(match.get_absolute_url())


class MatchMixin(LoginRequiredMixin):
    """One match the person may open (another's is a 404), and the match page's context."""

    request: AuthenticatedHttpRequest
    match: Match
    # The match page's forms, by context name; an action's bound form replaces its own.
    FORMS = {
        "decline_form": DeclineForm,
        "cancel_form": CancelForm,
        "contact_form": ContactForm,
        "message_form": MessageForm,
        "feedback_form": FeedbackForm,
        "report_form": MatchReportForm,
    }

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.match = get_object_or_404(matches_visible_to(request.user), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def match_context(self, **bound) -> dict:
        match, user = self.match, self.request.user
        side = side_of(match, user)
        waiting_for_me = match.waits_for(side)
        ever_active = match.started_at is not None
        contact = ContactForm(
            initial={
                "share_email": getattr(match, f"{side}_shares_email", False),
                "phone": getattr(match, f"{side}_phone", ""),
            }
        )
        context = {
            "match": match,
            "side": side,
            "waiting_for_me": waiting_for_me,
            "may_cancel": side is not None and match.is_open,
            "may_complete": side is not None and match.is_active,
            "ever_active": ever_active,
            "thread": match_thread(match) if ever_active else [],
            "thread_shown": THREAD_SHOWN,
            "message_refusal": services.message_refusal(match),
            "may_give_feedback": side is not None
            and match.status == S.COMPLETED
            and not MatchFeedback.objects.filter(match=match, side=side).exists(),
            "may_ask_again": side == "mentee" and not match.is_open,
            **{name: form() for name, form in self.FORMS.items()},
            "contact_form": contact,
        }
        context.update(bound)
        return context


class MatchView(MatchMixin, FormView):
    """The match page. Opening it marks the other side's messages as read."""

    request: AuthenticatedHttpRequest

    template_name = "mentorship/match.html"
    http_method_names = ["get"]

    def get(self, request, *args, **kwargs):
        if side_of(self.match, request.user) is None:
            # Staff reading a reported match's thread: on the record, like every staff act.
            services.match_read_by_staff(actor=request.user, match=self.match)
        else:
            services.match_messages_read(user=request.user, match=self.match)
        return self.render_to_response(self.match_context())


class MatchActionView(MatchMixin, FormView):
    """POST from the match page: the form's service, then back to the page with a message.
    A form with an error, or a refused action, shows the page again with what was typed."""

    request: AuthenticatedHttpRequest

    template_name = "mentorship/match.html"
    http_method_names = ["post"]
    form_class: type[forms.Form] = forms.Form
    form_name = ""
    anchor = ""
    done: "StrOrPromise" = ""

    def act(self, form) -> None:
        raise NotImplementedError

    def form_valid(self, form):
        try:
            self.act(form)
        except MatchRefused as refused:
            messages.error(self.request, str(refused.message))
            return self.form_invalid(form)
        if self.done:
            messages.success(self.request, str(self.done))
        url = reverse("mentorship:match", kwargs={"pk": self.match.pk})
        return HttpResponseRedirect(url + (f"#{self.anchor}" if self.anchor else ""))

    def form_invalid(self, form):
        bound = {self.form_name: form} if self.form_name else {}
        return self.render_to_response(self.match_context(**bound), status=200)


class MatchAcceptView(MatchActionView):
    done = gettext_lazy("You accepted. The match starts when both sides have accepted.")

    def act(self, form):
        match = services.match_accept(user=self.request.user, match=self.match)
        if match.is_active:
            self.done = gettext_lazy("The match has started. Say hello in a message!")


class MatchDeclineView(MatchActionView):
    form_class, form_name = DeclineForm, "decline_form"
    done = gettext_lazy("You declined. We told the other side, with your note if you wrote one.")

    def act(self, form):
        services.match_decline(
            user=self.request.user, match=self.match, note=form.cleaned_data["note"]
        )


class MatchCancelView(MatchActionView):
    form_class, form_name = CancelForm, "cancel_form"
    done = gettext_lazy("The match is closed. We told the other side.")

    def act(self, form):
        services.match_cancel(
            user=self.request.user, match=self.match, reason=form.cleaned_data["reason"]
        )


class MatchCompleteView(MatchActionView):
    anchor = "feedback"
    done = gettext_lazy("The match is complete. Please tell us briefly how it went.")

    def act(self, form):
        services.match_complete(user=self.request.user, match=self.match)


class MatchContactView(MatchActionView):
    form_class, form_name, anchor = ContactForm, "contact_form", "contact"
    done = gettext_lazy("Your contact details for this match are saved.")

    def act(self, form):
        services.match_contact_set(
            user=self.request.user, match=self.match,
            share_email=form.cleaned_data["share_email"], phone=form.cleaned_data["phone"],
        )  # fmt: skip


class MatchMessageView(MatchActionView):
    form_class, form_name, anchor = MessageForm, "message_form", "messages"

    def act(self, form):
        services.match_message_send(
            user=self.request.user, match=self.match, body=form.cleaned_data["body"]
        )


class MatchFeedbackView(MatchActionView):
    form_class, form_name, anchor = FeedbackForm, "feedback_form", "feedback"
    done = gettext_lazy("Thank you for your feedback.")

    def act(self, form):
        services.match_feedback_give(
            user=self.request.user, match=self.match, rating=form.cleaned_data["rating"],
            comment=form.cleaned_data["comment"],
        )  # fmt: skip


class MatchReportView(MatchActionView):
    form_class, form_name, anchor = MatchReportForm, "report_form", "report"

    def act(self, form):
        try:
            services.match_report(
                user=self.request.user, match=self.match, who=who_is_asking(self.request),
                reason=form.cleaned_data["reason"], details=form.cleaned_data["details"],
            )  # fmt: skip
        except ReportLimitReached:
            self.done = gettext_lazy(
                "You have already reported this match, or several in a short time. Our staff "
                "will look at your reports."
            )
        else:
            self.done = gettext_lazy(
                "Thank you. Our staff will look into it soon. The other side is not told."
            )


class MatchProposeView(CuratorRequiredMixin, FormView):
    """Staff propose a match between a listed mentor and a seeker (by their account's
    email); both must accept."""

    request: AuthenticatedHttpRequest

    template_name = "mentorship/match_propose.html"
    form_class = ProposeForm

    def form_valid(self, form):
        try:
            match = services.match_propose(
                actor=self.request.user, mentor=form.cleaned_data["mentor"],
                mentee=form.mentee, goal=form.cleaned_data["goal"],
            )  # fmt: skip
        except MatchRefused as refused:
            messages.error(self.request, str(refused.message))
            return self.form_invalid(form)
        messages.success(self.request, _("Proposed. We emailed both; each must accept."))
        return HttpResponseRedirect(match.get_absolute_url())


class ReportListView(CuratorRequiredMixin, ListView):
    """Conduct reports: open ones first."""

    template_name = "mentorship/report_list.html"
    context_object_name = "reports"
    paginate_by = 50
    extra_context = {
        "table": Table(
            caption=gettext_lazy("Conduct reports, open ones first"),
            headers=(
                gettext_lazy("Reported"), gettext_lazy("What happened"), gettext_lazy("By"),
                gettext_lazy("About"), gettext_lazy("Status"),
            ),
            row_template="mentorship/includes/report_row.html",
            empty=gettext_lazy("No reports."),
            stack=True,
        )
    }  # fmt: skip

    def get_queryset(self):
        return reports_for_staff()


class ReportHandleView(CuratorRequiredMixin, FormView):
    """One conduct report: the match, what was reported; pause the match or the mentor,
    resolve it."""

    request: AuthenticatedHttpRequest

    template_name = "mentorship/report_handle.html"
    form_class = ReportHandleForm
    report: MatchReport

    def dispatch(self, request, *args, **kwargs):
        if is_curator(request.user):
            self.report = get_object_or_404(reports_for_staff(), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        has_mentor = report_mentor_id(self.report) is not None
        return {**super().get_form_kwargs(), "has_match": self.report.match_id is not None,
                "has_mentor": has_mentor}  # fmt: skip

    def get_context_data(self, **kwargs):
        return super().get_context_data(report=self.report, match=self.report.match, **kwargs)

    def form_valid(self, form):
        services.match_report_handle(
            actor=self.request.user, report=self.report, **form.cleaned_data
        )
        messages.success(self.request, _("Saved."))
        return HttpResponseRedirect(reverse("mentorship:reports"))


class FeedbackSummaryView(CuratorRequiredMixin, ListView):
    """Feedback per mentor, for vetting: mentees' average rating, how many gave it, and the
    latest comments (of both sides)."""

    template_name = "mentorship/feedback_summary.html"
    context_object_name = "mentors"
    paginate_by = 25

    def get_queryset(self):
        return mentors_with_feedback()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        mentors = list(context["mentors"])
        comments: dict[int, list] = {}
        for feedback in feedback_of_mentors([mentor.pk for mentor in mentors]):
            comments.setdefault(feedback.match.mentor_id, []).append(feedback)
        context["rows"] = [(mentor, comments.get(mentor.pk, [])[:5]) for mentor in mentors]
        return context


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
        # Not the mentors the seeker has asked already, or is matched with: they could not
        # ask them again.
        leave_out = mentors_not_to_suggest(self.request.user)
        return super().get_context_data(
            ask=self.ask, suggestions=suggestions_for(self.ask, leave_out=leave_out), **kwargs
        )
