from pathlib import Path

import polib
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

# Strings from these folders are never shown to people.
IGNORE = ["tests/*", "bench/*", "var/*", "build/*", "node_modules/*"]


class Command(BaseCommand):
    help = (
        "Fail unless every locale's catalogue is complete (no untranslated, fuzzy or obsolete "
        "entries) and up to date with the code. Needs GNU gettext. With --write, keep the "
        "re-extracted catalogue (new strings to translate, removed ones dropped)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--write", action="store_true", help="keep the updated .po files")

    def handle(self, *args, write: bool, **options):
        languages = [code for code, _ in settings.LANGUAGES if code != "en"]
        po_paths = [
            Path(settings.LOCALE_PATHS[0]) / code / "LC_MESSAGES" / "django.po"
            for code in languages
        ]
        originals = {path: path.read_text(encoding="utf-8") for path in po_paths}
        before = {path: _keys(polib.pofile(str(path))) for path in po_paths}
        call_command(
            "makemessages",
            locale=languages,
            add_location="file",
            ignore_patterns=IGNORE,
            verbosity=0,
        )
        problems = []
        for path in po_paths:
            catalogue = polib.pofile(str(path))
            if write:  # strings gone from the code leave the catalogue too
                for entry in catalogue.obsolete_entries():
                    catalogue.remove(entry)
                catalogue.save()
            for entry in catalogue.untranslated_entries():
                problems.append(f"{path}: untranslated: {entry.msgid!r}")
            for entry in catalogue.fuzzy_entries():
                problems.append(f"{path}: fuzzy: {entry.msgid!r}")
            for entry in catalogue.obsolete_entries():
                problems.append(f"{path}: no longer in the code: {entry.msgid!r}")
            missing = _keys(catalogue) - before[path]
            for _context, msgid in sorted(missing, key=str):
                problems.append(f"{path}: new in the code, not in the catalogue: {msgid!r}")
            if not write:
                path.write_text(originals[path], encoding="utf-8")
        if problems:
            raise CommandError(
                "The translation catalogue is not complete:\n"
                + "\n".join(problems)
                + "\nRun `manage.py check_translations --write`, translate, and try again."
            )
        self.stdout.write(self.style.SUCCESS("translations complete and up to date"))


def _keys(catalogue: polib.POFile) -> set[tuple[str | None, str]]:
    return {(entry.msgctxt, entry.msgid) for entry in catalogue if not entry.obsolete}
