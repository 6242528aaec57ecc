"""Independent tasks spread over the machine's cores, in forked worker processes.

A forked worker starts as a copy of this process: it sees everything computed before the
fork (data read, model results, deduce's lookup tables) without copying or pickling it.
Only each task's answer travels back, pickled. Where fork is not available (Windows) or only
one core may be used, the tasks run one after the other in this process: the answers are the
same either way. ``IMPACT_WERKERS`` sets the number of workers (1: no worker processes).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import traceback
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

WERKERS_ENV = "IMPACT_WERKERS"

# what a forked worker runs: set just before the fork, inherited by the workers
_taak: Callable | None = None
_taken: Sequence = ()
_in_werker = False  # True in a worker process: a task there runs its own tasks itself


def aantal_werkers() -> int:
    """How many worker processes to use: ``IMPACT_WERKERS``, else the cores this process may use."""
    waarde = os.environ.get(WERKERS_ENV, "").strip()
    if waarde:
        try:
            return max(1, int(waarde))
        except ValueError:
            from impact.errors import UserInputError

            raise UserInputError(f"{WERKERS_ENV}={waarde!r}: verwacht een geheel getal (1 of meer)") from None
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def verdeel(taak: Callable[[T], R], taken: Sequence[T], werkers: int | None = None) -> Iterator[tuple[int, R]]:
    """``(i, taak(taken[i]))`` for every task, in the order they finish.

    With more than one worker each task runs in a forked process; ``taak`` may be any
    callable (a closure too: it is inherited, not pickled), its answer must pickle. An error
    raised by a task is raised here, as itself when it pickles."""
    global _taak, _taken
    n = min(aantal_werkers() if werkers is None else werkers, len(taken))
    # a worker does not start workers of its own: it runs them itself
    if n <= 1 or "fork" not in multiprocessing.get_all_start_methods() or _in_werker:
        for i, t in enumerate(taken):
            yield i, taak(t)
        return
    _taak, _taken = taak, taken
    # out of the collector's reach: a worker's collections would otherwise touch, and so copy,
    # every page of the objects it inherited
    gc.freeze()
    # concurrent.futures, not multiprocessing.Pool: on an error the tasks not yet started are
    # cancelled and the pool waits for the running ones, where Pool.terminate() could deadlock
    # on its task queue; a worker that dies raises BrokenProcessPool instead of hanging
    try:
        with ProcessPoolExecutor(n, mp_context=multiprocessing.get_context("fork")) as pool:
            klaar = [pool.submit(_doe, i) for i in range(len(taken))]
            try:
                for f in as_completed(klaar):
                    i, ok, antwoord = f.result()
                    if not ok:
                        raise antwoord
                    yield i, antwoord
            finally:
                for f in klaar:
                    f.cancel()
    finally:
        _taak, _taken = None, ()


def _doe(i: int) -> tuple[int, bool, object]:
    """In a worker: run task ``i``; an error comes back as a value (a readable one if it does
    not survive pickling), so the parent raises it instead of the pool hanging or losing it."""
    global _in_werker
    _in_werker = True
    try:
        return i, True, _taak(_taken[i])
    except BaseException as fout:  # noqa: BLE001 - every error goes back to the parent
        import pickle

        try:  # both ways: an error that pickles but does not unpickle kills the pool's result thread
            pickle.loads(pickle.dumps(fout))
        except Exception:  # noqa: BLE001
            fout = RuntimeError("".join(traceback.format_exception(fout)))
        return i, False, fout
