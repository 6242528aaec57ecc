"""Every command on a missing, empty or uninitialised database: Dutch, exit 2, nothing created."""

from __future__ import annotations

import pytest

COMMANDS = [
    ("exporteer", "clienten", "--uit", "uit.csv"),
    ("importeer", "clienten", "c.csv"),
    ("analyse", "groei"),
    ("analyse", "verandering"),
    ("kosten-baten", "casussen", "--interventie", "Schuldhulp"),
    ("verhalen", "exporteer-qdpx", "uit.qdpx"),
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_missing_database_is_not_created_by_a_read(tmp_path, cli, command):
    """Before: an empty impact.db was created and the command ended in 'no such table'."""
    (tmp_path / "c.csv").write_text("pseudoniem\nC1\n", encoding="utf-8")
    result = cli(*command, cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and "impact init" in result.stderr
    assert not (tmp_path / "impact.db").exists()


@pytest.mark.parametrize("command", COMMANDS[:3], ids=lambda c: " ".join(c[:2]))
def test_empty_database_file_says_what_to_do(tmp_path, cli, command):
    (tmp_path / "c.csv").write_text("pseudoniem\nC1\n", encoding="utf-8")
    (tmp_path / "impact.db").write_bytes(b"")
    result = cli(*command, cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert "impact init" in result.stderr and "Traceback" not in result.stderr
