import Foundation

/// The layout pipeline for one page:
/// glyphs → evidence of the drawing order and of the type sizes (DrawingOrder, RoleClassifier.sizeNoise) →
/// lines (the drawn runs where the drawing order is trusted, else LineBuilder and SplitRowMender) → blocks
/// (BlockBuilder; on trusted pages their lines as drawn, drawn fragments absorbed) → kinds (RoleClassifier)
/// → furniture (FurnitureFinder) → drop capitals (DropCapMerger) → regions and reading order (RegionCutter;
/// on trusted pages rearranged into drawing order) → articles (ArticleGrouper; on trusted pages in drawing
/// order unless drawn bottom up) → paragraphs (ParagraphJoiner). Where sizes scatter, the size ratios are
/// widened (LayoutParameters.tolerating). Each stage is its own type with its own contract and tests.
public struct PageAnalyzer: Sendable {
    public var parameters: LayoutParameters
    /// Whether a page set vertically (竖排) is handed to VerticalPageAnalyzer; its own passes over the
    /// turned page and the horizontal remainder set this false.
    public var detectsVerticalPages = true
    /// Whether lines beside a picture or caption measure their indents from it (text set round a picture:
    /// the columns under a vertical page's photo); VerticalPageAnalyzer's pass over the turned page sets it.
    public var wrapsTextAroundPictures = false
    public init(parameters: LayoutParameters = .standard) { self.parameters = parameters }

    /// Everything the stages produced, for debugging and the layout-tree dump.
    public struct Trace: Sendable {
        public var bodySize: Double
        /// How far the body's type sizes scatter (RoleClassifier.sizeNoise).
        public var sizeNoise: Double
        /// How far the drawing order was trusted.
        public var drawing: DrawingOrder.Evidence
        public var lines: [TextLine]
        public var blocks: [TextBlock]
        public var furniture: [(block: TextBlock, role: FurnitureRole)]
        public var content: [TextBlock]
        public var tree: RegionCutter.Node
        public var drafts: [ArticleGrouper.Draft]
    }

    public func analyze(_ page: PageContent) -> PageLayout { analyzeWithTrace(page).layout }

    public func analyzeWithTrace(_ page: PageContent) -> (layout: PageLayout, trace: Trace) {
        var glyphs = page.glyphs
        for i in glyphs.indices { glyphs[i].order = i }
        let possible = ImpossibleContent().filter(glyphs, images: page.images, rules: page.rules, page: page)
        var page = page
        glyphs = possible.glyphs
        if let warning = possible.warning {
            page.glyphs = possible.glyphs
            page.images = possible.images
            page.rules = possible.rules
            page.warnings.append(warning)
        }
        if detectsVerticalPages, let vertical = VerticalPageAnalyzer(parameters: parameters).analyze(page) { return vertical }
        let bodySize = RoleClassifier.bodySize(of: glyphs)
        let sizeNoise = RoleClassifier(parameters: parameters).sizeNoise(of: glyphs, bodySize: bodySize)
        let p = parameters.tolerating(sizeNoise: sizeNoise)
        let drawing = DrawingOrder(parameters: p)
        let evidence = drawing.evidence(glyphs)
        var lines: [TextLine]
        if evidence.trusted {
            lines = drawing.lines(from: glyphs, rules: page.rules, bodySize: bodySize)
        } else {
            lines = LineBuilder(parameters: p).lines(from: glyphs, rules: page.rules, bodySize: bodySize)
            lines = SplitRowMender(parameters: p).mend(lines, bodySize: bodySize)
        }
        var blocks = BlockBuilder(parameters: p).blocks(from: lines, rules: page.rules)
        if evidence.trusted { blocks = drawing.absorbingDrawnFragments(blocks.map(drawing.linesAsDrawn)) }
        blocks = RoleClassifier(parameters: p).classify(blocks, bodySize: bodySize)
        let images = ImageTrimmer().trim(page.images.map(\.box), glyphs: glyphs, page: page.bounds)
            .filter { $0.width > bodySize && $0.height > bodySize }
        blocks += images.map { TextBlock(image: $0) }
        var split = FurnitureFinder(parameters: p).split(blocks, page: page, bodySize: bodySize)
        split.content = DropCapMerger(parameters: p).merge(split.content, bodySize: bodySize)
        let cut = RegionCutter(parameters: p).cut(split.content, rules: page.rules, bodySize: bodySize)
        let geometric = cut.tree.order
        let order = evidence.trusted ? drawing.readingOrder(split.content, geometric: geometric) : geometric
        let grouper = ArticleGrouper(parameters: p)
        let ordered = grouper.joiningConnectors(order.map { split.content[$0] })
        var drafts = grouper.group(ordered, images: images, rules: page.rules)
        if evidence.trusted {
            let order = drawing.articleOrder(drafts.map { $0.sequence.map(\.1) }, blocks: split.content,
                                             geometric: geometric)
            drafts = order.map { drafts[$0] }
        }
        let joiner = ParagraphJoiner(parameters: p)

        var articles: [Article] = []
        var extraFurniture: [Furniture] = []
        var columns: [Rect] = []
        for d in drafts {
            for q in d.pullQuotes {
                extraFurniture.append(Furniture(role: .other, text: q.lines.map(\.text).joined(separator: " "), bbox: q.box))
            }
            let paragraphs = joiner.paragraphs(d.body, beside: wrapsTextAroundPictures ? d.images + d.captions.map(\.box) : [])
            // Display type without any running text is an advertisement (or a stray label), not a story.
            if paragraphs.isEmpty && d.captions.isEmpty {
                for b in d.kicker + d.headline + d.deck {
                    extraFurniture.append(Furniture(role: .advertisement, text: b.lines.map(\.text).joined(separator: " "), bbox: b.box))
                }
                continue
            }
            let id = "p\(page.number)-a\(articles.count + 1)"
            // Each block's lines joined as paragraph lines are, then the blocks joined the same way.
            func text(_ bs: [TextBlock]) -> String? {
                var t = ""
                for b in bs {
                    var blockText = ""
                    for line in b.lines { joiner.append(line.text, to: &blockText) }
                    joiner.append(blockText, to: &t)
                }
                return t.isEmpty ? nil : t
            }
            let blocks = d.sequence.map { ArticleBlock(page: page.number, role: $0.0, bbox: $0.1) }
            columns += d.body.map(\.core)
            articles.append(Article(id: id, kicker: text(d.kicker), headline: text(d.headline),
                                    subheadline: text(d.deck),
                                    byline: d.bylines.isEmpty ? nil : d.bylines.joined(separator: " "),
                                    paragraphs: paragraphs, captions: d.captions.compactMap { text([$0]) },
                                    blocks: blocks))
        }
        let furniture = split.furniture.map { Furniture(role: $0.role, text: $0.block.lines.map(\.text).joined(separator: " "), bbox: $0.block.box) } + extraFurniture
        let summary = PageSummary(number: page.number, width: page.width, height: page.height, columns: columns,
                                  furniture: furniture, warnings: page.warnings)
        let separators = cut.separators + page.rules.filter { $0.kind == .vertical || $0.kind == .horizontal }.map(\.box)
        let trace = Trace(bodySize: bodySize, sizeNoise: sizeNoise, drawing: evidence, lines: lines, blocks: blocks, furniture: split.furniture,
                          content: split.content, tree: cut.tree, drafts: drafts)
        // Debugging aid: GALLEY_LAYOUT_DUMP=1 writes the layout tree of every page to standard error.
        if debugEnvironment["GALLEY_LAYOUT_DUMP"] != nil {
            FileHandle.standardError.write(Data(("page \(page.number)\n" + LayoutTreeDump.dump(trace)).utf8))
        }
        return (PageLayout(summary: summary, articles: articles, separators: separators), trace)
    }
}
