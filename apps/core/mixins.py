from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.views.generic.list import MultipleObjectMixin

from apps.core.roles import is_curator


class CuratorRequiredMixin(LoginRequiredMixin):
    """Staff pages: anonymous people are asked to sign in, everyone else is refused."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not is_curator(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ForgivingPaginationMixin(MultipleObjectMixin):
    """For a ListView: a page number that is not a number or is past the end shows the
    nearest page with a message, instead of a 404."""

    request: HttpRequest

    def paginate_queryset(self, queryset, page_size):
        paginator = Paginator(queryset, page_size)
        asked = self.request.GET.get("page", "1")
        page = paginator.get_page(asked)
        if asked != "1" and str(page.number) != asked:
            messages.info(
                self.request,
                _("There is no page %(asked)s of these results; showing page %(page)s.")
                % {"asked": asked[:12], "page": page.number},
            )
        return paginator, page, page.object_list, page.has_other_pages()
