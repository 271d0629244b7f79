import Foundation

/// The environment, read once per process for the layout's debugging switches (building it costs more
/// than laying out a small page's lines).
let debugEnvironment = ProcessInfo.processInfo.environment

/// Debugging aid: GALLEY_SPLIT_DEBUG=1 writes every body line split at a gap to standard error, with the test
/// that split it (finder: a GutterFinder gutter; local: the gap's own gutter test).
let debugSplits = debugEnvironment["GALLEY_SPLIT_DEBUG"] != nil

/// Stage 1: glyphs → lines.
///
/// Contract: every glyph ends up in exactly one line. Horizontal glyphs form lines left to right; a line
/// never crosses a column gutter or a vertical rule. Vertical glyphs (`Glyph.vertical`) form vertical lines
/// read top to bottom. Lines come out sorted top to bottom, then left to right.
///
/// How: glyphs first chain into tight fragments (gaps up to `fragmentGap` em), then fragments on one
/// baseline join into lines unless the gap between them is a gutter. A gap is a gutter when a vertical
/// rule runs through it, or when a narrow band just left of the right-hand fragment is blank for at least
/// `gutterMinHeight` em above and below: column gutters run down many lines, while the wide word spaces of
/// justified text (or the ideographic space after 本报讯) do not line up over several lines. The band is
/// measured at the right-hand fragment's start because columns start flush, whereas overflowing
/// punctuation may poke into a gutter from the left.
/// Besides, the gutters `GutterFinder` traces through the white space of the whole page split body-size
/// lines wherever a gap holds one: that test survives the noisy glyph boxes of OCR text layers.
/// Blank space above the page's first line or below its last is no evidence of a gutter.
/// Between Latin words the band test alone is fooled by rivers (word spaces of justified text lining up,
/// the words after them starting level by chance), so there the text left of the gap must end flush as
/// well (at least three rows on one edge, at least `gutterMinGap` em short of the next column), or, for
/// ragged text, every row must end well short of it with a traced gutter running through it nearby.
/// A line that runs into the next column (CJK overflow) is still split where that column starts, and glyphs
/// touching across a column rule never share a fragment.
public struct LineBuilder: Sendable {
    public var parameters: LayoutParameters
    public init(parameters: LayoutParameters = .standard) { self.parameters = parameters }

    public func lines(from glyphs: [Glyph], rules: [Rule] = [], bodySize: Double) -> [TextLine] {
        var horizontal: [Glyph] = [], vertical: [Glyph] = []
        horizontal.reserveCapacity(glyphs.count)
        for g in glyphs {
            if g.vertical { vertical.append(g) } else if !g.box.isEmpty { horizontal.append(g) }
        }
        let index = GlyphIndex(horizontal, bucket: max(4, 2 * bodySize))
        let fragments = self.fragments(horizontal, rules: rules)
        let gutters = GutterFinder(parameters: parameters).gutters(boxes: horizontal.map(\.box), bodySize: bodySize)
        var lines = joinFragments(fragments, glyphs: horizontal, index: index, rules: rules, gutters: gutters,
                                  bodySize: bodySize)
        lines += verticalLines(vertical)
        lines.sort { a, b in
            abs(a.box.y0 - b.box.y0) > 0.3 * min(a.size, b.size) ? a.box.y0 < b.box.y0 : a.box.x0 < b.box.x0
        }
        return lines
    }

    // MARK: Fragments

    /// Tight runs of glyphs (indexes into `glyphs`), each sorted left to right.
    ///
    /// A sweep in x order: each glyph joins the fragment, among those whose last glyph shares its baseline
    /// and ends just before it (no column rule or frame edge between their centres), whose last glyph is
    /// closest in height (the earliest on a tie), or starts a new one. Fragments are found through buckets of their last glyph's centre and bottom (the baseline
    /// test compares either), so that a glyph looks at the fragments of its own row only.
    func fragments(_ glyphs: [Glyph], rules: [Rule] = []) -> [[Int]] {
        let n = glyphs.count
        guard n > 0 else { return [] }
        // Column rules and frame edges: text running over one (a line overflowing its column) stops there.
        let walls = rules.flatMap { r -> [Rect] in
            switch r.kind {
            case .vertical: return [r.box]
            case .frame: return [Rect(x0: r.box.x0, y0: r.box.y0, x1: r.box.x0, y1: r.box.y1),
                                 Rect(x0: r.box.x1, y0: r.box.y0, x1: r.box.x1, y1: r.box.y1)]
            case .horizontal, .fill: return []
            }
        }
        // What the test needs of each glyph, unpacked once.
        var x0 = [Double](repeating: 0, count: n), x1 = x0, midY = x0, y1 = x0, size = x0
        var cjk = [Bool](repeating: false, count: n)
        for i in 0..<n {
            let b = glyphs[i].box
            x0[i] = b.x0; x1[i] = b.x1; midY[i] = b.midY; y1[i] = b.y1; size[i] = glyphs[i].size
            cjk[i] = glyphs[i].text.unicodeScalars.first.map(Script.isCJK) ?? false
        }
        // Left to right; glyphs starting at one x in their input order.
        let order = StableOrder.ascending(x0)
        let cell = max(0.01, parameters.baselineTolerance * (LineBuilder.medianPositive(size) ?? 1))
        var frags: [[Int]] = []
        var right: [Double] = []      // right edge of each fragment
        var lastOf: [Int] = []        // the glyph appended last to each fragment
        // Fragments by their last glyph's centre and bottom.
        var byMid = RowBuckets(cell: cell, low: midY.min()!, high: midY.max()!)
        var byBottom = RowBuckets(cell: cell, low: y1.min()!, high: y1.max()!)
        let tol = parameters.baselineTolerance, ratio = parameters.lineSizeRatio
        for i in order {
            let gx0 = x0[i], gs = size[i]
            var best = -1
            var bestDy = Double.infinity
            let reach = tol * gs
            func visit(_ rows: inout RowBuckets, _ y: Double, mid: Bool) {
                for k in rows.rows(around: y, reach: reach) {
                    var j = 0
                    while j < rows.count(row: k) {
                        let f = rows.item(j, row: k), last = lastOf[f]
                        // Stale (the fragment's last glyph has moved to another row) or closed for good.
                        if rows.row(mid ? midY[last] : y1[last]) != k || right[f] < gx0 - 2 * size[last] {
                            rows.remove(at: j, row: k); continue
                        }
                        j += 1
                        let s = min(size[last], gs), big = max(size[last], gs)
                        guard s > 0, big / s <= ratio,
                              min(abs(midY[last] - midY[i]), abs(y1[last] - y1[i])) <= tol * s else { continue }
                        let gap = gx0 - right[f]
                        guard gap <= parameters.fragmentGap * s, gap >= -0.6 * s else { continue }
                        // CJK glyphs never overlap within a line: an overlap is text running into the next column.
                        if gap < -parameters.overlapSplit * s, cjk[last], cjk[i] { continue }
                        // A rule between the two glyphs' centres separates them, however close they are.
                        if !walls.isEmpty {
                            let a = (x0[last] + x1[last]) / 2, b = (x0[i] + x1[i]) / 2
                            if walls.contains(where: { $0.midX > a && $0.midX < b && $0.y0 < midY[i] && $0.y1 > midY[i] }) {
                                continue
                            }
                        }
                        let dy = abs(midY[last] - midY[i])
                        if dy < bestDy || (dy == bestDy && f < best) { bestDy = dy; best = f }
                    }
                }
            }
            visit(&byMid, midY[i], mid: true)
            visit(&byBottom, y1[i], mid: false)
            var (f, newMid, newBottom) = (frags.count, true, true)
            if best >= 0 {
                f = best
                let prev = lastOf[f]
                (newMid, newBottom) = (byMid.row(midY[prev]) != byMid.row(midY[i]),
                                       byBottom.row(y1[prev]) != byBottom.row(y1[i]))
                frags[f].append(i)
                right[f] = max(right[f], x1[i])
                lastOf[f] = i
            } else {
                frags.append([i])
                right.append(x1[i])
                lastOf.append(i)
            }
            if newMid { byMid.file(f, row: byMid.row(midY[i])) }
            if newBottom { byBottom.file(f, row: byBottom.row(y1[i])) }
        }
        return frags
    }

    /// The median of the positive values (the upper one of an even count), nil for none. Counted by
    /// distinct value (a page sets its glyphs in a few dozen sizes), not sorted.
    static func medianPositive(_ values: [Double]) -> Double? {
        var counts: [Double: Int] = [:]
        var n = 0
        // Runs of one value (the glyphs of a line) are counted first and filed once.
        var run = (value: 0.0, count: 0)
        for v in values where v > 0 {
            n += 1
            if v == run.value { run.count += 1; continue }
            if run.count > 0 { counts[run.value, default: 0] += run.count }
            run = (v, 1)
        }
        if run.count > 0 { counts[run.value, default: 0] += run.count }
        guard n > 0 else { return nil }
        var seen = 0
        for (v, c) in counts.sorted(by: { $0.key < $1.key }) {
            seen += c
            if seen > n / 2 { return v }
        }
        return nil
    }

    func sameBaseline(_ a: Glyph, _ b: Glyph, tolerance: Double) -> Bool {
        let big = max(a.size, b.size), small = min(a.size, b.size)
        guard small > 0, big / small <= parameters.lineSizeRatio else { return false }
        // Compare bottoms and centres: mixed sizes share a baseline, not a centre.
        let dy = min(abs(a.box.midY - b.box.midY), abs(a.box.y1 - b.box.y1))
        return dy <= tolerance * small
    }

    // MARK: Fragments → lines

    func joinFragments(_ frags: [[Int]], glyphs: [Glyph], index: GlyphIndex, rules: [Rule], gutters: [Rect] = [],
                       bodySize: Double) -> [TextLine] {
        struct Frag { var glyphs: [Int]; var box: Rect; var size: Double }
        let boxes = glyphs.map(\.box), glyphSizes = glyphs.map(\.size)
        let items: [Frag] = frags.map { f in
            var box = boxes[f[0]]
            for g in f.dropFirst() { box = box.union(boxes[g]) }
            let sizes = f.map { glyphSizes[$0] }.sorted()
            return Frag(glyphs: f, box: box, size: sizes[sizes.count / 2])
        }
        let order = StableOrder.ascending(items.map(\.box.x0))
        let verticalRules = rules.flatMap { r -> [Rect] in
            switch r.kind {
            case .vertical: return [r.box]
            case .frame, .fill:
                return [Rect(x0: r.box.x0, y0: r.box.y0, x1: r.box.x0 + 0.5, y1: r.box.y1),
                        Rect(x0: r.box.x1 - 0.5, y0: r.box.y0, x1: r.box.x1, y1: r.box.y1)]
            case .horizontal: return []
            }
        }
        var lines: [[Int]] = []       // fragment indexes
        var lineBox: [Rect] = []
        var lineSize: [Double] = []
        var closed: [Bool] = []       // split off: takes no more fragments
        var lastOf: [Int] = []        // each line's last glyph
        func lastGlyphOf(_ l: Int) -> Glyph { glyphs[lastOf[l]] }
        // Open lines by their last glyph's centre and bottom (the baseline test compares either).
        let cell = max(0.01, parameters.baselineTolerance * (LineBuilder.medianPositive(glyphs.map(\.size)) ?? 1))
        let mids = glyphs.map(\.box.midY), bottoms = glyphs.map(\.box.y1)
        var byMid = RowBuckets(cell: cell, low: mids.min() ?? 0, high: mids.max() ?? 0)
        var byBottom = RowBuckets(cell: cell, low: bottoms.min() ?? 0, high: bottoms.max() ?? 0)
        let tol = parameters.baselineTolerance
        for fi in order {
            let f = items[fi]
            let first = f.glyphs.first!
            let fMid = glyphs[first].box.midY, fBottom = glyphs[first].box.y1, fSize = glyphs[first].size
            var best: Int?
            var bestGap = Double.infinity
            let reach = tol * fSize
            func visit(_ rows: inout RowBuckets, _ y: Double, mid: Bool) {
                for k in rows.rows(around: y, reach: reach) {
                    var j = 0
                    while j < rows.count(row: k) {
                        let l = rows.item(j, row: k), last = lastOf[l]
                        let gap = f.box.x0 - lineBox[l].x1
                        // Stale (the line's last glyph is in another row now), split off, or out of reach
                        // for good (lines only grow to the right, fragments come left to right).
                        if closed[l] || rows.row(mid ? mids[last] : bottoms[last]) != k
                            || gap > parameters.maxWordGap * lineSize[l] {
                            rows.remove(at: j, row: k); continue
                        }
                        j += 1
                        let ls = glyphs[last].size
                        let small = min(ls, fSize)
                        guard small > 0, max(ls, fSize) / small <= parameters.lineSizeRatio,
                              min(abs(mids[last] - fMid), abs(bottoms[last] - fBottom)) <= tol * small,
                              gap >= -0.3 * f.size else { continue }
                        if gap < bestGap || (gap == bestGap && l < best!) { bestGap = gap; best = l }
                    }
                }
            }
            visit(&byMid, fMid, mid: true)
            visit(&byBottom, fBottom, mid: false)
            func file(_ l: Int, after prev: Int?) {
                let g = lastOf[l]
                if prev.map({ byMid.row(mids[$0]) != byMid.row(mids[g]) }) ?? true {
                    byMid.file(l, row: byMid.row(mids[g]))
                }
                if prev.map({ byBottom.row(bottoms[$0]) != byBottom.row(bottoms[g]) }) ?? true {
                    byBottom.file(l, row: byBottom.row(bottoms[g]))
                }
            }
            if let l = best {
                let left = lineBox[l]
                let s = max(lineSize[l], f.size)
                let display = s >= parameters.displaySizeRatio * bodySize
                let ruled = verticalRules.contains { r in
                    r.x1 > left.x1 - 0.5 && r.x0 < f.box.x0 + 0.5 && r.y0 < f.box.midY && r.y1 > f.box.midY
                }
                var split = ruled
                if !split && (bestGap > parameters.fragmentGap * s || bestGap < -parameters.overlapSplit * s) {
                    if display {
                        // Display type: two headlines side by side, or one headline with a word space.
                        let a = lastGlyphOf(l), b = glyphs[f.glyphs.first!]
                        let differ = a.font != b.font || abs(a.size - b.size) > 0.05 * s
                        split = bestGap >= parameters.displayGutter * s
                            || (differ && bestGap >= parameters.displayStyleGap * s)
                    } else {
                        let cg = crossesGutter(from: left.x1, to: f.box.x0, y: f.box.midY, gutters: gutters,
                                              bodySize: bodySize)
                        split = cg
                            || gutterBetween(leftEdge: left.x1, right: f.box, size: min(lineSize[l], f.size),
                                             index: index,
                                             leftLast: isCJK(glyphs[f.glyphs.first!]) ? nil : lastGlyphOf(l),
                                             traced: { gutterNear(from: left.x1, to: f.box.x0, y: f.box.midY,
                                                                  gutters: gutters, bodySize: bodySize) })
                        if split, debugSplits {
                            let lt = text(of: lines[l].flatMap { items[$0].glyphs }.map { glyphs[$0] }.sorted { $0.box.x0 < $1.box.x0 })
                            let rt = text(of: f.glyphs.map { glyphs[$0] })
                            FileHandle.standardError.write(Data(("SPLIT \(cg ? "finder" : "local") em=\(String(format: "%.2f", (f.box.x0 - left.x1) / min(lineSize[l], f.size))) y=\(Int(f.box.midY)) x=\(Int(left.x1))-\(Int(f.box.x0)) [\(lt.suffix(20))] | [\(rt)]\n").utf8))
                        }
                    }
                }
                if !split {
                    let prev = lastOf[l]
                    lines[l].append(fi)
                    lineBox[l] = lineBox[l].union(f.box)
                    lastOf[l] = f.glyphs.last!
                    file(l, after: prev)
                    continue
                }
                closed[l] = true
            }
            lines.append([fi])
            lineBox.append(f.box)
            lineSize.append(f.size)
            closed.append(false)
            lastOf.append(f.glyphs.last!)
            file(lines.count - 1, after: nil)
        }
        // Each line's glyphs left to right (sorted as indexes: moving glyphs would copy their strings).
        let starts = glyphs.map(\.box.x0)
        return lines.map { ls in
            let gs = ls.flatMap { items[$0].glyphs }.sorted { starts[$0] < starts[$1] }.map { glyphs[$0] }
            return TextLine(glyphs: gs, text: text(of: gs))
        }
    }

    /// True where the white between `x0` and `x1` at height `y` holds one of the page's gutter boxes
    /// (`GutterFinder`, sorted by top edge).
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
        var lo = 0, hi = gutters.count
        while lo < hi {
            let m = (lo + hi) / 2
            if gutters[m].y1 < y - reach { lo = m + 1 } else { hi = m }
        }
        let need = parameters.gutterMinOverlap * bodySize
        var k = lo
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

    func isPunctuation(_ g: Glyph) -> Bool { !(g.text.last.map { $0.isLetter || $0.isNumber } ?? false) }

    func isCJK(_ g: Glyph) -> Bool { g.text.unicodeScalars.first.map(Script.isCJK) ?? false }

    /// The text of glyphs on one line, with spaces where the gaps are word spaces.
    func text(of glyphs: [Glyph]) -> String {
        var s = ""
        var prevEndsCJK = false     // the previous glyph's last character is CJK
        for k in glyphs.indices {
            let text = glyphs[k].text
            if k > 0 {
                let gap = glyphs[k].box.x0 - glyphs[k - 1].box.x1
                let size = min(glyphs[k - 1].size, glyphs[k].size)
                let cjk = prevEndsCJK && (text.unicodeScalars.first.map(Script.isCJK) ?? false)
                if gap >= (cjk ? parameters.cjkSpace : parameters.wordSpace) * size { s += " " }
            }
            s += text
            prevEndsCJK = text.unicodeScalars.last.map(Script.isCJK) ?? false
        }
        return s
    }

    // MARK: Vertical lines

    func verticalLines(_ glyphs: [Glyph]) -> [TextLine] {
        let order = glyphs.indices.sorted { glyphs[$0].box.y0 < glyphs[$1].box.y0 }
        var runs: [[Int]] = []
        for i in order {
            let g = glyphs[i]
            if let r = runs.lastIndex(where: { run in
                let last = glyphs[run.last!]
                return last.box.horizontalOverlap(g.box) > 0.5 * min(last.box.width, g.box.width)
                    && g.box.y0 - last.box.y1 <= parameters.verticalGlyphGap * g.size
                    && g.box.y0 >= last.box.y0
            }) {
                runs[r].append(i)
            } else {
                runs.append([i])
            }
        }
        return runs.map { r in
            let gs = r.map { glyphs[$0] }
            return TextLine(glyphs: gs, text: gs.map(\.text).joined(), vertical: true)
        }
    }
}
