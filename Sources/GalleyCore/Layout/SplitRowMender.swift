/// Stage 1b: lines → lines, with short rows that a gutter split put back together.
///
/// Contract: returns the same glyphs in lines; where several body-size pieces stand on one baseline,
/// close together (at most `rowMendGap` em apart), and form a short row standing on its own, they become
/// one line again. "Standing on its own": no line of about their size lies directly above or below any
/// piece (within `rowMendIsolation` em), so the pieces are nobody's column text. And the row reads like
/// a byline (newspaper byline conventions) or is centred under the larger type right above it (the
/// byline or dateline set under a headline). Everything else passes through unchanged.
///
/// Conversely, a byline set after a wide gap on one line with other text (By STAFF WRITER beside a
/// column's first line) is split off as a line of its own.
///
/// Why: a byline centred under a headline spanning several columns crosses the gutters of the columns
/// under it (本报记者　林晓峰　周敏); the line builder splits it at the gutter, and its pieces then join
/// the column tops below as if they were the columns' first lines.
public struct SplitRowMender: Sendable {
    public var parameters: LayoutParameters
    public init(parameters: LayoutParameters = .standard) { self.parameters = parameters }

    public func mend(_ lines: [TextLine], bodySize: Double) -> [TextLine] {
        let lines = splitBylines(lines, bodySize: bodySize)
        let p = parameters
        let horizontal = lines.indices.filter { !lines[$0].vertical && !lines[$0].glyphs.isEmpty }
        // Rows: pieces on one baseline and of one size, each sorted left to right.
        var rows: [[Int]] = []
        var taken = [Bool](repeating: false, count: lines.count)
        let byTop = horizontal.sorted { lines[$0].box.midY < lines[$1].box.midY }
        for (n, i) in byTop.enumerated() where !taken[i] {
            var row = [i]
            taken[i] = true
            for j in byTop[(n + 1)...] {
                let a = lines[i], b = lines[j]
                let s = min(a.size, b.size)
                if b.box.midY - a.box.midY > p.baselineTolerance * s { break }
                guard !taken[j], max(a.size, b.size) / max(0.01, s) <= p.blockSizeRatio else { continue }
                row.append(j)
                taken[j] = true
            }
            if row.count >= 2 { rows.append(row.sorted { lines[$0].box.x0 < lines[$1].box.x0 }) }
        }
        var merged: [[Int]] = []
        for row in rows {
            var run = [row[0]]
            func close() {
                if run.count >= 2, shouldMend(run, lines: lines, bodySize: bodySize) { merged.append(run) }
            }
            for j in row.dropFirst() {
                let prev = lines[run.last!], cur = lines[j]
                let gap = cur.box.x0 - prev.box.x1
                if gap >= -0.1 * cur.size && gap <= p.rowMendGap * min(prev.size, cur.size) {
                    run.append(j)
                } else {
                    close()
                    run = [j]
                }
            }
            close()
        }
        guard !merged.isEmpty else { return lines }
        let builder = LineBuilder(parameters: p)
        var drop = [Bool](repeating: false, count: lines.count)
        var out = lines
        for run in merged {
            let glyphs = run.flatMap { lines[$0].glyphs }.sorted { $0.box.x0 < $1.box.x0 }
            out[run[0]] = TextLine(glyphs: glyphs, text: builder.text(of: glyphs))
            for k in run.dropFirst() { drop[k] = true }
        }
        return out.indices.filter { !drop[$0] }.map { out[$0] }
    }

    /// Lines holding a byline after a wide gap (By STAFF WRITER set on the baseline of a column's first
    /// line, 记者 … set after a paragraph's short last line) give the byline a line of its own.
    func splitBylines(_ lines: [TextLine], bodySize: Double) -> [TextLine] {
        let p = parameters
        let grouper = ArticleGrouper(parameters: p), builder = LineBuilder(parameters: p)
        var out: [TextLine] = []
        for line in lines {
            guard !line.vertical, line.glyphs.count >= 4, line.size < p.displaySizeRatio * bodySize else {
                out.append(line); continue
            }
            let gs = line.glyphs
            var cut: Int?
            for k in 1..<gs.count where gs[k].box.x0 - gs[k - 1].box.x1 >= p.bylineGap * line.size {
                cut = k
            }
            guard let k = cut else { out.append(line); continue }
            let right = Array(gs[k...]), left = Array(gs[..<k])
            let rightText = builder.text(of: right)
            guard grouper.isByline(rightText) else { out.append(line); continue }
            out.append(TextLine(glyphs: left, text: builder.text(of: left)))
            out.append(TextLine(glyphs: right, text: rightText))
        }
        return out
    }

    /// True where the pieces `run` (left to right, one baseline) are one short row standing on its own.
    func shouldMend(_ run: [Int], lines: [TextLine], bodySize: Double) -> Bool {
        let p = parameters
        let pieces = run.map { lines[$0] }
        let size = pieces.map(\.size).max()!
        // Body-size text only: display type has its own splitting rules.
        guard size < p.displaySizeRatio * bodySize else { return false }
        let box = Rect.union(pieces.map(\.box))!
        let text = pieces.map(\.text).joined(separator: " ")
        guard text.count <= 2 * p.maxBylineChars else { return false }
        // Nobody's column text: no line of about this size directly above or below a piece.
        guard isolated(run, pieces: pieces, size: size, lines: lines) else { return false }
        if ArticleGrouper(parameters: p).isByline(text) { return true }
        let others = lines.indices.filter { !run.contains($0) && !lines[$0].vertical }
        // Centred under the larger type right above it (a headline or deck), and narrower than that.
        let above = others.filter { k in
            let o = lines[k]
            return o.box.y1 <= box.y0 + 0.3 * size && o.box.horizontalOverlap(box) > 0
        }.max { lines[$0].box.y1 < lines[$1].box.y1 }
        guard let a = above.map({ lines[$0] }), a.size >= p.displayRatio * size,
              box.y0 - a.box.y1 <= p.kickerDistance * size else { return false }
        return abs(box.midX - a.box.midX) <= p.centreTolerance * a.size && box.width <= 0.8 * a.box.width
    }

    /// True where no other horizontal line of about `size` lies within `rowMendIsolation` em directly
    /// above or below one of `pieces` (the lines `run`). Lines come top to bottom, so the search starts
    /// at the run and works outwards: the pieces of split column text meet such a neighbour at once.
    func isolated(_ run: [Int], pieces: [TextLine], size: Double, lines: [TextLine]) -> Bool {
        let p = parameters, reach = p.rowMendIsolation * size
        func crowds(_ k: Int) -> Bool {
            let o = lines[k]
            guard !run.contains(k), !o.vertical,
                  max(o.size, size) / max(0.01, min(o.size, size)) <= p.lineSizeRatio else { return false }
            return pieces.contains { piece in
                guard o.box.horizontalOverlap(piece.box) > 0 else { return false }
                let gap = o.box.y0 >= piece.box.midY ? o.box.y0 - piece.box.y1 : piece.box.y0 - o.box.y1
                return gap < reach
            }
        }
        var (down, up) = (run[0], run[0] - 1)    // the next lines to look at below and above
        while down < lines.count || up >= 0 {
            if down < lines.count { if crowds(down) { return false }; down += 1 }
            if up >= 0 { if crowds(up) { return false }; up -= 1 }
        }
        return true
    }
}
