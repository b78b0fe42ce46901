"""The work of `readout-diff corpus` (see `corpus.py` for the command and its options):
streaming inputs into window spools, running windows locally or on Dask, joining them."""

from __future__ import annotations

import argparse
import glob
import hashlib
import json
import os
import sys
import time
import traceback
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Protocol

from .. import corpus
from ..corpus import Plan, Record, Summary, WindowResult
from ..diagnostics import ExitCode, error
from ..documents import MAX_BYTES, TEXT_SUFFIXES, InputProblem, parse
from ..errors import PARSE_FAILURES


@dataclass
class _Reader:
    """What reading every input shares: the size limit, and the ids given out so far."""

    max_bytes: int
    ids: dict[str, int] = field(default_factory=dict)

    def unique(self, base: str) -> str:
        count = self.ids.get(base, 0)
        self.ids[base] = count + 1
        return base if count == 0 else f"{base}~{count + 1}"


@dataclass(frozen=True, slots=True)
class _Input:
    """One input to parse: its name for the parser (the suffix picks the format), the stem
    of its documents' ids, where it is (for messages), and its id when it is one record."""

    name: str
    stem: str
    origin: str
    fixed_id: str | None = None


def stream(
    paths: list[str], max_bytes: int = MAX_BYTES, stdin: IO[bytes] | None = None
) -> Iterator[Record | tuple[str, str]]:
    """Every document of the inputs, one at a time; (path, message) for what cannot be read."""
    reader = _Reader(max_bytes)
    for name in paths:
        if name == "-":
            yield from _lines(reader, "-", "stdin", stdin or sys.stdin.buffer)
            continue
        files, problem = _files(name)
        if problem:
            yield name, problem
        for file in files:
            yield from _file(reader, file)


def _files(name: str) -> tuple[list[Path], str | None]:
    """The files a path, folder or glob pattern names, and why there are none."""
    path = Path(name)
    if not path.exists() and glob.has_magic(name):
        files = [Path(m) for m in sorted(glob.glob(name, recursive=True))]
        return files, None if files else "no file matches this pattern"
    if path.is_dir():
        files = sorted(
            p
            for p in path.rglob("*")
            if p.is_file()
            and p.suffix.lower() in TEXT_SUFFIXES
            and not any(part.startswith(".") for part in p.relative_to(path).parts)
        )
        return files, None if files else "directory has no readable text files"
    if path.exists():
        return [path], None
    return [], "no such file or directory"


def _file(reader: _Reader, file: Path) -> Iterator[Record | tuple[str, str]]:
    if file.is_dir():
        yield from stream([str(file)], reader.max_bytes)
    elif file.suffix.lower() == ".jsonl":
        try:
            with file.open("rb") as handle:
                yield from _lines(reader, str(file), file.stem, handle)
        except OSError as problem:
            yield str(file), f"cannot be read: {problem.strerror or problem}"
    else:
        yield from _whole(reader, file)


def _lines(
    reader: _Reader, name: str, stem: str, handle: IO[bytes]
) -> Iterator[Record | tuple[str, str]]:
    """A JSON Lines stream, one record a line; any other stream as one text."""
    first = handle.readline()
    if not first.lstrip().startswith(b"{"):
        data = first + handle.read()
        yield from _documents(reader, _Input(name, stem, name), data)
        return
    line = first
    number = 1
    while line:
        if line.strip():
            doc_id = reader.unique(f"{stem}#{number}")
            source = _Input(f"{doc_id}.json", doc_id, f"{name}:{number}", doc_id)
            yield from _documents(reader, source, line)
        line = handle.readline()
        number += 1


def _whole(reader: _Reader, file: Path) -> Iterator[Record | tuple[str, str]]:
    try:
        data = file.read_bytes()
    except OSError as problem:
        yield str(file), f"cannot be read: {problem.strerror or problem}"
        return
    yield from _documents(reader, _Input(str(file), file.stem, str(file)), data)


def _documents(reader: _Reader, source: _Input, data: bytes) -> Iterator[Record | tuple[str, str]]:
    try:
        docs, _ = parse(source.name, data, max_bytes=reader.max_bytes)
    except InputProblem as problem:
        yield source.origin, str(problem)
        return
    except PARSE_FAILURES as problem:
        yield source.origin, f"cannot be parsed: {problem}"
        return
    for number, doc in enumerate(docs, 1):
        doc_id = source.fixed_id or reader.unique(
            source.stem + (f"#{number}" if len(docs) > 1 else "")
        )
        where = source.origin if len(docs) == 1 else f"{source.origin}#{number}"
        yield Record(doc_id, where, doc.text, doc.outlet, doc.date, doc.title, doc.url)


# --- one window, in a worker -----------------------------------------------------------


def run_window(spool: str, key: str, days: int, margin: int, ignore_case: bool) -> str:
    """Analyse one window's spool file; return the partition file's text."""
    with open(spool, encoding="utf-8") as handle:
        records = [Record.from_json(line) for line in handle if line.strip()]
    window = Plan(days, margin).window(key)
    result = corpus.analyse_window(window, records, ignore_case=ignore_case)
    return result.to_jsonl()


def _spread_undated(spool_dir: Path, keys: list[str]) -> None:
    """A few undated documents are read with every dated window (where the others' dates
    can date them); many stay a window of their own."""
    undated = spool_dir / f"{corpus.UNDATED}.jsonl"
    dated = [k for k in keys if k != corpus.UNDATED]
    if not undated.exists() or not dated:
        return
    with undated.open(encoding="utf-8") as handle:
        lines = [line for _, line in zip(range(corpus.FEW_UNDATED + 1), handle, strict=False)]
    if len(lines) > corpus.FEW_UNDATED:
        return
    for key in dated:
        with (spool_dir / f"{key}.jsonl").open("a", encoding="utf-8") as handle:
            handle.writelines(lines)
    undated.unlink()


def _digest(spool: Path, options: str) -> str:
    digest = hashlib.sha256(options.encode())
    with spool.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()[:32]


def write_atomically(path: Path, text: str) -> None:
    """Write `text` to `path` so a reader sees the old file or the whole new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with temporary.open("w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)


# --- running the windows: a local process pool or Dask ---------------------------------


class Runner(Protocol):
    def submit(self, key: str, args: tuple[Any, ...]) -> Any: ...
    def wait_any(self, pending: list[Any]) -> list[Any]: ...
    def outcome(self, future: Any) -> str: ...
    def close(self) -> None: ...


class LocalRunner:
    """A process pool on this machine (inline when one job is asked for)."""

    def __init__(self, jobs: int) -> None:
        self.jobs = max(1, jobs)
        self.pool = ProcessPoolExecutor(self.jobs) if self.jobs > 1 else None

    def submit(self, key: str, args: tuple[Any, ...]) -> Future[str]:
        if self.pool is None:
            future: Future[str] = Future()
            try:
                future.set_result(run_window(*args))
            except Exception as problem:  # reported per window, never fatal
                future.set_exception(problem)
            return future
        try:
            return self.pool.submit(run_window, *args)
        except BrokenProcessPool:
            self.pool = ProcessPoolExecutor(self.jobs)
            return self.pool.submit(run_window, *args)

    def wait_any(self, pending: list[Any]) -> list[Any]:
        done, _ = wait(pending, return_when=FIRST_COMPLETED)
        return [f for f in pending if f in done]

    def outcome(self, future: Any) -> str:
        result: str = future.result()
        return result

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)


@dataclass
class _Task:
    key: str
    args: tuple[Any, ...]
    digest: str
    tries: int = 0
    problems: list[str] = field(default_factory=list)


@dataclass
class _Spooled:
    """The inputs written out as one spool file per window."""

    keys: list[str]  # the windows with documents
    documents: int
    unreadable: int  # inputs that could not be read


@dataclass
class _Batch:
    """The windows to run, and where their partitions go (`done`: written so far)."""

    tasks: list[_Task]
    partitions: Path
    done: dict[str, str]
    total: int  # windows in the run, those done before included
    terminal: bool  # progress lines on stderr


def run(args: argparse.Namespace) -> ExitCode:
    out = Path(args.output)
    plan = Plan(max(1, args.days), max(0, args.margin))
    terminal = not args.quiet and sys.stderr.isatty()
    started = time.perf_counter()
    spool_dir = out / ".spool"
    spool_dir.mkdir(parents=True, exist_ok=True)
    for old in [*spool_dir.glob("*.jsonl"), *out.glob("**/.*.tmp")]:
        old.unlink()  # last run's spools, and files a killed run left half-written
    spooled = _spool(args, plan, spool_dir, terminal)
    partitions = out / "partitions"
    tasks, done = _tasks(args, plan, spool_dir, spooled.keys, partitions)
    batch = _Batch(tasks, partitions, done, len(spooled.keys), terminal)
    if terminal and batch.done:
        print(f"readout-diff: resuming: {len(batch.done)} windows already done", file=sys.stderr)
    failed = _run_tasks(args, batch)
    write_atomically(
        out / "failed.jsonl",
        "".join(json.dumps(f, ensure_ascii=False, sort_keys=True) + "\n" for f in failed),
    )
    _join(out, sorted(batch.done), plan, spooled.documents, tuple(f["window"] for f in failed))
    if terminal:
        seconds = time.perf_counter() - started
        print(f"readout-diff: done in {seconds:.1f} s: {out}", file=sys.stderr)
    return ExitCode.INPUT if spooled.unreadable or failed else ExitCode.OK


def _spool(args: argparse.Namespace, plan: Plan, spool_dir: Path, terminal: bool) -> _Spooled:
    """Every document written to the spool of each window it falls in, read once."""
    handles: dict[str, IO[str]] = {}
    unreadable = documents = 0
    try:
        for item in stream(args.paths, args.max_bytes):
            if isinstance(item, tuple):
                error(*item)
                unreadable += 1
                continue
            documents += 1
            line = item.to_json() + "\n"
            for window in plan.windows_of(item.date):
                handle = handles.get(window.key)
                if handle is None:
                    handle = handles[window.key] = (spool_dir / f"{window.key}.jsonl").open(
                        "w", encoding="utf-8"
                    )
                handle.write(line)
            if terminal and documents % 1000 == 0:
                print(f"\rreadout-diff: {documents} documents read", end="", file=sys.stderr)
    finally:
        for handle in handles.values():
            handle.close()
    _spread_undated(spool_dir, sorted(handles))
    keys = sorted(k for k in handles if (spool_dir / f"{k}.jsonl").exists())
    if terminal:
        print(f"\rreadout-diff: {documents} documents read in {len(keys)} windows", file=sys.stderr)
    return _Spooled(keys, documents, unreadable)


def _tasks(
    args: argparse.Namespace, plan: Plan, spool_dir: Path, keys: list[str], partitions: Path
) -> tuple[list[_Task], dict[str, str]]:
    """A task per window, and the partitions already done: those an earlier run wrote
    from the same spool and options."""
    options = json.dumps([plan.days, plan.margin, bool(args.ignore_case), corpus.__name__])
    tasks: list[_Task] = []
    done: dict[str, str] = {}
    for key in keys:
        spool = spool_dir / f"{key}.jsonl"
        digest = _digest(spool, options)
        target = partitions / f"{key}.jsonl"
        if target.exists():
            with target.open(encoding="utf-8") as handle:
                head = json.loads(handle.readline() or "{}")
            if head.get("digest") == digest:
                done[key] = str(target)
                continue
        task_args = (str(spool), key, plan.days, plan.margin, bool(args.ignore_case))
        tasks.append(_Task(key, task_args, digest))
    return tasks, done


def _runner(args: argparse.Namespace) -> Runner:
    if args.scheduler:
        from .corpus_dask import DaskRunner  # Dask loads only when asked for

        return DaskRunner(None if args.scheduler == "local" else args.scheduler, args.jobs)
    return LocalRunner(args.jobs)


def _run_tasks(args: argparse.Namespace, batch: _Batch) -> list[dict[str, Any]]:
    """Run every task, each retried once; the ones that failed twice, with their inputs."""
    failed: list[dict[str, Any]] = []
    if not batch.tasks:
        return failed
    runner = _runner(args)
    try:
        pending: dict[Any, _Task] = {}
        for task in batch.tasks:
            task.tries += 1
            pending[runner.submit(task.key, task.args)] = task
        while pending:
            for future in runner.wait_any(list(pending)):
                task = pending.pop(future)
                try:
                    text = runner.outcome(future)
                except Exception as problem:
                    task.problems.append(_describe(problem))
                    if task.tries < 2:
                        task.tries += 1
                        pending[runner.submit(task.key, task.args)] = task
                        continue
                    failed.append(_failure(task))
                    error(f"window {task.key}", f"failed twice: {task.problems[-1]}")
                    continue
                _write_partition(batch, task, text)
    finally:
        runner.close()
    return failed


def _write_partition(batch: _Batch, task: _Task, text: str) -> None:
    """A window's result, stamped with the digest of its spool and options."""
    head, _, body = text.partition("\n")
    head_row = json.loads(head) | {"digest": task.digest}
    target = batch.partitions / f"{task.key}.jsonl"
    write_atomically(target, json.dumps(head_row, sort_keys=True) + "\n" + body)
    batch.done[task.key] = str(target)
    if batch.terminal:
        print(
            f"readout-diff: [{len(batch.done)}/{batch.total}] window {task.key}: "
            f"{head_row['documents']} documents, {head_row['blocks']} blocks, "
            f"{head_row['readout_copies']} readouts",
            file=sys.stderr,
        )


def _describe(problem: BaseException) -> str:
    last = traceback.format_exception_only(type(problem), problem)[-1].strip()
    return last[:500]


def _failure(task: _Task) -> dict[str, Any]:
    with open(task.args[0], encoding="utf-8") as handle:
        inputs = [Record.from_json(line).path for line in handle if line.strip()]
    return {"window": task.key, "problems": task.problems, "inputs": inputs}


# --- joining the windows ---------------------------------------------------------------


def _join(out: Path, keys: list[str], plan: Plan, documents: int, failed: tuple[str, ...]) -> None:
    from ..reports import corpus as corpus_report

    copies: list[dict[str, Any]] = []
    for key in keys:
        text = (out / "partitions" / f"{key}.jsonl").read_text("utf-8")
        copies.extend(WindowResult.from_jsonl(text).copies)
    readouts = corpus.join(copies)
    del copies
    summary = Summary(documents=documents, windows=len(keys), failed=failed)
    readout_lines: list[str] = []
    witness_path = out / "witnesses.jsonl"
    temporary = witness_path.with_name(f".witnesses.jsonl.{os.getpid()}.tmp")
    with temporary.open("w", encoding="utf-8") as handle:
        for readout in readouts:
            row = corpus.readout_row(readout)
            summary.add_readout(row)
            readout_lines.append(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
            for witness in corpus.witness_rows(readout):
                summary.add_witness(witness)
                handle.write(json.dumps(witness, ensure_ascii=False, sort_keys=True) + "\n")
    os.replace(temporary, witness_path)
    write_atomically(out / "readouts.jsonl", "".join(readout_lines))
    write_atomically(out / "summary.md", corpus_report.markdown(summary))
    write_atomically(out / "summary.html", corpus_report.html(summary))
