"""The corpus command's windows on a Dask cluster: one task per window.

Imported only with `--scheduler`; needs `pip install 'readout-diff[dask]'`. Workers read
the window spool files by path, so on a real cluster OUT must be on storage every worker
sees; each task returns its partition's text and the command writes it, as the local run
does, so the outputs are the same bytes.
"""

from __future__ import annotations

from typing import Any


class DaskRunner:
    def __init__(self, address: str | None, workers: int) -> None:
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError:
            raise SystemExit(
                "readout-diff: error: --scheduler needs Dask: pip install 'readout-diff[dask]'"
            ) from None
        self.cluster: Any = None
        if address is None:
            self.cluster = LocalCluster(
                n_workers=max(1, workers),
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
            )
            self.client: Any = Client(self.cluster)
        else:
            self.client = Client(address)

    def submit(self, key: str, args: tuple[Any, ...]) -> Any:
        from .corpus import run_window

        return self.client.submit(run_window, *args, pure=False)

    def wait_any(self, pending: list[Any]) -> list[Any]:
        from dask.distributed import wait

        done, _ = wait(pending, return_when="FIRST_COMPLETED")
        return [f for f in pending if f in done]

    def outcome(self, future: Any) -> str:
        result: str = future.result()
        return result

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
