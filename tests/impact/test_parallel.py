"""impact.parallel: tasks over forked workers give the answers one process gives, and errors
come back as themselves; the report run and the pseudonymisation give the same files and
texts with two workers as with one."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from impact.errors import Problem, UserInputError
from impact.parallel import WERKERS_ENV, aantal_werkers, verdeel


def test_answers_equal_one_process_and_a_closure_works(monkeypatch):
    basis = 7  # a closure: inherited by the forked workers, never pickled
    taken = list(range(23))
    parallel = dict(verdeel(lambda x: (x * basis, os.getpid()), taken, werkers=2))
    assert sorted(parallel) == taken
    assert [parallel[i][0] for i in taken] == [x * basis for x in taken]
    assert {pid for _, pid in parallel.values()} != {os.getpid()}  # really in other processes
    monkeypatch.setenv(WERKERS_ENV, "1")
    alleen = dict(verdeel(lambda x: (x * basis, os.getpid()), taken))
    assert {pid for _, pid in alleen.values()} == {os.getpid()}


def test_a_task_that_spreads_work_itself_runs_it_in_its_own_worker():
    def binnen(x):
        return sum(v for _, v in verdeel(lambda y: y * x, range(4), werkers=2))

    assert dict(verdeel(binnen, [1, 2, 3], werkers=2)) == {0: 6, 1: 12, 2: 18}


def test_a_users_error_comes_back_with_its_problems():
    fout = UserInputError([Problem("m.csv", 3, "score", "een getal", "abc")])
    assert pickle.loads(pickle.dumps(fout)).problems == fout.problems

    def taak(x):
        if x == 3:
            raise fout
        return x

    with pytest.raises(UserInputError) as gevangen:
        list(verdeel(taak, range(6), werkers=2))
    assert str(gevangen.value) == "m.csv:3:score: een getal, er stond: 'abc'"
    assert gevangen.value.problems == fout.problems


def test_an_error_that_does_not_pickle_still_says_what_happened():
    class Eigen(Exception):
        def __init__(self, a, b):  # pickling re-calls __init__ with one argument: fails
            super().__init__(f"{a}-{b}")

    def taak(x):
        raise Eigen("kapot", x)

    with pytest.raises(RuntimeError, match="kapot"):
        list(verdeel(taak, range(2), werkers=2))


def test_an_error_that_does_not_unpickle_never_hangs_the_pool():
    """An error that pickles but cannot be rebuilt killed multiprocessing.Pool's result thread,
    and stopping that pool after an error could deadlock on its task queue: a hundred runs in
    a row, each with two failing tasks, must all end (in a child process with a time limit, so
    a hang fails this test instead of the suite)."""
    programma = textwrap.dedent("""
        from impact.parallel import verdeel
        class Eigen(Exception):
            def __init__(self, a, b):
                super().__init__(f"{a}-{b}")
        def taak(x):
            raise Eigen("kapot", x)
        for _ in range(100):
            try:
                list(verdeel(taak, range(2), werkers=2))
            except RuntimeError as fout:
                assert "kapot" in str(fout)
        print("klaar")
    """)
    uit = subprocess.run([sys.executable, "-c", programma], capture_output=True, text=True, timeout=120,
                         cwd=Path(__file__).resolve().parents[2])
    assert uit.returncode == 0 and uit.stdout.strip() == "klaar", uit.stderr[-2000:]


def test_number_of_workers(monkeypatch):
    monkeypatch.setenv(WERKERS_ENV, "3")
    assert aantal_werkers() == 3
    monkeypatch.setenv(WERKERS_ENV, "twee")
    with pytest.raises(UserInputError, match="IMPACT_WERKERS='twee': verwacht een geheel getal"):
        aantal_werkers()
    monkeypatch.delenv(WERKERS_ENV)
    assert aantal_werkers() >= 1


@pytest.fixture(scope="module")
def twee_keer(tmp_path_factory):
    """A small demo world published and reported with one worker and with two."""
    import rapporten
    from impact.demo import generate
    from verhalen.publicatie import publiceer

    uit = {}
    for werkers in ("1", "2"):
        os.environ[WERKERS_ENV] = werkers
        try:
            wereld = publiceer(generate(seed=11, n_clients=150))
            map_ = tmp_path_factory.mktemp(f"werkers{werkers}")
            paden = rapporten.alle_rapporten(wereld, map_, xlsx=True)
        finally:
            del os.environ[WERKERS_ENV]
        uit[werkers] = (wereld, map_, [p.name for p in paden])
    return uit


def test_published_texts_are_the_same_with_two_workers(twee_keer):
    (een, _, _), (twee, _, _) = twee_keer["1"], twee_keer["2"]
    kolommen = ["verhaal_id", "titel_publicatie", "tekst_publicatie", "vervangingen_publicatie"]
    assert een.verhalen[kolommen].equals(twee.verhalen[kolommen])
    assert een.verhalen["tekst_publicatie"].notna().sum() > 50
    # a case description continues from its client's stories: the workers' pseudonym state came back
    assert [c["verhaal_publicatie"] for c in een.casussen] == [c["verhaal_publicatie"] for c in twee.casussen]


def test_reports_are_the_same_files_with_two_workers(twee_keer):
    (_, map1, namen1), (_, map2, namen2) = twee_keer["1"], twee_keer["2"]
    assert namen1 == namen2  # the same files, in the order of the index
    for naam in namen1:
        if naam.endswith(".html"):
            assert (map1 / naam).read_bytes() == (map2 / naam).read_bytes(), naam


def test_the_workers_pseudonym_state_comes_back(monkeypatch):
    """What a client's later text continues from (its registry) is the same after two workers
    as after one pass."""
    import pandas as pd

    from verhalen.publicatie import publiceer_verhalen, publicist

    verhalen = pd.DataFrame(
        {
            "verhaal_id": range(6),
            "client_id": [1, 2, 1, 3, 2, 1],
            "titel": ["", "", "Over Sandra", "", "", ""],
            "tekst": [
                "Sandra de Vries woont met haar zoon Dylan in Heerlen.",
                "Meneer Bakker belde over zijn dochter Anouk.",
                "Sandra vertelde dat Dylan weer naar school gaat.",
                "Mevrouw Jansen en haar buurman Piet gingen samen naar de markt.",
                "Anouk is 16 en werkt bij de bakker.",
                "Dylan en zijn oma Truus gaan vissen.",
            ],
            "toestemming": ["geanonimiseerd_publiceren"] * 6,
        }
    )
    staat = {}
    for werkers in ("1", "2"):
        monkeypatch.setenv(WERKERS_ENV, werkers)
        geen = pd.DataFrame(columns=["client_id", "soort", "waarde"])
        p = publicist(geen)
        publiceer_verhalen(verhalen, geen, publicist=p)
        staat[werkers] = {
            k: (r.numbers, r.surrogator.chosen, r.surrogator.used)
            for k, r in p.pseudonymizer.registries([1, 2, 3]).items()
        }
    assert set(staat["1"]) == {1, 2, 3}
    assert staat["2"] == staat["1"]
