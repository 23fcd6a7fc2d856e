"""The pages of sessions, goals and tasks, and the dashboard. Only the two people in a match
see its sessions, notes, goals and tasks: the querysets are scoped to the matches the person
is in, so anyone else (staff too) gets a 404."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from apps.accounts.http import AuthenticatedHttpRequest
from apps.accounts.models import User
from apps.mentorship.dashboard import dashboard_of
from apps.mentorship.goals import goal_add, task_add, task_check
from apps.mentorship.models import (
    Match,
    MentoringGoal,
    MentoringSession,
    MentoringTask,
    SessionStatus,
)
from apps.mentorship.session_forms import (
    GoalForm,
    NotesForm,
    SessionForm,
    TaskCheckForm,
    TaskForm,
)
from apps.mentorship.sessions import (
    SessionRefused,
    session_cancel,
    session_confirm,
    session_ics,
    session_move,
    session_note,
    session_propose,
    zone_of,
)


def my_matches(user):
    return Match.objects.of(user).select_related("mentor__user", "mentee")


def my_sessions(user):
    return MentoringSession.objects.filter(match__in=Match.objects.of(user)).select_related(
        "match__mentor__user", "match__mentee"
    )


def other_person(match: Match, user):
    return match.mentee if user.pk == match.mentor.user_id else match.mentor.user


class MatchPageMixin(LoginRequiredMixin):
    """A page of one match the person is in (`pk` in the URL)."""

    match: Match
    other: User

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.match = get_object_or_404(my_matches(request.user), pk=kwargs["pk"])
            self.other = other_person(self.match, request.user)
        return super().dispatch(request, *args, **kwargs)

    def match_context(self) -> dict:
        return {"match": self.match, "other": self.other}


class SessionsView(MatchPageMixin, TemplateView):
    """GET: the match's sessions (to come, then past, with notes) and the form to propose
    one; POST: propose it. A refused time keeps what was typed, with the reason."""

    request: AuthenticatedHttpRequest

    template_name = "mentorship/sessions.html"

    def get_context_data(self, **kwargs):
        now = timezone.now()
        sessions = list(
            MentoringSession.objects.filter(match=self.match).order_by("starts_at", "pk")
        )
        for session in sessions:
            session.match = self.match
        kwargs.setdefault(
            "form", SessionForm(zone=zone_of(self.request.user)) if self.match.is_active else None
        )
        return super().get_context_data(
            **self.match_context(),
            now=now,
            upcoming=[s for s in sessions if s.ends_at > now and not s.is_cancelled],
            past=[s for s in reversed(sessions) if s.ends_at <= now or s.is_cancelled],
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        form = SessionForm(request.POST, zone=zone_of(request.user))
        if form.is_valid():
            try:
                session_propose(actor=request.user, match=self.match, **form.cleaned_data)
            except SessionRefused as refused:
                messages.error(request, str(refused.message))
            else:
                messages.success(
                    request,
                    _("Session proposed. %(name)s gets an email to confirm it.")
                    % {"name": other_person(self.match, request.user).get_short_name()},
                )
                return HttpResponseRedirect(reverse("mentorship:sessions", args=[self.match.pk]))
        return self.render_to_response(self.get_context_data(form=form), status=400)


class SessionMixin(LoginRequiredMixin):
    """A page about one session of a match the person is in (`pk` in the URL)."""

    session: MentoringSession

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.session = get_object_or_404(my_sessions(request.user), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def back(self) -> HttpResponseRedirect:
        return HttpResponseRedirect(reverse("mentorship:sessions", args=[self.session.match_id]))


class SessionConfirmView(SessionMixin, View):
    request: AuthenticatedHttpRequest

    def post(self, request, *args, **kwargs):
        try:
            session_confirm(actor=request.user, session=self.session)
        except SessionRefused as refused:
            messages.error(request, str(refused.message))
        else:
            messages.success(
                request, _("Session confirmed. You both get a reminder a day and an hour before.")
            )
        return self.back()


class SessionCancelView(SessionMixin, View):
    request: AuthenticatedHttpRequest

    def post(self, request, *args, **kwargs):
        try:
            session_cancel(actor=request.user, session=self.session)
        except SessionRefused as refused:
            messages.error(request, str(refused.message))
        else:
            messages.success(request, _("Session cancelled. The other person has been told."))
        return self.back()


class SessionMoveView(SessionMixin, TemplateView):
    """Propose another time (or place) for a session."""

    request: AuthenticatedHttpRequest

    template_name = "mentorship/session_move.html"

    def get_context_data(self, **kwargs):
        kwargs.setdefault(
            "form", SessionForm(zone=zone_of(self.request.user), session=self.session)
        )
        return super().get_context_data(
            session=self.session, match=self.session.match,
            other=other_person(self.session.match, self.request.user), **kwargs,
        )  # fmt: skip

    def post(self, request, *args, **kwargs):
        form = SessionForm(request.POST, zone=zone_of(request.user))
        if form.is_valid():
            try:
                session_move(actor=request.user, session=self.session, **form.cleaned_data)
            except SessionRefused as refused:
                messages.error(request, str(refused.message))
            else:
                messages.success(request, _("New time proposed. The other person confirms it."))
                return self.back()
        return self.render_to_response(self.get_context_data(form=form), status=400)


class SessionNotesView(SessionMixin, TemplateView):
    """What was covered in a session, written by either person after it began."""

    request: AuthenticatedHttpRequest

    template_name = "mentorship/session_notes.html"

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", NotesForm(initial={"notes": self.session.notes}))
        return super().get_context_data(
            session=self.session, match=self.session.match,
            other=other_person(self.session.match, self.request.user), **kwargs,
        )  # fmt: skip

    def post(self, request, *args, **kwargs):
        form = NotesForm(request.POST)
        if form.is_valid():
            try:
                session_note(
                    actor=request.user, session=self.session, notes=form.cleaned_data["notes"]
                )
            except SessionRefused as refused:
                messages.error(request, str(refused.message))
            else:
                messages.success(request, _("Notes saved. You both see them."))
                return self.back()
        return self.render_to_response(self.get_context_data(form=form), status=400)


class SessionCalendarView(SessionMixin, View):
    """The session's .ics, with the place and link (only the two people get it)."""

    request: AuthenticatedHttpRequest

    def get(self, request, *args, **kwargs):
        response = HttpResponse(session_ics(self.session), content_type="text/calendar")
        response["Content-Disposition"] = (
            f'attachment; filename="mentoring-session-{self.session.pk}.ics"'
        )
        response["Cache-Control"] = "private, no-store"
        return response


class GoalsView(MatchPageMixin, TemplateView):
    """GET: the match's goals and their tasks, with forms to add more; POST: add a goal."""

    request: AuthenticatedHttpRequest

    template_name = "mentorship/goals.html"

    def get_context_data(self, **kwargs):
        goals = list(
            MentoringGoal.objects.filter(match=self.match)
            .prefetch_related("tasks")
            .order_by("created_at", "pk")
        )
        done = sum(task.is_done for goal in goals for task in goal.tasks.all())
        total = sum(len(goal.tasks.all()) for goal in goals)
        active = self.match.is_active
        task_forms = kwargs.pop("task_forms", {})
        for goal in goals:
            goal.task_form = task_forms.get(goal.pk) or (  # type: ignore[attr-defined]
                TaskForm(auto_id=f"goal-{goal.pk}-%s") if active else None
            )
        kwargs.setdefault("form", GoalForm() if active else None)
        return super().get_context_data(
            **self.match_context(), goals=goals, done=done, total=total,
            percent=round(100 * done / total) if total else 0, **kwargs,
        )  # fmt: skip

    def post(self, request, *args, **kwargs):
        form = GoalForm(request.POST)
        if form.is_valid():
            try:
                goal_add(actor=request.user, match=self.match, title=form.cleaned_data["title"])
            except SessionRefused as refused:
                messages.error(request, str(refused.message))
            else:
                messages.success(request, _("Goal added. Now break it into small steps."))
                return HttpResponseRedirect(reverse("mentorship:goals", args=[self.match.pk]))
        return self.render_to_response(self.get_context_data(form=form), status=400)


class TaskAddView(LoginRequiredMixin, View):
    """Add a task to a goal (`pk`). A refused task shows the goals page again with it."""

    request: AuthenticatedHttpRequest

    def post(self, request, *args, **kwargs):
        goal = get_object_or_404(
            MentoringGoal.objects.filter(match__in=Match.objects.of(request.user)).select_related(
                "match__mentor__user", "match__mentee"
            ),
            pk=kwargs["pk"],
        )
        form = TaskForm(request.POST, auto_id=f"goal-{goal.pk}-%s")
        if form.is_valid():
            try:
                task_add(actor=request.user, goal=goal, title=form.cleaned_data["title"])
            except SessionRefused as refused:
                messages.error(request, str(refused.message))
            else:
                return HttpResponseRedirect(
                    reverse("mentorship:goals", args=[goal.match_id]) + f"#goal-{goal.pk}"
                )
        page = GoalsView(request=request, kwargs={"pk": goal.match_id}, args=())
        page.match, page.other = goal.match, other_person(goal.match, request.user)
        return page.render_to_response(
            page.get_context_data(task_forms={goal.pk: form}), status=400
        )


class TaskCheckView(LoginRequiredMixin, View):
    """Check a task off, or open it again (`done` absent)."""

    request: AuthenticatedHttpRequest

    def post(self, request, *args, **kwargs):
        task = get_object_or_404(
            MentoringTask.objects.filter(
                goal__match__in=Match.objects.of(request.user)
            ).select_related("goal__match__mentor"),
            pk=kwargs["pk"],
        )
        form = TaskCheckForm(request.POST)
        form.is_valid()  # a checkbox: absent or anything unexpected means "not done"
        try:
            task_check(actor=request.user, task=task, done=bool(form.cleaned_data.get("done")))
        except SessionRefused as refused:
            messages.error(request, str(refused.message))
        return HttpResponseRedirect(
            reverse("mentorship:goals", args=[task.goal.match_id]) + f"#goal-{task.goal_id}"
        )


def with_match_pages(matches: list[Match]) -> None:
    """Each match's `page_url`: its page (messages, details), once there is one. Asked once:
    a missing URL name costs far more to look up than a found one."""
    try:
        reverse("mentorship:match", args=[0])
    except NoReverseMatch:
        return
    for match in matches:
        match.page_url = reverse("mentorship:match", args=[match.pk])  # type: ignore[attr-defined]


class DashboardView(LoginRequiredMixin, TemplateView):
    """A mentor's and a mentee's one page (a person may be both)."""

    request: AuthenticatedHttpRequest

    template_name = "mentorship/dashboard.html"

    def get_context_data(self, **kwargs):
        dashboard = dashboard_of(self.request.user)
        with_match_pages(
            [*dashboard.requests_to_answer, *dashboard.my_requests,
             *(row.match for row in dashboard.active)]
        )  # fmt: skip
        return super().get_context_data(
            dashboard=dashboard, now=timezone.now(),
            proposed=SessionStatus.PROPOSED, **kwargs,
        )  # fmt: skip
