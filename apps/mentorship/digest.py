"""The mentors section of the weekly digest (apps.notifications.digest): mentors approved
last week who fit what a seeker asked for (their MentorshipAsk): they mentor in the
seeker's language, and know the kind of work and meet the way the seeker asked, when they
said."""

from apps.core.emails import absolute_url, page_url, per_language
from apps.mentorship.models import MentorProfile, MentorshipAsk

MAX_MENTORS = 5


def fits(ask: MentorshipAsk, languages, industries, modes) -> bool:
    return (
        ask.language in languages
        and (not ask.industry or ask.industry in industries)
        and (not ask.meeting_mode or ask.meeting_mode in modes)
    )


class NewMentors:
    name = "mentors"
    template = "mentorship/email/digest_mentors.txt"

    def collect(self, user_ids: list[int], *, since, until) -> dict[int, list[int]]:
        new = list(
            MentorProfile.objects.listed()
            .filter(published_at__gte=since, published_at__lt=until)
            .order_by("published_at", "pk")
            .values_list("pk", "user_id", "languages", "industries", "meeting_modes")[
                : MAX_MENTORS * 20
            ]
        )
        if not new:
            return {}
        found = {}
        for ask in MentorshipAsk.objects.filter(user_id__in=user_ids):
            chosen = [
                pk
                for pk, mentor_user, languages, industries, modes in new
                if mentor_user != ask.user_id and fits(ask, languages, industries, modes)
            ]
            if chosen:
                found[ask.user_id] = chosen[:MAX_MENTORS]
        return found

    def load(self, ids) -> tuple[dict, dict]:
        mentors = MentorProfile.objects.listed().filter(pk__in=ids).select_related("user").in_bulk()
        return mentors, {
            "suggestions_url": page_url("mentorship:suggestions"),
            "mentor_urls": per_language(
                lambda: {pk: absolute_url(m.get_absolute_url()) for pk, m in mentors.items()}
            ),
        }
