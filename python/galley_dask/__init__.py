"""Run the `galley` executable over many PDFs on a Dask distributed cluster.

Each document is read by `galley articles` in a process of its own (as `galley articles INPUT… -o
OUTDIR` does on one machine), so a crash, a hang or a memory blow-up in one document is recorded in
the manifest and the others go on. Outputs are the bytes `galley` writes, named and placed as the
command-line batch places them, so the two are interchangeable.
"""

from .inputs import Job, jobs
from .manifest import ManifestRow, input_hash, read_manifest, write_manifest
from .run import articles_bag, run_batch, run_document

__all__ = ["Job", "jobs", "ManifestRow", "input_hash", "read_manifest", "write_manifest",
           "run_batch", "run_document", "articles_bag"]
