#!/usr/bin/env python3
"""Writes three one-page PDFs of 200,000 glyphs each into a folder, for scripts/benchmark.sh:

  one-line.pdf   200,000 glyphs on one baseline (a page 20,000 pt wide, a glyph every 0.1 pt)
  one-spot.pdf   200,000 glyphs overprinted at one spot
  dense.pdf      a dense page: 24 columns of 11 pt text, about 200,000 glyphs in words

usage: make-hostile-pages.py FOLDER [GLYPHS]
"""
import os
import random
import sys
import zlib


def pdf(width, height, content):
    stream = zlib.compress(content)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"
        % (width, height),
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % (i + 1) + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for o in offsets:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def one_line(n):
    letters = b"abcdefghijklmnopqrstuvwxyz"
    parts = [b"BT /F1 10 Tf"]
    for i in range(n):
        parts.append(b"1 0 0 1 %.1f 400 Tm (%c) Tj" % (10 + i * 0.1, letters[i % 26]))
    parts.append(b"ET")
    return pdf(int(20 + n * 0.1), 800, b"\n".join(parts))


def one_spot(n):
    return pdf(612, 792, b"BT /F1 10 Tf " + b"1 0 0 1 200 400 Tm (x) Tj " * n + b"ET")


def dense(n):
    r = random.Random(1)
    # Words without i, j and l: at 11 pt their advance is under 3 pt, and poppler (so the reader) stops
    # taking such tiny glyphs after 50,000 on a page.
    words = [b"the", b"and", b"now", b"move", b"news", b"water", b"harbour", b"can", b"work", b"June", b"boat",
             b"ocean", b"summer", b"pass", b"seven", b"number", b"people", b"board", b"port", b"dock"]
    columns, width, gutter, size, leading = 24, 300, 14, 11, 13
    parts = [b"BT /F1 %d Tf %.1f TL" % (size, leading)]
    count = 0
    lines = 0
    while count < n:
        line = []
        length = 0
        while length < 50:  # about 50 characters of 11 pt Helvetica in 300 pt
            w = r.choice(words)
            line.append(w)
            length += len(w) + 1
        text = b" ".join(line)
        column, row = divmod(lines, 210)
        if column >= columns:
            break
        parts.append(b"1 0 0 1 %d %.1f Tm (%s) Tj" % (30 + column * (width + gutter), 2800 - row * leading, text))
        count += len(text) - text.count(b" ")
        lines += 1
    parts.append(b"ET")
    return pdf(30 * 2 + columns * (width + gutter), 2850, b"\n".join(parts))


if __name__ == "__main__":
    folder = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 200_000
    os.makedirs(folder, exist_ok=True)
    for name, make in (("one-line", one_line), ("one-spot", one_spot), ("dense", dense)):
        with open(os.path.join(folder, name + ".pdf"), "wb") as f:
            f.write(make(n))
