"""Garbage collection around long-lived objects: held back while loading, frozen only in a
process lbcheck owns (the command line, a worker), never in a program that embeds it."""

from __future__ import annotations

import gc

from lbcheck import heap
from tests.fresh import run_fresh


def test_loading_holds_collection_back_and_restores_it() -> None:
    assert gc.isenabled()
    with heap.loading():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with heap.loading():
            pass
        assert not gc.isenabled()  # a caller's own choice is kept
    finally:
        gc.enable()


def test_loading_restores_collection_after_an_error() -> None:
    try:
        with heap.loading():
            raise ValueError
    except ValueError:
        pass
    assert gc.isenabled()


def test_an_embedding_program_keeps_its_collector() -> None:
    out = run_fresh(
        """
        import gc
        from lbcheck.config import Settings
        from lbcheck.runner import build_entries
        threshold = gc.get_threshold()
        build_entries(Settings())
        print(gc.get_freeze_count(), gc.isenabled(), gc.get_threshold() == threshold)
        """
    ).split()
    assert out == ["0", "True", "True"]


def test_an_owned_process_freezes_the_loaded_catalogue() -> None:
    out = run_fresh(
        """
        import gc
        from lbcheck import heap
        from lbcheck.config import Settings
        from lbcheck.runner import build_entries
        heap.own_process()
        before = gc.get_freeze_count()
        build_entries(Settings())
        print(before, gc.get_freeze_count(), gc.isenabled(), gc.get_threshold()[0])
        """
    ).split()
    before, frozen, enabled, young = out
    assert before == "0" and int(frozen) > 50_000  # spaCy, the lemma view, the catalogue
    assert enabled == "True" and int(young) == heap.YOUNG_THRESHOLD


def test_the_command_line_owns_its_process() -> None:
    out = run_fresh(
        """
        import gc, sys
        from lbcheck import entry
        sys.argv = ["lbcheck", "--version"]
        def report(code):
            print(gc.get_freeze_count() > 0, gc.isenabled(), code)
            sys.stdout.flush()
            raise SystemExit(0)
        entry.os._exit = report
        entry.main()
        """
    ).split()
    assert out[-3:] == ["True", "True", "0"]  # after the version line


def test_a_worker_owns_its_process() -> None:
    out = run_fresh(
        """
        import gc
        from pathlib import Path
        from lbcheck import runner
        from lbcheck.config import Settings
        from lbcheck.models import DocumentReport
        from lbcheck.pool import Task, WorkerPool
        def probe(path, shown, *args, **kwargs):  # inherited by the forked worker
            young = gc.get_threshold()[0]
            return DocumentReport(path=f"{gc.get_freeze_count() > 0}/{young}", status="ok")
        runner.check_file = probe
        settings = Settings(jobs=1)
        options, _, entries = runner.build_entries(settings)
        pool = WorkerPool(settings, 1, prepared=(entries, options))
        path = Path("examples/lb_bueromaterial.md")
        [outcome] = pool.run([Task(0, path, path.name)])
        print(outcome.report.path, gc.get_freeze_count())
        """
    ).split()
    assert out == [f"True/{heap.YOUNG_THRESHOLD}", "0"]  # the worker froze, the caller did not
