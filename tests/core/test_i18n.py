from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.template import Context, Template
from django.utils import translation

from apps.core.i18n import build_catalogue, translated
from tests.testapp.models import Article

pytestmark = pytest.mark.django_db

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "es" / "LC_MESSAGES" / "django.po"


def test_a_field_in_the_readers_language_is_not_a_fallback():
    article = Article.objects.create(title_es="Cocinero", title_en="Cook")
    with translation.override("en"):
        title = translated(article, "title")
    assert (title.text, title.language, title.is_fallback) == ("Cook", "en", False)


@pytest.mark.parametrize(("reader", "source"), [("en", "es"), ("es", "en")])
def test_a_missing_translation_falls_back_to_the_other_language(reader, source):
    article = Article.objects.create(**{f"title_{source}": "Texto / Text"})
    with translation.override(reader):
        title = translated(article, "title")
        assert article.title == "Texto / Text"  # modeltranslation's own fallback agrees
    assert (title.text, title.language, title.is_fallback) == ("Texto / Text", source, True)


@pytest.mark.parametrize(
    ("reader", "note"),
    [
        ("en", "Not translated yet: shown in Spanish."),
        ("es", "Aún no está traducido: se muestra en inglés."),
    ],
)
def test_the_page_says_when_it_shows_the_other_language(reader, note):
    article = Article.objects.create(**{f"title_{'es' if reader == 'en' else 'en'}": "Hola"})
    template = Template(
        '{% load camino %}{% translated_field article "title" as title %}'
        '<h1 lang="{{ title.language }}">{{ title }}</h1>{% fallback_note title %}'
    )
    with translation.override(reader):
        html = template.render(Context({"article": article}))
    assert note in html
    assert ">Hola</h1>" in html


def test_no_note_when_the_text_is_in_the_readers_language():
    article = Article.objects.create(title_es="Hola", title_en="Hello")
    template = Template(
        '{% load camino %}{% translated_field article "title" as t %}{% fallback_note t %}'
    )
    with translation.override("es"):
        assert template.render(Context({"article": article})).strip() == ""


@pytest.mark.parametrize(
    "path",
    [CATALOGUE, CATALOGUE.parent.parent.parent / "allauth" / "es" / "LC_MESSAGES" / "django.po"],
)
def test_spanish_catalogues_are_complete(path):
    catalogue = polib.pofile(str(path))
    assert [entry.msgid for entry in catalogue.untranslated_entries()] == []
    assert [entry.msgid for entry in catalogue.fuzzy_entries()] == []
    assert catalogue.percent_translated() == 100


def test_catalogue_is_compiled_without_gettext(tmp_path, settings):
    locale = tmp_path / "es" / "LC_MESSAGES"
    locale.mkdir(parents=True)
    (locale / "django.po").write_bytes(CATALOGUE.read_bytes())
    settings.LOCALE_PATHS = [tmp_path]

    written = build_catalogue()

    assert written == [locale / "django.mo"]
    compiled = polib.mofile(str(locale / "django.mo"))
    assert compiled.find("Skip to main content").msgstr == "Saltar al contenido principal"
    assert build_catalogue() == []  # up to date: nothing rewritten


def test_allauth_pages_address_the_reader_as_usted_like_the_rest_of_camino(client):
    html = client.get("/es/accounts/login/").content.decode()
    assert "Envíeme un código de inicio de sesión" in html
    assert "Envíame" not in html
