from collections.abc import Hashable
from typing import cast

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.formats import number_format
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic.list import MultipleObjectMixin

from apps.core.roles import is_curator
from apps.core.search import RESULTS_CAP, BestMatches, entries_page, kept_search


class CuratorRequiredMixin(LoginRequiredMixin):
    """Staff pages: anonymous people are asked to sign in, everyone else is refused."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not is_curator(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class CappedPaginator(Paginator):
    """Pages of at most `cap` results, counted no further than `cap` + 1: a count that stops
    there costs the same with a thousand matches as with a million (a search estimated
    far past it is not counted: apps.core.search.BestMatches). Past the cap the list
    says "more than 1,000" and its last page is the one that holds the cap-th result (page
    50 of 20); narrower filters reach the others."""

    cap = RESULTS_CAP

    @cached_property
    def count(self) -> int:
        if isinstance(self.object_list, QuerySet):
            return self.object_list.order_by()[: self.cap + 1].count()
        return len(self.object_list)  # a best-match list, no longer than the cap and one

    @property
    def capped(self) -> bool:
        return self.count > self.cap

    @property
    def cap_display(self) -> str:
        """The cap as the active language writes numbers (grouped: "1,000")."""
        return number_format(self.cap, force_grouping=True)

    @cached_property
    def num_pages(self) -> int:
        if not self.capped:
            return super().num_pages
        return -(-self.cap // self.per_page)


class SearchPaginator(CappedPaginator):
    """A CappedPaginator of search entries (SearchListMixin): a page of a queryset of them is
    their keys (and distances), read with their capped count in one statement
    (apps.core.search.entries_page; BestMatches.page for words, ranked or newest first).
    The statement is kept under `kept_as` when given."""

    def __init__(self, object_list, *args, kept_as: Hashable | None = None, **kwargs):
        if isinstance(object_list, BestMatches):
            object_list = object_list.named(kept_as)
        super().__init__(object_list, *args, **kwargs)
        self.kept_as = kept_as

    def get_page(self, number):
        """As Paginator's: a page number past the end or not a number shows the nearest page."""
        entries = self.object_list
        try:
            number = max(int(number), 1)
        except (TypeError, ValueError):
            number = 1
        number = min(number, -(-self.cap // self.per_page))
        if isinstance(entries, BestMatches):
            found_entries, found, number = entries.page(number, self.per_page)
        else:
            found_entries, found, number = entries_page(
                cast(QuerySet, entries),
                number=number,
                size=self.per_page,
                cap=self.cap,
                kept_as=self.kept_as,
            )
        self.__dict__["count"] = found
        return self._get_page(found_entries, number, self)  # type: ignore[attr-defined]


class ForgivingPaginationMixin(MultipleObjectMixin):
    """For a ListView: a page number that is not a number or is past the end shows the
    nearest page with a message, instead of a 404. The view's `paginator_class` may be a
    CappedPaginator."""

    request: HttpRequest

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        asked = self.request.GET.get("page", "1")
        page = paginator.get_page(asked)
        if asked != "1" and str(page.number) != asked:
            messages.info(
                self.request,
                _("There is no page %(asked)s of these results; showing page %(page)s.")
                % {"asked": asked[:12], "page": page.number},
            )
        return paginator, page, page.object_list, page.has_other_pages()


class SearchListMixin(ForgivingPaginationMixin):
    """A ListView of a search page: the filters come from the URL through the type's search
    form (its `filters()`), `search(filters)` gives the matching entries in order, counted no
    further than the cap, and `load(entries)` the page's items, in context as
    `context_object_name`. What `search(filters)` finds depends on the filters and the clock
    only, so the search and its page statement are kept under the view and the filters
    (apps.core.search.kept_search, entries_page)."""

    filter_form_class: type
    paginate_by = 20
    paginator_class = SearchPaginator
    context_object_name: str | None

    def search(self, filters) -> "QuerySet | BestMatches":
        raise NotImplementedError

    def load(self, entries) -> list:
        raise NotImplementedError

    def get(self, request, *args, **kwargs):
        self.form = self.filter_form_class(request.GET)
        self.filters = self.form.filters()
        self.form.show_sort(self.filters)
        return super().get(request, *args, **kwargs)  # type: ignore[misc]

    def get_queryset(self):
        return kept_search(self.kept_as, lambda: self.search(self.filters))

    @cached_property
    def kept_as(self) -> Hashable:
        return (type(self), self.filters)

    def get_paginator(self, queryset, per_page, orphans=0, allow_empty_first_page=True, **kwargs):
        return super().get_paginator(
            queryset, per_page, orphans, allow_empty_first_page, kept_as=self.kept_as, **kwargs
        )

    def get_context_data(self, **kwargs):
        # A ZIP code typed for what is done anywhere, and so left out
        # (SearchFilters.done_anywhere): the page says why it finds listings far from it.
        zip_left_out = bool(self.form.cleaned_data.get("zip")) and self.filters.point is None
        context = super().get_context_data(
            form=self.form, filters=self.filters, zip_left_out=zip_left_out, **kwargs
        )
        context[self.context_object_name or "items"] = self.load(context["page_obj"].object_list)
        return context
