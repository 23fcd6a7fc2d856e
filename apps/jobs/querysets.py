from apps.core.querysets import PublishableQuerySet


class JobQuerySet(PublishableQuerySet):
    def open_to_all(self):
        return self.filter(work_authorization="open")
