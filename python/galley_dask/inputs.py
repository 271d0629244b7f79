"""The documents of a batch, found and named as `galley articles INPUT… -o OUTDIR` finds and names them."""

import glob
import os
import stat
from dataclasses import dataclass
from typing import List

EXTENSIONS = {"json": "json", "text": "txt", "markdown": "md"}


@dataclass(frozen=True)
class Job:
    """One document: the PDF as named or found, and its output's path inside OUTDIR."""
    input: str
    relative_output: str


class InputError(Exception):
    """An input that is neither a PDF nor a folder, or folders without a PDF."""


def output_name(relative: str, extension: str) -> str:
    """`x/y.pdf` becomes `x/y.json`: the last extension replaced; no `.` or `..` components."""
    parts = [p for p in relative.split("/") if p not in ("", ".", "..")]
    last = parts.pop() if parts else "document"
    dot = last.rfind(".")
    if dot > 0:
        last = last[:dot]
    return "/".join(parts + [last + "." + extension])


def _join(folder: str, name: str) -> str:
    return folder + name if folder.endswith("/") else folder + "/" + name


def pdfs_in(folder: str, below: str = "") -> List[str]:
    """PDFs below `folder`, relative to it, sorted by name within each folder; hidden names and links
    to folders are passed over, links to files are read."""
    path = _join(folder, below) if below else folder
    found: List[str] = []
    for name in sorted(os.listdir(path)):
        if name.startswith("."):
            continue
        sub = below + "/" + name if below else name
        full = _join(folder, sub)
        try:
            mode = os.lstat(full).st_mode
        except OSError:
            continue
        if stat.S_ISDIR(mode):
            found += pdfs_in(folder, sub)
        elif (stat.S_ISREG(mode) or stat.S_ISLNK(mode)) and name.lower().endswith(".pdf"):
            try:
                if stat.S_ISREG(os.stat(full).st_mode):
                    found.append(sub)
            except OSError:
                pass
    return found


def jobs(inputs: List[str], format: str = "json") -> List[Job]:
    """The jobs of `inputs`: PDFs (output at the top of OUTDIR), folders (outputs mirroring the folders
    below them) or glob patterns (each match taken as an input)."""
    extension = EXTENSIONS.get(format, "xml")
    expanded: List[str] = []
    for item in inputs:
        if not os.path.exists(item) and glob.has_magic(item):
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                raise InputError(f"no file matches {item}")
            expanded += matches
        else:
            expanded.append(item)
    result: List[Job] = []
    empty: List[str] = []
    for item in expanded:
        try:
            mode = os.stat(item).st_mode
        except OSError:
            raise InputError(f"cannot read {item}: no such file or folder")
        if stat.S_ISDIR(mode):
            found = pdfs_in(item)
            if not found:
                empty.append(item)
            result += [Job(_join(item, f), output_name(f, extension)) for f in found]
        elif stat.S_ISREG(mode):
            result.append(Job(item, output_name(item.split("/")[-1], extension)))
        else:
            raise InputError(f"cannot read {item}: it is neither a folder nor a file")
    if not result and empty:
        raise InputError(f"no PDF found in {', '.join(empty)} (folders are searched for *.pdf)")
    return result
