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
            let lo = g.x0 - reach - 3 * glyphs[i].size, hi = g.x1 + reach
            func isNeighbour(_ j: Int) -> Bool {
                let o = glyphs[j].box
                guard o.verticalOverlap(g) > 0.5 * min(o.height, g.height) else { return false }
                let gap = o.x0 >= g.x1 ? o.x0 - g.x1 : (g.x0 >= o.x1 ? g.x0 - o.x1 : 0)
                return gap <= reach
            }
            // The glyphs before and after in poppler's reading order are the usual neighbours: tried
            // first, with the same test the grid search applies (found or not, the answer is the same).
            for j in [i - 1, i + 1] where j >= 0 && j < glyphs.count {
                let o = glyphs[j].box
                if lo <= o.x0 && o.x0 <= hi && o.y1 >= g.y0 && o.y0 <= g.y1 && isNeighbour(j) { return true }
            }
            var found = false
            visit(lo, hi, g.y0, g.y1) { j in
                guard j != i else { return true }
                if isNeighbour(j) { found = true; return false }
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
///
/// The cells are laid out in one flat array (`starts` gives each cell's slice of `items`, glyph
/// indexes ascending). A cell's number comes from its column and row over the span the glyphs
/// occupy; where that span is huge (a broken box far off the page) the occupied cells are numbered
/// through a dictionary instead.
struct GlyphGrid {
    private let cell: Double
    private let boxes: [Rect]
    /// The row of cells holding each box's top edge.
    private let firstRow: [Int]
    private let starts: [Int32]
    private let items: [Int32]
    private let cx0: Int, cx1: Int, cy0: Int, cy1: Int
    /// Cell number by key, when the cells are not dense.
    private let sparse: [Int64: Int]?

    init(_ glyphs: [Glyph], cell: Double = 24) {
        self.cell = cell
        let boxes = glyphs.map(\.box)
        self.boxes = boxes
        let columns = boxes.map { Self.index($0.x0, cell) }
        let firstRow = boxes.map { Self.index($0.y0, cell) }
        let lastRow = boxes.map { Self.index($0.y1, cell) }
        self.firstRow = firstRow
        var cx0 = 0, cx1 = -1, cy0 = 0, cy1 = -1
        if !boxes.isEmpty {
            cx0 = columns.min()!; cx1 = columns.max()!
            cy0 = firstRow.min()!; cy1 = max(lastRow.max()!, cy0)
        }
        self.cx0 = cx0; self.cx1 = cx1; self.cy0 = cy0; self.cy1 = cy1
        let width = cx1 - cx0 + 1, height = cy1 - cy0 + 1
        var sparse: [Int64: Int]? = nil
        var cellCount = width * height
        if width > 0 && height > 0 && (width > 4_096 || height > 4_096 || cellCount > max(1 << 16, 8 * boxes.count)) {
            var numbers: [Int64: Int] = [:]
            for i in boxes.indices where firstRow[i] <= lastRow[i] {
                for cy in firstRow[i]...lastRow[i] {
                    let key = Self.key(columns[i], cy)
                    if numbers[key] == nil { numbers[key] = numbers.count }
                }
            }
            sparse = numbers
            cellCount = numbers.count
        }
        self.sparse = sparse
        func number(_ cx: Int, _ cy: Int) -> Int {
            if let sparse { return sparse[Self.key(cx, cy)]! }
            return (cx - cx0) * height + (cy - cy0)
        }
        // Counting sort of (cell, glyph) pairs: glyphs in ascending order within each cell.
        var counts = [Int32](repeating: 0, count: max(0, cellCount) + 1)
        for i in boxes.indices where firstRow[i] <= lastRow[i] {
            for cy in firstRow[i]...lastRow[i] { counts[number(columns[i], cy) + 1] += 1 }
        }
        for c in 0..<max(0, cellCount) { counts[c + 1] += counts[c] }
        var fill = counts
        var items = [Int32](repeating: 0, count: Int(counts.last ?? 0))
        for i in boxes.indices where firstRow[i] <= lastRow[i] {
            for cy in firstRow[i]...lastRow[i] {
                let c = number(columns[i], cy)
                items[Int(fill[c])] = Int32(i)
                fill[c] += 1
            }
        }
        starts = counts
        self.items = items
    }

    /// Cell index of a coordinate; coordinates far off any page are clamped so a broken box cannot
    /// make the grid huge.
    private static func index(_ v: Double, _ cell: Double) -> Int {
        guard v.isFinite else { return 0 }
        return Int((min(max(v, -20_000), 200_000) / cell).rounded(.down))
    }
    private static func key(_ cx: Int, _ cy: Int) -> Int64 { Int64(cx) << 32 | Int64(UInt32(bitPattern: Int32(truncatingIfNeeded: cy))) }

    /// Calls `body` with each glyph whose left edge lies in `xStart` and whose box overlaps `y` (edges
    /// included), until it returns false. Cells are visited column by column, each column top to
    /// bottom, and a cell's glyphs in index order.
    func visit(xStart: ClosedRange<Double>, y: ClosedRange<Double>, _ body: (Int) -> Bool) {
        let qy0 = Self.index(y.lowerBound, cell), qy1 = Self.index(y.upperBound, cell)
        // Only occupied cells hold glyphs: the query is cut to the span they cover.
        let ax0 = max(Self.index(xStart.lowerBound, cell), cx0), ax1 = min(Self.index(xStart.upperBound, cell), cx1)
        let ay0 = max(qy0, cy0), ay1 = min(qy1, cy1)
        guard ax0 <= ax1 && ay0 <= ay1 else { return }
        let height = cy1 - cy0 + 1
        for cx in ax0...ax1 {
            for cy in ay0...ay1 {
                let c: Int
                if let sparse {
                    guard let found = sparse[Self.key(cx, cy)] else { continue }
                    c = found
                } else {
                    c = (cx - cx0) * height + (cy - cy0)
                }
                for k in Int(starts[c])..<Int(starts[c + 1]) {
                    let i = Int(items[k])
                    let b = boxes[i]
                    guard xStart.contains(b.x0), b.y1 >= y.lowerBound, b.y0 <= y.upperBound else { continue }
                    // A box spanning several rows of cells is filed in each; report it from its first
                    // row inside the query only.
                    if cy > qy0 && firstRow[i] < cy { continue }
                    if !body(i) { return }
                }
            }
        }
    }
}
