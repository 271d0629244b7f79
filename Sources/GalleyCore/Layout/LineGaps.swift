/// The gap tests of `LineBuilder`: whether the white between two fragments on one baseline is a column
/// gutter (see the type's documentation for the rules). Kept apart from the line building itself, which
/// only asks them.
extension LineBuilder {
    /// True where the white between `x0` and `x1` at height `y` holds one of the page's gutter boxes
    /// (`GutterFinder`, sorted by top edge).
    /// True where one of `rules` (column rules and frame sides, from `verticalRules`) runs through the
    /// gap from `x0` to `x1` at height `y`.
    func ruleBetween(_ x0: Double, _ x1: Double, y: Double, rules: [Rect]) -> Bool {
        rules.contains { r in r.x1 > x0 - 0.5 && r.x0 < x1 + 0.5 && r.y0 < y && r.y1 > y }
    }

    func crossesGutter(from x0: Double, to x1: Double, y: Double, gutters: [Rect], bodySize: Double) -> Bool {
        gutter(from: x0, to: x1, within: 0, of: y, gutters: gutters, bodySize: bodySize)
    }

    /// True where one of the page's gutter boxes lies in the white between `x0` and `x1` within
    /// `gutterTraceReach` em (of body size) above or below `y`.
    func gutterNear(from x0: Double, to x1: Double, y: Double, gutters: [Rect], bodySize: Double) -> Bool {
        gutter(from: x0, to: x1, within: parameters.gutterTraceReach * bodySize, of: y, gutters: gutters,
               bodySize: bodySize)
    }

    /// True where a gutter box (all one band tall, so sorted by top and bottom edge alike) reaches from
    /// `reach` above `y` to `reach` below it and overlaps the white between `x0` and `x1` by at least
    /// `gutterMinOverlap` em of body (or half the box's width).
    private func gutter(from x0: Double, to x1: Double, within reach: Double, of y: Double, gutters: [Rect],
                        bodySize: Double) -> Bool {
        let need = parameters.gutterMinOverlap * bodySize
        var k = gutters.partitioningIndex { $0.y1 >= y - reach }
        while k < gutters.count, gutters[k].y0 <= y + reach {
            let g = gutters[k]
            if g.y1 >= y - reach, min(g.x1, x1) - max(g.x0, x0) >= min(need, 0.5 * g.width) { return true }
            k += 1
        }
        return false
    }

    /// True where the gap between `leftEdge` and `right` holds a column gutter: at `right`'s start, or,
    /// where `right` opens an indented paragraph, at the start of the lines just above or below it.
    func gutterBetween(leftEdge: Double, right: Rect, size: Double, index: GlyphIndex, leftLast: Glyph? = nil,
                       traced: () -> Bool = { false }) -> Bool {
        if isGutter(leftEdge: leftEdge, right: right, size: size, index: index, leftLast: leftLast, traced: traced) {
            return true
        }
        guard right.x0 - leftEdge >= 1.0 * size else { return false }
        var candidates: [Double] = []
        index.forEach(x0: leftEdge + 0.25 * size, x1: right.x0 - 0.25 * size,
                      y0: right.midY - 3 * size, y1: right.midY + 3 * size) { i in
            let b = index.boxes[i]
            guard b.x0 > leftEdge + 0.25 * size, b.x0 < right.x0 - 0.25 * size,
                  abs(b.midY - right.midY) <= 3 * size,
                  !candidates.contains(where: { abs($0 - b.x0) < 0.25 * size }) else { return }
            candidates.append(b.x0)
        }
        for x in candidates.sorted().prefix(4) {
            let edge = Rect(x0: x, y0: right.y0, x1: x + size, y1: right.y1)
            if isGutter(leftEdge: leftEdge, right: edge, size: size, index: index, leftLast: leftLast, traced: traced) {
                return true
            }
        }
        return false
    }

    /// True where the gap before `right` is a column gutter: the band just left of `right` is blank over
    /// a tall strip, and other lines in that strip start flush with `right` (a column's left edge).
    /// Word spaces of justified text may line up by chance over a few lines (rivers), but the words after
    /// them rarely start at the same x as well.
    func isGutter(leftEdge: Double, right: Rect, size: Double, index: GlyphIndex, leftLast: Glyph? = nil,
                  traced: () -> Bool = { false }) -> Bool {
        let bx1 = right.x0 - 0.02 * size
        // Where the left text runs into `right` (a line overflowing its column), the band before `right`
        // is still looked at: the overflowing line itself does not count (other rows only).
        let band = right.x0 - parameters.gutterBand * size
        let bx0 = (leftEdge < right.x0 ? max(leftEdge, band) : band) + 0.02 * size
        guard bx1 > bx0 else { return false }
        // Only a window around the line matters: a strip taller than the window is tall enough.
        // Blank beyond the page's text (above its first line, below its last) is no evidence of a gutter.
        let reach = parameters.gutterWindow * size
        var top = max(right.midY - reach, index.extent.y0), bottom = min(right.midY + reach, index.extent.y1)
        let mid = right.midY
        let minHeight = parameters.gutterMinHeight * size
        // The blank strip only shrinks as glyphs are seen, so the rows right around the line are looked at
        // first: there a word space (the usual case) is already ruled out. The window's glyphs include these.
        for window in [minHeight / 2, reach] {
            index.forEach(x0: bx0, x1: bx1, y0: max(mid - window, top), y1: min(mid + window, bottom)) { i in
                let b = index.boxes[i]
                guard b.x1 > bx0, b.x0 < bx1, abs(b.midY - right.midY) > 0.3 * size else { return }
                if b.midY < mid { top = max(top, b.y1) } else { bottom = min(bottom, b.y0) }
            }
            guard bottom - top >= minHeight else { return false }
        }
        let height = bottom - top
        // The other rows in the strip, with where each starts; most must start where `right` starts.
        let tol = parameters.gutterAlign * size
        var rows: [(y: Double, x: Double)] = []
        index.forEach(x0: right.x0 - tol, x1: right.x0 + 3 * size, y0: top, y1: bottom) { i in
            let b = index.boxes[i], gs = index.sizes[i]
            guard b.x0 >= right.x0 - tol, b.x0 <= right.x0 + 3 * size,
                  max(gs, size) / max(0.01, min(gs, size)) <= parameters.lineSizeRatio,
                  b.midY > top, b.midY < bottom, abs(b.midY - mid) > 0.5 * size else { return }
            if let k = rows.firstIndex(where: { abs($0.y - b.midY) < 0.5 * size }) {
                rows[k].x = min(rows[k].x, b.x0)
            } else {
                rows.append((b.midY, b.x0))
            }
        }
        let aligned = rows.filter { abs($0.x - right.x0) <= tol }.count
        guard aligned >= 1, Double(aligned) >= parameters.gutterAlignedShare * Double(rows.count) else { return false }
        guard aligned >= 2 || height >= parameters.gutterLongHeight * size else { return false }
        // Between Latin words (`leftLast`, the last glyph before the gap, not CJK) the left side must
        // look like a column's end too.
        guard let last = leftLast, !isCJK(last) else { return true }
        return endsFlush(leftEdge: leftEdge, last: last, right: right, size: size, top: top, bottom: bottom,
                         index: index, traced: traced)
    }

    /// True where the text left of a gutter candidate ends flush: in the strip `top`...`bottom`, most rows
    /// that have text within `gutterEdgeReach` em left of `right` end at one x (the column's right edge),
    /// the line at hand does not run past it, and at least `gutterMinGap` em of white lies between that
    /// edge and `right` (with no such rows, at least that much white before `right`); or, for ragged
    /// text, every row (this one too) ends at least `gutterRaggedGap` em short of `right` and a traced
    /// gutter passes through the gap nearby (`traced`). Latin word spaces of justified text line up into rivers where the words after
    /// them start flush by chance; the words before a river end anywhere.
    func endsFlush(leftEdge: Double, last: Glyph, right: Rect, size: Double, top: Double, bottom: Double,
                   index: GlyphIndex, traced: () -> Bool) -> Bool {
        let reach = parameters.gutterEdgeReach * size, tol = parameters.gutterEndTolerance * size
        let hang = parameters.gutterHang * size
        let limit = right.x0 - 0.02 * size
        // Each row's end, and whether it ends in punctuation (which may hang past the edge).
        var ends: [(y: Double, x: Double, punct: Bool)] = [(right.midY, leftEdge, isPunctuation(last))]
        index.forEach(x0: right.x0 - reach, x1: limit, y0: top, y1: bottom) { i in
            let b = index.boxes[i], gs = index.sizes[i]
            guard b.x1 <= limit, b.x1 >= right.x0 - reach, b.midY > top, b.midY < bottom,
                  abs(b.midY - right.midY) > 0.5 * size,
                  max(gs, size) / max(0.01, min(gs, size)) <= parameters.lineSizeRatio else { return }
            if let k = ends.firstIndex(where: { abs($0.y - b.midY) < 0.5 * size }) {
                if b.x1 > ends[k].x { ends[k].x = b.x1; ends[k].punct = isPunctuation(index.glyphs[i]) }
            } else {
                ends.append((b.midY, b.x1, isPunctuation(index.glyphs[i])))
            }
        }
        // No other text beside it on the left (a column of one line, or display type around): the gap
        // itself must be gutter-wide.
        guard ends.count >= 2 else { return right.x0 - leftEdge >= parameters.gutterMinGap * size }
        // The edge most rows end at (letters on it, punctuation on it or hanging a little past it).
        func onEdge(_ r: (y: Double, x: Double, punct: Bool), _ e: Double) -> Bool {
            r.x >= e - tol && r.x <= e + (r.punct ? hang : tol)
        }
        var best = 0, edge = leftEdge
        for e in ends.map(\.x) {
            let n = ends.filter { onEdge($0, e) }.count
            if n > best || (n == best && e < edge) { best = n; edge = e }
        }
        let flush = best >= parameters.gutterFlushRows && Double(best) >= parameters.gutterAlignedShare * Double(ends.count)
            && (leftEdge <= edge || onEdge(ends[0], edge))
            && right.x0 - edge >= parameters.gutterMinGap * size
        if flush { return true }
        // Ragged text (unjustified, or an OCR layer) ends anywhere, but well short of the next column; and
        // the page's gutters (GutterFinder) run through this gap just above or below (where the finder's
        // trace stops short of a column's first or last lines). The very wide spaces before the last word
        // of justified lines in a narrow column are no such gap.
        return ends.allSatisfy { right.x0 - $0.x >= parameters.gutterRaggedGap * size } && traced()
    }
}
