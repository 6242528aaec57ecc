"""Fixtures shared by every room: databases on SQLite and, when configured, PostgreSQL."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid

import pytest
from sqlalchemy import create_engine, text

from impact import store

PG_URL = os.environ.get("IMPACT_TEST_PG")  # e.g. postgresql+psycopg://impact:impact@127.0.0.1/impact


def ontbreekt(reden: str) -> None:
    """A tool the test needs is missing: skip on a developer's machine, fail in CI (env CI set),
    where scripts/testen.sh installs every tool and a skip would hide a broken setup."""
    if os.environ.get("CI"):
        pytest.fail(f"in CI mag niets ontbreken: {reden}")
    pytest.skip(reden)


def _postgres_database():
    """A fresh, uniquely named PostgreSQL database; dropped afterwards."""
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    name = f"impact_test_{uuid.uuid4().hex[:12]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = admin.url.set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request, tmp_path):
    """An empty database URL on each backend; PostgreSQL only when IMPACT_TEST_PG is set.

    CI sets IMPACT_TEST_PG and IMPACT_REQUIRE_PG (and CI), so there a missing server fails
    instead of skipping.
    """
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'impact.db'}"
        return
    if not PG_URL:
        if os.environ.get("IMPACT_REQUIRE_PG"):
            pytest.fail("IMPACT_REQUIRE_PG is gezet maar IMPACT_TEST_PG niet")
        ontbreekt("geen PostgreSQL: zet IMPACT_TEST_PG")
    yield from _postgres_database()


@pytest.fixture
def engine(database_url):
    """An initialised, empty database on each backend."""
    engine = store.connect(database_url)
    store.upgrade(engine)
    yield engine
    engine.dispose()


def run_impact(*args: str, cwd=None) -> subprocess.CompletedProcess:
    """The `impact` command as a user runs it: a new process, exit code and Dutch output."""
    return subprocess.run([sys.executable, "-m", "impact", *args], capture_output=True, text=True, cwd=cwd)


@pytest.fixture
def cli():
    return run_impact
