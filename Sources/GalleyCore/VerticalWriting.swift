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
        let order = glyphs.indices.sorted { glyphs[$0].box.x0 < glyphs[$1].box.x0 }
        let xs = order.map { glyphs[$0].box.x0 }

        // Indexes of glyphs whose x-start lies in [lo, hi], found by binary search over the sorted starts.
        func candidates(_ lo: Double, _ hi: Double) -> ArraySlice<Int> {
            var a = 0, b = xs.count
            while a < b { let m = (a + b) / 2; if xs[m] < lo { a = m + 1 } else { b = m } }
            var e = a
            while e < xs.count && xs[e] <= hi { e += 1 }
            return order[a..<e]
        }

        func hasSideNeighbour(_ i: Int) -> Bool {
            let g = glyphs[i].box, reach = sideGap * glyphs[i].size
            for j in candidates(g.x0 - reach - 3 * glyphs[i].size, g.x1 + reach) where j != i {
                let o = glyphs[j].box
                guard o.verticalOverlap(g) > 0.5 * min(o.height, g.height) else { continue }
                let gap = o.x0 >= g.x1 ? o.x0 - g.x1 : (g.x0 >= o.x1 ? g.x0 - o.x1 : 0)
                if gap <= reach { return true }
            }
            return false
        }

        func below(_ i: Int) -> Int? {
            let g = glyphs[i].box, size = glyphs[i].size
            var best: (Int, Double)?
            for j in candidates(g.x0 - size, g.x1 + size) where j != i {
                let o = glyphs[j].box
                guard min(abs(o.midX - g.midX), abs(o.x0 - g.x0)) <= alignTolerance * size, abs(glyphs[j].size - size) <= 0.1 * size else { continue }
                let gap = o.y0 - g.y1
                guard o.y0 > g.y0 + 0.5 * size, gap <= maxGap * size else { continue }
                if best == nil || gap < best!.1 { best = (j, gap) }
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
            for j in candidates(g.x0 - reach - 3 * size, g.x1 + reach) where j != i && !inRun[j] {
                let o = glyphs[j].box
                guard abs(glyphs[j].size - size) <= 0.15 * size,
                      abs(o.y0 - g.y0) <= 0.2 * size, abs(o.y1 - g.y1) <= 0.2 * size else { continue }
                let gap = o.x0 >= g.x1 ? o.x0 - g.x1 : (g.x0 >= o.x1 ? g.x0 - o.x1 : 0)
                if gap <= reach { return true }
            }
            return false
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
