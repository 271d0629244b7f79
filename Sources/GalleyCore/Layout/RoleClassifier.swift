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

    public func classify(_ blocks: [TextBlock], bodySize: Double) -> [TextBlock] {
        blocks.map { b in
            var b = b
            guard b.kind != .image else { return b }
            b.kind = kind(size: b.size, bold: b.bold, vertical: b.vertical, bodySize: bodySize)
            if b.kind == .small && b.lines.count > parameters.smallMaxLines { b.kind = .body }
            // Kickers and decks are short; a long block of slightly larger type is running text.
            if b.kind == .display && b.lines.count > parameters.displayMaxLines && !b.bold { b.kind = .body }
            return b
        }
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
