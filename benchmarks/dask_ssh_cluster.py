"""Start a Dask cluster over SSH for ``lbcheck audit --executor dask --scheduler ...``.

    python benchmarks/dask_ssh_cluster.py SCHEDULER_HOST WORKER_HOST [WORKER_HOST ...]
        [--port 22] [--key ~/.ssh/id_ed25519] [--python /path/to/venv/bin/python]

One Dask worker (one thread) per WORKER_HOST entry; name a host twice for two workers on it.
Prints the scheduler's address, then keeps the cluster until Ctrl-C or SIGTERM, and stops
every remote process on the way out. Needs ``asyncssh`` (EPL-2.0 or GPL-2.0-or-later, so not
a dependency of lbcheck: ``pip install asyncssh`` on the machine that runs this script), and
on every host the same Python with lbcheck and the tenders at the same paths.
"""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
from pathlib import Path


def _stop(signum: int, frame: object) -> None:
    raise SystemExit(0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("scheduler")
    parser.add_argument("workers", nargs="+")
    parser.add_argument("--port", type=int, default=22, help="SSH port on every host")
    parser.add_argument("--key", type=Path, help="private SSH key (default: the agent's)")
    parser.add_argument("--python", default=sys.executable, help="Python on the hosts")
    parser.add_argument("--scheduler-port", type=int, default=8786)
    args = parser.parse_args()

    from dask.distributed import SSHCluster

    connect: dict[str, object] = {"port": args.port, "known_hosts": None}
    if args.key:
        connect["client_keys"] = [str(args.key)]
    with SSHCluster(
        [args.scheduler, *args.workers],
        connect_options=connect,
        worker_options={"nthreads": 1},
        scheduler_options={"port": args.scheduler_port, "dashboard_address": ":0"},
        remote_python=args.python,
    ) as cluster:
        print(cluster.scheduler_address, flush=True)
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, _stop)
        with contextlib.suppress(SystemExit):
            while True:
                signal.pause()
        # Leaving the block stops the scheduler and the workers on every host.


if __name__ == "__main__":
    main()
