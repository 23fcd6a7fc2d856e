"""CSV files people open in a spreadsheet program."""


def spreadsheet_safe(text: str) -> str:
    """What people typed, never read as a formula by a spreadsheet program: a cell that
    starts like one (= + - @, or a tab or return before them) is prefixed with a quote."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
