"""CSV files that staff and organizers open in a spreadsheet program."""


def spreadsheet_safe(text: str) -> str:
    """What people typed, never read as a formula by a spreadsheet program."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
