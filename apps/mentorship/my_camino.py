"""Mentorship's section of a person's My Camino page (apps.core.registry.personal_sections):
their open requests and matches (asked, proposed by staff, active), as mentee or as mentor,
with the other person's name and where it stands, a link to the match page where one waits
for their answer, and a link to their dashboard. One query however many they have."""

from apps.mentorship.models import OPEN_STATUSES, Match, Side

SHOWN = 3


def mentorship_section(user) -> dict | None:
    matches = list(
        Match.objects.of(user)
        .filter(status__in=OPEN_STATUSES)
        .select_related("mentor__user", "mentee")
        .only(
            "status", "requested_at", "started_at", "mentee_accepted_at", "mentor_accepted_at",
            "mentee__display_name", "mentee__email", "mentor__user__display_name",
            "mentor__user__email",
        )
        .order_by("-requested_at", "-pk")[:SHOWN]
    )  # fmt: skip
    if not matches:
        return None
    for match in matches:
        other = match.mentee if match.mentor.user_id == user.pk else match.mentor.user
        match.other_name = other.get_short_name()
        match.as_mentor = match.mentor.user_id == user.pk
        match.waits_for_me = match.waits_for(Side.MENTOR if match.as_mentor else Side.MENTEE)
    return {"matches": matches}
