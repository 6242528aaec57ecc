"""Shared fixtures for tests/verhalen: ONE deduce instance for the whole test session.

deduce's lookup cache lives in ``$IMPACT_CACHE`` (default here: ``<repo>/.cache``, which is
gitignored); the first run builds it (one to two minutes), later runs load it in seconds.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
os.environ.setdefault("IMPACT_CACHE", str(REPO / ".cache"))


@pytest.fixture(scope="session")
def pseudonymizer():
    """A Pseudonymizer on the process-wide deduce instance (loaded once per test session).

    It keeps pseudonym numbering per client_key across calls: use client keys unique to
    your test, or call ``pseudonymizer.reset()`` first.
    """
    from verhalen.deduce_instance import get_deduce
    from verhalen.pseudonimisering import Pseudonymizer

    return Pseudonymizer(deduce=get_deduce())
