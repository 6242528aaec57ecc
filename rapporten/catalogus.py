"""English catalogue: Dutch message id -> English text (gettext style, Dutch is the source)."""

ENGELS: dict[str, str] = {}
