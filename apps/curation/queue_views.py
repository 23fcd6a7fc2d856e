"""The one queue and its claims. The queue's table sits in one POST form whose buttons each
name their own `formaction` (claim, release, assign, and the bulk actions of
curation/includes/bulk_controls.html), so every action shares the selection."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect, QueryDict
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from apps.core.mixins import CuratorRequiredMixin
from apps.core.review import Table
from apps.core.roles import is_lead_curator
from apps.curation.items import item_ref, kind_label, manage_url
from apps.curation.queue_forms import AssignForm, QueueFilterForm, colleague_choices
from apps.curation.queue_rows import queue_rows_html
from apps.curation.queue_selectors import item_claim, queue_item_or_404, queue_page
from apps.curation.queue_services import ClaimHeld, claim_assign, claim_release, claim_take

QUEUE_TABLE = Table(
    caption=gettext_lazy("Items that need a person, reports first, then the oldest"),
    headers=(
        gettext_lazy("Select"), gettext_lazy("What"), gettext_lazy("Why"),
        gettext_lazy("Waiting"), gettext_lazy("Organization"), gettext_lazy("Claimed by"),
    ),
    row_template="",  # queue_rows_html() writes them
    empty=gettext_lazy("Nothing here needs a person. Try fewer filters."),
    stack=True,
)  # fmt: skip


def held_message(held: ClaimHeld, item) -> str:
    name = held.claim.claimed_by.get_short_name()
    return _("%(name)s is already working on “%(item)s”.") % {"name": name, "item": item}


class QueueView(CuratorRequiredMixin, TemplateView):
    """Every item that needs a person, across every app, filtered by the URL."""

    template_name = "curation/queue.html"

    def queue_context(self, query: QueryDict, *, selected=(), assign_form=None) -> dict:
        user = self.request.user
        colleagues = colleague_choices(user)
        form = QueueFilterForm(query, user=user, colleagues=colleagues)
        rows, has_next = queue_page(form.filters(), user=user, page=form.page_number())
        lead = is_lead_curator(user)
        return {
            "form": form,
            "rows": rows,
            "rows_html": queue_rows_html(
                rows,
                headers=QUEUE_TABLE.headers,
                user_pk=user.pk,
                selected=set(selected),
                query=query,
            ),
            "queue_table": QUEUE_TABLE,
            "page_number": form.page_number(),
            "has_next": has_next,
            "filters_query": query.urlencode(),
            "selected": set(selected),
            "is_lead": lead,
            "assign_form": (assign_form or AssignForm(colleagues=colleagues, user=user))
            if lead
            else None,
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(**self.queue_context(self.request.GET), **kwargs)


class QueueActionView(QueueView):
    """A button of the queue's form: does its action on every selected item, then shows the
    queue again with the same filters. Nothing selected, or a bad choice: the queue again
    with the selection kept and a message."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        refs = request.POST.getlist("item")
        items = [queue_item_or_404(ref) for ref in refs]  # anything else is a 404
        self.query = QueryDict(request.POST.get("filters", ""))
        if not items:
            messages.error(request, _("Choose at least one item first."))
            return self.again(refs)
        return self.act(items, refs)

    def act(self, items, refs):
        raise NotImplementedError

    def again(self, refs, **kwargs):
        context = self.queue_context(self.query, selected=refs, **kwargs)
        return self.render_to_response(self.get_context_data(**context))

    def get_context_data(self, **kwargs):
        return TemplateView.get_context_data(self, **kwargs)

    def back(self):
        query = self.query.urlencode()
        return HttpResponseRedirect(reverse("curation:queue") + (f"?{query}" if query else ""))


class ClaimView(QueueActionView):
    def act(self, items, refs):
        taken = 0
        for item in items:
            try:
                claim_take(actor=self.request.user, item=item)
                taken += 1
            except ClaimHeld as held:
                messages.warning(self.request, held_message(held, item))
        if taken:
            messages.success(self.request, _("Claimed: %(count)s.") % {"count": taken})
        return self.back()


class ReleaseView(QueueActionView):
    def act(self, items, refs):
        released = 0
        for item in items:
            try:
                released += claim_release(actor=self.request.user, item=item)
            except PermissionDenied:
                messages.warning(
                    self.request,
                    _("“%(item)s” is claimed by a colleague: only they or a lead may release it.")
                    % {"item": item},
                )
        if released:
            messages.success(self.request, _("Released: %(count)s.") % {"count": released})
        return self.back()


class AssignView(QueueActionView):
    """Leads only: hand the selected items to a colleague."""

    def post(self, request, *args, **kwargs):
        if not is_lead_curator(request.user):
            raise PermissionDenied
        return super().post(request, *args, **kwargs)

    def act(self, items, refs):
        user = self.request.user
        form = AssignForm(self.request.POST, colleagues=colleague_choices(user), user=user)
        if not form.is_valid():
            messages.error(self.request, _("Choose the colleague to assign them to."))
            return self.again(refs, assign_form=form)
        assignee = get_user_model().objects.get(pk=form.cleaned_data["assignee"])
        assigned = 0
        for item in items:
            try:
                claim_assign(actor=user, item=item, assignee=assignee)
                assigned += 1
            except ClaimHeld:  # a colleague took it in the same instant
                messages.warning(
                    self.request, _("“%(item)s” changed hands: try again.") % {"item": item}
                )
        if assigned:
            messages.success(
                self.request,
                _("Assigned to %(name)s: %(count)s.")
                % {"name": assignee.get_short_name(), "count": assigned},
            )
        return self.back()


class ItemClaimView(CuratorRequiredMixin, TemplateView):
    """One item's claim, reached from its page for staff (apps.curation.links): who works on
    it and until when, with buttons to take it or let it go; a lead may take anyone's back.
    Each button posts here and comes back here, with a message."""

    template_name = "curation/item_claim.html"

    @cached_property
    def item(self):
        # Read after the mixin let a curator in: nobody else learns which items exist.
        return queue_item_or_404(self.kwargs["ref"])

    def get_context_data(self, **kwargs):
        user = self.request.user
        claim = item_claim(self.item)
        context = super().get_context_data(**kwargs)
        context.update(
            item=self.item, ref=item_ref(self.item), claim=claim,
            kind=kind_label(type(self.item)), manage_url=manage_url(self.item),
            may_release=claim is not None
            and (claim.claimed_by_id == user.pk or is_lead_curator(user)),
        )  # fmt: skip
        return context

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        try:
            if action == "take":
                claim_take(actor=request.user, item=self.item)
                messages.success(request, _("Claimed."))
            elif action == "release" and claim_release(actor=request.user, item=self.item):
                messages.success(request, _("Released: nobody is working on it now."))
        except ClaimHeld as held:
            messages.warning(request, held_message(held, self.item))
        return HttpResponseRedirect(request.path)
