/// Stage 6: blocks in reading order → articles.
///
/// Contract: walks the blocks in reading order and gives each to exactly one article (furniture has been
/// removed before). A headline opens an article, unless the article so far has no body yet (then it
/// adds to its headline, or it takes over an article holding only pictures). Display text directly above
/// a headline is that headline's kicker; display text after the headline, before any body, is the deck
/// (as is text opening with a dash, ——). Small text next to a picture is its caption. A line that reads
/// like a byline (记者 …, By …) at the start or end of the body is the byline. Everything else is body,
/// read in the order given.
public struct ArticleGrouper: Sendable {
    public var parameters: LayoutParameters
    public init(parameters: LayoutParameters = .standard) { self.parameters = parameters }

    /// An article as the stages see it: blocks by part, and every block in reading order.
    public struct Draft: Sendable {
        public var kicker: [TextBlock] = []
        public var headline: [TextBlock] = []
        public var deck: [TextBlock] = []
        public var body: [TextBlock] = []
        public var captions: [TextBlock] = []
        public var images: [Rect] = []
        public var bylines: [String] = []
        public var sequence: [(Role, Rect)] = []
        public init() {}
    }

    public func group(_ ordered: [TextBlock], images: [Rect]) -> [Draft] {
        var drafts: [Draft] = []
        var cur: Draft?
        let captionIndexes = Set(ordered.indices.filter { isCaption(ordered[$0], images: images) })
        func flush() { if let c = cur { drafts.append(c) }; cur = nil }

        for (i, b) in ordered.enumerated() {
            let next = ordered[(i + 1)...].first { $0.kind != .image }
            switch b.kind {
            case .image:
                if cur == nil { cur = Draft() }
                cur!.images.append(b.box)
                cur!.sequence.append((.image, b.box))
            case .headline:
                if var c = cur, c.body.isEmpty, !(c.headline.isEmpty && !c.deck.isEmpty) {
                    if c.headline.isEmpty || adjoins(c.headline.last!, b) {
                        c.headline.append(b)
                        c.sequence.append((.headline, b.box))
                        cur = c
                        continue
                    }
                }
                flush()
                cur = Draft()
                cur!.headline = [b]
                cur!.sequence = [(.headline, b.box)]
            case .display, .small, .body:
                if captionIndexes.contains(i) {
                    if cur == nil { cur = Draft() }
                    cur!.captions.append(b)
                    cur!.sequence.append((.caption, b.box))
                    continue
                }
                if b.kind != .body, b.lines.count <= 3, let n = next, n.kind == .headline, isKicker(b, of: n) {
                    flush()
                    cur = Draft()
                    cur!.kicker = [b]
                    cur!.sequence = [(.kicker, b.box)]
                    continue
                }
                if cur == nil { cur = Draft() }
                let opensWithDash = b.text.hasPrefix("——") || b.text.hasPrefix("—")
                if !cur!.headline.isEmpty && cur!.body.isEmpty && (b.kind == .display || opensWithDash)
                    && b.lines.count <= 3 {
                    cur!.deck.append(b)
                    cur!.sequence.append((.subheadline, b.box))
                    continue
                }
                if b.lines.count == 1, isByline(b.lines[0].text) {
                    cur!.bylines.append(b.lines[0].text)
                    cur!.sequence.append((.byline, b.box))
                    continue
                }
                // Body text under nothing of the current (headline-only) article belongs to the latest
                // article whose headline stands above it, as when an advertisement sits in between.
                if let head = Rect.union(cur!.headline.map(\.box)), cur!.body.isEmpty,
                   !cur!.headline.contains(where: \.vertical), head.horizontalOverlap(b.box) == 0,
                   let k = drafts.lastIndex(where: { d in
                       guard let h = Rect.union(d.headline.map(\.box)) else { return false }
                       return h.horizontalOverlap(b.box) >= 0.3 * b.box.width && h.y1 <= b.box.y0 + 1
                   }) {
                    drafts[k].body.append(b)
                    drafts[k].sequence.append((.body, b.box))
                    continue
                }
                cur!.body.append(b)
                cur!.sequence.append((.body, b.box))
            }
        }
        flush()
        return drafts.map(extractBylines)
    }

    /// True where `b` stands right under `a` (a headline in several blocks).
    func adjoins(_ a: TextBlock, _ b: TextBlock) -> Bool {
        let gap = b.box.y0 - a.box.y1
        return gap > -0.5 * a.size && gap < 1.0 * a.size && a.box.horizontalOverlap(b.box) > 0
            || (a.vertical && b.vertical && a.box.verticalOverlap(b.box) > 0)
    }

    func isKicker(_ b: TextBlock, of head: TextBlock) -> Bool {
        let gap = head.box.y0 - b.box.y1
        return gap >= -1 && gap <= parameters.kickerDistance * b.size && b.box.horizontalOverlap(head.box) > 0
            && !b.text.hasPrefix("—")
    }

    func isCaption(_ b: TextBlock, images: [Rect]) -> Bool {
        guard b.kind == .small || (b.kind == .body && b.lines.count <= 2) else { return false }
        let reach = parameters.captionDistance * b.size
        return images.contains { img in
            let overlap = img.horizontalOverlap(b.box) >= 0.5 * b.box.width
            let below = b.box.y0 - img.y1 >= -1 && b.box.y0 - img.y1 <= reach
            let above = img.y0 - b.box.y1 >= -1 && img.y0 - b.box.y1 <= reach && b.kind == .small
            return overlap && (below || above)
        }
    }

    /// Newspaper byline conventions: 记者/本报记者/通讯员 …, 文/…, By …
    public func isByline(_ text: String) -> Bool {
        let t = text.trimmedWhitespace
        guard !t.isEmpty, t.count <= parameters.maxBylineChars else { return false }
        let zh = ["记者", "本报记者", "通讯员", "本报通讯员", "实习生", "文/", "文／", "撰文", "特约记者", "新华社记者"]
        if zh.contains(where: { t.hasPrefix($0) }) { return !t.contains("。") }
        let en = ["By ", "BY ", "by "]
        if en.contains(where: { t.hasPrefix($0) }) { return t.count >= 5 && !t.hasSuffix(".") }
        return false
    }

    /// Moves a byline that opens or closes the body (as its first or last line) out of the body.
    func extractBylines(_ d: Draft) -> Draft {
        var d = d
        if var last = d.body.last, last.lines.count > 1, let line = last.lines.last, isByline(line.text) {
            last.lines.removeLast()
            d.bylines.append(line.text)
            d.body[d.body.count - 1] = TextBlock(lines: last.lines, kind: last.kind)
        }
        if var first = d.body.first, first.lines.count > 1, let line = first.lines.first, isByline(line.text) {
            first.lines.removeFirst()
            d.bylines.insert(line.text, at: 0)
            d.body[0] = TextBlock(lines: first.lines, kind: first.kind)
        }
        return d
    }
}

extension String {
    /// The string without leading and trailing whitespace.
    var trimmedWhitespace: String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s = s.dropFirst() }
        while let c = s.last, c.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
