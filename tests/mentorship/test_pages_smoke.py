import pytest

from tests.accounts.factories import CuratorFactory, UserFactory
from tests.mentorship.factories import ApplicationFactory, AskFactory, MentorFactory

pytestmark = pytest.mark.django_db


def test_pages_render(client):
    mentor = MentorFactory()
    application = ApplicationFactory()
    seeker = UserFactory()
    AskFactory(user=seeker)
    assert client.get("/es/mentors/").status_code == 200
    assert client.get(f"/en/mentors/{mentor.pk}/").status_code == 200
    assert client.get(f"/en/mentors/{application.pk}/").status_code == 404
    client.force_login(seeker)
    response = client.get("/es/mentors/suggestions/")
    assert response.status_code == 200, response.content
    assert client.get("/es/mentors/apply/").status_code == 200
    assert client.get("/es/mentors/ask/").status_code == 200
    client.force_login(CuratorFactory())
    assert client.get("/es/review/mentors/").status_code == 200
    assert client.get(f"/es/mentors/{application.pk}/manage/").status_code == 200
