"""OUTDIR/manifest.jsonl, as `galley articles INPUT… -o OUTDIR` writes it: one line per input."""

import json
import os
import tempfile
from dataclasses import dataclass, field
from typing import Dict, List, Optional


@dataclass
class ManifestRow:
    path: str
    size: int
    pages: Optional[int]
    status: str  # ok, failed, timeout, skipped
    error: Optional[str]
    outputs: List[str] = field(default_factory=list)
    seconds: float = 0.0
    hash: Optional[str] = None

    def json_line(self) -> str:
        """The row as one line of JSON, keys in the order galley writes them."""
        return json.dumps({"path": self.path, "size": self.size, "pages": self.pages, "status": self.status,
                           "error": self.error, "outputs": self.outputs, "seconds": round(self.seconds, 3),
                           "hash": self.hash}, ensure_ascii=False, separators=(",", ":"))


def input_hash(path: str) -> Optional[str]:
    """FNV-1a, 64 bits, over the file's bytes, spelt as galley spells it (`fnv1a64:` and 16 hex digits)."""
    h = 0xCBF29CE484222325
    try:
        with open(path, "rb") as f:
            while True:
                chunk = f.read(1 << 20)
                if not chunk:
                    break
                for byte in chunk:
                    h = ((h ^ byte) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    except OSError:
        return None
    return f"fnv1a64:{h:016x}"


def read_manifest(path: str) -> Dict[str, ManifestRow]:
    """The rows of an earlier run by input path, the last row of each input winning; lines that do not
    parse are passed over."""
    rows: Dict[str, ManifestRow] = {}
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                try:
                    d = json.loads(line)
                    rows[d["path"]] = ManifestRow(**d)
                except (ValueError, KeyError, TypeError):
                    continue
    except OSError:
        pass
    return rows


def write_manifest(path: str, rows: List[ManifestRow]) -> None:
    """Writes the manifest whole, atomically (a temporary file in the same folder, renamed)."""
    folder = os.path.dirname(path) or "."
    fd, temp = tempfile.mkstemp(prefix=".manifest.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            for row in rows:
                f.write(row.json_line() + "\n")
        os.replace(temp, path)
    except BaseException:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise
