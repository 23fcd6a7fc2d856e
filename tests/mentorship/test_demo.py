"""The mentors of the demo (apps/mentorship/demo/mentors.json, their accounts in
apps/accounts/demo/mentors.json, through the shared loader)."""

import re

import pytest
from django.utils import translation

from apps.core.models import PublicationStatus
from apps.mentorship.models import MentorProfile, MentorSearchEntry, MentorshipAsk
from apps.mentorship.ranking import suggestions_for
from tests.core.test_demo import load_demo

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    load_demo()


def test_there_are_bilingual_mentors_across_trades_and_professions(demo):
    mentors = MentorProfile.objects.all()
    assert mentors.count() >= 20
    assert all(m.headline_es and m.headline_en and m.conduct_agreed_at for m in mentors)
    assert len({industry for m in mentors for industry in m.industries}) >= 12
    listed = MentorProfile.objects.listed()
    assert listed.count() >= 15
    assert MentorSearchEntry.objects.count() == listed.count()
    assert mentors.filter(status=PublicationStatus.PENDING).count() == 1
    assert mentors.filter(pause="self").exists() and mentors.filter(pause="staff").exists()
    full = [m for m in mentors.filter(status="published", pause="") if not m.has_room]
    assert full
    assert not {m.pk for m in full} & set(listed.values_list("pk", flat=True))


def test_loading_twice_changes_nothing_and_maria_gets_suggestions(demo):
    count = MentorProfile.objects.count()
    load_demo()
    assert MentorProfile.objects.count() == count
    ask = MentorshipAsk.objects.get(user__email="maria@example.org")
    with translation.override("es"):
        first = suggestions_for(ask)[0]
    assert first.mentor.user.email == "mentor.rosa@example.org"
    assert first.reasons[0] == "habla español"


# Words of the familiar "tú" (and its verb endings in "-arte", "-erte", "-irte").
FAMILIAR = re.compile(r"\b(tú|tu|tus|te|ti|contigo)\b|\w+(arte|erte|irte)\b", re.IGNORECASE)


def test_the_mentors_spanish_says_usted_like_the_rest_of_camino(demo):
    texts = MentorProfile.objects.values_list(
        "headline_es", "story_es", "helps_with_es", "own_path_es", "occupations_es", "skills_es"
    )
    familiar = [text for row in texts for text in row if text and FAMILIAR.search(text)]
    assert familiar == []
