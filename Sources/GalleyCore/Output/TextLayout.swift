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
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
