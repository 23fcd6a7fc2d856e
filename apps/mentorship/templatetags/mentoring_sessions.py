"""Template tags of sessions and goals: a session's time in the reader's own time zone, and
what the match page's includes show (the next session, the goals' progress), one query each."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from apps.mentorship.dashboard import next_session_of
from apps.mentorship.goals import Progress, progress_of
from apps.mentorship.models import Match, MentoringSession
from apps.mentorship.sessions import session_span, zone_of

register = template.Library()


@register.simple_tag(takes_context=True)
def session_when(context, session: MentoringSession, other=None) -> SafeString:
    """When the session is, in the reader's own time zone; and in the other person's when
    theirs is another one ("For Luis: ... EST")."""
    user = context.get("user")
    mine = zone_of(user if user is not None and user.is_authenticated else None)
    html = format_html(
        '<time datetime="{}">{}</time>', session.starts_at.isoformat(), session_span(session, mine)
    )
    if other is not None and other.time_zone and zone_of(other) != mine:
        theirs = _("For %(name)s: %(time)s") % {
            "name": other.get_short_name(), "time": session_span(session, zone_of(other))
        }  # fmt: skip
        html = format_html('{}<br><span class="session-when__theirs">{}</span>', html, theirs)
    return html


@register.simple_tag
def next_session(match: Match) -> MentoringSession | None:
    """The match's next session not over yet (one query)."""
    session = next_session_of(match)
    if session is not None:
        session.match = match
    return session


@register.simple_tag
def match_progress(match: Match) -> Progress:
    """Tasks done out of all the match's tasks (one query)."""
    return progress_of([match.pk]).get(match.pk, Progress(0, 0))
