"""Runs `galley articles` on each document, on the workers of a Dask distributed cluster."""

import os
import signal
import stat
import subprocess
import time
from typing import Dict, List, Optional

from .inputs import Job, jobs as find_jobs
from .manifest import ManifestRow, input_hash, read_manifest, write_manifest

MANIFEST = "manifest.jsonl"
WORKER_REPORT = "GALLEY_BATCH_WORKER"
REPORT_PREFIX = "galley-worker: pages "


def _join(folder: str, name: str) -> str:
    return folder + name if folder.endswith("/") else folder + "/" + name


def _resident_megabytes(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // (1 << 20)
    except (OSError, ValueError, IndexError):
        return 0


def _make_folders(outdir: str, job: Job) -> None:
    """The folders of the job's output below OUTDIR; one that is a link is refused (outputs stay inside)."""
    folder = outdir
    for part in job.relative_output.split("/")[:-1]:
        folder = _join(folder, part)
        try:
            mode = os.lstat(folder).st_mode
        except FileNotFoundError:
            try:
                os.mkdir(folder)
            except FileExistsError:
                pass
            continue
        if not stat.S_ISDIR(mode):
            kind = "a symbolic link" if stat.S_ISLNK(mode) else "no folder"
            raise OSError(f"cannot write below {folder}: it is {kind}; outputs stay inside {outdir}")


def _remove_temporary_files(output: str, pid: int) -> None:
    """What a worker ended before its rename may have left: `.NAME.PID-*.tmp` beside its output."""
    folder, name = os.path.split(output)
    try:
        for n in os.listdir(folder or "."):
            if n.startswith(f".{name}.{pid}-") and n.endswith(".tmp"):
                os.unlink(os.path.join(folder or ".", n))
    except OSError:
        pass


def _messages(stderr: str) -> str:
    """The worker's lines without `galley: ` and `error: `; warnings only where nothing else says why
    (as the CLI batch records them)."""
    lines = []
    for line in stderr.splitlines():
        if line.startswith("galley: "):
            line = line[len("galley: "):]
        if line.startswith("error: "):
            line = line[len("error: "):]
        lines.append(line)
    errors = [line for line in lines if not line.startswith("warning: ")]
    return "\n".join(errors or lines)


def run_document(job: Job, outdir: str, galley: str = "galley", format: str = "json",
                 timeout: Optional[float] = 120, memory_limit: Optional[int] = 4096,
                 pages: Optional[str] = None) -> ManifestRow:
    """Reads one document with `galley articles` in a process of its own; returns its manifest row.
    A process past `timeout` seconds or `memory_limit` MB is sent SIGTERM (SIGKILL 2 s later)."""
    output = _join(outdir, job.relative_output)
    size = os.stat(job.input).st_size if os.path.exists(job.input) else 0
    row = ManifestRow(path=job.input, size=size, pages=None, status="failed", error=None, outputs=[],
                      seconds=0.0, hash=input_hash(job.input))
    try:
        _make_folders(outdir, job)
    except OSError as e:
        row.error = str(e.args[0] if e.args else e)
        return row
    source = "./" + job.input if job.input.startswith("-") or job.input == "help" else job.input
    command = [galley, "articles", source, "--format", format, "-o", output]
    if pages:
        command += ["--pages", pages]
    start = time.monotonic()
    try:
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   env={**os.environ, WORKER_REPORT: "1"})
    except OSError as e:
        row.error = f"cannot start {galley}: {e.strerror}"
        return row
    ended_by = None
    terminated_at = None
    while process.poll() is None:
        time.sleep(0.05)
        now = time.monotonic()
        if terminated_at is not None:
            if now - terminated_at > 2:
                process.kill()
            continue
        if timeout and now - start > timeout:
            ended_by = ("timeout", f"took longer than {timeout:g} s (--timeout)")
        elif memory_limit and _resident_megabytes(process.pid) > memory_limit:
            ended_by = ("failed", f"used more than {memory_limit} MB of memory (--memory-limit)")
        if ended_by:
            terminated_at = now
            process.send_signal(signal.SIGTERM)
    stdout, stderr = (s.decode("utf-8", "replace") for s in process.communicate())
    row.seconds = time.monotonic() - start
    for line in stdout.splitlines():
        if line.startswith(REPORT_PREFIX) and line[len(REPORT_PREFIX):].isdigit():
            row.pages = int(line[len(REPORT_PREFIX):])
    code = process.returncode
    if ended_by:
        row.status, row.error = ended_by
    elif code == 0:
        row.status = "ok"
    elif code > 0:
        row.error = _messages(stderr) or f"the worker exited with status {code}"
    else:
        row.error = f"the worker crashed or was killed (signal {-code}, {signal.strsignal(-code)})"
    if row.status != "ok":
        _remove_temporary_files(output, process.pid)
    if not ended_by and code in (0, 1) and os.path.exists(output):
        row.outputs = [output]
    return row


def _resumable(job: Job, output: str, previous: Optional[ManifestRow]) -> Optional[ManifestRow]:
    """A skipped row where the output is up to date (newer than the input, or the input's hash is recorded
    as ok); None where the document must be read (again)."""
    if previous is not None and previous.status in ("failed", "timeout"):
        return None
    try:
        out, source = os.stat(output), os.stat(job.input)
    except OSError:
        return None
    digest = input_hash(job.input)
    if not (out.st_mtime_ns > source.st_mtime_ns or (previous is not None and previous.hash == digest)):
        return None
    return ManifestRow(path=job.input, size=source.st_size, pages=previous.pages if previous else None,
                       status="skipped", error=None, outputs=[output], seconds=0.0, hash=digest)


def run_batch(inputs: List[str], outdir: str, scheduler: Optional[str] = None, local_workers: Optional[int] = None,
              galley: str = "galley", format: str = "json", timeout: Optional[float] = 120,
              memory_limit: Optional[int] = 4096, resume: bool = False, pages: Optional[str] = None,
              progress=None) -> List[ManifestRow]:
    """Reads every PDF of `inputs` on a Dask cluster (the scheduler at `scheduler`, or a LocalCluster of
    `local_workers` single-threaded worker processes) into OUTDIR; writes OUTDIR/manifest.jsonl, one
    row per input in input order, and returns the rows. `progress` is told of each row as it comes."""
    from distributed import Client, LocalCluster, as_completed

    all_jobs = find_jobs(inputs, format)
    os.makedirs(outdir, exist_ok=True)
    manifest = _join(outdir, MANIFEST)
    previous: Dict[str, ManifestRow] = read_manifest(manifest) if resume else {}
    rows: List[Optional[ManifestRow]] = [None] * len(all_jobs)
    claimed: Dict[str, str] = {}
    to_run: List[int] = []
    for i, job in enumerate(all_jobs):
        output = _join(outdir, job.relative_output)
        if job.relative_output in claimed:
            rows[i] = ManifestRow(job.input, os.stat(job.input).st_size, None, "failed",
                                  f"its output {output} is also the output of {claimed[job.relative_output]}; rename one of them")
            continue
        claimed[job.relative_output] = job.input
        skipped = _resumable(job, output, previous.get(job.input)) if resume else None
        if skipped:
            rows[i] = skipped
        else:
            to_run.append(i)

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=local_workers or os.cpu_count() or 1, threads_per_worker=1,
                               processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        with open(manifest, "a" if resume else "w", encoding="utf-8") as log:
            futures = {client.submit(run_document, all_jobs[i], outdir, galley, format, timeout, memory_limit, pages,
                                     key=f"galley-{i}-{all_jobs[i].input}", pure=False): i for i in to_run}
            for future in as_completed(futures):
                i = futures[future]
                try:
                    row = future.result()
                except Exception as e:  # the Dask worker itself was lost
                    row = ManifestRow(all_jobs[i].input, 0, None, "failed", f"the Dask task failed: {e}")
                rows[i] = row
                log.write(row.json_line() + "\n")
                log.flush()
                if progress:
                    progress(row)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    done = [r for r in rows if r is not None]
    write_manifest(manifest, done)
    return done


def articles_bag(outdir: str):
    """A Dask bag of every article in OUTDIR's JSON outputs (from its manifest), each a dict with the
    article's fields and `source`, the PDF it came from."""
    import json
    import dask.bag as db

    outputs = [o for row in read_manifest(_join(outdir, MANIFEST)).values()
               if row.status in ("ok", "skipped") for o in row.outputs if o.endswith(".json")]

    def load(path):
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        return [{**article, "source": doc["source"]} for article in doc["articles"]]

    return db.from_sequence(outputs, npartitions=max(1, min(len(outputs), 32))).map(load).flatten()
