"""The queue's rows, written in Python rather than by a template include per row: the queue
shows fifty rows on every view and fifty includes cost more than the rest of the page
(measured with bench/curation.py, as result cards are: apps.core.cards). Every value is
escaped with the standard library's escape."""

from html import escape

from django.http import QueryDict
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.timesince import timesince
from django.utils.translation import gettext as _

from apps.core.curation import Reason
from apps.curation.queue_selectors import Row


def _cell(label: str, html: str) -> str:
    return f'<td role="cell" data-label="{escape(label)}">{html}</td>'


def _waiting(row: Row, never: str) -> str:
    if row.since is None:
        return never
    moment = timezone.localtime(row.since) if timezone.is_aware(row.since) else row.since
    return f'<time datetime="{moment.isoformat()}">{escape(timesince(row.since))}</time>'


def _claimed(row: Row, user_pk, nobody: str, you: str) -> str:
    claim = row.claim
    if claim is None:
        return nobody
    html = you if claim.claimed_by_id == user_pk else escape(claim.claimed_by.get_short_name())
    if claim.assigned_by is not None:
        lead = claim.assigned_by.get_short_name()
        html += f" <small>({escape(_('assigned by %(lead)s') % {'lead': lead})})</small>"
    until = formats.time_format(timezone.localtime(claim.expires_at))
    return html + f"<br><small>{escape(_('until %(time)s') % {'time': until})}</small>"


def queue_rows_html(rows: list[Row], *, headers, user_pk, selected, query: QueryDict) -> SafeString:
    """The <tr> of each row of the queue's table (its `headers` label the stacked cells)."""
    labels = [str(header) for header in headers]
    # The same words on every row: translated once.
    never, nobody, you = escape(_("Never checked")), escape(_("Nobody")), escape(_("You"))
    side_by_side = escape(_("Translate side by side"))
    parts = []
    for number, row in enumerate(rows, start=1):
        ref = escape(row.ref)
        checked = " checked" if row.ref in selected else ""
        choose = _("Select “%(item)s”") % {"item": row.item}
        why = escape(row.reason_label)
        why = f"<strong>{why}</strong>" if row.entry.urgent else why
        if note := row.note:
            why += f"<br><small>{escape(str(note))}</small>"
        if row.entry.reason == Reason.UNTRANSLATED:
            side = reverse("curation:translate", args=[row.ref])
            why += f'<br><a href="{escape(side)}">{side_by_side}</a>'
        organization = row.organization
        if organization is not None:
            only = query.copy()
            only["organization"] = str(organization.pk)
            only.pop("page", None)
            where = f'<a href="?{escape(only.urlencode())}">{escape(str(organization))}</a>'
        else:
            where = "—"
        parts.append(
            '<tr role="row">'
            + _cell(labels[0], (
                f'<input type="checkbox" name="item" value="{ref}" id="item-{number}"{checked}>'
                f'<label for="item-{number}" class="visually-hidden">{escape(choose)}</label>'
            ))
            + _cell(labels[1], (
                f'{escape(row.kind_label)}: <a href="{escape(row.url)}">{escape(str(row.item))}</a>'
            ))
            + _cell(labels[2], why)
            + _cell(labels[3], _waiting(row, never))
            + _cell(labels[4], where)
            + _cell(labels[5], _claimed(row, user_pk, nobody, you))
            + "</tr>"
        )  # fmt: skip
    return mark_safe("\n".join(parts))  # noqa: S308 (escaped above)
