/// Stage 0: how far the page's drawing order can be trusted, and the lines it draws.
///
/// Real producers draw a text frame, an OCR block or a browser's text box line by line in reading order:
/// layout programs, OCR engines writing a text layer over a scan, TeX and browsers all do. Where a page
/// does, that order is the strongest evidence it carries: it knows which line piece continues which, across
/// gutters too narrow to see and columns that touch. Where a page is drawn in another order (generated
/// pages that shuffle their text, producers that draw by font), geometry alone has to decide.
///
/// Contract:
/// - `runs` cuts the horizontal glyphs, in drawing order, into runs: consecutive glyphs on one baseline,
///   each starting after the one before (no further back than a glyph overlap), at most `drawnRunGap` em
///   after it or, where no column rule or traced gutter parts them, at most `maxWordGap` em (on OCR text
///   layers, `drawnMaxGapOCR`, and traced gutters part nothing there); display type
///   parts at `displayGutter` em, as in `LineBuilder` (two headlines side by side).
/// - `coherence` is the share of steps from one run to the next that go on in reading order: to the next
///   line of the same column (starting lower by at most `drawnLineStep` em of the run's size, overlapping it
///   horizontally) or further along the same row; each step counts as many times as the run it leads to
///   has glyphs, and runs shorter than `drawnMinRunGlyphs` (noise) are passed over. A page drawn in
///   reading order scores near 1 (only its column and block jumps count against it), a shuffled one near
///   0. Pages with fewer than `drawnMinSteps` steps give no evidence and score 0.
/// - `lines`, for a page whose coherence reaches `drawingOrderTrust`: each run is a line, its glyphs left
///   to right, so that two columns drawn one after the other never share a line however narrow their
///   gutter; vertical glyphs form vertical lines as `LineBuilder` makes them, each read in drawing order
///   (text turned to run up the page is drawn bottom up). Lines come out sorted as `LineBuilder`'s are.
/// - `linesAsDrawn`: a block's lines in the order they were drawn (OCR boxes may overlap).
/// - `absorbingDrawnFragments`: a fragment drawn between two lines of a block, inside its box, joins it.
/// - `articleOrder`: the articles so found as drawn, or in the geometric order of their opening blocks
///   where the page draws its frames mostly against it (bottom up); within a frame reading order holds.
/// - `readingOrder`: blocks in the order the page draws them: by the line drawn in the middle of each
///   block's lines (the median of the lines' first glyphs), so that a line that joined a block from elsewhere
///   (a byline set over a story's second column, drawn before its first) does not move the block; a picture
///   (which has no glyph) keeps its place after the block that the geometric order puts before it; a
///   headline whose next drawn block does not stand under it (headlines drawn as a layer of their own)
///   goes before the first running text under it that the geometric order puts after it (where sizes
///   are exact: an OCR text layer draws a headline with its block).
public struct DrawingOrder: Sendable {
    public var parameters: LayoutParameters
    public init(parameters: LayoutParameters = .standard) { self.parameters = parameters }

    /// What the page's drawing order says.
    public struct Evidence: Sendable {
        /// Share of run-to-run steps that go on in reading order (0 to 1).
        public var coherence: Double
        /// Number of runs the horizontal glyphs form.
        public var runs: Int
        /// True where the coherence is high enough to build lines and order blocks by it.
        public var trusted: Bool
    }

    /// Runs of consecutive glyphs on one baseline, as index ranges into `glyphs` (horizontal glyphs only,
    /// in drawing order). A gap wider than `drawnRunGap` em (the stretched word space of a narrow justified
    /// column, up to `maxWordGap`) parts two runs only where a column rule or a gutter the page's white
    /// space traces (GutterFinder) runs through it: some producers draw a row across columns. On an OCR
    /// text layer (`sizesAreNoisy`) the OCR draws its own lines: gaps up to `drawnMaxGapOCR`, and the white
    /// between its word boxes traces gutters that are not there, so none parts a run. Without a
    /// `bodySize` no gutters are traced (wide gaps go on): enough to measure the order's coherence.
    func runs(_ glyphs: [Glyph], rules: [Rule] = [], bodySize: Double?) -> [Range<Int>] {
        guard !glyphs.isEmpty else { return [] }
        let builder = LineBuilder(parameters: parameters)
        let walls = builder.verticalRules(rules)
        var gutters: [Rect]?
        let maxGap = parameters.sizesAreNoisy ? parameters.drawnMaxGapOCR : parameters.maxWordGap
        func parts(_ a: Glyph, _ b: Glyph) -> Bool {
            let s = max(0.01, min(a.size, b.size))
            let tol = parameters.baselineTolerance * s
            guard abs(a.box.midY - b.box.midY) <= tol || abs(a.box.y1 - b.box.y1) <= tol else { return true }
            let gap = b.box.x0 - a.box.x1
            guard gap >= -0.6 * s, gap <= maxGap * s else { return true }
            if builder.ruleBetween(a.box.x1, b.box.x0, y: b.box.midY, rules: walls) { return true }
            guard let bodySize else { return false }
            // Display type: two headlines side by side are parted as LineBuilder parts them.
            if s >= parameters.displaySizeRatio * bodySize, gap >= parameters.displayGutter * s { return true }
            guard gap > parameters.drawnRunGap * s, !parameters.sizesAreNoisy else { return false }
            if gutters == nil {
                gutters = GutterFinder(parameters: parameters).gutters(boxes: glyphs.map(\.box), bodySize: bodySize)
            }
            return builder.crossesGutter(from: a.box.x1, to: b.box.x0, y: b.box.midY, gutters: gutters!,
                                         bodySize: bodySize)
        }
        var out: [Range<Int>] = []
        var start = 0
        for i in 1..<glyphs.count where parts(glyphs[i - 1], glyphs[i]) {
            out.append(start..<i)
            start = i
        }
        out.append(start..<glyphs.count)
        return out
    }

    /// How coherent the drawing order of `glyphs` (the page's glyphs in drawing order) is.
    public func evidence(_ glyphs: [Glyph]) -> Evidence {
        let horizontal = glyphs.filter { !$0.vertical && !$0.box.isEmpty }
        let runs = self.runs(horizontal, rules: [], bodySize: nil)
        // Runs of a glyph or two (OCR noise in a picture, a stray mark) are passed over.
        let kept = runs.filter { $0.count >= parameters.drawnMinRunGlyphs }
        let c = coherence(kept.map { Rect.union(horizontal[$0].map(\.box)) ?? .zero },
                          sizes: kept.map { horizontal[$0.lowerBound].size }, weights: kept.map(\.count))
        return Evidence(coherence: c, runs: runs.count, trusted: c >= parameters.drawingOrderTrust)
    }

    /// The share of steps between consecutive runs (boxes, type sizes and glyph counts, in drawing order)
    /// that go on in reading order, each step weighed by the glyphs of the run it leads to: the noise an
    /// OCR engine reads in a picture (a few glyphs a run, anywhere) weighs little beside a column of text.
    func coherence(_ boxes: [Rect], sizes: [Double], weights: [Int]) -> Double {
        guard boxes.count > parameters.drawnMinSteps else { return 0 }
        var good = 0, all = 0
        for k in 1..<boxes.count {
            let a = boxes[k - 1], b = boxes[k], s = max(0.01, sizes[k - 1])
            let drop = b.y0 - a.y0
            let nextLine = drop > parameters.baselineTolerance * s && drop <= parameters.drawnLineStep * s
                && a.horizontalOverlap(b) > 0
            let sameRow = abs(a.midY - b.midY) <= parameters.baselineTolerance * s && b.x0 >= a.x1
            all += weights[k]
            if nextLine || sameRow { good += weights[k] }
        }
        return Double(good) / Double(max(1, all))
    }

    /// The page's lines as drawn (see the contract); `glyphs` in drawing order.
    public func lines(from glyphs: [Glyph], rules: [Rule] = [], bodySize: Double = 10) -> [TextLine] {
        let builder = LineBuilder(parameters: parameters)
        var horizontal: [Glyph] = [], vertical: [Glyph] = []
        for g in glyphs {
            if g.vertical { vertical.append(g) } else if !g.box.isEmpty { horizontal.append(g) }
        }
        var lines = runs(horizontal, rules: rules, bodySize: bodySize).map { r -> TextLine in
            let gs = StableOrder.ascending(horizontal[r].map(\.box.x0)).map { horizontal[r.lowerBound + $0] }
            return TextLine(glyphs: gs, text: builder.text(of: gs))
        }
        // Vertical lines read as drawn: CJK columns are drawn top down, Latin turned a quarter to the left
        // (a running head up the margin) bottom up; sorted top down that one would read backwards.
        lines += builder.verticalLines(vertical).map { line in
            let gs = line.glyphs.sorted { $0.order < $1.order }
            return TextLine(glyphs: gs, text: gs.map(\.text).joined(), vertical: true)
        }
        LineBuilder.sortTopDown(&lines)
        return lines
    }

    /// `geometric`, an order of `blocks` (indexes), rearranged into drawing order.
    public func readingOrder(_ blocks: [TextBlock], geometric: [Int]) -> [Int] {
        var key = [Double](repeating: 0, count: blocks.count)
        var previous = -1.0
        for i in geometric {
            let starts = blocks[i].lines.compactMap(\.firstDrawn).sorted()
            if !starts.isEmpty {
                key[i] = Double(starts[(starts.count - 1) / 2])
                previous = key[i]
            } else {
                key[i] = previous + 0.5
            }
        }
        // Headlines drawn apart from their text (a layer of headlines drawn before the stories): a headline
        // whose next drawn block does not stand under it goes before the first running text under it that
        // the geometric order puts after it.
        let drawn = geometric.filter { blocks[$0].kind != .image && !blocks[$0].lines.isEmpty }
            .sorted { key[$0] < key[$1] }
        var rank: [Int: Int] = [:]
        for (r, i) in geometric.enumerated() { rank[i] = r }
        var after: [Int: Int] = [:], before: [Int: Int] = [:]
        for (a, b) in zip(drawn, drawn.dropFirst()) { after[a] = b; before[b] = a }
        // (Not on OCR text layers: the OCR draws a headline with its block; its tall lines are noise.)
        for (p, a) in geometric.enumerated() where !parameters.sizesAreNoisy && blocks[a].kind == .headline
            && !blocks[a].lines.isEmpty {
            // Drawn right before text under it, or text the geometric order also reads after it (the first
            // column of a story under a narrower headline): in place.
            if let n = after[a], under(blocks[n], blocks[a]) || (rank[n]! > p && below(blocks[n], blocks[a])) {
                continue
            }
            // The next line of a headline drawn right after its first one goes with it.
            if let h = before[a], blocks[h].kind == .headline, under(blocks[a], blocks[h]) { continue }
            // The first running text under it before the next headline, pictures between not counted.
            var pictures: [Rect] = []
            for b in geometric[(p + 1)...] {
                if blocks[b].kind == .image { pictures.append(blocks[b].box); continue }
                if blocks[b].kind == .headline { break }
                if blocks[b].kind == .body, under(blocks[b], blocks[a], across: pictures) {
                    key[a] = key[b] - 0.5
                    break
                }
            }
        }
        return geometric.enumerated().sorted { a, b in
            key[a.element] != key[b.element] ? key[a.element] < key[b.element] : a.offset < b.offset
        }.map(\.element)
    }

    /// True where `b` starts below `a`, at most `drawnBlockStep` em of `a`'s size lower (not counting
    /// the height of `pictures` set between them), anywhere across.
    func below(_ b: TextBlock, _ a: TextBlock, across pictures: [Rect] = []) -> Bool {
        let em = max(0.01, a.size)
        let skipped = pictures.filter { $0.y0 >= a.box.y1 - 0.5 * em && $0.y1 <= b.box.y0 + 0.5 * em }
            .reduce(0) { $0 + $1.height }
        return b.box.y0 >= a.box.y1 - 0.5 * em && b.box.y0 - a.box.y1 - skipped <= parameters.drawnBlockStep * em
    }

    /// True where `b` starts below `a` (as `below` says) and overlaps it horizontally: under it.
    func under(_ b: TextBlock, _ a: TextBlock, across pictures: [Rect] = []) -> Bool {
        below(b, a, across: pictures) && a.box.horizontalOverlap(b.box) > 0
    }

    /// Articles found in drawing order (each given by the boxes of its blocks, opening block first), in
    /// the order a reader takes them: as drawn, unless the page draws its frames against the geometric
    /// reading order (`geometric`, indexes into `blocks`), more articles drawn before the one that opens
    /// above or left of them than after it (TeX floats and some layout programs draw bottom up); then by where each opens in
    /// the geometric order. Within a frame the drawing order holds either way. Articles whose opening block
    /// is not among `blocks` keep their place at the end.
    public func articleOrder(_ articles: [[Rect]], blocks: [TextBlock], geometric: [Int]) -> [Int] {
        var rank: [Rect: Int] = [:]
        for (r, i) in geometric.enumerated() where rank[blocks[i].box] == nil { rank[blocks[i].box] = r }
        // (A headline joined from several blocks opens at the first of them it holds.)
        func rankOf(_ box: Rect) -> Int? {
            rank[box] ?? geometric.indices.first { box.contains(blocks[geometric[$0]].box) }
        }
        let opening = articles.map { boxes in boxes.first.flatMap(rankOf) ?? Int.max }
        var agree = 0, against = 0
        for (a, b) in zip(opening, opening.dropFirst()) where a != b {
            if a < b { agree += 1 } else { against += 1 }
        }
        guard against > agree else { return Array(articles.indices) }
        return articles.indices.sorted { opening[$0] != opening[$1] ? opening[$0] < opening[$1] : $0 < $1 }
    }

    /// `block` with its lines in the order they were drawn. Where OCR boxes overlap (a stray fragment
    /// set between two lines, a line drawn a little high), the top-to-bottom order of the boxes is not the
    /// order of the text; the drawing order is. Vertical blocks keep their order (right to left).
    public func linesAsDrawn(_ block: TextBlock) -> TextBlock {
        guard !block.vertical, block.lines.count > 1 else { return block }
        let first = block.lines.map { $0.firstDrawn ?? Int.max }
        let order = block.lines.indices.sorted { first[$0] != first[$1] ? first[$0] < first[$1] : $0 < $1 }
        guard order != Array(block.lines.indices) else { return block }
        return TextBlock(lines: order.map { block.lines[$0] }, kind: block.kind)
    }

    /// `blocks` where a fragment (a block of at most `drawnFragmentLines` lines) that the page draws between
    /// two consecutive lines of another block, and that lies within that block's box, has joined it, its
    /// lines in drawing order: a stray OCR fragment between two lines of a column, or a piece of a line
    /// set in another size, belongs to the text it was drawn in, whatever its size says.
    public func absorbingDrawnFragments(_ blocks: [TextBlock]) -> [TextBlock] {
        func first(_ l: TextLine) -> Int { l.firstDrawn ?? Int.max }
        // Every line of a larger block, by where it was drawn.
        var starts: [(order: Int, block: Int)] = []
        for (k, b) in blocks.enumerated() where b.kind != .image && !b.vertical && b.lines.count > parameters.drawnFragmentLines {
            for l in b.lines { starts.append((first(l), k)) }
        }
        starts.sort { $0.order < $1.order }
        let orders = starts.map(\.order)
        var joins: [Int: [Int]] = [:]      // host block → fragments
        var absorbed = Set<Int>()
        for (k, b) in blocks.enumerated() where b.kind != .image && !b.vertical && !b.lines.isEmpty
            && b.lines.count <= parameters.drawnFragmentLines {
            let o = b.lines.map(first).min()!
            let i = orders.partitioningIndex(where: { $0 > o })
            guard i > 0, i < starts.count, starts[i - 1].block == starts[i].block else { continue }
            let host = starts[i].block
            let em = blocks[host].size
            let area = blocks[host].box.insetBy(dx: -0.5 * em, dy: -0.5 * em)
            guard area.contains(x: b.box.x0, y: b.box.y0), area.contains(x: b.box.x1, y: b.box.y1) else { continue }
            joins[host, default: []].append(k)
            absorbed.insert(k)
        }
        guard !absorbed.isEmpty else { return blocks }
        var out: [TextBlock] = []
        for (k, b) in blocks.enumerated() where !absorbed.contains(k) {
            guard let fragments = joins[k] else { out.append(b); continue }
            let lines = (b.lines + fragments.flatMap { blocks[$0].lines }).sorted { first($0) < first($1) }
            out.append(TextBlock(lines: lines, kind: b.kind))
        }
        return out
    }
}
