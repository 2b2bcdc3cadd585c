"""The audit on Dask distributed gives the local pool's documents, budgets included."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from lbcheck.audit import store
from lbcheck.audit.run import AuditOptions, run_audit
from lbcheck.config import Settings
from lbcheck.pool import Budget

from .conftest import make_tenders

# A hung file is stopped after this; long enough for a worker's first document on a slow
# CI machine (patterns compiled and new words learnt on first use), which 1 s was not.
HANG_BUDGET = 4.0

distributed = pytest.importorskip("dask.distributed")


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address="127.0.0.1:0",
        scheduler_kwargs={"dashboard": False},
    ) as running:
        yield running


def _documents(folder: Path) -> list[dict[str, Any]]:
    lines = (folder / store.DOCUMENTS).read_text(encoding="utf-8").splitlines()
    return sorted((json.loads(line) for line in lines), key=lambda d: str(d["path"]))


def test_dask_cluster_gives_the_local_pool_result(tmp_path: Path, cluster: Any) -> None:
    paths = make_tenders(tmp_path / "in", 6)
    (tmp_path / "in" / "kaputt.docx").write_bytes(b"PK\x03\x04 kein zip")
    local = AuditOptions(
        paths=(str(tmp_path / "in"),),
        output_dir=tmp_path / "local",
        settings=Settings(jobs=1),
        jobs=2,
        cache_dir=None,
    )
    run_audit(local)
    on_dask = dataclasses.replace(
        local, output_dir=tmp_path / "dask", executor="dask", scheduler=cluster.scheduler_address
    )
    result = run_audit(on_dask)
    assert result.checked == len(paths) + 1
    assert _documents(tmp_path / "dask") == _documents(tmp_path / "local")
    assert {p.name for p in (tmp_path / "dask").iterdir()} == set(store.OUTPUTS)
    # Each worker compiled the catalogue once, however many documents it checked.
    from lbcheck.audit.dask_executor import _state

    compiled = cluster_state_sizes(cluster, _state)
    assert all(n == 1 for n in compiled), compiled


def cluster_state_sizes(cluster: Any, state: Any) -> list[int]:
    with distributed.Client(cluster.scheduler_address) as client:
        sizes = client.run(lambda: state.cache_info().currsize)
    return list(sizes.values())


def test_dask_time_budget_turns_a_hang_into_a_timeout_row(
    tmp_path: Path, cluster: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = make_tenders(tmp_path / "in", 4)
    # The hook is read on the worker: set it there, not only here.
    hook = f"hang:{paths[0].name}"
    with distributed.Client(cluster.scheduler_address) as client:
        client.run(lambda: __import__("os").environ.__setitem__("LBCHECK_TEST_HOOK", hook))
        try:
            options = AuditOptions(
                paths=(str(tmp_path / "in"),),
                output_dir=tmp_path / "out",
                settings=Settings(jobs=1),
                budget=Budget(seconds=HANG_BUDGET),
                cache_dir=None,
                executor="dask",
                scheduler=cluster.scheduler_address,
            )
            run_audit(options)
        finally:
            client.run(lambda: __import__("os").environ.pop("LBCHECK_TEST_HOOK", None))
    codes = {
        Path(d["path"]).name: (d["error"] or {}).get("code", "ok")
        for d in _documents(tmp_path / "out")
    }
    assert codes.pop(paths[0].name) == "timeout"
    assert set(codes.values()) == {"ok"}


def test_dask_without_scheduler_runs_its_own_cluster_and_stops_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``--executor dask`` alone: a local cluster of ``--jobs`` workers, started and stopped by
    lbcheck, gives the local pool's rows, overrides and a procedure included; each worker
    compiles a catalogue once per effective settings, however many documents it checks."""
    import psutil

    from lbcheck.app.plan import ScanOptions
    from lbcheck.audit.dask_executor import _state

    from .test_like_scan import _tree

    monkeypatch.chdir(tmp_path)
    tree = _tree(tmp_path)
    make_tenders(tree / "mehr", 4)
    started: list[Any] = []
    compiled: dict[str, Any] = {}

    class Recording(distributed.LocalCluster):  # type: ignore[misc]
        def __init__(self, **kwargs: Any) -> None:
            super().__init__(**kwargs)
            started.append((self, len(self.workers)))

        def close(self, *args: Any, **kwargs: Any) -> Any:
            if not compiled and self.status.name == "running":
                with distributed.Client(self) as client:
                    compiled.update(client.run(_state.cache_info))
            return super().close(*args, **kwargs)

    monkeypatch.setattr(distributed, "LocalCluster", Recording)
    local = AuditOptions(
        paths=(str(tree),),
        output_dir=tmp_path / "local",
        settings=Settings(jobs=1),
        jobs=2,
        cache_dir=None,
        scan_options=ScanOptions(jobs=1),
    )
    run_audit(local)
    before = {p.pid for p in psutil.Process().children(recursive=True)}
    result = run_audit(dataclasses.replace(local, output_dir=tmp_path / "dask", executor="dask"))
    assert result.checked == 8
    assert _documents(tmp_path / "dask") == _documents(tmp_path / "local")
    assert len(started) == 1
    cluster, workers = started[0]
    assert workers == 2 and cluster.status.name == "closed"
    # Two effective settings (the override for vorlagen/): at most two compilations each.
    assert len(compiled) == 2
    assert all(1 <= info.misses <= 2 for info in compiled.values()), compiled
    assert sum(info.misses + info.hits for info in compiled.values()) >= 8
    # multiprocessing's resource tracker is one per parent process and stays by design.
    left = [
        p
        for p in psutil.Process().children(recursive=True)
        if p.pid not in before and "resource_tracker" not in " ".join(p.cmdline())
    ]
    _, alive = psutil.wait_procs(left, timeout=10)  # a nanny may take a moment to exit
    assert not [(p.pid, p.cmdline()) for p in alive]
