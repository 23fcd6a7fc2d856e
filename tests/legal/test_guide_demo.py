"""The demo's guides (apps/legal/demo/guides.json, through the shared loader)."""

import pytest

from apps.core.markdown import markdown_html
from apps.core.verification import overdue
from apps.legal.guide_setup import GUIDES_CHECKED
from apps.legal.models import Guide, GuideTopic
from tests.core.test_demo import load_demo

pytestmark = pytest.mark.django_db


def test_six_bilingual_guides_one_per_topic_one_of_them_stale(client):
    load_demo()

    guides = Guide.objects.published().select_related("reviewed_by")
    assert set(guides.values_list("topic", flat=True)) == set(GuideTopic.values)
    for guide in guides:
        for field in ("title", "summary", "body"):
            assert getattr(guide, f"{field}_es") and getattr(guide, f"{field}_en"), guide.slug
        assert guide.reviewed_by.email == "staff@example.org"
        assert "<h2>" in markdown_html(guide.body_es) and "<h1>" not in markdown_html(guide.body_es)
    assert [guide.slug for guide in overdue(GUIDES_CHECKED)] == ["itin-basics"]
    listed = client.get("/en/legal/guides/").content.decode()
    assert all(guide.title_en in listed for guide in guides)
