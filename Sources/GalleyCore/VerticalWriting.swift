/// Finds glyphs set one under another (vertical writing, as in some Chinese headlines).
public enum VerticalWriting {
    /// Marks `vertical` on every glyph of a run of at least `minRun` glyphs stacked top to bottom:
    /// each within `alignTolerance` × size of the next one's horizontal centre or left edge, starting at least half a size lower, at most `maxGap` × size
    /// above it, and with no glyph beside it on its own line closer than `sideGap` × size. A run is
    /// not vertical where half its glyphs or more have a "row mate": a glyph of the same size on the
    /// same line within `rowMateReach` × size, not itself in a run (the rows of a table).
    public static func markVerticalRuns(_ glyphs: [Glyph], minRun: Int = 3, alignTolerance: Double = 0.2,
                                        maxGap: Double = 0.6, sideGap: Double = 0.8,
                                        rowMateReach: Double = 4) -> [Glyph] {
        guard glyphs.count >= minRun else { return glyphs }
        let grid = GlyphGrid(glyphs)

        // Visits the glyphs whose x-start lies in [lo, hi] and whose box reaches into [top, bottom],
        // until `body` returns false; no list is built (this runs for every glyph of the page).
        func visit(_ lo: Double, _ hi: Double, _ top: Double, _ bottom: Double, _ body: (Int) -> Bool) {
            grid.visit(xStart: lo...hi, y: top...bottom, body)
        }

        func hasSideNeighbour(_ i: Int) -> Bool {
            let g = glyphs[i].box, reach = sideGap * glyphs[i].size
            var found = false
            visit(g.x0 - reach - 3 * glyphs[i].size, g.x1 + reach, g.y0, g.y1) { j in
                guard j != i else { return true }
                let o = glyphs[j].box
                guard o.verticalOverlap(g) > 0.5 * min(o.height, g.height) else { return true }
                let gap = o.x0 >= g.x1 ? o.x0 - g.x1 : (g.x0 >= o.x1 ? g.x0 - o.x1 : 0)
                if gap <= reach { found = true; return false }
                return true
            }
            return found
        }

        func below(_ i: Int) -> Int? {
            let g = glyphs[i].box, size = glyphs[i].size
            var best: (Int, Double)?
            visit(g.x0 - size, g.x1 + size, g.y0, g.y1 + maxGap * size) { j in
                guard j != i else { return true }
                let o = glyphs[j].box
                guard min(abs(o.midX - g.midX), abs(o.x0 - g.x0)) <= alignTolerance * size, abs(glyphs[j].size - size) <= 0.1 * size else { return true }
                let gap = o.y0 - g.y1
                guard o.y0 > g.y0 + 0.5 * size, gap <= maxGap * size else { return true }
                if best == nil || gap < best!.1 { best = (j, gap) }
                return true
            }
            return best?.0
        }

        let lonely = glyphs.indices.map { !hasSideNeighbour($0) }
        var next = [Int?](repeating: nil, count: glyphs.count)
        var hasPrev = [Bool](repeating: false, count: glyphs.count)
        for i in glyphs.indices where lonely[i] {
            if let j = below(i), lonely[j] { next[i] = j; hasPrev[j] = true }
        }
        var runs: [[Int]] = []
        var inRun = [Bool](repeating: false, count: glyphs.count)
        for start in glyphs.indices where lonely[start] && !hasPrev[start] && next[start] != nil {
            var run = [start]
            var seen: Set<Int> = [start]
            while let j = next[run.last!], !seen.contains(j) { run.append(j); seen.insert(j) }
            if run.count >= minRun {
                runs.append(run)
                for i in run { inRun[i] = true }
            }
        }

        // A stack of single characters in a table's first column has, on each of its rows, a cell of
        // the same size further right (or left) set on the same line: those are rows, not a vertical run.
        // A vertical headline's neighbours are body lines of another size and pitch.
        func hasRowMate(_ i: Int) -> Bool {
            let g = glyphs[i].box, size = glyphs[i].size
            let reach = rowMateReach * size
            var found = false
            visit(g.x0 - reach - 3 * size, g.x1 + reach, g.y0 - 0.2 * size, g.y1 + 0.2 * size) { j in
                guard j != i && !inRun[j] else { return true }
                let o = glyphs[j].box
                guard abs(glyphs[j].size - size) <= 0.15 * size,
                      abs(o.y0 - g.y0) <= 0.2 * size, abs(o.y1 - g.y1) <= 0.2 * size else { return true }
                let gap = o.x0 >= g.x1 ? o.x0 - g.x1 : (g.x0 >= o.x1 ? g.x0 - o.x1 : 0)
                if gap <= reach { found = true; return false }
                return true
            }
            return found
        }

        var out = glyphs
        for run in runs {
            let mates = run.filter(hasRowMate).count
            guard 2 * mates < run.count else { continue }
            for i in run { out[i].vertical = true }
        }
        return out
    }
}

/// Glyph indexes filed in square cells by the x of their left edge and every row of cells their box
/// spans, so neighbours are found without scanning a whole column of the page.
struct GlyphGrid {
    private let cell: Double
    private let boxes: [Rect]
    private var cells: [Int64: [Int]] = [:]

    init(_ glyphs: [Glyph], cell: Double = 24) {
        self.cell = cell
        boxes = glyphs.map(\.box)
        for (i, b) in boxes.enumerated() {
            let cx = Self.index(b.x0, cell)
            for cy in Self.index(b.y0, cell)...Self.index(b.y1, cell) { cells[Self.key(cx, cy), default: []].append(i) }
        }
    }

    /// Cell index of a coordinate; coordinates far off any page are clamped so a broken box cannot
    /// make the grid huge.
    private static func index(_ v: Double, _ cell: Double) -> Int {
        guard v.isFinite else { return 0 }
        return Int((min(max(v, -20_000), 200_000) / cell).rounded(.down))
    }
    private static func key(_ cx: Int, _ cy: Int) -> Int64 { Int64(cx) << 32 | Int64(UInt32(bitPattern: Int32(truncatingIfNeeded: cy))) }

    /// Calls `body` with each glyph whose left edge lies in `xStart` and whose box overlaps `y` (edges
    /// included), until it returns false.
    func visit(xStart: ClosedRange<Double>, y: ClosedRange<Double>, _ body: (Int) -> Bool) {
        let cy0 = Self.index(y.lowerBound, cell), cy1 = Self.index(y.upperBound, cell)
        for cx in Self.index(xStart.lowerBound, cell)...Self.index(xStart.upperBound, cell) {
            for cy in cy0...cy1 {
                guard let list = cells[Self.key(cx, cy)] else { continue }
                for i in list {
                    let b = boxes[i]
                    guard xStart.contains(b.x0), b.y1 >= y.lowerBound, b.y0 <= y.upperBound else { continue }
                    // A box spanning several rows of cells is filed in each; report it from its first
                    // row inside the query only.
                    if cy > cy0 && Self.index(b.y0, cell) < cy { continue }
                    if !body(i) { return }
                }
            }
        }
    }
}
