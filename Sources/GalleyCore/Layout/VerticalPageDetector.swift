/// Vertical pages, stage 1: is the page's text set vertically (竖排: columns top to bottom, read right
/// to left), and which of its glyphs are?
///
/// Contract: every CJK glyph votes for the direction in which its nearest neighbour of its size lies:
/// the next character of solid-set text is one em away, along the line in horizontal text, down the
/// column in vertical text, while the next line or column is further (the leading). A glyph votes
/// vertical where a neighbour straight under it is nearer (by `verticalVoteMargin` em) than one
/// straight right of it, horizontal the other way round, and not at all where neither is near or both
/// are as near, nor where the neighbour it found, or a glyph that found it as its neighbour, votes the
/// other way (the last character of a column, the next column's last character beside it). The page is vertical where at least `verticalPageShare` of the votes, and at least
/// `verticalPageMinGlyphs` glyphs, say vertical: a horizontal page with a few vertical headlines is not.
/// On a vertical page a glyph that did not vote (a digit, a Latin letter, a lone full stop ending a
/// column) takes the vote of the nearest voting glyph within two of its ems, and counts as horizontal
/// where there is none.
public struct VerticalPageDetector: Sendable {
    public var parameters: LayoutParameters
    public init(parameters: LayoutParameters = .standard) { self.parameters = parameters }

    public enum Vote: Sendable, Hashable { case horizontal, vertical, none }

    public struct Finding: Sendable {
        /// True where the page is set vertically.
        public var isVerticalPage: Bool
        /// Per glyph, whether it belongs to vertical text (meaningful on a vertical page only).
        public var vertical: [Bool]
        public var verticalVotes: Int
        public var horizontalVotes: Int
    }

    public func detect(_ glyphs: [Glyph]) -> Finding {
        // Only CJK glyphs vote: a page with too few of them (a Latin page) is horizontal without building
        // the neighbour grid.
        guard glyphs.lazy.filter(Self.votes).count >= parameters.verticalPageMinGlyphs else {
            return Finding(isVerticalPage: false, vertical: Array(repeating: false, count: glyphs.count),
                           verticalVotes: 0, horizontalVotes: 0)
        }
        let votes = self.votes(glyphs)
        let v = votes.filter { $0 == .vertical }.count, h = votes.filter { $0 == .horizontal }.count
        let isVertical = v >= parameters.verticalPageMinGlyphs
            && Double(v) >= parameters.verticalPageShare * Double(v + h)
        guard isVertical else {
            return Finding(isVerticalPage: false, vertical: votes.map { $0 == .vertical }, verticalVotes: v, horizontalVotes: h)
        }
        return Finding(isVerticalPage: true, vertical: settle(glyphs, votes), verticalVotes: v, horizontalVotes: h)
    }

    /// Each glyph's vote (`.none` for glyphs that are not CJK).
    /// True where `g` takes part in the vote: CJK text, and the vertical forms of punctuation (︐︑︒ …),
    /// which only vertical text uses.
    static func votes(_ g: Glyph) -> Bool {
        g.text.unicodeScalars.first.map { Script.isCJK($0) || (0xFE10...0xFE1F).contains($0.value) } ?? false
    }

    public func votes(_ glyphs: [Glyph]) -> [Vote] {
        let grid = GlyphGrid(glyphs)
        let reach = parameters.verticalNeighbourReach, align = parameters.verticalNeighbourAlign
        let cjk = glyphs.map(Self.votes)
        // Each glyph's vote, with the neighbour it found in the direction it voted for.
        let first: [(Vote, Int?)] = glyphs.indices.map { i in
            guard cjk[i] else { return (.none, nil) }
            let g = glyphs[i].box, s = glyphs[i].size
            guard s > 0 else { return (.none, nil) }
            func similar(_ j: Int) -> Bool {
                j != i && cjk[j] && abs(glyphs[j].size - s) <= parameters.verticalNeighbourSize * s
            }
            // Nearest neighbour to the right: centre at most `reach` em on, at most `align` em off the line.
            var along: (Double, Int)?
            grid.visit(xStart: g.x0...(g.midX + reach * s), y: (g.midY - align * s)...(g.midY + align * s)) { j in
                guard similar(j) else { return true }
                let o = glyphs[j].box
                let d = o.midX - g.midX
                if abs(o.midY - g.midY) <= align * s, d > 0.5 * s, d <= reach * s, d < (along?.0 ?? .infinity) { along = (d, j) }
                return true
            }
            // Nearest neighbour underneath, the same way.
            var down: (Double, Int)?
            grid.visit(xStart: (g.x0 - s)...(g.x1), y: g.midY...(g.midY + reach * s)) { j in
                guard similar(j) else { return true }
                let o = glyphs[j].box
                let d = o.midY - g.midY
                if abs(o.midX - g.midX) <= align * s, d > 0.5 * s, d <= reach * s, d < (down?.0 ?? .infinity) { down = (d, j) }
                return true
            }
            let margin = parameters.verticalVoteMargin * s
            switch (along, down) {
            case (nil, nil): return (.none, nil)
            case let (nil, .some(d)): return (.vertical, d.1)
            case let (.some(a), nil): return (.horizontal, a.1)
            case let (.some(a), .some(d)):
                if d.0 < a.0 - margin { return (.vertical, d.1) }
                if a.0 < d.0 - margin { return (.horizontal, a.1) }
                return (.none, nil)
            }
        }
        // A glyph ends a line or column (the last character of a column, with the next column's last
        // character beside it) where the neighbour it found votes the other way, or where a glyph that
        // found it as its neighbour votes the other way: it does not vote.
        var ends = [Bool](repeating: false, count: glyphs.count)
        for (vote, neighbour) in first where vote != .none {
            if let j = neighbour, first[j].0 != .none, first[j].0 != vote { ends[j] = true }
        }
        return first.indices.map { i in
            let (vote, neighbour) = first[i]
            if ends[i] { return .none }
            if let j = neighbour, first[j].0 != .none, first[j].0 != vote { return .none }
            return vote
        }
    }

    /// Every glyph's direction on a vertical page: its own vote, or that of the nearest voting glyph
    /// within two of its ems; horizontal where none is that near.
    func settle(_ glyphs: [Glyph], _ votes: [Vote]) -> [Bool] {
        let grid = GlyphGrid(glyphs)
        return glyphs.indices.map { i in
            switch votes[i] {
            case .vertical: return true
            case .horizontal: return false
            case .none: break
            }
            let g = glyphs[i].box, r = 2 * max(glyphs[i].size, 1)
            var best: (Double, Bool)?
            grid.visit(xStart: (g.x0 - r - 3 * glyphs[i].size)...(g.x1 + r), y: (g.y0 - r)...(g.y1 + r)) { j in
                guard j != i, votes[j] != .none else { return true }
                let o = glyphs[j].box
                let dx = max(0, max(o.x0 - g.x1, g.x0 - o.x1)), dy = max(0, max(o.y0 - g.y1, g.y0 - o.y1))
                let d = (dx * dx + dy * dy).squareRoot()
                if d <= r, d < (best?.0 ?? .infinity) { best = (d, votes[j] == .vertical) }
                return true
            }
            return best?.1 ?? false
        }
    }
}
