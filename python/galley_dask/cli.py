"""`galley-dask INPUT… -o OUTDIR [--scheduler ADDRESS | --local-workers N]`."""

import argparse
import shutil
import sys

from .inputs import InputError
from .run import MANIFEST, run_batch


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        prog="galley-dask",
        description="Runs `galley articles` over PDFs (paths, folders searched for *.pdf, or glob patterns, on a "
                    "filesystem every worker shares) on a Dask distributed cluster, one process per document; "
                    "outputs and OUTDIR/manifest.jsonl as `galley articles INPUT… -o OUTDIR` writes them.")
    parser.add_argument("inputs", nargs="+", metavar="INPUT")
    parser.add_argument("-o", "--output", required=True, metavar="OUTDIR", help="the output folder (shared by the workers)")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--scheduler", metavar="ADDRESS", help="an existing cluster's scheduler, e.g. tcp://10.0.0.5:8786")
    where.add_argument("--local-workers", type=int, metavar="N", help="start a LocalCluster of N workers (default: the number of cores)")
    parser.add_argument("--format", default="json", help="json, text or markdown (as galley articles)")
    parser.add_argument("--galley", default="galley", help="the galley executable on the workers (default: galley on PATH)")
    parser.add_argument("--pages", help="pages to read in every document, e.g. 1,3-5")
    parser.add_argument("--timeout", type=float, default=120, help="seconds per document (0: no limit)")
    parser.add_argument("--memory-limit", type=int, default=4096, help="megabytes per document (0: no limit)")
    parser.add_argument("--resume", action="store_true", help="skip inputs whose output is up to date")
    parser.add_argument("--quiet", action="store_true", help="no line per document")
    args = parser.parse_args(argv)
    if args.local_workers is not None and args.local_workers < 1:
        parser.error("--local-workers must be at least 1")
    if not args.scheduler and "/" not in args.galley and shutil.which(args.galley) is None:
        parser.error(f"{args.galley} is not on PATH; name the executable with --galley")

    def progress(row):
        if not args.quiet:
            detail = f": {row.error.splitlines()[0]}" if row.error else ""
            print(f"galley-dask: {row.status} {row.path}{detail}", file=sys.stderr)

    try:
        rows = run_batch(args.inputs, args.output, scheduler=args.scheduler, local_workers=args.local_workers,
                         galley=args.galley, format=args.format, timeout=args.timeout or None,
                         memory_limit=args.memory_limit or None, resume=args.resume, pages=args.pages,
                         progress=progress)
    except InputError as e:
        print(f"galley-dask: error: {e}", file=sys.stderr)
        return 2
    failed = [r for r in rows if r.status in ("failed", "timeout")]
    ok = sum(r.status == "ok" for r in rows)
    skipped = sum(r.status == "skipped" for r in rows)
    line = f"galley-dask: {len(rows)} document{'s' if len(rows) != 1 else ''}: {ok} ok"
    if skipped:
        line += f", {skipped} skipped (up to date)"
    if failed:
        line += f", {len(failed)} failed; see {args.output.rstrip('/')}/{MANIFEST}"
    print(line, file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
