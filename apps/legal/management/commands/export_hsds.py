"""Write the legal help directory's HSDS data package (what /api/hsds/datapackage.zip
streams) to a file, in constant memory: for a mirror, or to measure the export."""

import sys

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import translation

from apps.legal.export import datapackage_zip


class Command(BaseCommand):
    help = "Write the legal help directory as an HSDS 3.0 data package (zip) to a file."

    def add_arguments(self, parser):
        parser.add_argument("output", help="the zip file to write; - for standard output")
        parser.add_argument("--language", choices=[code for code, _ in settings.LANGUAGES],
                            default=settings.LANGUAGE_CODE)  # fmt: skip

    def handle(self, *args, output: str, language: str, **options):
        with (
            translation.override(language),
            open(sys.stdout.fileno(), "wb", closefd=False) if output == "-" else open(
                output, "wb"
            ) as file,
        ):  # fmt: skip
            for chunk in datapackage_zip():
                file.write(chunk)
