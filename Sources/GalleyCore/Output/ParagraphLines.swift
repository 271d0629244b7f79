/// Finds the lines each paragraph of an article was joined from.
///
/// The layout gives an article's paragraphs as text only; the library formats point at their lines.
/// A paragraph is its lines' texts joined (`ParagraphJoiner.append`: a space between words, none
/// around CJK text, a line-end hyphen dropped before a lower-case letter), so the lines, read in order,
/// spell the paragraphs out: each line is matched at the place the previous one ended, past the space
/// between them, and a paragraph read to its end hands the next line to the next paragraph. Nothing
/// of the joining rules is repeated: only where a line's text begins is asked.
public struct ParagraphLines: Sendable {
    /// A line of the article's body: where it is and what it reads.
    public struct Line: Sendable {
        public var block: Int
        public var line: Int
        public var text: String
        public init(block: Int, line: Int, text: String) { self.block = block; self.line = line; self.text = text }
    }

    public init() {}

    /// The lines of each of `paragraphs`, as spans (one a block), in order; `lines` are the body's
    /// lines in reading order. A line that cannot be placed (text that is in no paragraph) joins the
    /// paragraph being read, so that every line is in one paragraph.
    public func spans(_ paragraphs: [String], lines: [Line]) -> [[LineSpan]] {
        guard !paragraphs.isEmpty else { return [] }
        var spans = Array(repeating: [LineSpan](), count: paragraphs.count)
        var p = 0
        var text = Array(paragraphs[0].unicodeScalars)
        var at = 0
        for line in lines {
            let t = Array(line.text.unicodeScalars)
            if at == text.count, at > 0, !t.isEmpty, p + 1 < paragraphs.count {
                p += 1
                text = Array(paragraphs[p].unicodeScalars)
                at = 0
            }
            if let end = match(t, in: text, at: at) {
                at = end
            } else if p + 1 < paragraphs.count, let end = match(t, in: Array(paragraphs[p + 1].unicodeScalars), at: 0) {
                p += 1
                text = Array(paragraphs[p].unicodeScalars)
                at = end
            }
            add(line, to: &spans[p])
        }
        return spans
    }

    /// Where `t` ends when it is read in `text` from `at` (past one space where `at` is not the start),
    /// or nil where it is not there. A line ending in a hyphen matches without it (the joiner drops it).
    func match(_ t: [Unicode.Scalar], in text: [Unicode.Scalar], at: Int) -> Int? {
        var starts = [at]
        if at > 0, at < text.count, text[at] == " " { starts.insert(at + 1, at: 0) }
        for s in starts {
            if hasPrefix(text, t[...], at: s) { return s + t.count }
            if let last = t.last, last == "-" || last == "\u{AD}", hasPrefix(text, t.dropLast(), at: s) {
                return s + t.count - 1
            }
        }
        return nil
    }

    private func hasPrefix(_ text: [Unicode.Scalar], _ t: ArraySlice<Unicode.Scalar>, at: Int) -> Bool {
        guard at + t.count <= text.count else { return false }
        var k = at
        for u in t {
            if text[k] != u { return false }
            k += 1
        }
        return true
    }

    private func add(_ line: Line, to spans: inout [LineSpan]) {
        if let last = spans.last, last.block == line.block, last.lines.upperBound == line.line {
            spans[spans.count - 1].lines = last.lines.lowerBound..<(line.line + 1)
        } else {
            spans.append(LineSpan(block: line.block, lines: line.line..<(line.line + 1)))
        }
    }
}
