"""Mentorship's emails (apps.notifications): a match's changes (requested, answered,
reminders, ended, quiet), new messages, and a match closed because the other side left
Camino. Each writer loads its whole batch in a fixed number of queries."""

from apps.core.emails import page_url
from apps.mentorship.models import Match, MatchMessage, MatchStatus
from apps.notifications.registry import Email
from apps.notifications.services import topics_wanted

S = MatchStatus

# Which changes are still worth telling, by the match's status when the email is written.
STILL_TRUE = {
    "requested": {S.REQUESTED},
    "proposed": {S.PROPOSED},
    "reminder": {S.REQUESTED, S.PROPOSED},
    "quiet": {S.ACTIVE},
}


def _context(match: Match) -> dict:
    return {
        "match": match,
        "mentor_name": match.mentor.user.get_short_name(),
        "mentee_name": match.mentee.get_short_name(),
        "match_url": page_url("mentorship:match", match.pk),
    }


def _answered_by(match: Match, side: str | None) -> bool:
    """Whether this side of a staff proposal has accepted it already (no reminder then)."""
    if side is None:
        return False
    return getattr(match, f"{side}_accepted_at") is not None


def match_changed(batch: list[dict]) -> list[Email | None]:
    """A change of a match, to the side that did not make it. A request or proposal is
    dropped once answered, a quiet match's prompt once it has ended."""
    matches = Match.objects.select_related("mentor__user", "mentee").in_bulk(
        [params["match"] for params in batch]
    )
    emails: list[Email | None] = []
    for params in batch:
        match = matches.get(params["match"])
        change = params["change"]
        current = (
            match is not None
            and match.status in STILL_TRUE.get(change, set(S))
            and not _answered_by(match, params.get("side"))
        )
        emails.append(
            Email(
                topic="mentorship_matches",
                template=f"mentorship/email/{change}",
                context=_context(match),
            )
            if current and match is not None
            else None
        )
    return emails


def match_message(batch: list[dict]) -> list[Email | None]:
    """A new message, to the other side: who wrote and a link; the text itself only for
    people who turned on "mentorship_message_text" (off by default: an email may be read by
    someone else on a shared phone)."""
    messages = MatchMessage.objects.select_related(
        "match__mentor__user", "match__mentee", "sender"
    ).in_bulk([params["message"] for params in batch])
    receivers = {
        message.pk: (
            message.match.mentee_id
            if message.sender_id != message.match.mentee_id
            else message.match.mentor.user_id
        )
        for message in messages.values()
    }
    wanted = topics_wanted(receivers.values())
    emails: list[Email | None] = []
    for params in batch:
        message = messages.get(params["message"])
        if message is None or message.match.status != S.ACTIVE:
            emails.append(None)
            continue
        emails.append(
            Email(
                topic="mentorship_messages",
                template="mentorship/email/message",
                context={
                    **_context(message.match),
                    "sender_name": message.sender.get_short_name() if message.sender else "",
                    "excerpt": (
                        message.body
                        if wanted(receivers[message.pk], "mentorship_message_text")
                        else ""
                    ),
                },
            )
        )
    return emails


def match_left(batch: list[dict]) -> list[Email | None]:
    """The other side of an open match deleted their account: the match has ended. The
    match is gone by now; the email says which side left and since when."""
    return [
        Email(
            topic="mentorship_matches",
            template=f"mentorship/email/left_{params['side']}",
            # The mentors' list is the mentors part's page; the home page leads to it.
            context={"since": params["since"], "home_url": page_url("core:home")},
        )
        for params in batch
    ]
