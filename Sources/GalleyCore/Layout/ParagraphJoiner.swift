/// Stage 7: the lines of an article's body blocks → paragraphs.
///
/// Contract: returns the text of all lines, in order, grouped into paragraphs. A line opens a paragraph
/// when it is indented from its column's left edge (the two-character indent of Chinese text, the em
/// indent of English), when the line before it ended short of the column's right edge, or when a wider
/// blank than usual stands between them. A column break alone never ends a paragraph.
/// Lines join without a space between CJK characters, with one space between words, and a line-end
/// hyphen is dropped where it split a word (next line starts in lower case); it is kept, without a
/// space, before a capital or digit ("Franco-" + "German"). A jump line ("Continued on A6", "下转第三版")
/// is a paragraph of its own; a piece of a line on the same baseline as the line before it continues it.
public struct ParagraphJoiner: Sendable {
    public var parameters: LayoutParameters
    public init(parameters: LayoutParameters = .standard) { self.parameters = parameters }

    public func paragraphs(_ blocks: [TextBlock]) -> [String] {
        // The printed lines, pieces on one baseline put back together, each with its column's edges.
        struct Row { var line: TextLine; var left: Double; var right: Double; var gapLimit: Double?; var size: Double }
        var rows: [Row] = []
        for block in blocks where !block.lines.isEmpty {
            let left = columnLeft(block), right = block.core.x1
            for (n, line) in block.lines.enumerated() {
                if let last = rows.last, sameRow(last.line, line) {
                    rows[rows.count - 1].line.text += " " + line.text
                    rows[rows.count - 1].line.box = last.line.box.union(line.box)
                    continue
                }
                let limit = n == 0 ? nil : max(parameters.paragraphGapRatio * usualGap(block), 0.5 * line.size)
                rows.append(Row(line: line, left: left, right: right, gapLimit: limit, size: line.size))
            }
        }
        var paras: [String] = []
        var current = ""
        var prevShort = true
        var prev: TextLine?
        var inJump = false
        for row in rows {
            let line = row.line, s = row.size
            let jump = isJumpLine(line.text)
            let indented = line.box.x0 - row.left >= parameters.paragraphIndent * s
            var gapBreak = false
            if let limit = row.gapLimit, let p = prev { gapBreak = line.box.y0 - p.box.y1 > limit }
            if !current.isEmpty && (indented || prevShort || gapBreak || jump || inJump) {
                paras.append(current)
                current = ""
            }
            current = current.isEmpty ? line.text : join(current, line.text)
            prevShort = line.box.x1 < row.right - parameters.shortLine * s
            prev = line
            inJump = jump
        }
        if !current.isEmpty { paras.append(current) }
        return paras
    }

    /// True where `b` stands on the same baseline as `a`, right of it: one printed line in two pieces.
    func sameRow(_ a: TextLine, _ b: TextLine) -> Bool {
        abs(a.box.midY - b.box.midY) <= 0.3 * min(a.size, b.size) && b.box.x0 >= a.box.x1 - 0.5
            && b.box.x0 - a.box.x1 <= parameters.sameRowGap * a.size
    }

    /// A jump line, telling where the story goes on (Continued on A6, See PIERS on A4, 下转第三版,
    /// 转第5版, ● a pagina 24, Segue a pagina 3): always a paragraph of its own, the story's last.
    public func isJumpLine(_ text: String) -> Bool {
        var t = Substring(text.trimmedWhitespace)
        while let c = t.first, "●•▶►→(（[".contains(c) || c.isWhitespace { t = t.dropFirst() }
        let lower = t.lowercased()
        guard t.count <= 40 else { return false }
        let latin = ["continued on ", "continued from ", "see ", "turn to ", "a pagina ", "segue a pagina ",
                     "suite page ", "suite en page ", "fortsetzung seite ", "continúa en ", "sigue en "]
        if latin.contains(where: { lower.hasPrefix($0) }) {
            return t.contains { $0.isNumber } && (lower.hasPrefix("see ") ? lower.contains(" on ") || lower.contains(" page") : true)
        }
        let zh = ["下转第", "上接第", "转第", "接第", "下转", "上接"]
        return zh.contains { t.hasPrefix($0) } && (t.hasSuffix("版") || t.hasSuffix("版）") || t.hasSuffix("版)"))
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
