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
        /// Quotations set large inside the story (pull quotes): repeated text, kept out of the story.
        public var pullQuotes: [TextBlock] = []
        public var sequence: [(Role, Rect)] = []
        public init() {}
    }

    /// A story with a headline and two decks or more but no body text: its text was set a size
    /// larger than the page's body and read as display type. The decks after the first are its body
    /// (a story does not stack decks over nothing; without this it would be dropped as an
    /// advertisement, its text lost).
    func withBody(_ draft: Draft) -> Draft {
        guard draft.body.isEmpty, !draft.headline.isEmpty, draft.deck.count >= 2 else { return draft }
        var d = draft
        d.body = Array(d.deck.dropFirst())
        d.deck = [d.deck[0]]
        let moved = Set(d.body.map(\.box))
        d.sequence = d.sequence.map { $0.0 == .subheadline && moved.contains($0.1) ? (.body, $0.1) : $0 }
        return d
    }

    public func group(_ ordered: [TextBlock], images: [Rect], rules: [Rule] = []) -> [Draft] {
        var drafts: [Draft] = []
        var cur: Draft?
        let captionIndexes = Set(ordered.indices.filter { isCaption(ordered[$0], images: images) })
        func flush() { if let c = cur { drafts.append(withBody(c)) }; cur = nil }
        func previous(_ i: Int) -> TextBlock? { ordered[..<i].last { $0.kind != .image } }

        for (i, b) in ordered.enumerated() {
            let next = ordered[(i + 1)...].first { $0.kind != .image }
            switch b.kind {
            case .image:
                if cur == nil { cur = Draft() }
                cur!.images.append(b.box)
                cur!.sequence.append((.image, b.box))
            case .headline:
                // A quotation set large amid a story's running text is a pull quote, not a new story.
                if let c = cur, !c.body.isEmpty, let prev = previous(i), prev.kind == .body, b.isQuotation {
                    cur!.pullQuotes.append(b)
                    continue
                }
                if var c = cur, c.body.isEmpty, let head = c.headline.last, !b.isVerticalHeadline,
                   isDeck(b, under: head) {
                    c.deck.append(b)
                    c.sequence.append((.subheadline, b.box))
                    cur = c
                    continue
                }
                // A short label over the headline proper (要闻, Giustizia) is the section kicker.
                if var c = cur, c.body.isEmpty, c.deck.isEmpty, c.kicker.isEmpty, c.headline.count == 1,
                   isSectionLabel(c.headline[0], over: b) {
                    c.kicker = c.headline
                    c.headline = [b]
                    c.sequence = c.sequence.map { $0.0 == .headline ? (.kicker, $0.1) : $0 } + [(.headline, b.box)]
                    cur = c
                    continue
                }
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
                if b.kind != .body, let c = cur, !c.body.isEmpty, let prev = previous(i), prev.kind == .body,
                   b.isQuotation {
                    cur!.pullQuotes.append(b)
                    continue
                }
                // A short display line right over running text, where no story is being headed, opens a
                // story of its own: a brief in a column of briefs (a crosshead inside a story is not).
                if isBriefHeadline(i, ordered, current: cur, rules: rules) {
                    flush()
                    cur = Draft()
                    cur!.headline = [b]
                    cur!.sequence = [(.headline, b.box)]
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
                // (Not a column starting right under the headline's level: the story's first column, set
                // left of a headline narrower than the story.)
                if let head = Rect.union(cur!.headline.map(\.box)), cur!.body.isEmpty,
                   !cur!.headline.contains(where: \.isVerticalHeadline), head.horizontalOverlap(b.box) == 0,
                   !(b.box.y0 >= head.y1 - 0.5 * b.size && b.box.y0 - head.y1 <= 1.5 * b.size),
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
            || (a.isVerticalHeadline && b.isVerticalHeadline && a.box.verticalOverlap(b.box) > 0)
    }

    /// True where `b`, headline type right under the headline `head`, is its deck: it opens with a dash
    /// (——) or is set clearly smaller than the headline.
    func isDeck(_ b: TextBlock, under head: TextBlock) -> Bool {
        guard b.box.y0 >= head.box.y1 - 0.5 * b.size, head.box.horizontalOverlap(b.box) > 0 else { return false }
        return b.text.hasPrefix("—") || b.size < parameters.deckSizeRatio * head.size
    }

    /// True where `label` is a section label over the headline `b`: a word or two, much shorter than `b`.
    func isSectionLabel(_ label: TextBlock, over b: TextBlock) -> Bool {
        guard label.lines.count == 1, !label.isVerticalHeadline, !b.isVerticalHeadline,
              label.readingLength <= parameters.sectionLabelMaxLength,
              b.readingLength >= 3 * label.readingLength else { return false }
        let gap = b.box.y0 - label.box.y1
        return gap >= -1 && gap <= parameters.kickerDistance * label.size
    }

    /// True where block `i` is the headline of a brief: display type of at most three short lines (or a
    /// bold line of body size), running text right under it, and no headline waiting for its text. A bold
    /// line inside running text (a crosshead: body directly above it in the same column, no rule
    /// between) is not.
    func isBriefHeadline(_ i: Int, _ ordered: [TextBlock], current: Draft?, rules: [Rule]) -> Bool {
        let b = ordered[i]
        if let c = current, !c.headline.isEmpty, c.body.isEmpty { return false }
        guard let next = ordered[(i + 1)...].first(where: { $0.kind != .image }), next.kind == .body else {
            return false
        }
        // Under a headline in headline type over one or two columns (a section: Nouvelles diverses),
        // capitals headings in the columns it heads are its items'. (Not under a nameplate or a banner
        // across the page.)
        if isCapitalsHeading(b, over: next) {
            return !(current?.headline.contains { h in
                h.kind == .headline && h.box.horizontalOverlap(b.box) > 0
                    && h.box.width <= parameters.sectionMaxColumns * next.box.width
            } ?? false)
        }
        // Where no story is being told yet (the page's first text, or a story continued from an earlier
        // page that has no headline here), a line centred over running text heads an item of its own,
        // whatever its case (Correspondance Havas.); inside a headed story it is a crosshead.
        if current?.headline.isEmpty ?? true, b.lines.count == 1, !b.bold, b.kind != .headline,
           !isByline(b.text), isCentred(b, over: next) {
            return true
        }
        guard b.kind == .display || (b.bold && b.kind == .body && b.lines.count == 1),
              b.lines.count <= 3, !b.text.hasPrefix("—"), !isByline(b.text) else { return false }
        guard stacked(b, over: next, within: parameters.briefHeadlineGap) else { return false }
        // Set apart from the text under it (bold, or clearly larger), and aligned with that column on
        // the left or centred over it: not a piece of a line that fell out of the text.
        guard (b.bold && !next.bold) || b.size >= parameters.briefHeadlineRatio * next.size else { return false }
        let em = next.size
        guard abs(b.box.x0 - next.box.x0) <= em || abs(b.box.midX - next.box.midX) <= em else { return false }
        if let prev = ordered[..<i].last(where: { $0.kind != .image }), prev.kind == .body,
           stacked(prev, over: b, within: parameters.briefHeadlineGap),
           !rules.contains(where: { r in
               r.kind != .vertical && r.box.midY > prev.box.y1 - 1 && r.box.midY < b.box.y0 + 1
                   && r.box.horizontalOverlap(b.box) > 0
           }) {
            return false
        }
        return true
    }

    /// True where `b` is a heading in capitals at body or display size over the running text `next`: up to
    /// `capitalsHeadingMaxLines` lines, each in capitals (cased scripts), centred over `next` within
    /// `centreTolerance` em and standing in from both its edges by `headingSideMargin` em, right above it
    /// (within `briefHeadlineGap` em). Old papers head their short items so, at body size; a story's first
    /// lines are never all capitals and centred. Under a headline in headline type, in the columns it
    /// spans, they head the items of that section and open no article (`isBriefHeadline`).
    func isCapitalsHeading(_ b: TextBlock, over next: TextBlock) -> Bool {
        guard b.kind == .body || b.kind == .small || b.kind == .display, !b.bold, !isByline(b.text),
              b.lines.count <= parameters.capitalsHeadingMaxLines,
              b.lines.allSatisfy({ TextLine.isCapitals($0.text, minLetters: parameters.capitalsMinLetters,
                                                       capitalShare: parameters.capitalsShare) }) else { return false }
        return isCentred(b, over: next)
    }

    /// True where `b` is centred over `next` within `centreTolerance` em (of `next`'s size), standing in
    /// from both its edges by `headingSideMargin` em, and right above it (within `briefHeadlineGap` em).
    func isCentred(_ b: TextBlock, over next: TextBlock) -> Bool {
        let em = next.size
        return stacked(b, over: next, within: parameters.briefHeadlineGap)
            && abs(b.box.midX - next.box.midX) <= parameters.centreTolerance * em
            && b.box.x0 - next.box.x0 >= parameters.headingSideMargin * em
            && next.box.x1 - b.box.x1 >= parameters.headingSideMargin * em
    }

    /// True where `b` stands under `a` in the same column, at most `ems` of `b`'s size below it.
    func stacked(_ a: TextBlock, over b: TextBlock, within ems: Double) -> Bool {
        let gap = b.box.y0 - a.box.y1
        return gap >= -0.3 * b.size && gap <= ems * max(a.size, b.size)
            && a.box.horizontalOverlap(b.box) >= 0.5 * min(a.box.width, b.box.width)
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

    /// Moves a byline that opens or closes the body (as its first or last line, or the first line of the
    /// column that starts highest) out of the body.
    func extractBylines(_ d: Draft) -> Draft {
        var d = d
        if var last = d.body.last, last.lines.count > 1, let line = last.lines.last, isByline(line.text) {
            last.lines.removeLast()
            d.bylines.append(line.text)
            d.body[d.body.count - 1] = TextBlock(lines: last.lines, kind: last.kind)
        }
        // A byline opening a column that starts higher than the story's other columns (set over the
        // second column, with the first one starting lower) is the story's byline too.
        let top = d.body.map(\.box.y0).min() ?? 0
        for k in d.body.indices {
            let block = d.body[k]
            guard block.lines.count > 1, let line = block.lines.first, isByline(line.text),
                  k == 0 || line.box.y0 <= top + 1 else { continue }
            d.body[k] = TextBlock(lines: Array(block.lines.dropFirst()), kind: block.kind)
            d.bylines.insert(line.text, at: 0)
            break
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
