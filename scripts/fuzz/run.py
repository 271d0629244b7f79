#!/usr/bin/env python3
"""Runs galley articles, overlay and print on damaged PDFs and sorts out how each run ended (for scripts/fuzz.sh).

Outcomes of one run:
  ok           exit 0 with a valid output (JSON without inf/nan; PNG files; a PDF)
  clear        exit 1 or 2 with a `galley:` line on standard error (and, for articles, valid JSON on exit 1)
  crash        killed by a signal it did not get from us
  hang         still running after the timeout (killed)
  memory       peak resident memory over the limit (killed at twice the limit)
  unclear      any other non-zero exit, or a non-zero exit without a `galley:` line
  invalid      exit 0 (or 1 for articles) with an output that is missing or not valid
Every run that is not ok or clear is a failure: its PDF and a one-line reproduction go to the failures folder.
"""
import argparse
import concurrent.futures
import json
import os
import shlex
import shutil
import signal
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mutate  # noqa: E402

FAILURES = ("crash", "hang", "memory", "unclear", "invalid")
GIB = 1 << 30


def rss_bytes(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def run(argv, cwd, timeout, memory_limit):
    """Runs argv; returns (status, signal, stdout, stderr, seconds, peak bytes, killed_for)."""
    out_path, err_path = os.path.join(cwd, "stdout"), os.path.join(cwd, "stderr")
    start = time.monotonic()
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        # Popen forks and execs in C (a fork of this threaded interpreter that ran Python before exec could
        # deadlock); the child is reaped here with wait4, for its peak memory.
        child = subprocess.Popen(argv, cwd=cwd, stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                                 start_new_session=True)
    pid = child.pid
    killed_for = None
    peak = 0
    while True:
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            break
        elapsed = time.monotonic() - start
        peak = max(peak, rss_bytes(pid))
        if killed_for is None and elapsed > timeout:
            killed_for = "hang"
        elif killed_for is None and peak > 2 * memory_limit:
            killed_for = "memory"
        if killed_for:
            try:
                os.killpg(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            done, status, usage = os.wait4(pid, 0)
            break
        time.sleep(0.01 if elapsed < 1 else 0.05)
    seconds = time.monotonic() - start
    peak = max(peak, usage.ru_maxrss * 1024)
    with open(out_path, "rb") as f:
        stdout = f.read()
    with open(err_path, "rb") as f:
        stderr = f.read().decode("utf-8", "replace")
    code = os.waitstatus_to_exitcode(status)
    return (code if code >= 0 else None), (-code if code < 0 else None), stdout, stderr, seconds, peak, killed_for


def strict_json(data):
    """The parsed JSON, or None when it is not valid JSON (inf and nan are not)."""
    def refuse(name):
        raise ValueError(name)
    try:
        return json.loads(data.decode("utf-8"), parse_constant=refuse)
    except (ValueError, UnicodeDecodeError):
        return None


def has_galley_line(stderr):
    return any(line.startswith("galley: ") for line in stderr.splitlines())


def judge(command, status, sig, stdout, stderr, seconds, peak, killed_for, work, timeout, memory_limit):
    """(outcome, reason) of one run."""
    if killed_for == "hang":
        return "hang", "timeout"
    if seconds > timeout:
        return "hang", f"{seconds:.0f} s"
    if killed_for == "memory" or peak > memory_limit:
        return "memory", f"peak {peak / GIB:.2f} GiB"
    if sig is not None:
        name = signal.Signals(sig).name if sig in signal.Signals._value2member_map_ else str(sig)
        return "crash", f"signal {name}"
    if status not in (0, 1, 2):
        return "unclear", f"exit {status}"
    if status != 0 and not has_galley_line(stderr):
        return "unclear", f"exit {status} without a galley: line"
    if command == "articles" and status in (0, 1):
        if strict_json(stdout) is None:
            return "invalid", f"exit {status} with invalid JSON"
    if status != 0:
        return "clear", ""
    if command == "overlay":
        paths = [p for p in stdout.decode("utf-8", "replace").splitlines() if p.strip()]
        if not paths:
            return "invalid", "exit 0 without a written path"
        for p in paths:
            full = os.path.join(work, p)
            if not os.path.isfile(full) or open(full, "rb").read(8) != b"\x89PNG\r\n\x1a\n":
                return "invalid", f"exit 0 but {p} is not a PNG"
    if command == "print":
        full = os.path.join(work, "print.pdf")
        if not os.path.isfile(full):
            return "invalid", "exit 0 without print.pdf"
        with open(full, "rb") as f:
            data = f.read()
        if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-64:]:
            return "invalid", "exit 0 but print.pdf is not a whole PDF"
    return "ok", ""


def first_article(stdout):
    doc = strict_json(stdout)
    try:
        return doc["articles"][0]["id"]
    except (TypeError, KeyError, IndexError):
        return "p1-a1"


class Tally:
    def __init__(self):
        self.lock = threading.Lock()
        self.counts = {}
        self.peak = (0, "")
        self.slowest = (0.0, "")
        self.failures = []
        self.cases = 0

    def add(self, command, outcome, peak, seconds, label):
        with self.lock:
            self.counts[(command, outcome)] = self.counts.get((command, outcome), 0) + 1
            if peak > self.peak[0]:
                self.peak = (peak, f"{command} {label}")
            if seconds > self.slowest[0]:
                self.slowest = (seconds, f"{command} {label}")


def run_case(args, samples, number, tally):
    label = f"case-{args.seed}-{number:05d}"
    work = os.path.join(args.work, label)
    os.makedirs(work, exist_ok=True)
    pdf = os.path.join(work, "input.pdf")
    data, what = mutate.make_case(samples, args.seed, number, os.path.join(work, "scratch"))
    with open(pdf, "wb") as f:
        f.write(data)
    results = []
    article = "p1-a1"
    for command in ("articles", "overlay", "print"):
        if command == "articles":
            rest = ["--format", "json"]
        elif command == "overlay":
            rest = ["--dpi", "18", "-o", "overlay.png"]
        else:
            rest = ["--article", article, "--photo-dpi", "36", "-o", "print.pdf"]
        argv = [args.galley, command, "input.pdf"] + rest
        status, sig, stdout, stderr, seconds, peak, killed_for = run(argv, work, args.timeout, args.memory_limit)
        outcome, reason = judge(command, status, sig, stdout, stderr, seconds, peak, killed_for, work, args.timeout,
                                args.memory_limit)
        if command == "articles":
            article = first_article(stdout)
        tally.add(command, outcome, peak, seconds, label)
        results.append((command, outcome, reason, argv, stderr, seconds, peak))
    failed = [r for r in results if r[1] in FAILURES]
    if failed:
        keep = os.path.join(args.failures, label)
        os.makedirs(keep, exist_ok=True)
        shutil.copy(pdf, os.path.join(keep, "input.pdf"))
        with open(os.path.join(keep, "repro.txt"), "w") as f:
            f.write(f"# damage: {what}\n")
            for command, outcome, reason, argv, stderr, seconds, peak in failed:
                line = " ".join(shlex.quote(a) for a in [argv[0], command, os.path.join(keep, "input.pdf")] + argv[3:])
                f.write(f"{line}    # {outcome}: {reason} ({seconds:.1f} s, {peak / (1 << 20):.0f} MiB)\n")
                f.write("".join(f"#   {l}\n" for l in stderr.splitlines()[-5:]))
        with tally.lock:
            for command, outcome, reason, *_ in failed:
                tally.failures.append(f"{outcome:8} {command:9} {label}: {reason}  [{what}]")
    shutil.rmtree(work, ignore_errors=True)
    with tally.lock:
        tally.cases += 1
        done = tally.cases
    if args.progress and (done % 50 == 0 or done == args.count):
        bad = len(tally.failures)
        print(f"fuzz: {done}/{args.count} cases, {bad} failing runs", file=sys.stderr, flush=True)


def main():
    p = argparse.ArgumentParser(description="Runs galley on generated damaged PDFs.")
    p.add_argument("count", type=int)
    p.add_argument("--seed", default="1")
    p.add_argument("--first", type=int, default=0, help="number of the first case (cases first ..< first+count)")
    p.add_argument("--galley", required=True)
    p.add_argument("--samples", required=True)
    p.add_argument("--work", required=True)
    p.add_argument("--failures", required=True)
    p.add_argument("--timeout", type=float, default=30)
    p.add_argument("--memory-limit", type=float, default=1.0, help="GiB")
    p.add_argument("--jobs", type=int, default=2)
    p.add_argument("--progress", action="store_true")
    args = p.parse_args()
    args.galley = os.path.abspath(args.galley)
    args.memory_limit = int(args.memory_limit * GIB)
    os.makedirs(args.work, exist_ok=True)
    os.makedirs(args.failures, exist_ok=True)
    samples = mutate.Samples(args.samples, os.path.join(args.work, "qdf"))
    tally = Tally()
    start = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        futures = [pool.submit(run_case, args, samples, n, tally) for n in range(args.first, args.first + args.count)]
        for f in futures:
            f.result()
    elapsed = time.monotonic() - start

    print(f"fuzz: {tally.cases} cases (seed {args.seed}, cases {args.first}..{args.first + args.count - 1}), "
          f"{3 * tally.cases} runs in {elapsed:.0f} s with {args.galley}")
    for command in ("articles", "overlay", "print"):
        parts = [f"{o} {tally.counts.get((command, o), 0)}" for o in ("ok", "clear") + FAILURES]
        print(f"  {command:9} " + ", ".join(parts))
    totals = {o: sum(tally.counts.get((c, o), 0) for c in ("articles", "overlay", "print")) for o in FAILURES}
    print("  failures: " + ", ".join(f"{o} {totals[o]}" for o in FAILURES))
    print(f"  peak memory {tally.peak[0] / (1 << 20):.0f} MiB ({tally.peak[1]}); "
          f"slowest run {tally.slowest[0]:.1f} s ({tally.slowest[1]})")
    if tally.failures:
        print(f"  failing runs (inputs and one-line reproductions in {args.failures}):")
        for line in sorted(tally.failures):
            print("    " + line)
    shutil.rmtree(args.work, ignore_errors=True)
    return 1 if tally.failures else 0


if __name__ == "__main__":
    sys.exit(main())
