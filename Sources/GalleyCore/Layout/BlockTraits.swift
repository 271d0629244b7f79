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

    /// A heading set in capitals: one line with at least `minLetters` letters, nearly all of them capitals
    /// (share `capitalShare`). Scripts without case never qualify.
    func isCapitalsLine(minLetters: Int, capitalShare: Double) -> Bool {
        lines.count == 1 && TextLine.isCapitals(lines[0].text, minLetters: minLetters, capitalShare: capitalShare)
    }
}

extension TextLine {
    /// True where `text` has at least `minLetters` cased letters, at least `capitalShare` of them capitals.
    static func isCapitals(_ text: String, minLetters: Int, capitalShare: Double) -> Bool {
        var upper = 0, cased = 0
        for c in text where c.isLetter && (c.isUppercase || c.isLowercase) {
            cased += 1
            if c.isUppercase { upper += 1 }
        }
        return cased >= minLetters && Double(upper) >= capitalShare * Double(cased)
    }
}
