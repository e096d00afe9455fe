"""Do one share of a large piece of work in a forked child while this process does the rest.

Reading a large handbook's files, and rendering its second language, each split in two:
the child is a fork of this process, so it starts with everything this process has
(the model, the templates), and only its result comes back, pickled through a pipe.

The child runs nothing but the job: it never writes to the terminal, never runs exit
handlers, and ends with ``os._exit``, so a lock another thread of this process held at
the moment of the fork (a progress line being printed) cannot block it. Where ``fork`` is
missing, or the child dies, the job is done in this process instead.
"""

from __future__ import annotations

import os
import pickle
import traceback
import warnings
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def can_fork() -> bool:
    return hasattr(os, "fork")


def in_child(job: Callable[[], T]) -> Callable[[], T]:
    """Start ``job`` in a forked child now; calling the result waits for its value."""
    if not can_fork():
        return job
    read_end, write_end = os.pipe()
    with warnings.catch_warnings():  # Python 3.12 warns about fork() beside threads: see above
        warnings.simplefilter("ignore", DeprecationWarning)
        pid = os.fork()
    if pid == 0:  # the child
        try:
            os.close(read_end)
            try:
                payload = pickle.dumps((True, job()), protocol=pickle.HIGHEST_PROTOCOL)
            except BaseException:
                payload = pickle.dumps((False, traceback.format_exc()))
            with os.fdopen(write_end, "wb") as out:
                out.write(payload)
        finally:
            os._exit(0)
    os.close(write_end)

    def result() -> T:
        with os.fdopen(read_end, "rb") as received:
            data = received.read()
        os.waitpid(pid, 0)
        if not data:  # the child died before it could answer: do the work here
            return job()
        ok, value = pickle.loads(data)
        if not ok:
            raise RuntimeError(f"a forked helper failed:\n{value}")
        return value  # type: ignore[no-any-return]

    return result
