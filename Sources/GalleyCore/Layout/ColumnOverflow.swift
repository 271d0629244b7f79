/// Stage 1b (inside LineBuilder): lines that run on into the next column.
///
/// Contract: a line of CJK running text is split where it runs into the next column with little or
/// no white between (or overprints it): at a glyph that starts where that column's lines start (or
/// a paragraph indent after it, when nothing of the line stands in the indent), no more than
/// `overflowMaxOverlap` em into the glyph before it nor `overflowMaxGap` em after it, where the line
/// continues both columns, that is, where a line of its own column and a line of the next column lie
/// directly above it (or directly below it) at one line pitch. Other lines pass unchanged.
///
/// Why: CJK text fills its em grid, and a line set one character too long fills the gutter up to the
/// next column's first character (a gutter is often one em wide), or past it. No white is left
/// between them, so neither the gutter finder nor the gap test sees a gutter, and rows beside such
/// rows lose theirs too; the columns of the rows above and below still show where it is. Lines are
/// looked at from the top down, then from the bottom up, and the parts of a split line count as
/// column lines for the lines after them (a column may overflow on several rows in a row).
extension LineBuilder {
    func splittingColumnOverflow(_ lines: [TextLine], bodySize: Double) -> [TextLine] {
        let p = parameters
        let tol = p.overflowEdgeTolerance * bodySize
        guard tol > 0 else { return lines }
        // Running text: not display type (a story may be set a size above or below the page's body).
        func isBody(_ l: TextLine) -> Bool {
            !l.vertical && l.glyphs.count >= 2 && l.size < p.displaySizeRatio * bodySize
                && l.size >= p.overflowSmallest * bodySize
        }
        var all = lines
        // Body lines filed by where they start, in buckets `tol` wide.
        var byStart: [Int: [Int]] = [:]
        func bucket(_ x: Double) -> Int { Int.checked(x / tol, in: -(1 << 40)...(1 << 40)) }
        func file(_ i: Int) { byStart[bucket(all[i].box.x0), default: []].append(i) }
        for i in all.indices where isBody(all[i]) { file(i) }
        /// Whether any body line starts within `tol` of `x` (the cheap test, before the lists are built).
        func anyStarting(at x: Double) -> Bool {
            let k = bucket(x)
            return byStart[k - 1] != nil || byStart[k] != nil || byStart[k + 1] != nil
        }
        /// Body lines starting within `reach` points of `x`.
        func starting(near x: Double, reach: Double) -> [Int] {
            (bucket(x - reach) - 1...bucket(x + reach) + 1).flatMap { byStart[$0] ?? [] }
                .filter { abs(all[$0].box.x0 - x) <= reach }
        }
        /// The baseline distances (signed, + below) from `line` to those of `candidates` within a line
        /// pitch of it, of its size.
        func pitches(_ line: TextLine, _ candidates: [Int]) -> [Double] {
            candidates.compactMap { j in
                let o = all[j]
                let dy = o.box.y1 - line.box.y1
                guard abs(dy) > 0.5 * line.size, abs(dy) <= p.overflowPitchReach * line.size,
                      abs(o.size - line.size) <= p.overflowSizeTolerance * line.size else { return nil }
                return dy
            }
        }
        /// Where `line` runs into a next column: the indexes of the glyphs that start one.
        func cuts(_ line: TextLine) -> [Int] {
            let gs = line.glyphs
            var found: [Int] = []
            var columnStart = line.box.x0
            let indent = p.cjkIndent * line.size, part = p.overflowMinPart * line.size
            for k in 1..<gs.count {
                let a = gs[k - 1], b = gs[k]
                let gap = b.box.x0 - a.box.x1
                guard gap >= -p.overflowMaxOverlap * line.size, gap <= p.overflowMaxGap * line.size,
                      b.box.x0 - columnStart > part, isCJK(b), isCJK(a),
                      anyStarting(at: b.box.x0) || anyStarting(at: b.box.x0 - indent)
                else { continue }
                // Lines of the next column start where this glyph starts, or an indent before it where
                // the glyph opens a paragraph. Where the next column's lines start an indent before
                // the glyph, the glyph stands at an indent: it opens the column's row only if no glyph
                // of this line starts in the indent (one running in from the left may reach into it).
                let atIndent = starting(near: b.box.x0 - indent, reach: tol)
                if !atIndent.isEmpty,
                   gs.contains(where: { $0.box.x0 > b.box.x0 - indent + 0.5 * line.size && $0.box.x0 < b.box.x0 - tol }) {
                    continue
                }
                let next = (starting(near: b.box.x0, reach: tol) + atIndent)
                    .filter { all[$0].box.x1 > b.box.x0 + part }
                guard !next.isEmpty else { continue }
                // Lines of this column: starting where this part starts, give or take a paragraph
                // indent, and ending by the next column's start.
                let own = starting(near: columnStart, reach: p.indentTolerance * line.size)
                    .filter { all[$0].box.x1 <= b.box.x0 + tol }
                let nextPitches = pitches(line, next), ownPitches = pitches(line, own)
                let continuesBoth = nextPitches.contains { n in
                    ownPitches.contains { o in (n > 0) == (o > 0) && abs(n - o) <= p.overflowPitchTolerance * line.size }
                }
                if continuesBoth {
                    found.append(k)
                    columnStart = b.box.x0
                }
            }
            return found
        }
        // From the top down, then from the bottom up: the rows of an overflowing column confirm one
        // another once split, whichever end of the column they are at.
        let topDown = all.indices.sorted { all[$0].box.y0 < all[$1].box.y0 }
        for i in topDown + topDown.reversed() where isBody(all[i]) && all[i].glyphs.contains(where: isCJK) {
            let found = cuts(all[i])
            guard !found.isEmpty else { continue }
            let gs = all[i].glyphs
            var parts: [TextLine] = []
            var from = 0
            for k in found + [gs.count] {
                let part = Array(gs[from..<k])
                parts.append(TextLine(glyphs: part, text: text(of: part)))
                from = k
            }
            all[i] = parts[0]
            for part in parts.dropFirst() {
                all.append(part)
                file(all.count - 1)
            }
        }
        return all
    }
}
