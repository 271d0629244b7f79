/// Writes articles as plain text, one after another, for reading or for tools that want clean text.
///
/// Each article: a line in brackets with its id and pages (`[p1-a2 · page 1]`: where it came from,
/// and the id `galley print --article` takes), kicker, headline, deck and byline on their own lines
/// (whichever are present), a blank line, then the paragraphs separated by blank lines, then each caption as `[Caption] …`.
/// Articles are separated by a line `* * *` between blank lines. Page furniture is not written.
public struct ArticleTextWriter: Sendable {
    /// Separator line between two articles.
    public static let articleSeparator = "* * *"
    /// Marker in front of a caption.
    public static let captionMarker = "[Caption] "

    public init() {}

    public func text(for document: ArticleDocument) -> String { text(for: document.articles) }

    public func text(for articles: [Article]) -> String {
        let blocks = articles.map(block(for:)).filter { !$0.isEmpty }
        guard !blocks.isEmpty else { return "" }
        return blocks.joined(separator: "\n\n\(Self.articleSeparator)\n\n") + "\n"
    }

    /// One article without trailing newline; empty where the article holds no text at all.
    func block(for article: Article) -> String {
        let display = [article.kicker, article.headline, article.subheadline, article.byline]
            .compactMap(TextLayout.present)
        var sections: [String] = []
        if !display.isEmpty { sections.append(display.joined(separator: "\n")) }
        sections += article.paragraphs.map(paragraph).filter { !$0.isEmpty }
        sections += article.captions.compactMap(TextLayout.present).map { Self.captionMarker + $0 }
        guard !sections.isEmpty else { return "" }
        let source = "[\(TextLayout.source(of: article))]"
        return display.isEmpty ? ([source] + sections).joined(separator: "\n\n")
            : source + "\n" + sections.joined(separator: "\n\n")
    }

    /// A body paragraph: its line breaks (there should be none) become spaces.
    func paragraph(_ s: String) -> String { TextLayout.oneLine(s) }
}
