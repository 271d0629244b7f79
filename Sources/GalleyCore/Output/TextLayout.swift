/// Helpers shared by the plain-text and Markdown writers.
enum TextLayout {
    /// One line of text: line breaks and runs of whitespace inside a display line become one space.
    static func oneLine(_ s: String) -> String {
        s.split(whereSeparator: { $0.isNewline || $0 == "\t" }).joined(separator: " ")
            .trimmingWhitespace()
    }

    /// The display line, or nil where it is absent or blank.
    static func present(_ s: String?) -> String? {
        guard let s else { return nil }
        let t = oneLine(s)
        return t.isEmpty ? nil : t
    }

    /// Where an article came from: its pages, `page 1`, `pages 1-2` or `pages 1, 3` (from its blocks;
    /// the page in its id `p<page>-a<k>` where it has none), nil where neither says.
    static func pages(of article: Article) -> String? {
        var pages = Array(Set(article.blocks.map(\.page))).sorted()
        if pages.isEmpty, article.id.hasPrefix("p"), let n = Int(article.id.dropFirst().prefix { $0.isNumber }) { pages = [n] }
        guard let first = pages.first, let last = pages.last else { return nil }
        if pages.count == 1 { return "page \(first)" }
        if last - first + 1 == pages.count { return "pages \(first)-\(last)" }
        return "pages " + pages.map(String.init).joined(separator: ", ")
    }

    /// The line naming an article's id (the one `galley print --article` takes) and its pages:
    /// `p1-a2 · page 1`.
    static func source(of article: Article) -> String {
        [article.id, pages(of: article)].compactMap { $0 }.joined(separator: " · ")
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
