/// Stage helpers: what a block looks like to a reader, beyond its kind (vertical headlines, pull quotes,
/// section banners). Shared by the region cutter and the article grouper; pure functions of the block.
extension TextBlock {
    /// A headline set down the page: vertical lines, or a stack of single characters one under the other
    /// (how some PDFs draw vertical type), clearly taller than wide.
    var isVerticalHeadline: Bool {
        guard kind == .headline else { return false }
        if vertical { return true }
        guard lines.count >= 2, box.height > 2 * box.width else { return false }
        return lines.allSatisfy { $0.text.filter { !$0.isWhitespace }.count <= 1 }
    }

    /// Text without spaces, for length tests.
    var compactText: String { text.filter { !$0.isWhitespace } }

    /// Text that is one quotation from its first character to its last (closing punctuation aside):
    /// the shape of a pull quote.
    var isQuotation: Bool {
        let t = compactText
        guard let first = t.first, Self.openingQuotes.contains(first) else { return false }
        let tail = t.reversed().drop { ".,;:!?。，！？".contains($0) }
        guard let last = tail.first else { return false }
        return Self.closingQuotes.contains(last) && t.count >= 8
    }

    static let openingQuotes: Set<Character> = ["\"", "\u{201C}", "\u{2018}", "'", "\u{00AB}", "\u{201E}", "\u{300C}", "\u{300E}"]
    static let closingQuotes: Set<Character> = ["\"", "\u{201D}", "\u{2019}", "'", "\u{00BB}", "\u{300D}", "\u{300F}"]

    /// Number of characters as a reader counts them: CJK characters one each, Latin words one each.
    var readingLength: Int {
        var n = 0
        var inWord = false
        for c in text {
            if Script.isCJK(c) { n += 1; inWord = false }
            else if c.isLetter || c.isNumber { if !inWord { n += 1 }; inWord = true }
            else { inWord = false }
        }
        return n
    }
}
