import GalleyCore

extension PDFSketch {
    /// Sets `text` on one line from `x` so that it fills exactly `width`, as justified newspaper text does.
    /// Where the text has spaces (Latin), the spare width goes into the spaces between words; otherwise
    /// (Chinese) it is spread evenly between characters, keeping runs of Latin letters and digits whole.
    /// A line that is already too wide, or has nothing to spread over, is set naturally.
    /// Returns one box per Unicode scalar, in order; a space's box is the gap it stands for.
    @discardableResult
    public func justifiedText(_ text: String, x: Double, y: Double, width: Double, font: Font,
                              color: RGB = .black) -> [Rect] {
        let latin = text.contains(" ")
        let pieces = latin ? text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
                           : PDFSketch.clusters(text)
        let widths = pieces.map { measure($0, font: font) }
        let space = latin ? measure(" ", font: font) : 0
        let gaps = pieces.count - 1
        let natural = widths.reduce(0, +) + space * Double(max(0, gaps))
        guard gaps > 0, natural < width else { return self.text(text, x: x, y: y, font: font, color: color) }
        let gap = space + (width - natural) / Double(gaps)
        var boxes: [Rect] = []
        var left = x
        for (i, piece) in pieces.enumerated() {
            let drawn = self.text(piece, x: left, y: y, font: font, color: color)
            boxes += drawn
            left += widths[i]
            if i < gaps {
                if latin {
                    let row = drawn.last ?? Rect(x0: left, y0: y, x1: left, y1: y + font.size)
                    boxes.append(Rect(x0: left, y0: row.y0, x1: left + gap, y1: row.y1))
                }
                left += gap
            }
        }
        return boxes
    }

    /// Splits text without spaces into the units justification spreads apart: single characters, except
    /// that runs of ASCII letters, digits and their punctuation (`2025`, `5.2%`, `App`) stay together.
    static func clusters(_ text: String) -> [String] {
        var out: [String] = []
        var run = ""
        for ch in text {
            if ch.isASCII && !ch.isWhitespace {
                run.append(ch)
            } else {
                if !run.isEmpty { out.append(run); run = "" }
                out.append(String(ch))
            }
        }
        if !run.isEmpty { out.append(run) }
        return out
    }
}
