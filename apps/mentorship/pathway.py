"""Mentors who work in a kind of work, as a part of its career pathway page (registered in
apps.core.registry.category_sections: mentorship knows nothing of the page)."""

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from apps.core.registry import CategorySection
from apps.core.us import ZipPoint
from apps.mentorship.filters import MentorFilters
from apps.mentorship.selectors import mentors_for, mentors_search

MENTORS_SHOWN = 3


def pathway_mentors(category: str, zip_point: ZipPoint | None) -> dict | None:
    """The newest listed mentors whose industries include the kind of work (the mentor
    list, filtered by it, has them all): two queries. None when there are none."""
    mentors = mentors_for(mentors_search(MentorFilters.build(industry=category))[:MENTORS_SHOWN])
    if not mentors:
        return None
    return {
        "mentors": mentors,
        "all_url": f"{reverse('mentorship:list')}?{urlencode({'industry': category})}",
    }


SECTION = CategorySection(
    title=_("Mentors who work in this"),
    template="mentorship/includes/pathway_mentors.html",
    load=pathway_mentors,
    models=("mentorship.mentorprofile",),
)
