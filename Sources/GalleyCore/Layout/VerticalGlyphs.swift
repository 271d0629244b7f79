/// Vertical pages, stage 3: the glyphs of vertical text made ready for the turn (VerticalPageTurn).
///
/// Contract: narrow glyphs (at most `verticalNarrowCell` em wide) set side by side in one cell of a
/// column, such as a two-digit number across the column (縦中横), become one glyph holding their text
/// left to right; every glyph's box becomes one em tall, centred where it was (a CJK character takes one
/// em of its column; a narrower run, such as a rotated Latin letter, keeps its own height), and
/// `verticalCrossExtent` em wide, centred on its column; the vertical presentation forms of punctuation
/// (︐︑︒﹁﹂︵︶ …) take their horizontal code points, so every text output reads as horizontal text does
/// (`inspect` shows the glyphs as drawn). The glyphs come out in their drawing order.
public struct VerticalGlyphs: Sendable {
    public var parameters: LayoutParameters
    public init(parameters: LayoutParameters = .standard) { self.parameters = parameters }

    public func prepare(_ glyphs: [Glyph]) -> [Glyph] {
        merged(glyphs).map(normalised)
    }

    /// Runs of narrow glyphs side by side in one cell, as one glyph each.
    func merged(_ glyphs: [Glyph]) -> [Glyph] {
        let narrow = glyphs.indices.filter { glyphs[$0].box.width <= parameters.verticalNarrowCell * glyphs[$0].size }
        guard narrow.count >= 2 else { return glyphs }
        let sorted = narrow.sorted { (glyphs[$0].box.midY, glyphs[$0].box.x0) < (glyphs[$1].box.midY, glyphs[$1].box.x0) }
        var next: [Int: Int] = [:], hasPrevious = Set<Int>()
        for (a, b) in zip(sorted, sorted.dropFirst()) {
            let g = glyphs[a], o = glyphs[b]
            let s = min(g.size, o.size)
            guard abs(o.box.midY - g.box.midY) <= 0.2 * s, o.box.x0 >= g.box.x1 - 0.2 * s,
                  o.box.x0 - g.box.x1 <= 0.15 * s, abs(o.size - g.size) <= 0.15 * s else { continue }
            next[a] = b
            hasPrevious.insert(b)
        }
        var out: [Glyph] = []
        var consumed = Set<Int>()
        for i in glyphs.indices where !consumed.contains(i) {
            guard next[i] != nil, !hasPrevious.contains(i) else {
                if !hasPrevious.contains(i) { out.append(glyphs[i]) }
                continue
            }
            var cell = glyphs[i]
            var k = i
            while let j = next[k] {
                cell.text += glyphs[j].text
                cell.box = cell.box.union(glyphs[j].box)
                consumed.insert(j)
                k = j
            }
            out.append(cell)
        }
        return out
    }

    /// The glyph with its box one em down its column and `verticalCrossExtent` em across, and its text
    /// in horizontal forms.
    func normalised(_ g: Glyph) -> Glyph {
        var g = g
        let s = g.size
        let cjk = g.text.unicodeScalars.first.map(Script.isCJK) ?? false
        let along = cjk || g.box.height >= s ? s : g.box.height
        let across = parameters.verticalCrossExtent * s
        g.box = Rect(x0: g.box.midX - across / 2, y0: g.box.midY - along / 2,
                     x1: g.box.midX + across / 2, y1: g.box.midY + along / 2)
        g.text = Self.horizontalForms(g.text)
        return g
    }

    /// `text` with the vertical presentation forms of punctuation replaced by their horizontal ones.
    public static func horizontalForms(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { (0xFE10...0xFE4F).contains($0.value) }) else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars { out.append(horizontal[s.value].flatMap(Unicode.Scalar.init) ?? s) }
        return String(out)
    }

    /// `text` with punctuation in the forms vertical writing draws (the inverse of `horizontalForms`), for
    /// typesetting vertical text with fonts and shapers that do not substitute them themselves.
    public static func verticalForms(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars { out.append(vertical[s.value].flatMap(Unicode.Scalar.init) ?? s) }
        return String(out)
    }

    /// Horizontal form → vertical form: `horizontal` inverted (where two vertical forms share a
    /// horizontal one, the lower code point).
    static let vertical: [UInt32: UInt32] = {
        var map: [UInt32: UInt32] = [:]
        for (v, h) in horizontal where map[h].map({ v < $0 }) ?? true { map[h] = v }
        return map
    }()

    /// Vertical form → horizontal form (the Vertical Forms block and the CJK Compatibility Forms).
    static let horizontal: [UInt32: UInt32] = [
        0xFE10: 0xFF0C, 0xFE11: 0x3001, 0xFE12: 0x3002, 0xFE13: 0xFF1A, 0xFE14: 0xFF1B, 0xFE15: 0xFF01,
        0xFE16: 0xFF1F, 0xFE17: 0x3016, 0xFE18: 0x3017, 0xFE19: 0x2026, 0xFE30: 0x2025, 0xFE31: 0x2014,
        0xFE32: 0x2013, 0xFE33: 0x005F, 0xFE34: 0x005F, 0xFE35: 0xFF08, 0xFE36: 0xFF09, 0xFE37: 0xFF5B,
        0xFE38: 0xFF5D, 0xFE39: 0x3014, 0xFE3A: 0x3015, 0xFE3B: 0x3010, 0xFE3C: 0x3011, 0xFE3D: 0x300A,
        0xFE3E: 0x300B, 0xFE3F: 0x3008, 0xFE40: 0x3009, 0xFE41: 0x300C, 0xFE42: 0x300D, 0xFE43: 0x300E,
        0xFE44: 0x300F, 0xFE47: 0xFF3B, 0xFE48: 0xFF3D,
    ]
}
