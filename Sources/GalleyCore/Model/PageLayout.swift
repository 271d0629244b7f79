/// Everything the layout core found on one page: the articles, and what the overlay shows of its work.
public struct PageLayout: Sendable {
    /// Page number, size, text columns in reading order, furniture and warnings.
    public var summary: PageSummary
    /// Articles in reading order, ids `p<page>-a<k>`; their `blocks` carry the reading path.
    public var articles: [Article]
    /// Separators the analysis used between columns and articles: drawn rules and white gutters.
    public var separators: [Rect]

    public init(summary: PageSummary, articles: [Article] = [], separators: [Rect] = []) {
        self.summary = summary; self.articles = articles; self.separators = separators
    }
}
