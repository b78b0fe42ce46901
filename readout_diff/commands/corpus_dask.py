"""The corpus command's windows on a Dask cluster: one task per window.

Imported only with `--scheduler`; needs `pip install 'readout-diff[dask]'`. Workers read
the window spool files by path, so on a real cluster OUT must be on storage every worker
sees; each task returns its partition's text and the command writes it, as the local run
does, so the outputs are the same bytes.
"""

from __future__ import annotations

import importlib
from typing import Any


class DaskRunner:
    def __init__(self, address: str | None, workers: int) -> None:
        try:  # typed as Any: Dask's API is untyped, and absent without the extra
            self.distributed: Any = importlib.import_module("dask.distributed")
        except ImportError:
            raise SystemExit(
                "readout-diff: error: --scheduler needs Dask: pip install 'readout-diff[dask]'"
            ) from None
        self.cluster: Any = None
        if address is None:
            self.cluster = self.distributed.LocalCluster(
                n_workers=max(1, workers),
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
            )
            self.client: Any = self.distributed.Client(self.cluster)
        else:
            self.client = self.distributed.Client(address)

    def submit(self, key: str, args: tuple[Any, ...]) -> Any:
        from .corpus_run import run_window

        return self.client.submit(run_window, *args, pure=False)

    def wait_any(self, pending: list[Any]) -> list[Any]:
        done, _ = self.distributed.wait(pending, return_when="FIRST_COMPLETED")
        return [f for f in pending if f in done]

    def outcome(self, future: Any) -> str:
        result: str = future.result()
        return result

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
