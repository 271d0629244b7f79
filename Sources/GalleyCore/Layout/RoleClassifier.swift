import Foundation

/// Stage 3: what each block is, from its type size and weight against the page's body size.
///
/// Contract: sets `TextBlock.kind` of text blocks to headline, display, body or small; vertical blocks stay
/// headlines when their type is at least body size. Does not move or merge blocks.
public struct RoleClassifier: Sendable {
    public var parameters: LayoutParameters
    public init(parameters: LayoutParameters = .standard) { self.parameters = parameters }

    /// The page's body size: the glyph size most glyphs have (ties go to the smaller size).
    public static func bodySize(of glyphs: [Glyph]) -> Double {
        ValueCounts(glyphs.compactMap { $0.vertical ? nil : ($0.size * 4).rounded() / 4 }).mode ?? 10
    }

    /// How far the glyph sizes of the page's body text scatter: 0 for a page set in exact sizes, where a
    /// few distinct sizes (at most `parameters.exactSizeCount`, to a hundredth of a point) hold 80% of the
    /// glyphs within `bodySize` × [0.7, 1.43]; otherwise the median of |ln(size / centre)| over those
    /// glyphs, the centre being their median size. A text layer drawn from OCR, each line's size taken
    /// from its height, scatters by about 0.04 to 0.11.
    public func sizeNoise(of glyphs: [Glyph], bodySize: Double) -> Double {
        var near: [Double] = []
        for g in glyphs where !g.vertical && g.size > 0 {
            let r = g.size / max(0.01, bodySize)
            if r > 0.7 && r < 1.43 { near.append(g.size) }
        }
        let counts = ValueCounts(near.map { ($0 * 100).rounded() / 100 }).counts.values.sorted(by: >)
        if counts.prefix(parameters.exactSizeCount).reduce(0, +) * 5 >= near.count * 4 { return 0 }
        guard let centre = ValueCounts(near).median, centre > 0 else { return 0 }
        return ValueCounts(near.map { abs(Foundation.log($0 / centre)) }).median ?? 0
    }

    public func classify(_ blocks: [TextBlock], bodySize: Double) -> [TextBlock] {
        let kinds = blocks.map { b in
            var b = b
            guard b.kind != .image else { return b }
            b.kind = kind(size: b.size, bold: b.bold, vertical: b.vertical, bodySize: bodySize)
            if b.kind == .small && b.lines.count > parameters.smallMaxLines { b.kind = .body }
            // Kickers and decks are short; a long block of slightly larger type is running text.
            if b.kind == .display && b.lines.count > parameters.displayMaxLines && !b.bold { b.kind = .body }
            // On an OCR text layer, large type that does not read as words (noise read in a picture, stray
            // marks) heads nothing. (Elsewhere large figures are real: prices and phone numbers in ads.)
            if parameters.sizesAreNoisy, b.kind == .headline || b.kind == .display, !b.vertical,
               !readsAsWords(b.text) { b.kind = .body }
            return b
        }
        return parameters.sizesAreNoisy ? demotingRunningLines(kinds) : kinds
    }

    /// Where sizes are noisy: display or headline type of one or two lines that stands in a column's flow
    /// (running text directly above and below it, within `runningLineGap` em; starting where the text
    /// below starts, allowing an indent, and at least `runningLineWidth` of its width) is running text that
    /// OCR made tall. A heading is centred or set apart by white.
    /// (Only body blocks whose near edge lies within the largest body size's reach of the line's edge can
    /// touch it: they are found by binary search in the body blocks sorted by top and by bottom edge, so
    /// that a page of many short lines is not compared block with block.)
    func demotingRunningLines(_ blocks: [TextBlock]) -> [TextBlock] {
        var out = blocks
        let body = blocks.indices.filter { blocks[$0].kind == .body }
        let byTop = body.sorted { blocks[$0].box.y0 < blocks[$1].box.y0 }
        let byBottom = body.sorted { blocks[$0].box.y1 < blocks[$1].box.y1 }
        let largest = body.map { abs(blocks[$0].size) }.max() ?? 0
        let reach = max(0.5, abs(parameters.runningLineGap)) * largest * 1.001 + 1e-6  // (a margin for rounding)
        func near(_ sorted: [Int], edge: (Rect) -> Double, to y: Double) -> ArraySlice<Int> {
            let first = sorted.partitioningIndex { edge(blocks[$0].box) >= y - reach }
            let end = sorted.partitioningIndex { edge(blocks[$0].box) > y + reach }
            return sorted[first..<max(first, end)]
        }
        for (i, b) in blocks.enumerated() where (b.kind == .headline || b.kind == .display) && b.lines.count <= 2
            && !b.vertical {
            func touching(_ o: TextBlock, below: Bool) -> Bool {
                guard o.kind == .body, o.box.horizontalOverlap(b.box) >= 0.5 * min(o.box.width, b.box.width) else {
                    return false
                }
                let gap = below ? o.box.y0 - b.box.y1 : b.box.y0 - o.box.y1
                return gap >= -0.5 * o.size && gap <= parameters.runningLineGap * o.size
            }
            guard near(byBottom, edge: \.y1, to: b.box.y0).contains(where: { touching(blocks[$0], below: false) }),
                  let first = near(byTop, edge: \.y0, to: b.box.y1).filter({ touching(blocks[$0], below: true) }).min()
            else { continue }
            let next = blocks[first]
            let em = next.size
            if b.box.x0 >= next.box.x0 - em, b.box.x0 <= next.box.x0 + parameters.indentTolerance * em,
               b.box.width >= parameters.runningLineWidth * next.box.width {
                out[i].kind = .body
            }
        }
        return out
    }

    /// True where `text` has at least `headingMinLetters` letters (ideographs count) and letters make at
    /// least `headingLetterShare` of its characters other than spaces.
    func readsAsWords(_ text: String) -> Bool {
        var letters = 0, all = 0
        for c in text where !c.isWhitespace {
            all += 1
            if c.isLetter { letters += 1 }
        }
        return letters >= parameters.headingMinLetters && Double(letters) >= parameters.headingLetterShare * Double(all)
    }

    func kind(size: Double, bold: Bool, vertical: Bool, bodySize: Double) -> BlockKind {
        let r = size / max(0.01, bodySize)
        if vertical { return r >= 1 ? .headline : .body }
        if r >= parameters.headlineRatio || (bold && r >= parameters.boldHeadlineRatio) { return .headline }
        if r >= parameters.displayRatio { return .display }
        if r < parameters.smallRatio { return .small }
        return .body
    }
}
