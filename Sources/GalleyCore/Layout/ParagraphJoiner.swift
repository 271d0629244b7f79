/// Stage 7: the lines of an article's body blocks → paragraphs.
///
/// Contract: returns the text of all lines, in order, grouped into paragraphs. A line opens a paragraph
/// when it is indented from its column's left edge (the two-character indent of Chinese text, the em
/// indent of English), when the line before it ended short of the column's right edge, or when a wider
/// blank than usual stands between them. A column break alone never ends a paragraph.
/// Lines join without a space between CJK characters, with one space between words, and a line-end
/// hyphen is dropped where it split a word (next line starts in lower case); it is kept, without a
/// space, before a capital or digit ("Franco-" + "German").
public struct ParagraphJoiner: Sendable {
    public var parameters: LayoutParameters
    public init(parameters: LayoutParameters = .standard) { self.parameters = parameters }

    public func paragraphs(_ blocks: [TextBlock]) -> [String] {
        var paras: [String] = []
        var current = ""
        var prevShort = true
        for block in blocks where !block.lines.isEmpty {
            let left = columnLeft(block), right = block.core.x1
            var prevLine: TextLine?
            for line in block.lines {
                let s = line.size
                let indented = line.box.x0 - left >= parameters.paragraphIndent * s
                var gapBreak = false
                if let p = prevLine {
                    let gap = line.box.y0 - p.box.y1
                    gapBreak = gap > max(parameters.paragraphGapRatio * usualGap(block), 0.5 * s)
                }
                if !current.isEmpty && (indented || prevShort || gapBreak) {
                    paras.append(current)
                    current = ""
                }
                current = current.isEmpty ? line.text : join(current, line.text)
                prevShort = line.box.x1 < right - parameters.shortLine * s
                prevLine = line
            }
        }
        if !current.isEmpty { paras.append(current) }
        return paras
    }

    /// The left edge most lines of the block start at (not the indented ones).
    func columnLeft(_ block: TextBlock) -> Double {
        let xs = block.lines.map(\.box.x0).sorted()
        guard xs.count >= 3 else { return xs.first ?? block.box.x0 }
        // The smallest x0 shared by at least two lines (a lone outdented line is noise).
        for (i, x) in xs.enumerated() where i + 1 < xs.count && xs[i + 1] - x < 0.2 * block.size { return x }
        return xs[0]
    }

    func usualGap(_ block: TextBlock) -> Double {
        let gaps = zip(block.lines, block.lines.dropFirst()).map { $1.box.y0 - $0.box.y1 }.sorted()
        return gaps.isEmpty ? 0 : max(0, gaps[gaps.count / 2])
    }

    /// Joins two pieces of text that meet at a line end.
    public func join(_ a: String, _ b: String) -> String {
        guard let last = a.last, let first = b.first else { return a + b }
        if Script.isCJK(last) || Script.isCJK(first) { return a + b }
        if last == "-" || last == "\u{00AD}" {
            let beforeHyphen = a.dropLast().last
            if let c = beforeHyphen, c.isLetter {
                if first.isLowercase { return String(a.dropLast()) + b }
                return a + b
            }
        }
        return a + " " + b
    }
}
