/// Glyphs bucketed in a grid of square cells, for quick "what lies in this box" questions.
///
/// The line builder's gutter tests ask thousands of such questions per page, so the index is laid out for
/// them: the occupied cells are kept sorted by column, then row, in flat arrays (compressed sparse rows),
/// and a query finds the run of cells of each grid column it spans by one binary search. No hashing, no
/// array per cell. The visitor gets glyph indexes (boxes and sizes are unpacked in `boxes` and `sizes`),
/// so no `Glyph` (two strings, with their reference counting) is copied per visit.
///
/// Visiting order: columns left to right, within a column rows top to bottom, within a cell glyphs in
/// their order in `glyphs`; a glyph spanning several cells is visited once per cell (callers filter).
struct GlyphIndex {
    let glyphs: [Glyph]
    /// `glyphs[i].box` and `glyphs[i].size`, unpacked.
    let boxes: [Rect]
    let sizes: [Double]
    let cell: Double
    /// The union of all glyph boxes.
    let extent: Rect
    /// Occupied cells (`column << 20 | row`), ascending; the glyphs of `cellKeys[k]` are
    /// `members[cellStarts[k]..<cellStarts[k + 1]]`.
    private let cellKeys: [Int]
    private let cellStarts: [Int]
    private let members: [Int]

    init(_ glyphs: [Glyph], bucket: Double) {
        self.glyphs = glyphs
        self.cell = bucket
        boxes = glyphs.map(\.box)
        sizes = glyphs.map(\.size)
        extent = Rect.union(boxes) ?? .zero
        // Every (cell, glyph) pair, sorted by cell and then glyph: the grouping the queries walk.
        var pairs: [(key: Int, glyph: Int)] = []
        pairs.reserveCapacity(glyphs.count * 2)
        for (i, b) in boxes.enumerated() {
            let (a, b0, c, d) = (GlyphIndex.key(b.x0, cell), GlyphIndex.key(b.x1, cell),
                                 GlyphIndex.key(b.y0, cell), GlyphIndex.key(b.y1, cell))
            for kx in a...max(a, b0) { for ky in c...max(c, d) { pairs.append((kx << 20 | ky, i)) } }
        }
        pairs = GlyphIndex.byCell(pairs, extent: extent, cell: cell)
        var keys: [Int] = [], starts: [Int] = []
        for (n, p) in pairs.enumerated() where keys.last != p.key {
            keys.append(p.key)
            starts.append(n)
        }
        starts.append(pairs.count)
        cellKeys = keys
        cellStarts = starts
        members = pairs.map(\.glyph)
    }

    /// `pairs`, appended glyph by glyph, ordered by cell and then glyph. Where the grid over `extent` has
    /// not many more cells than there are pairs (any real page) a counting sort does it in one pass over
    /// pairs and cells; otherwise a comparison sort.
    private static func byCell(_ pairs: [(key: Int, glyph: Int)], extent: Rect, cell: Double) -> [(key: Int, glyph: Int)] {
        let (kx0, ky0) = (key(extent.x0, cell), key(extent.y0, cell))
        let rows = key(extent.y1, cell) - ky0 + 1, cells = (key(extent.x1, cell) - kx0 + 1) * rows
        guard cells <= max(1 << 12, 4 * pairs.count) else {
            return pairs.sorted { $0.key != $1.key ? $0.key < $1.key : $0.glyph < $1.glyph }
        }
        // The grid position of a pair: columns left to right, rows top to bottom, as the keys sort.
        func slot(_ key: Int) -> Int { ((key >> 20) - kx0) * rows + (key & ((1 << 20) - 1)) - ky0 }
        var next = [Int](repeating: 0, count: cells + 1)
        for p in pairs { next[slot(p.key) + 1] += 1 }
        for c in 0..<cells { next[c + 1] += next[c] }
        var out = pairs   // every element is overwritten
        for p in pairs {
            let c = slot(p.key)
            out[next[c]] = p
            next[c] += 1
        }
        return out
    }

    /// The cell coordinate of `v`, clamped so that a column and a row pack into one `Int`.
    static func key(_ v: Double, _ cell: Double) -> Int { Int.checked(v / cell, in: 0...(1 << 19)) }

    /// Calls `body` with the index of every glyph that may overlap the box (possibly more than once:
    /// callers filter).
    func forEach(x0: Double, x1: Double, y0: Double, y1: Double, _ body: (Int) -> Void) {
        let (a, b) = (GlyphIndex.key(x0, cell), GlyphIndex.key(x1, cell))
        let (c, d) = (GlyphIndex.key(y0, cell), GlyphIndex.key(y1, cell))
        for kx in a...max(a, b) {
            let last = kx << 20 | max(c, d)
            var k = firstCell(atLeast: kx << 20 | c)
            while k < cellKeys.count, cellKeys[k] <= last {
                for m in cellStarts[k]..<cellStarts[k + 1] { body(members[m]) }
                k += 1
            }
        }
    }

    /// The position of the first occupied cell whose key is at least `key`.
    private func firstCell(atLeast key: Int) -> Int { cellKeys.partitioningIndex { $0 >= key } }
}
