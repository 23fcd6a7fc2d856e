"""CSV files people open in a spreadsheet program."""

# How a cell starts that a spreadsheet program would read as a formula (OWASP's "CSV
# injection"): exports put a quote before it, and imports take that quote away again.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(text: str) -> str:
    """What people typed, never read as a formula by a spreadsheet program: a cell that
    starts like one (= + - @, or a tab or return before them) is prefixed with a quote."""
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def spreadsheet_unsafe(text: str) -> str:
    """The text a cell written by spreadsheet_safe stood for: only a quote that escapes a
    formula goes (an import reads back what an export wrote)."""
    if text.startswith("'") and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text
