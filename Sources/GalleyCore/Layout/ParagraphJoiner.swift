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

    /// `obstacles`: pictures and captions the text may run beside (VerticalPagePictureWrap); none by default.
    public func paragraphs(_ blocks: [TextBlock], beside obstacles: [Rect] = []) -> [String] {
        // The printed lines, pieces on one baseline put back together, each with its column's edges and
        // the size of its first piece. (Text and box only: copying whole lines would copy their glyphs.)
        struct Row { var text: String; var box: Rect; var left: Double; var right: Double; var gapLimit: Double?
                     var size: Double }
        var rows: [Row] = []
        for block in blocks where !block.lines.isEmpty {
            let left = columnLeft(block), right = block.core.x1, usual = usualGap(block)
            let wrapped = obstacles.isEmpty ? nil : leftBeside(obstacles, in: block, columnLeft: left)
            for (n, line) in block.lines.enumerated() {
                if let last = rows.last, sameRow(last.box, size: last.size, line.box, size: line.size) {
                    rows[rows.count - 1].text += " " + line.text
                    rows[rows.count - 1].box = last.box.union(line.box)
                    continue
                }
                let limit = n == 0 ? nil : max(parameters.paragraphGapRatio * usual, 0.5 * line.size)
                let rowLeft = wrapped.flatMap { $0.lines.contains(n) ? $0.left : nil } ?? left
                rows.append(Row(text: line.text, box: line.box, left: rowLeft, right: right, gapLimit: limit,
                                size: line.size))
            }
        }
        var paras: [String] = []
        var current = ""
        var prevShort = true
        var prevBox: Rect?
        var inJump = false
        for row in rows {
            let box = row.box, s = row.size
            let jump = isJumpLine(row.text)
            let indented = box.x0 - row.left >= parameters.paragraphIndent * s
            var gapBreak = false
            if let limit = row.gapLimit, let p = prevBox { gapBreak = box.y0 - p.y1 > limit }
            if !current.isEmpty && (indented || prevShort || gapBreak || jump || inJump) {
                paras.append(current)
                current = ""
            }
            append(row.text, to: &current)
            prevShort = box.x1 < row.right - parameters.shortLine * s
            prevBox = box
            inJump = jump
        }
        if !current.isEmpty { paras.append(current) }
        return paras
    }

    /// True where `b` (type size `bSize`) stands on the same baseline as `a`, right of it: one printed
    /// line in two pieces.
    func sameRow(_ a: Rect, size aSize: Double, _ b: Rect, size bSize: Double) -> Bool {
        abs(a.midY - b.midY) <= 0.3 * min(aSize, bSize) && b.x0 >= a.x1 - 0.5
            && b.x0 - a.x1 <= parameters.sameRowGap * aSize
    }

    /// A jump line, telling where the story goes on (Continued on A6, See PIERS on A4, 下转第三版,
    /// 转第5版, ● a pagina 24, Segue a pagina 3): always a paragraph of its own, the story's last.
    /// Every body line is asked, so the cheap tests come first: the first character (a Chinese jump line
    /// opens with the first character of one of its phrases; CJK characters have no case, and full-width
    /// Latin letters lower-case to full-width ones, so a line opening with one is no Latin jump line), then
    /// the length (walking at most `jumpLineMaxChars` + 1 characters, not the whole line), and only then
    /// the lower-cased phrases.
    ///
    /// Most lines open with an ideograph or a Latin letter or digit. Such a character is no whitespace,
    /// and, having no canonical decomposition, equals no other character (no bullet or bracket, no
    /// phrase opener but its own scalar): there is nothing to drop at the line's front, and a line opening
    /// with an ideograph that opens no Chinese phrase is no jump line (ideographs have no case).
    public func isJumpLine(_ text: String) -> Bool {
        let opening = text.unicodeScalars.first
        if let s = opening, Self.isIdeograph(s), !Self.chineseJumpOpenerScalars.contains(s) { return false }
        let plain = opening.map { Self.isIdeograph($0) || Self.isASCIILetterOrDigit($0) } ?? false
        var t = Substring(text)
        while !plain, let c = t.first, c.isWhitespace { t = t.dropFirst() }
        while let c = t.last, c.isWhitespace { t = t.dropLast() }
        while !plain, let c = t.first, Self.jumpMarks.contains(c) || c.isWhitespace { t = t.dropFirst() }
        guard let first = t.first else { return false }
        let maybeLatin = !Script.isCJK(first), maybeChinese = Self.chineseJumpOpeners.contains(first)
        guard maybeLatin || maybeChinese, t.dropFirst(parameters.jumpLineMaxChars).isEmpty else { return false }
        if maybeLatin {
            let lower = t.lowercased()
            if Self.latinJumpPhrases.contains(where: { lower.hasPrefix($0) }) {
                return t.contains { $0.isNumber }
                    && (lower.hasPrefix("see ") ? lower.contains(" on ") || lower.contains(" page") : true)
            }
        }
        return maybeChinese && Self.chineseJumpPhrases.contains { t.hasPrefix($0) }
            && (t.hasSuffix("版") || t.hasSuffix("版）") || t.hasSuffix("版)"))
    }

    /// CJK unified ideographs (the common block).
    static func isIdeograph(_ s: Unicode.Scalar) -> Bool { (0x4E00...0x9FFF).contains(s.value) }

    static func isASCIILetterOrDigit(_ s: Unicode.Scalar) -> Bool {
        (0x30...0x39).contains(s.value) || (0x41...0x5A).contains(s.value) || (0x61...0x7A).contains(s.value)
    }

    /// Bullets, arrows and brackets a jump line may open with.
    static let jumpMarks: [Character] = ["●", "•", "▶", "►", "→", "(", "（", "["]

    /// How jump lines open, lower case: English, Italian, French, German, Spanish.
    static let latinJumpPhrases = ["continued on ", "continued from ", "see ", "turn to ", "a pagina ",
                                   "segue a pagina ", "suite page ", "suite en page ", "fortsetzung seite ",
                                   "continúa en ", "sigue en "]
    /// How Chinese jump lines open (下转第三版, 上接第一版, 转第5版).
    static let chineseJumpPhrases = ["下转第", "上接第", "转第", "接第", "下转", "上接"]
    /// The characters those phrases open with.
    static let chineseJumpOpeners: [Character] = ["下", "上", "转", "接"]
    static let chineseJumpOpenerScalars = chineseJumpOpeners.map { $0.unicodeScalars.first! }

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
        var joined = a
        append(b, to: &joined)
        return joined
    }

    /// Appends `b` to `a` as `join` joins them, in place: a paragraph grows line by line without being
    /// copied at every line.
    public func append(_ b: String, to a: inout String) {
        guard let last = a.last, let first = b.first else { a += b; return }
        if Script.isCJK(last) || Script.isCJK(first) { a += b; return }
        if last == "-" || last == "\u{00AD}", let c = a.dropLast().last, c.isLetter {
            // A word split at the line end loses its hyphen; a hyphenated compound keeps it.
            if first.isLowercase { a.removeLast() }
            a += b
            return
        }
        a += " "
        a += b
    }
}
