/// Vertical pages, stage 2: the quarter turn that makes vertical text horizontal.
///
/// Contract: a page `width` wide is turned a quarter turn clockwise about its top-left corner and moved
/// back onto the page, so that a column read top to bottom becomes a line read left to right and columns
/// that follow right to left become lines that follow top to bottom: the point (x, y) goes to
/// (y, width − x). A tier (a band across the vertical page) becomes a column of the turned page, a story's
/// headline at its right edge a headline over its text, a paragraph's indent at a column's top an indent
/// at a line's left, a byline set at a column's foot a line set flush right. `back` undoes `turn` exactly.
public struct VerticalPageTurn: Sendable, Hashable {
    /// Width of the vertical page.
    public var width: Double
    public init(width: Double) { self.width = width }

    /// A box of the vertical page on the turned page.
    public func turn(_ r: Rect) -> Rect { Rect(x0: r.y0, y0: width - r.x1, x1: r.y1, y1: width - r.x0) }

    /// A box of the turned page back on the vertical page.
    public func back(_ r: Rect) -> Rect { Rect(x0: width - r.y1, y0: r.x0, x1: width - r.y0, y1: r.x1) }

    /// A rule of the vertical page on the turned page: horizontal rules become vertical ones.
    public func turn(_ rule: Rule) -> Rule {
        let kind: Rule.Kind
        switch rule.kind {
        case .horizontal: kind = .vertical
        case .vertical: kind = .horizontal
        case .frame, .fill: kind = rule.kind
        }
        return Rule(kind: kind, box: turn(rule.box))
    }

    /// What the layout found on the turned page, back on the vertical page (`height` its height): boxes
    /// turned back, the page's own size, every article marked vertical.
    public func back(_ layout: PageLayout, height: Double) -> PageLayout {
        var summary = layout.summary
        summary.width = width
        summary.height = height
        summary.columns = summary.columns.map(back)
        summary.furniture = summary.furniture.map { Furniture(role: $0.role, text: $0.text, bbox: back($0.bbox)) }
        let articles = layout.articles.map { a -> Article in
            var a = a
            a.blocks = a.blocks.map { ArticleBlock(page: $0.page, role: $0.role, bbox: back($0.bbox)) }
            a.writing = .vertical
            return a
        }
        return PageLayout(summary: summary, articles: articles, separators: layout.separators.map(back))
    }
}
