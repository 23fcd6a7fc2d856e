"""What curation adds to the shared pieces besides personal data: the audit action it writes
and the links an item's manage page offers to its pages (its history, its translation, its
claim)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from apps.core.curation import curation_kinds
from apps.core.registry import ItemLink, item_links
from apps.core.services import audit_actions
from apps.curation.items import item_ref
from apps.curation.translations import missing_texts, translated_names


def history_url(item) -> str:
    return f"{reverse('curation:audit')}?item={item_ref(item)}"


def translate_url(item) -> str:
    if translated_names(type(item)) is None or not missing_texts(item):
        return ""
    return reverse("curation:translate", kwargs={"ref": item_ref(item)})


def claim_url(item) -> str:
    if type(item) not in curation_kinds().values():
        return ""
    return reverse("curation:item_claim", kwargs={"ref": item_ref(item)})


def declare() -> None:
    audit_actions.register("translation_added", _("Translation added"))
    history = ItemLink(_("Its whole history in the audit log"), history_url)
    translate = ItemLink(_("Add the missing translation side by side"), translate_url)
    item_links.register("curation_history", history)
    item_links.register("curation_translate", translate)
    claim = ItemLink(_("Who is working on it (claim it)"), claim_url)
    item_links.register("curation_claim", claim)
