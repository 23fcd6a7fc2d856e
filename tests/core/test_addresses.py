"""`{% url %}` and pk_url() remember their addresses (apps.core.addresses): the same addresses
as Django's reverse(), in each language, with arguments, for a changed URLconf, and with
Django's errors."""

import pytest
from django.http import HttpResponse
from django.template import Context, Template, TemplateSyntaxError
from django.test import override_settings
from django.urls import NoReverseMatch, path, reverse
from django.utils.translation import override

from apps.core.addresses import pk_url
from apps.core.templatetags.addresses import RememberedURLNode


def render(source: str, **context) -> str:
    return Template(source).render(Context(context))


def test_every_template_s_url_is_the_remembering_one():
    assert isinstance(Template("{% url 'jobs:list' %}").nodelist[0], RememberedURLNode)


def test_url_writes_what_reverse_says_in_each_language():
    source = "{% url 'jobs:list' %} {% url 'jobs:detail' pk %} {% url 'jobs:detail' pk=pk %}"
    for language in ["es", "en", "es"]:
        with override(language):
            expected = " ".join(
                [reverse("jobs:list"), reverse("jobs:detail", args=[7]),
                 reverse("jobs:detail", kwargs={"pk": 7})]
            )  # fmt: skip
            assert render(source, pk=7) == expected
            assert expected.startswith(f"/{language}/")
            assert pk_url("jobs:detail", 12) == reverse("jobs:detail", kwargs={"pk": 12})


def test_url_as_a_variable_and_its_errors():
    assert render("{% url 'nowhere' as there %}[{{ there }}]") == "[]"
    with pytest.raises(NoReverseMatch):
        render("{% url 'nowhere' %}")
    with pytest.raises(TemplateSyntaxError):
        Template("{% url %}")
    # A value that cannot be remembered by is still reversed (and refused as Django would).
    with pytest.raises(NoReverseMatch):
        render("{% url 'jobs:detail' pks %}", pks=[1, 2])


# A URLconf of this test's own (override_settings names this module).
urlpatterns = [path("only-here/", lambda request: HttpResponse(), name="account_login")]


def test_a_changed_urlconf_has_its_own_addresses():
    assert render("{% url 'account_login' %}") == reverse("account_login") != "/only-here/"
    with override_settings(ROOT_URLCONF=__name__):
        assert render("{% url 'account_login' %}") == "/only-here/"
    assert render("{% url 'account_login' %}") == reverse("account_login")
