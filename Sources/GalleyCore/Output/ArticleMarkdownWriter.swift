/// Writes articles as Markdown (CommonMark), one after another.
///
/// Each article: the kicker in italics above a level-2 heading with the headline (or, where it has
/// none, its id), a line with its id in code and its pages (`` `p1-a2` · page 1 ``: the id `galley
/// print --article` takes), the deck in bold, the byline in italics, then the paragraphs, then each
/// caption as a block quote starting `*Caption:*`.
/// Articles are separated by a thematic break (`---`). Text is escaped so that a paragraph starting
/// with `#`, `1.` or `-`, or holding `*` or `_`, stays literal. Page furniture is not written.
public struct ArticleMarkdownWriter: Sendable {
    public init() {}

    public func markdown(for document: ArticleDocument) -> String { markdown(for: document.articles) }

    public func markdown(for articles: [Article]) -> String {
        let blocks = articles.map(block(for:)).filter { !$0.isEmpty }
        guard !blocks.isEmpty else { return "" }
        return blocks.joined(separator: "\n\n---\n\n") + "\n"
    }

    func block(for article: Article) -> String {
        let text = [article.kicker, article.headline, article.subheadline, article.byline].compactMap(TextLayout.present)
            + article.paragraphs.map(TextLayout.oneLine).filter { !$0.isEmpty } + article.captions.compactMap(TextLayout.present)
        guard !text.isEmpty else { return "" }
        var sections: [String] = []
        if let kicker = TextLayout.present(article.kicker) { sections.append("*\(Self.escape(kicker))*") }
        sections.append("## \(Self.escape(TextLayout.present(article.headline) ?? article.id))")
        let pages = TextLayout.pages(of: article).map { " · \($0)" } ?? ""
        sections.append("`\(article.id.replacingOccurrences(of: "`", with: ""))`\(pages)")
        if let deck = TextLayout.present(article.subheadline) { sections.append("**\(Self.escape(deck))**") }
        if let byline = TextLayout.present(article.byline) { sections.append("*\(Self.escape(byline))*") }
        sections += article.paragraphs.map(TextLayout.oneLine).filter { !$0.isEmpty }.map(Self.escape)
        sections += article.captions.compactMap(TextLayout.present).map { "> *Caption:* \(Self.escape($0))" }
        return sections.joined(separator: "\n\n")
    }

    /// Characters that are Markdown syntax anywhere in a line.
    static let inlineSyntax: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|"]

    /// Escapes text so that CommonMark shows it literally: inline syntax characters get a backslash,
    /// and a line that would start a heading, list, quote, break or code block has its first character
    /// escaped.
    static func escape(_ s: String) -> String {
        var out = ""
        for ch in s {
            if inlineSyntax.contains(ch) { out.append("\\") }
            out.append(ch)
        }
        return escapeLineStart(out)
    }

    static func escapeLineStart(_ s: String) -> String {
        guard let first = s.first else { return s }
        if "#+-=~".contains(first) { return "\\" + s }
        // An ordered list marker: digits followed by `.` or `)`.
        let digits = s.prefix(while: { $0.isASCII && $0.isNumber })
        if !digits.isEmpty, digits.count <= 9, let next = s.dropFirst(digits.count).first, next == "." || next == ")" {
            return digits + "\\" + s.dropFirst(digits.count)
        }
        return s
    }
}
