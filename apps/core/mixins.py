from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied

from apps.core.roles import is_curator


class CuratorRequiredMixin(LoginRequiredMixin):
    """Staff pages: anonymous people are asked to sign in, everyone else is refused."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not is_curator(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)
