"""Mentorship's personal data (apps.core.personal_data): a person's mentor profile and their
matches, as mentor or as mentee, go with them; where staff or the other side acted on a match,
the match stays without naming them. Conduct reports stay whoever leaves (a safety record for
staff), naming a deleted account instead; they are in the reporter's download only."""

from django.utils.translation import gettext_lazy as _

from apps.core.personal_data import DELETE, KEEP, PersonalData
from apps.mentorship.models import (
    Match,
    MatchFeedback,
    MatchMessage,
    MatchReport,
    MentoringSession,
    MentoringTask,
    MentorProfile,
    MentorshipAsk,
)


def mentor_profile_rows(user):
    for profile in MentorProfile.objects.filter(user=user):
        yield {
            "headline": profile.headline,
            "status": profile.get_status_display(),
            "capacity": profile.capacity,
            "created_at": profile.created_at,
        }


def match_rows(user):
    matches = Match.objects.of(user).select_related("mentor__user", "mentee")
    for match in matches.order_by("requested_at", "id"):
        side = "mentee" if match.mentee_id == user.pk else "mentor"
        yield {
            "mentor": str(match.mentor),
            "mentee": match.mentee.get_short_name(),
            "status": match.get_status_display(),
            "goal": match.goal,
            "requested_at": match.requested_at,
            "shared": ", ".join(
                filter(
                    None,
                    [
                        str(_("email")) if getattr(match, f"{side}_shares_email") else "",
                        getattr(match, f"{side}_phone"),
                    ],
                )
            ),
        }


def message_rows(user):
    messages = MatchMessage.objects.filter(sender=user).select_related("match__mentor__user")
    for message in messages.order_by("created_at", "id"):
        yield {"match": str(message.match), "body": message.body, "created_at": message.created_at}


def feedback_rows(user):
    for feedback in MatchFeedback.objects.filter(author=user).order_by("created_at", "id"):
        yield {"rating": feedback.rating, "comment": feedback.comment,
               "created_at": feedback.created_at}  # fmt: skip


def report_rows(user):
    for report in MatchReport.objects.filter(reporter=user).order_by("created_at", "id"):
        yield {"reason": report.get_reason_display(), "details": report.details,
               "created_at": report.created_at}  # fmt: skip


def matches_close(user) -> None:
    """Before the rows go: the person's open matches end and the other side is told."""
    from apps.mentorship.services import matches_close_for_leaving

    matches_close_for_leaving(user)


def session_rows(user):
    """The sessions of the person's matches (the rows go when the match goes)."""
    sessions = MentoringSession.objects.filter(match__in=Match.objects.of(user)).select_related(
        "match__mentor__user", "match__mentee"
    )
    for session in sessions.order_by("starts_at", "id"):
        yield {
            "match": str(session.match),
            "starts_at": session.starts_at,
            "minutes": session.minutes,
            "mode": session.get_mode_display(),
            "place": session.place,
            "join_url": session.join_url,
            "status": session.get_status_display(),
            "notes": session.notes,
        }


def task_rows(user):
    """The goals and tasks of the person's matches."""
    tasks = MentoringTask.objects.filter(goal__match__in=Match.objects.of(user)).select_related(
        "goal"
    )
    for task in tasks.order_by("goal__created_at", "goal_id", "created_at", "id"):
        yield {"goal": task.goal.title, "task": task.title, "done_at": task.done_at}


def ask_rows(user):
    for ask in MentorshipAsk.objects.filter(user=user):
        yield {
            "goal": ask.goal,
            "industry": ask.get_industry_display(),
            "skills": ask.skills,
            "language": ask.get_language_display(),
            "meeting_mode": ask.get_meeting_mode_display(),
            "zip_code": ask.zip_code,
            "updated_at": ask.updated_at,
        }


ENTRIES = [
    # First: a leaving person's open matches end (freeing seats, telling the other side)
    # before the entries below delete their profile and matches.
    PersonalData(
        name="mentorship_matches_closed",
        model="mentorship.Match",
        title=_("Your open mentoring matches"),
        scrub=matches_close,
    ),
    PersonalData(
        name="mentorship_ask",
        model="mentorship.MentorshipAsk",
        title=_("What you want a mentor to help with"),
        field="user",
        on_erase=DELETE,
        columns=(
            ("goal", _("What you want help with")),
            ("industry", _("Kind of work")),
            ("skills", _("Skills or occupation")),
            ("language", _("Language")),
            ("meeting_mode", _("How you want to meet")),
            ("zip_code", _("ZIP code")),
            ("updated_at", _("Updated")),
        ),
        rows=ask_rows,
    ),
    PersonalData(
        name="mentor_profile",
        model="mentorship.MentorProfile",
        title=_("Your mentor profile"),
        field="user",
        on_erase=DELETE,
        columns=(
            ("headline", _("Headline")),
            ("status", _("Status")),
            ("capacity", _("Mentees at once")),
            ("created_at", _("Created")),
        ),
        rows=mentor_profile_rows,
    ),
    PersonalData(
        name="mentor_profile_submitted",
        model="mentorship.MentorProfile",
        title=_("Mentor profiles you submitted"),
        field="created_by",
        on_erase=KEEP,
    ),
    PersonalData(
        name="mentorship_matches",
        model="mentorship.Match",
        title=_("Your mentoring matches"),
        field="mentee",
        on_erase=DELETE,
        columns=(
            ("mentor", _("Mentor")),
            ("mentee", _("Mentee")),
            ("status", _("Status")),
            ("goal", _("What you wanted help with")),
            ("requested_at", _("Requested")),
            ("shared", _("Contact details you shared")),
        ),
        rows=match_rows,
    ),
    PersonalData(
        name="mentorship_messages",
        model="mentorship.MatchMessage",
        title=_("Messages you sent to mentors and mentees"),
        field="sender",
        on_erase=KEEP,
        columns=(("match", _("Match")), ("body", _("Message")), ("created_at", _("Sent"))),
        rows=message_rows,
    ),
    PersonalData(
        name="mentorship_matches_proposed",
        model="mentorship.Match",
        title=_("Matches you proposed"),
        field="proposed_by",
        on_erase=KEEP,
    ),
    PersonalData(
        name="mentorship_matches_cancelled",
        model="mentorship.Match",
        title=_("Matches you cancelled"),
        field="cancelled_by",
        on_erase=KEEP,
    ),
    PersonalData(
        name="mentorship_feedback",
        model="mentorship.MatchFeedback",
        title=_("Feedback you gave on mentoring matches"),
        field="author",
        on_erase=KEEP,
        columns=(("rating", _("Rating")), ("comment", _("Comment")), ("created_at", _("Given"))),
        rows=feedback_rows,
    ),
    PersonalData(
        name="mentorship_reports",
        model="mentorship.MatchReport",
        title=_("Conduct reports you sent"),
        field="reporter",
        on_erase=KEEP,
        columns=(
            ("reason", _("What happened")),
            ("details", _("Details")),
            ("created_at", _("Reported")),
        ),
        rows=report_rows,
    ),
    # A report about the person is a safety record staff keep after they leave; it is not
    # theirs to download (the reporter's words), and it then names a deleted account.
    PersonalData(
        name="mentorship_reports_about",
        model="mentorship.MatchReport",
        title=_("Conduct reports about you"),
        field="reported",
        on_erase=KEEP,
    ),
    PersonalData(
        name="mentorship_reports_resolved",
        model="mentorship.MatchReport",
        title=_("Conduct reports you resolved"),
        field="resolved_by",
        on_erase=KEEP,
    ),
    PersonalData(
        name="mentoring_sessions",
        model="mentorship.MentoringSession",
        title=_("Your mentoring sessions"),
        field="proposed_by",
        on_erase=KEEP,
        columns=(
            ("match", _("Match")),
            ("starts_at", _("Starts")),
            ("minutes", _("Minutes")),
            ("mode", _("How")),
            ("place", _("Place or phone details")),
            ("join_url", _("Link")),
            ("status", _("Status")),
            ("notes", _("What you covered")),
        ),
        rows=session_rows,
    ),
    PersonalData(
        name="mentoring_sessions_cancelled",
        model="mentorship.MentoringSession",
        title=_("Mentoring sessions you cancelled"),
        field="cancelled_by",
        on_erase=KEEP,
    ),
    PersonalData(
        name="mentoring_session_notes",
        model="mentorship.MentoringSession",
        title=_("Notes you wrote after mentoring sessions"),
        field="notes_by",
        on_erase=KEEP,
    ),
    PersonalData(
        name="mentoring_goals",
        model="mentorship.MentoringGoal",
        title=_("Goals you added"),
        field="created_by",
        on_erase=KEEP,
    ),
    PersonalData(
        name="mentoring_tasks",
        model="mentorship.MentoringTask",
        title=_("Your mentoring goals and tasks"),
        field="created_by",
        on_erase=KEEP,
        columns=(("goal", _("Goal")), ("task", _("Task")), ("done_at", _("Done"))),
        rows=task_rows,
    ),
    PersonalData(
        name="mentoring_tasks_done",
        model="mentorship.MentoringTask",
        title=_("Tasks you checked off"),
        field="done_by",
        on_erase=KEEP,
    ),
]
