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
        // Rows of baseline buckets, a baseline tolerance of the median glyph size tall.
        let rowCell = max(0.01, parameters.baselineTolerance
                          * (ValueCounts(horizontal.compactMap { $0.size > 0 ? $0.size : nil }).median ?? 1))
        let fragments = self.fragments(horizontal, rules: rules, rowCell: rowCell)
        let gutters = GutterFinder(parameters: parameters).gutters(boxes: horizontal.map(\.box), bodySize: bodySize)
        var lines = splittingColumnOverflow(
            joinFragments(fragments, glyphs: horizontal, index: index, rules: rules, gutters: gutters,
                          bodySize: bodySize, rowCell: rowCell),
            bodySize: bodySize)
        lines += verticalLines(vertical)
        Self.sortTopDown(&lines)
        return lines
    }

    /// Lines top to bottom, then left to right (lines starting within 0.3 em of each other share a row):
    /// the order every line builder hands its lines on in.
    static func sortTopDown(_ lines: inout [TextLine]) {
        lines.sort { a, b in
            abs(a.box.y0 - b.box.y0) > 0.3 * min(a.size, b.size) ? a.box.y0 < b.box.y0 : a.box.x0 < b.box.x0
        }
    }

    // MARK: Fragments

    /// Tight runs of glyphs (indexes into `glyphs`), each sorted left to right.
    ///
    /// A sweep in x order: each glyph joins the fragment, among those whose last glyph shares its baseline
    /// and ends just before it (no column rule or frame edge between their centres), whose last glyph is
    /// closest in height (the earliest on a tie), or starts a new one. Fragments are found through buckets of their last glyph's centre and bottom (the baseline
    /// test compares either), so that a glyph looks at the fragments of its own row only.
    func fragments(_ glyphs: [Glyph], rules: [Rule] = [], rowCell cell: Double) -> [[Int]] {
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
            var bestFollows = false
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
                        // Other glyphs overlapping deeply (two texts set over each other where a line runs
                        // into the next column) belong together only where the page drew them one after the
                        // other: the order of drawing tells the two texts apart where their boxes cannot.
                        if gap < -parameters.overlapSplit * s, last != i - 1 { continue }
                        // A rule between the two glyphs' centres separates them, however close they are.
                        if !walls.isEmpty {
                            let a = (x0[last] + x1[last]) / 2, b = (x0[i] + x1[i]) / 2
                            if walls.contains(where: { $0.midX > a && $0.midX < b && $0.y0 < midY[i] && $0.y1 > midY[i] }) {
                                continue
                            }
                        }
                        // Among fragments as good, the one the page drew just before this glyph.
                        let dy = abs(midY[last] - midY[i])
                        let follows = last == i - 1
                        if dy < bestDy || (dy == bestDy && (follows && !bestFollows || follows == bestFollows && f < best)) {
                            bestDy = dy; best = f; bestFollows = follows
                        }
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

    func sameBaseline(_ a: Glyph, _ b: Glyph, tolerance: Double) -> Bool {
        let big = max(a.size, b.size), small = min(a.size, b.size)
        guard small > 0, big / small <= parameters.lineSizeRatio else { return false }
        // Compare bottoms and centres: mixed sizes share a baseline, not a centre.
        let dy = min(abs(a.box.midY - b.box.midY), abs(a.box.y1 - b.box.y1))
        return dy <= tolerance * small
    }

    // MARK: Fragments → lines

    func joinFragments(_ frags: [[Int]], glyphs: [Glyph], index: GlyphIndex, rules: [Rule], gutters: [Rect] = [],
                       bodySize: Double, rowCell cell: Double) -> [TextLine] {
        struct Frag { var glyphs: [Int]; var box: Rect; var size: Double }
        let boxes = glyphs.map(\.box), glyphSizes = glyphs.map(\.size)
        let items: [Frag] = frags.map { f in
            var box = boxes[f[0]]
            for g in f.dropFirst() { box = box.union(boxes[g]) }
            let sizes = f.map { glyphSizes[$0] }.sorted()
            return Frag(glyphs: f, box: box, size: sizes[sizes.count / 2])
        }
        let order = StableOrder.ascending(items.map(\.box.x0))
        let page = GapContext(glyphs: glyphs, index: index, verticalRules: verticalRules(rules), gutters: gutters,
                              bodySize: bodySize)
        var lines: [[Int]] = []       // fragment indexes
        var lineBox: [Rect] = []
        var lineSize: [Double] = []
        var closed: [Bool] = []       // split off: takes no more fragments
        var lastOf: [Int] = []        // each line's last glyph
        // Open lines by their last glyph's centre and bottom (the baseline test compares either).
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
                let (split, test) = splits(bestGap, left: left, leftSize: lineSize[l], leftLast: lastOf[l],
                                           right: f.box, rightSize: f.size, rightFirst: f.glyphs.first!, page: page)
                if let test, debugSplits {
                    let lt = text(of: lines[l].flatMap { items[$0].glyphs }.map { glyphs[$0] }.sorted { $0.box.x0 < $1.box.x0 })
                    let rt = text(of: f.glyphs.map { glyphs[$0] })
                    FileHandle.standardError.write(Data(("SPLIT \(test) em=\(String(format: "%.2f", (f.box.x0 - left.x1) / min(lineSize[l], f.size))) y=\(Int(f.box.midY)) x=\(Int(left.x1))-\(Int(f.box.x0)) [\(lt.suffix(20))] | [\(rt)]\n").utf8))
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

    /// What the split decision needs of the page.
    struct GapContext {
        var glyphs: [Glyph]
        var index: GlyphIndex
        var verticalRules: [Rect]
        var gutters: [Rect]
        var bodySize: Double
    }

    /// Column rules and the sides of frames and tinted boxes: no line runs across one.
    func verticalRules(_ rules: [Rule]) -> [Rect] {
        rules.flatMap { r -> [Rect] in
            switch r.kind {
            case .vertical: return [r.box]
            case .frame, .fill:
                return [Rect(x0: r.box.x0, y0: r.box.y0, x1: r.box.x0 + 0.5, y1: r.box.y1),
                        Rect(x0: r.box.x1 - 0.5, y0: r.box.y0, x1: r.box.x1, y1: r.box.y1)]
            case .horizontal: return []
            }
        }
    }

    /// Whether a gap of `gap` points between a line (box `left`, type size `leftSize`, last glyph
    /// `leftLast`) and the fragment after it on its baseline (`right`, `rightSize`, first glyph
    /// `rightFirst`; glyphs index `page.glyphs`) splits them: a rule runs through it; or it is wider than a
    /// fragment gap (or a deep overlap) and, between display type, headline-gutter wide (less between two
    /// styles), between other type a column gutter. `test` names the gutter test that split it, if one
    /// did (finder: a GutterFinder gutter; local: the gap's own test), for GALLEY_SPLIT_DEBUG.
    func splits(_ gap: Double, left: Rect, leftSize: Double, leftLast: Int, right: Rect, rightSize: Double,
                rightFirst: Int, page: GapContext) -> (split: Bool, test: String?) {
        let s = max(leftSize, rightSize), bodySize = page.bodySize
        guard !ruleBetween(left.x1, right.x0, y: right.midY, rules: page.verticalRules) else { return (true, nil) }
        guard gap > parameters.fragmentGap * s || gap < -parameters.overlapSplit * s else { return (false, nil) }
        if s >= parameters.displaySizeRatio * bodySize {
            // Display type: two headlines side by side, or one headline with a word space.
            let a = page.glyphs[leftLast], b = page.glyphs[rightFirst]
            let differ = a.font != b.font || abs(a.size - b.size) > 0.05 * s
            return (gap >= parameters.displayGutter * s || (differ && gap >= parameters.displayStyleGap * s), nil)
        }
        if crossesGutter(from: left.x1, to: right.x0, y: right.midY, gutters: page.gutters, bodySize: bodySize) {
            return (true, "finder")
        }
        let local = gutterBetween(leftEdge: left.x1, right: right, size: min(leftSize, rightSize), index: page.index,
                                  leftLast: isCJK(page.glyphs[rightFirst]) ? nil : page.glyphs[leftLast],
                                  traced: { gutterNear(from: left.x1, to: right.x0, y: right.midY,
                                                       gutters: page.gutters, bodySize: bodySize) })
        return (local, local ? "local" : nil)
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
