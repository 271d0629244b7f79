/// Vertical pages, the whole pipeline: a page whose text is set vertically (竖排) is read as two pages.
///
/// Contract: `analyze` returns nil for a page that VerticalPageDetector does not find vertical (the page
/// then takes the horizontal pipeline alone, unchanged). On a vertical page the glyphs are parted by
/// direction. The vertical ones, made ready by VerticalGlyphs, are turned a quarter turn
/// (VerticalPageTurn) with the page's pictures and rules, and the turned page goes through the whole
/// horizontal pipeline: its lines are the columns, its columns the tiers, so columns are read right to
/// left inside a tier and tiers top to bottom, a headline at a story's right edge heads its text, a
/// kicker right of it and a deck left of it stand over and under it, paragraphs open at indented
/// column tops and join as horizontal Chinese ones do. What it finds is turned back and marked vertical.
/// The horizontal glyphs (masthead, header, folio, advertisements, horizontal captions or boxes) go
/// through the horizontal pipeline on the page as it is, with the frames and tinted boxes that hold them
/// and the pictures inside those; its furniture and articles join the vertical ones (vertical articles
/// first, in reading order, then the horizontal ones; ids renumbered). A vertical story without a byline
/// whose first or last paragraph is a short byline in traditional characters (記者…, 通訊員…, （本報訊）)
/// takes it as its byline. The trace is that of the turned page.
public struct VerticalPageAnalyzer: Sendable {
    public var parameters: LayoutParameters
    public init(parameters: LayoutParameters = .standard) { self.parameters = parameters }

    public func analyze(_ page: PageContent) -> (layout: PageLayout, trace: PageAnalyzer.Trace)? {
        let finding = VerticalPageDetector(parameters: parameters).detect(page.glyphs)
        guard finding.isVerticalPage else { return nil }
        var vertical: [Glyph] = [], horizontal: [Glyph] = []
        for (g, v) in zip(page.glyphs, finding.vertical) {
            if v { vertical.append(g) } else { horizontal.append(g) }
        }
        // Frames and tinted boxes round horizontal text (an advertisement) belong to the horizontal page,
        // with the pictures inside them.
        func holdsHorizontalText(_ r: Rect) -> Bool {
            horizontal.contains { r.x0 <= $0.box.midX && $0.box.midX <= r.x1 && r.y0 <= $0.box.midY && $0.box.midY <= r.y1 }
        }
        let boxes = page.rules.filter { ($0.kind == .frame || $0.kind == .fill) && holdsHorizontalText($0.box) }.map(\.box)
        func insideBox(_ r: Rect) -> Bool {
            boxes.contains { $0.x0 <= r.x0 + 1 && $0.y0 <= r.y0 + 1 && r.x1 <= $0.x1 + 1 && r.y1 <= $0.y1 + 1 }
        }
        let turn = VerticalPageTurn(width: page.width)
        let turnedGlyphs = VerticalGlyphs(parameters: parameters).prepare(vertical).map { g -> Glyph in
            var g = g
            g.box = turn.turn(g.box)
            g.vertical = false      // set horizontally on the turned page
            return g
        }
        let turned = PageContent(number: page.number, width: page.height, height: page.width, glyphs: turnedGlyphs,
                                 images: page.images.filter { !insideBox($0.box) }.map { PageImage(box: turn.turn($0.box)) },
                                 rules: page.rules.filter { !boxes.contains($0.box) }.map(turn.turn))
        var inner = PageAnalyzer(parameters: parameters)
        inner.detectsVerticalPages = false
        var turnedPass = inner
        turnedPass.wrapsTextAroundPictures = true
        let (turnedLayout, trace) = turnedPass.analyzeWithTrace(turned)
        let columns = turn.back(turnedLayout, height: page.height)

        var articles = columns.articles.map(takingByline)
        var furniture = columns.summary.furniture
        var summaryColumns = columns.summary.columns
        var separators = columns.separators
        if !horizontal.isEmpty {
            let flat = PageContent(number: page.number, width: page.width, height: page.height, glyphs: horizontal,
                                   images: page.images.filter { insideBox($0.box) }, rules: page.rules)
            let rest = inner.analyze(flat)
            articles += rest.articles
            furniture = rest.summary.furniture + furniture
            summaryColumns += rest.summary.columns
            separators += rest.separators
        }
        for k in articles.indices { articles[k].id = "p\(page.number)-a\(k + 1)" }
        let summary = PageSummary(number: page.number, width: page.width, height: page.height, columns: summaryColumns,
                                  furniture: furniture, warnings: page.warnings)
        return (PageLayout(summary: summary, articles: articles, separators: separators), trace)
    }

    /// The article with a byline in traditional characters moved out of its text: the horizontal
    /// pipeline knows the simplified forms only.
    func takingByline(_ article: Article) -> Article {
        var a = article
        guard a.byline == nil, a.paragraphs.count >= 2 else { return a }
        if let last = a.paragraphs.last, isTraditionalByline(last) {
            a.byline = a.paragraphs.removeLast()
        } else if let first = a.paragraphs.first, isTraditionalByline(first) {
            a.byline = a.paragraphs.removeFirst()
        }
        return a
    }

    /// A short text naming who wrote the story: 記者…, 通訊員…, …報導, or a bracketed 本報訊.
    func isTraditionalByline(_ text: String) -> Bool {
        guard text.count <= parameters.maxBylineChars else { return false }
        let markers = ["記者", "通訊員", "報導", "特派員", "本報訊", "中央社"]
        return markers.contains { text.contains($0) } && !text.contains("。")
    }
}
