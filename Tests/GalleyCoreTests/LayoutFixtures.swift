@testable import GalleyCore

/// Small synthetic pages for the layout stage tests: glyphs set on a grid, as a PDF would place them.
enum LayoutFixture {
    /// CJK text set from `x` on baseline row `y` (top of the glyph box), one em per character.
    static func cjk(_ text: String, x: Double, y: Double, size: Double = 10, bold: Bool = false,
                    font: String = "Serif") -> [Glyph] {
        text.enumerated().compactMap { i, c in
            c == " " ? nil : Glyph(text: String(c), box: Rect(x0: x + Double(i) * size, y0: y,
                                                                  x1: x + Double(i + 1) * size, y1: y + 1.4 * size),
                                    font: font, size: size, bold: bold)
        }
    }

    /// Latin text: each letter 0.5 em wide; each space `space` em wide.
    static func latin(_ text: String, x: Double, y: Double, size: Double = 10, space: Double = 0.3,
                      bold: Bool = false) -> [Glyph] {
        var out: [Glyph] = []
        var cx = x
        for c in text {
            if c == " " { cx += space * size; continue }
            out.append(Glyph(text: String(c), box: Rect(x0: cx, y0: y, x1: cx + 0.5 * size, y1: y + 1.2 * size),
                             font: "Sans", size: size, bold: bold))
            cx += 0.5 * size
        }
        return out
    }

    /// A column of CJK lines, each `chars` characters wide, with a line pitch of 1.6 em.
    static func cjkColumn(_ lines: [String], x: Double, y: Double, size: Double = 10) -> [Glyph] {
        lines.enumerated().flatMap { i, l in cjk(l, x: x, y: y + Double(i) * 1.6 * size, size: size) }
    }

    /// The glyphs drawn last to first: an order that gives no evidence of reading order (as on the
    /// development set's shuffled pages), so that geometry alone decides.
    static func undrawn(_ glyphs: [Glyph]) -> [Glyph] { glyphs.reversed() }
}
