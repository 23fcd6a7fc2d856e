"""Mentorship's personal data (apps.core.personal_data): a person's mentor profile and their
matches, as mentor or as mentee, go with them; where staff or the other side acted on a match,
the match stays without naming them."""

from django.utils.translation import gettext_lazy as _

from apps.core.personal_data import DELETE, KEEP, PersonalData
from apps.mentorship.models import Match, MatchMessage, MentorProfile, MentorshipAsk


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
        yield {
            "mentor": str(match.mentor),
            "mentee": match.mentee.get_short_name(),
            "status": match.get_status_display(),
            "goal": match.goal,
            "requested_at": match.requested_at,
        }


def message_rows(user):
    messages = MatchMessage.objects.filter(sender=user).select_related("match__mentor__user")
    for message in messages.order_by("created_at", "id"):
        yield {"match": str(message.match), "body": message.body, "created_at": message.created_at}


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
]
