import Testing
@testable import GalleyCore

/// The index structures behind the line builder's speed must answer exactly as the plain computations
/// they replace: the layout's output may not change with them.
@Suite("Layout: index structures (StableOrder, GlyphIndex, RowBuckets)")
struct LayoutIndexTests {
    /// Deterministic pseudo-random values in 0..<1 (no randomness in tests).
    static func values(_ n: Int, seed: UInt64) -> [Double] {
        var h = seed &+ 0x9E37_79B9_7F4A_7C15
        return (0..<n).map { _ in
            h = (h ^ (h >> 30)) &* 0xBF58_476D_1CE4_E5B9
            h = (h ^ (h >> 27)) &* 0x94D0_49BB_1331_11EB
            h ^= h >> 31
            return Double(h % 1_000_000) / 1_000_000
        }
    }

    @Test("StableOrder.ascending gives the stable sort's order, ties in index order")
    func stableOrderMatchesStableSort() {
        // Spread values, many ties (a column's left edge), a single value, and an empty list.
        let spread = Self.values(500, seed: 1).map { $0 * 600 }
        let ties = Self.values(400, seed: 2).map { ($0 * 8).rounded(.down) * 50 }
        for xs in [spread, ties, spread + ties, [3.0], [], [2, 2, 2, 1]] {
            let expected = xs.indices.sorted { xs[$0] < xs[$1] }
            #expect(StableOrder.ascending(xs) == expected)
        }
        let order = StableOrder.ascending([5, 1, 5, 1])
        #expect(order == [1, 3, 0, 2])
    }

    @Test("StableOrder.ascending copes with values that are not finite")
    func stableOrderNonFinite() {
        let xs: [Double] = [3, .infinity, 1, -.infinity, 2]
        #expect(StableOrder.ascending(xs) == [3, 2, 4, 0, 1])
        #expect(StableOrder.ascending([1, .nan, 0]).count == 3)
    }

    /// Glyphs scattered over a page, of varied sizes, some wider than a cell.
    static func scattered(_ n: Int) -> [Glyph] {
        let xs = values(n, seed: 3), ys = values(n, seed: 4), ws = values(n, seed: 5)
        return (0..<n).map { i in
            let size = 6 + ws[i] * 30
            return Glyph(text: "x", box: Rect(x0: xs[i] * 500, y0: ys[i] * 700, x1: xs[i] * 500 + size,
                                              y1: ys[i] * 700 + size), size: size)
        }
    }

    @Test("GlyphIndex.forEach visits every glyph overlapping the box, columns then rows then glyph order")
    func glyphIndexQueries() {
        let glyphs = Self.scattered(400)
        let index = GlyphIndex(glyphs, bucket: 20)
        #expect(index.extent == Rect.union(glyphs.map(\.box)))
        for (q, qs) in Self.values(40, seed: 6).enumerated() {
            let x0 = qs * 450, y0 = Self.values(40, seed: 7)[q] * 650
            let x1 = x0 + 5 + Double(q) * 3, y1 = y0 + 80
            var visited: [Int] = []
            index.forEach(x0: x0, x1: x1, y0: y0, y1: y1) { visited.append($0) }
            let overlapping = glyphs.indices.filter { i in
                let b = glyphs[i].box
                return b.x1 >= x0 && b.x0 <= x1 && b.y1 >= y0 && b.y0 <= y1
            }
            // Every overlapping glyph is visited (cells are coarse: others may be too).
            #expect(Set(overlapping).isSubset(of: Set(visited)))
            // The visiting order is the grid's: by cell column, then cell row, then glyph index.
            let cell = { (i: Int) -> (Int, Int) in
                (GlyphIndex.key(glyphs[i].box.x0, 20), GlyphIndex.key(glyphs[i].box.y0, 20))
            }
            let firstVisits = visited.enumerated().filter { n, i in !visited[..<n].contains(i) }.map(\.element)
            for (a, b) in zip(firstVisits, firstVisits.dropFirst()) where cell(a) == cell(b) {
                #expect(a < b)
            }
        }
    }

    @Test("GlyphIndex handles no glyphs and glyphs far apart")
    func glyphIndexEdgeCases() {
        let empty = GlyphIndex([], bucket: 20)
        var count = 0
        empty.forEach(x0: 0, x1: 100, y0: 0, y1: 100) { _ in count += 1 }
        #expect(count == 0)
        // Two glyphs a million points apart: the comparison-sort path, same answers.
        let far = [Glyph(text: "a", box: Rect(x0: 0, y0: 0, x1: 10, y1: 10), size: 10),
                   Glyph(text: "b", box: Rect(x0: 1e6, y0: 1e6, x1: 1e6 + 10, y1: 1e6 + 10), size: 10)]
        let index = GlyphIndex(far, bucket: 20)
        var seen: [Int] = []
        index.forEach(x0: 1e6 - 5, x1: 1e6 + 5, y0: 1e6 - 5, y1: 1e6 + 5) { seen.append($0) }
        #expect(seen == [1])
        seen = []
        index.forEach(x0: 0, x1: 5, y0: 0, y1: 5) { seen.append($0) }
        #expect(seen == [0])
    }

    @Test("RowBuckets files items by row, finds them within reach, and caps its row count")
    func rowBuckets() {
        var rows = RowBuckets(cell: 3, low: 0, high: 900)
        rows.file(7, row: rows.row(450))
        rows.file(8, row: rows.row(455))
        var found: [Int] = []
        for k in rows.rows(around: 452, reach: 4) {
            for j in 0..<rows.count(row: k) { found.append(rows.item(j, row: k)) }
        }
        #expect(found.sorted() == [7, 8])
        // Removing an entry leaves the other rows alone.
        let k = rows.row(450)
        #expect(k != rows.row(455))
        rows.remove(at: 0, row: k)
        #expect(rows.count(row: k) == 0)
        #expect(rows.item(0, row: rows.row(455)) == 8)
        // Heights beyond the range fall into the edge rows; an absurd range gets taller cells.
        #expect(rows.row(-50) == 0)
        let huge = RowBuckets(cell: 0.01, low: 0, high: 1e9)
        #expect(huge.row(1e9) < RowBuckets.maxRows)
        #expect(huge.cell > 0.01)
    }
}

@Suite("Layout: binary search on sorted values")
struct PartitioningIndexTests {
    @Test("The first index past the split, for every split point, empty and one-sided collections")
    func matchesLinearSearch() {
        let sorted = [1.0, 2, 2, 2, 5, 8, 8, 13]
        for v in [0.0, 1, 2, 3, 5, 8, 13, 20] {
            #expect(sorted.partitioningIndex { $0 >= v } == (sorted.firstIndex { $0 >= v } ?? sorted.count), "\(v)")
        }
        #expect([Double]().partitioningIndex { $0 >= 1 } == 0)
        #expect(sorted.partitioningIndex { _ in true } == 0)
        #expect(sorted.partitioningIndex { _ in false } == sorted.count)
        // A slice keeps its own indexes.
        let tail = sorted[3...]
        #expect(tail.partitioningIndex { $0 >= 8 } == 5)
    }
}
