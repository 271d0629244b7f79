/// The writing system a story is set in.
public enum Script: Sendable {
    /// Chinese: broken between any two characters, lines justified, no closing punctuation at a line start.
    case chinese
    /// English: broken between words, long words hyphenated at line ends, lines justified.
    case english
}

/// One line of a paragraph as the breaker cut it.
struct BrokenLine: Equatable {
    var text: String
    /// Indent of the line from the column's left edge, in points (the paragraph's first line).
    var indent: Double
    /// Whether the line is stretched to the full measure (every line but a paragraph's last).
    var justified: Bool
}

/// Breaks paragraphs into lines of a given width, the way newspapers set body text.
struct LineBreaker {
    let script: Script
    /// Width of a piece of text in the font being set.
    let measure: (String) -> Double

    /// Characters that never start a line (they close something, or hang on the previous word).
    static let noLineStart: Set<Character> = Set("，。、；：？！”’）》」』】〕…·%,.;:?!)]}")
    /// Characters that never end a line.
    static let noLineEnd: Set<Character> = Set("“‘（《「『【〔([{")

    /// The lines of `paragraph` set `width` wide, the first indented by `indent`. Display lines
    /// (headlines, decks) pass `hyphenate: false`: they break between words only.
    func lines(_ paragraph: String, width: Double, indent: Double, hyphenate: Bool = true) -> [BrokenLine] {
        switch script {
        case .chinese: return chineseLines(paragraph, width: width, indent: indent)
        case .english: return englishLines(paragraph, width: width, indent: indent, hyphenate: hyphenate)
        }
    }

    private func chineseLines(_ text: String, width: Double, indent: Double) -> [BrokenLine] {
        let tokens = PDFSketch.clusters(text)
        var out: [BrokenLine] = []
        var current: [String] = []
        var used = 0.0
        var lineIndent = indent
        func flush(justified: Bool) {
            out.append(BrokenLine(text: current.joined(), indent: lineIndent, justified: justified))
            current = []; used = 0; lineIndent = 0
        }
        for token in tokens {
            let w = measure(token)
            if used + w <= width - lineIndent + 0.01 || current.isEmpty {
                current.append(token); used += w
                continue
            }
            // Carry characters down so that the new line does not start with closing punctuation and the
            // old one does not end with opening punctuation.
            var carried: [String] = []
            while current.count > 1, let first = (carried.first ?? token).first, LineBreaker.noLineStart.contains(first) {
                carried.insert(current.removeLast(), at: 0)
            }
            while current.count > 1, let last = current.last?.last, LineBreaker.noLineEnd.contains(last) {
                carried.insert(current.removeLast(), at: 0)
            }
            flush(justified: true)
            current = carried + [token]
            used = current.map(measure).reduce(0, +)
        }
        if !current.isEmpty { flush(justified: false) }
        return out
    }

    private func englishLines(_ text: String, width: Double, indent: Double, hyphenate: Bool) -> [BrokenLine] {
        var words = text.split(separator: " ").map(String.init)
        let space = measure(" ")
        var out: [BrokenLine] = []
        var current: [String] = []
        var used = 0.0
        var lineIndent = indent
        func flush(justified: Bool) {
            out.append(BrokenLine(text: current.joined(separator: " "), indent: lineIndent, justified: justified))
            current = []; used = 0; lineIndent = 0
        }
        var i = 0
        while i < words.count {
            let word = words[i]
            let w = measure(word)
            let need = current.isEmpty ? w : used + space + w
            if need <= width - lineIndent + 0.01 || (current.isEmpty && w > width - lineIndent) {
                current.append(word); used = need; i += 1
                continue
            }
            // Hyphenate: the longest first part (with its hyphen) that still fits.
            let room = width - lineIndent - used - (current.isEmpty ? 0 : space)
            let chars = Array(word)
            for cut in (hyphenate ? Hyphenation.breaks(in: word) : []).reversed() {
                let head = String(chars[..<cut]), tail = String(chars[cut...])
                let shown = head.hasSuffix("-") ? head : head + "-"
                if measure(shown) <= room {
                    current.append(shown)
                    words[i] = tail
                    break
                }
            }
            flush(justified: true)
        }
        if !current.isEmpty { flush(justified: false) }
        return out
    }
}
