"""gunicorn's settings for Camino, read from the working directory (the Docker image's CMD names
it; bench/ runs gunicorn from here too). Bind address, workers and the access log stay on the
command line.

Logs hold no search words, ZIP codes or tokens: the access log and the error log go through
the same filter as Camino's own logs (apps/core/logs.py), which drops query strings (the
referer's too) and masks the secret segments of paths such as unsubscribe links."""

from gunicorn.glogging import Logger

from apps.core.logs import ScrubFilter


class CaminoLogger(Logger):
    def setup(self, cfg):
        # gunicorn makes new handlers on every setup (start and reload): filter them all.
        super().setup(cfg)
        for log in (self.error_log, self.access_log):
            for handler in log.handlers:
                handler.addFilter(ScrubFilter())


logger_class = CaminoLogger
