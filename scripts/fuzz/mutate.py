#!/usr/bin/env python3
"""Makes damaged PDFs from the project's sample pages, for scripts/fuzz.sh.

Every case is a pure function of (seed, case number): case k of seed S is the same file on every machine
that has the same Samples/ and qpdf, so a failing case can be remade from its number alone.

Three families of damage, chosen per case and sometimes combined:
  bytes      flipped, inserted or deleted bytes; a splice of two samples
  structure  truncation, a damaged or missing cross-reference table, broken, duplicated, self-referencing
             or deeply nested objects, impossible /Length and /Count values
  operators  on the uncompressed form (qpdf --qdf): huge, tiny, negative or malformed numbers before
             Tm, Tf, cm, Td, TJ, Tz, Tc, re ...; extreme MediaBox and /Rotate; very long lines; many
             glyphs overprinted at one spot; deep q/BT nesting. The cross-reference table is then
             rebuilt with fix-qdf, so the damage reaches the content streams instead of stopping at
             the parser (unless a structural mutation follows).
"""
import os
import random
import re
import subprocess
import sys

EXTREME_NUMBERS = [
    b"1e24", b"-1e24", b"1e38", b"3.4e38", b"1e300", b"-1e300", b"1e400", b"1e-300", b"0", b"-0", b"0.0000001",
    b"99999999999999999999999999999", b"-99999999999999999999999999999", b"2147483648", b"-2147483649",
    b"9223372036854775807", b"18446744073709551616", b"4294967296", b"65536", b"1000000", b"-1000000",
    b"nan", b"NaN", b"inf", b"-inf", b"--5", b".", b"-", b"1.2.3", b"0x10", b"1e", b"+", b"340282366920938463463374607431768211456",
]
TEXT_OPERATORS = [b"Tm", b"Tf", b"cm", b"Td", b"TD", b"TJ", b"Tz", b"Tc", b"Tw", b"TL", b"Ts", b"re", b"d0", b"d1", b"w"]
# Unambiguous (one way to match a run of digits), so that no pattern backtracks over long numbers.
NUMBER = rb"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?"


class Samples:
    """The sample PDFs, each also in its uncompressed qdf form (made once, into a cache folder)."""

    def __init__(self, sample_dir, cache_dir):
        self.raw = []
        self.qdf = []
        os.makedirs(cache_dir, exist_ok=True)
        for name in sorted(os.listdir(sample_dir)):
            if not name.endswith(".pdf"):
                continue
            path = os.path.join(sample_dir, name)
            with open(path, "rb") as f:
                self.raw.append((name, f.read()))
            qdf_path = os.path.join(cache_dir, name[:-4] + ".qdf.pdf")
            if not os.path.exists(qdf_path):
                subprocess.run(["qpdf", "--qdf", "--object-streams=disable", path, qdf_path], check=False,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            with open(qdf_path, "rb") as f:
                self.qdf.append((name, f.read()))
        if not self.raw:
            raise SystemExit(f"fuzz: no PDF in {sample_dir}")


# ---- operator mutations (on qdf text) ----

def content_streams(data):
    """(start, end) of every page content stream of a qdf file (qpdf labels them with a comment)."""
    spans = []
    for m in re.finditer(rb"%% Contents for page \d+\n", data):
        s = data.find(b"stream\n", m.end())
        e = data.find(b"\nendstream", s)
        if s >= 0 and e > s:
            spans.append((s + len(b"stream\n"), e))
    return spans


def font_name(data):
    m = re.search(rb"(/[A-Za-z0-9_.+-]+)\s+" + NUMBER + rb"\s+Tf", data)
    return m.group(1) if m else b"/F1"


def mutate_operands(r, data):
    """Replaces the operands of some text and matrix operators with extreme values."""
    spans = content_streams(data)
    if not spans:
        return data, "operands(none)"
    s, e = r.choice(spans)
    body = data[s:e]
    op = r.choice(TEXT_OPERATORS)
    pattern = re.compile(rb"((?:" + NUMBER + rb"\s+){1,6})" + op + rb"(?=[\s\[\]/(<])" if op != b"TJ"
                         else rb"(\[[^\[\]]*\])\s*TJ")  # (no "[" inside: deep nesting would make this quadratic)
    hits = list(pattern.finditer(body))
    if not hits:
        return data, f"operands({op.decode()}:none)"
    every = r.random() < 0.3
    chosen = hits if every else r.sample(hits, min(len(hits), r.randint(1, 3)))
    value = r.choice(EXTREME_NUMBERS)
    out = bytearray()
    last = 0
    for h in sorted(chosen, key=lambda m: m.start()):
        out += body[last:h.start(1)]
        operands = h.group(1)
        if op == b"TJ":
            new = re.sub(NUMBER, lambda _: value, operands, count=r.randint(1, 8))
        else:
            numbers = re.findall(NUMBER, operands)
            k = r.randrange(len(numbers))
            numbers[k] = value
            if r.random() < 0.3:
                numbers = [value] * len(numbers)
            new = b" ".join(numbers) + b" "
        out += new
        last = h.end(1)
    out += body[last:]
    return data[:s] + bytes(out) + data[e:], f"operands({op.decode()}={value.decode()}{',all' if every else ''})"


def insert_content(r, data, what):
    spans = content_streams(data)
    if not spans:
        return data, f"{what}(none)"
    s, e = r.choice(spans)
    f = font_name(data[s:e])
    size = r.choice([b"1", b"10", b"0.001", b"1e6"])
    if what == "long-line":
        n = r.choice([5000, 50000, 200000])
        text = b"BT " + f + b" 10 Tf 1 0 0 1 10 300 Tm (" + b"Ab " * (n // 3) + b") Tj ET\n"
    elif what == "overprint":
        n = r.choice([2000, 20000, 100000])
        text = b"BT " + f + b" " + size + b" Tf " + b"1 0 0 1 200 300 Tm (x) Tj " * n + b"ET\n"
    elif what == "kerned-overprint":
        n = r.choice([5000, 100000])
        text = b"BT " + f + b" 12 Tf 100 400 Td [" + b"(W) 1000 " * n + b"] TJ ET\n"
    elif what == "deep-q":
        n = r.choice([1000, 100000])
        text = b"q " * n + b"BT " + f + b" 12 Tf 50 50 Td (deep) Tj ET " + b"Q " * (n if r.random() < 0.5 else 0) + b"\n"
    elif what == "deep-array":
        n = r.choice([1000, 100000])
        text = b"BT " + f + b" 12 Tf " + b"[" * n + b"(a)" + b"]" * n + b" TJ ET\n"
    elif what == "many-bt":
        n = r.choice([10000, 60000])
        text = b"BT ET " * n + b"BT BT BT " + f + b" 12 Tf (x) Tj\n"
    else:  # huge glyph beside normal text
        text = b"BT " + f + b" " + r.choice([b"1e6", b"1e12", b"1e30"]) + b" Tf 1 0 0 1 10 10 Tm (H) Tj ET\n"
    at = r.choice([s, e])
    return data[:at] + text + data[at:], f"{what}"


def mutate_page_box(r, data):
    pages = [m for m in re.finditer(rb"/Type /Page\n", data)]
    key = r.choice([b"/MediaBox", b"/CropBox", b"/Rotate", b"/UserUnit"])
    if key == b"/Rotate":
        value = r.choice([b"90", b"180", b"270", b"-90", b"45", b"3600000000", b"1e30", b"-2147483648", b"nan", b"(x)"])
    elif key == b"/UserUnit":
        value = r.choice([b"0", b"1e30", b"-1", b"75000"])
    else:
        n = [r.choice(EXTREME_NUMBERS[:20] + [b"0", b"612", b"792"]) for _ in range(4)]
        value = b"[" + b" ".join(n) + b"]"
    existing = re.compile(re.escape(key) + rb"\s*(\[[^\]]*\]|\S+)")
    m = existing.search(data)
    if m and r.random() < 0.8:
        return data[:m.start()] + key + b" " + value + data[m.end():], f"page{key.decode()}={value.decode()}"
    if pages:
        p = r.choice(pages)
        return data[:p.end()] + b"  " + key + b" " + value + b"\n" + data[p.end():], f"page+{key.decode()}={value.decode()}"
    return data, "page(none)"


OPERATOR_MUTATIONS = [
    (5, mutate_operands),
    (1, lambda r, d: insert_content(r, d, "long-line")),
    (1, lambda r, d: insert_content(r, d, "overprint")),
    (1, lambda r, d: insert_content(r, d, "kerned-overprint")),
    (1, lambda r, d: insert_content(r, d, "deep-q")),
    (1, lambda r, d: insert_content(r, d, "deep-array")),
    (1, lambda r, d: insert_content(r, d, "many-bt")),
    (1, lambda r, d: insert_content(r, d, "huge-glyph")),
    (3, mutate_page_box),
]


# ---- structural mutations (any form) ----

def truncate(r, data):
    at = r.randrange(1, len(data))
    return data[:at], f"truncate@{at}"


def damage_xref(r, data):
    m = data.rfind(b"startxref")
    choice = r.randrange(5)
    if m < 0:
        return data, "xref(none)"
    if choice == 0:
        return data[:m] + b"startxref\n" + str(r.randrange(len(data) * 2)).encode() + b"\n%%EOF\n", "xref(startxref)"
    if choice == 1:
        x = data.rfind(b"\nxref\n")
        if x < 0:
            return data, "xref(no table)"
        table = bytearray(data[x:m])
        for _ in range(r.randint(1, 20)):
            i = r.randrange(len(table))
            if chr(table[i]).isdigit():
                table[i] = ord(str(r.randrange(10)))
        return data[:x] + bytes(table) + data[m:], "xref(offsets)"
    if choice == 2:
        x = data.rfind(b"\nxref\n")
        return (data[:x] if x > 0 else data[:m]) + b"\n%%EOF\n", "xref(removed)"
    if choice == 3:
        return re.sub(rb"/Size \d+", b"/Size " + r.choice([b"0", b"1", b"99999999", b"-1"]), data), "xref(size)"
    return re.sub(rb"/Root \d+ 0 R", b"/Root " + str(r.randint(1, 60)).encode() + b" 0 R", data, count=1), "xref(root)"


def break_object(r, data):
    objs = [m for m in re.finditer(rb"\n(\d+) 0 obj\b", data)]
    if not objs:
        return data, "object(none)"
    m = r.choice(objs)
    end = data.find(b"endobj", m.end())
    if end < 0:
        return data, "object(open)"
    choice = r.randrange(6)
    if choice == 0:   # the end marker lost
        return data[:end] + data[end + 6:], f"object({m.group(1).decode()}:no endobj)"
    if choice == 1:   # duplicated, the copy changed, appended as a later definition
        body = data[m.start():end + 6]
        copy = re.sub(NUMBER, lambda _: r.choice(EXTREME_NUMBERS[:16]), body[len(m.group(0)):], count=r.randint(1, 4))
        at = data.rfind(b"xref")
        at = at if at > 0 else len(data)
        return data[:at] + m.group(0) + copy + data[at:], f"object({m.group(1).decode()}:duplicated)"
    if choice == 2:   # its body replaced by garbage
        junk = bytes(r.randrange(256) for _ in range(r.randint(1, 64)))
        return data[:m.end()] + b"\n" + junk + b"\n" + data[end:], f"object({m.group(1).decode()}:garbage)"
    if choice == 3:   # every reference in it points back to itself
        n = m.group(1)
        body = re.sub(rb"\d+ 0 R", n + b" 0 R", data[m.end():end])
        return data[:m.end()] + body + data[end:], f"object({n.decode()}:self-reference)"
    if choice == 4:   # deep nesting inside its dictionary
        d = data.find(b"<<", m.end(), end)
        depth = r.choice([500, 5000, 100000])
        nest = (b"/Deep " + b"[" * depth + b"]" * depth) if r.random() < 0.5 else (b"/Deep " + b"<< /A " * depth + b">> " * depth)
        if d < 0:
            return data, "object(no dict)"
        return data[:d + 2] + nest + data[d + 2:], f"object({m.group(1).decode()}:nested {depth})"
    # impossible /Length or /Count
    key = r.choice([rb"/Length", rb"/Count", rb"/N", rb"/First", rb"/W"])
    value = r.choice([b"-1", b"0", b"99999999999", b"2147483648", b"1e30", b"(x)"])
    return re.sub(key + rb" \d+( 0 R)?", key + b" " + value, data, count=r.randint(1, 3)), f"{key.decode()}={value.decode()}"


def page_tree_loop(r, data):
    kids = re.search(rb"/Kids \[", data)
    if not kids:
        return data, "kids(none)"
    parent = re.search(rb"/Parent (\d+) 0 R", data)
    target = parent.group(1) if parent else b"1"
    loop = target + b" 0 R " if r.random() < 0.5 else (target + b" 0 R ") * r.choice([2, 1000])
    return data[:kids.end()] + loop + data[kids.end():], "kids(loop)"


# ---- byte mutations ----

def flip_bytes(r, data):
    d = bytearray(data)
    n = r.choice([1, 4, 16, 64, 512])
    for _ in range(n):
        d[r.randrange(len(d))] = r.randrange(256)
    return bytes(d), f"flip({n})"


def insert_delete(r, data):
    at = r.randrange(len(data))
    if r.random() < 0.5:
        n = r.randint(1, 4096)
        return data[:at] + data[at + n:], f"delete({n}@{at})"
    chunk = bytes(r.randrange(256) for _ in range(r.randint(1, 256)))
    return data[:at] + chunk + data[at:], f"insert({len(chunk)}@{at})"


STRUCTURE_MUTATIONS = [(2, truncate), (3, damage_xref), (5, break_object), (1, page_tree_loop)]
BYTE_MUTATIONS = [(4, flip_bytes), (2, insert_delete)]


def weighted(r, table):
    total = sum(w for w, _ in table)
    x = r.uniform(0, total)
    for w, f in table:
        x -= w
        if x <= 0:
            return f
    return table[-1][1]


def fix_qdf(data, scratch):
    """The qdf file with its stream lengths and cross-reference table made right again."""
    src, dst = scratch + ".in", scratch + ".out"
    with open(src, "wb") as f:
        f.write(data)
    try:
        with open(dst, "wb") as out:
            ok = subprocess.run(["fix-qdf", src], stdout=out, stderr=subprocess.DEVNULL, timeout=60).returncode == 0
        if ok:
            with open(dst, "rb") as f:
                return f.read()
    except (OSError, subprocess.TimeoutExpired):
        pass
    finally:
        for p in (src, dst):
            if os.path.exists(p):
                os.remove(p)
    return data


def make_case(samples, seed, number, scratch):
    """The damaged PDF of case `number` under `seed`, and a short description of its damage."""
    r = random.Random(f"galley-fuzz:{seed}:{number}")
    family = r.choices(["operators", "structure", "bytes", "mixed"], weights=[5, 3, 2, 1])[0]
    name, _ = samples.raw[r.randrange(len(samples.raw))]
    steps = [name]
    if family in ("operators", "mixed"):
        data = dict(samples.qdf)[name]
        for _ in range(r.choice([1, 1, 2, 3])):
            data, what = weighted(r, OPERATOR_MUTATIONS)(r, data)
            steps.append(what)
        data = fix_qdf(data, scratch)
        steps.append("fix-qdf")
        if family == "mixed":
            f = weighted(r, STRUCTURE_MUTATIONS + BYTE_MUTATIONS)
            data, what = f(r, data)
            steps.append(what)
    else:
        data = dict(samples.qdf if r.random() < 0.4 else samples.raw)[name]
        table = STRUCTURE_MUTATIONS if family == "structure" else BYTE_MUTATIONS
        for _ in range(r.choice([1, 1, 2])):
            data, what = weighted(r, table)(r, data)
            steps.append(what)
        if family == "bytes" and r.random() < 0.1:
            other = samples.raw[r.randrange(len(samples.raw))][1]
            cut = r.randrange(len(data))
            data = data[:cut] + other[r.randrange(len(other)):]
            steps.append("splice")
    return data, " ".join(steps)


if __name__ == "__main__":
    # mutate.py SAMPLES CACHE SEED CASE OUT: writes one case, prints its description.
    samples_dir, cache, seed, case, out = sys.argv[1:6]
    s = Samples(samples_dir, cache)
    data, what = make_case(s, seed, int(case), out + ".scratch")
    with open(out, "wb") as f:
        f.write(data)
    print(what)
