"""One deduce instance per process, with an explicit, writable cache location.

deduce builds an ~80 MB lookup cache on its first start (one to two minutes) and loads it in
seconds afterwards. By default deduce writes that cache inside its own site-packages folder,
which is often read-only; we point it at ``$IMPACT_CACHE/deduce-<versie>`` or, without that
variable, at the user cache folder (``platformdirs.user_cache_dir("impact")``).
"""

from __future__ import annotations

import gc
import logging
import os
import pickle
import shutil
import tempfile
import threading
from contextlib import contextmanager
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from deduce import Deduce

CACHE_ENV = "IMPACT_CACHE"

_lock = threading.Lock()
_instance: Deduce | None = None


def cache_dir() -> Path:
    """Folder that holds deduce's lookup cache for the installed deduce version."""
    base = os.environ.get(CACHE_ENV)
    if base:
        root = Path(base).expanduser()
    else:
        import platformdirs

        root = Path(platformdirs.user_cache_dir("impact"))
    return root / f"deduce-{version('deduce')}"


def import_deduce_quietly():
    """Import deduce without letting it reconfigure the root logger.

    deduce calls ``logging.basicConfig(level=DEBUG, stream=stdout)`` at import time, which
    would flood the CLI's stdout; we restore the root logger afterwards.
    """
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    import deduce

    root.handlers[:] = handlers
    root.setLevel(level)
    return deduce


def get_deduce() -> Deduce:
    """The process-wide deduce instance, built (or loaded from cache) on first use."""
    global _instance
    with _lock:
        if _instance is None:
            deduce = import_deduce_quietly()
            path = cache_dir()
            path.mkdir(parents=True, exist_ok=True)
            with _without_gc():
                try:
                    if (path / "cache" / "lookup_structs.pickle").is_file():
                        _instance = deduce.Deduce(cache_path=path)
                except (EOFError, pickle.UnpicklingError, AttributeError, ImportError):
                    _instance = None  # unreadable cache: rebuild below
                if _instance is None:
                    _instance = _build(deduce, path)
        return _instance


@contextmanager
def _without_gc():
    """Unpickling deduce's lookup cache creates millions of long-lived objects. The collector,
    triggered over and over while they are created, made the load about four times slower
    (6,4 s against 1,7 s on the 2-core test machine), and every later full collection would
    walk them again: they are frozen (moved out of the collector's reach) before it resumes."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def _build(deduce, path: Path) -> Deduce:
    """Build the lookup cache in a private folder, then move it in place atomically.

    deduce writes its pickle in place; a second process reading it half-written would
    crash, so we never let it write into the shared folder directly.
    """
    work = Path(tempfile.mkdtemp(prefix=".bouw-", dir=path))
    try:
        instance = deduce.Deduce(cache_path=work)
        (path / "cache").mkdir(exist_ok=True)
        os.replace(work / "cache" / "lookup_structs.pickle", path / "cache" / "lookup_structs.pickle")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return instance


def is_loaded() -> bool:
    """Whether deduce has already been loaded in this process."""
    return _instance is not None
