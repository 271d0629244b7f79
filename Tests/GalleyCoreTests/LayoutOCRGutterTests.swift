import Testing
@testable import GalleyCore

/// Pages as an OCR text layer gives them: each word one box, its letters spread evenly across it, word
/// boxes of one line at slightly different heights, wide word spaces, and a narrow gutter.
@Suite("Layout: OCR gutters (GutterFinder + LineBuilder)")
struct LayoutOCRGutterTests {
    /// A deterministic jitter in -1...1 (no randomness in tests).
    static func jitter(_ i: Int, _ j: Int) -> Double {
        var h = UInt64(truncatingIfNeeded: i &* 7919 &+ j &* 104_729 &+ 17)
        h = (h ^ (h >> 13)) &* 0x5bd1e995
        h ^= h >> 15
        return Double(h % 1000) / 500 - 1
    }

    /// One column of OCR-like lines: words of varied length, word spaces `space` em, letters of a word
    /// spread evenly over its box, each word box shifted vertically by up to `wobble` em.
    static func ocrColumn(rows: Int, x: Double, width: Double, y: Double, size: Double = 10, space: Double = 0.55,
                          wobble: Double = 0.15, seed: Int = 0) -> [Glyph] {
        var out: [Glyph] = []
        for r in 0..<rows {
            var cx = x
            var w = 0
            let top = y + Double(r) * 0.98 * size
            while true {
                let letters = 2 + Int((Self.jitter(r * 31 + seed, w * 17) + 1) * 3.4)
                let wordWidth = Double(letters) * 0.5 * size
                if cx + wordWidth > x + width { break }
                let dy = jitter(r + seed, w) * wobble * size
                for k in 0..<letters {
                    let x0 = cx + Double(k) * wordWidth / Double(letters)
                    out.append(Glyph(text: "e", box: Rect(x0: x0, y0: top + dy, x1: x0 + wordWidth / Double(letters),
                                                          y1: top + dy + 0.94 * size), font: "OCR", size: size))
                }
                cx += wordWidth + (space + 0.1 * jitter(w, r + seed)) * size
                w += 1
            }
        }
        return out
    }

    @Test("A narrow gutter between noisy OCR columns splits every line")
    func narrowOCRGutter() {
        // Two columns 26 em wide, gutter 0.9 em (barely wider than the 0.45 to 0.65 em word spaces).
        let left = Self.ocrColumn(rows: 30, x: 20, width: 260, y: 100)
        let leftEdge = left.map(\.box.x1).max()!
        let right = Self.ocrColumn(rows: 30, x: leftEdge + 9, width: 260, y: 101.5, seed: 3)
        let gutter = (leftEdge, right.map(\.box.x0).min()!)
        let lines = LineBuilder().lines(from: left + right, bodySize: 10)
        #expect(!lines.contains { $0.box.x0 < gutter.0 && $0.box.x1 > gutter.1 })
        #expect(lines.count == 60)

        let found = GutterFinder().gutters(in: left + right, bodySize: 10)
        #expect(!found.isEmpty)
        // Lines end ragged before the gutter: its boxes reach from a line's end to the next column.
        let inGutter = found.filter { $0.x0 <= gutter.0 + 0.01 && $0.x1 >= gutter.1 - 0.01 && $0.x0 > 200 }
        // The gutter is traced down (nearly) the whole height of the columns.
        let span = (inGutter.map(\.y1).max() ?? 0) - (inGutter.map(\.y0).min() ?? 0)
        #expect(span >= 0.8 * 30 * 9.8)
    }

    @Test("A skewed scan: the gutter drifts sideways down the page and is still followed")
    func skewedGutter() {
        // Shift each row right by 0.015 em per row (a scan turned by almost 1°): over 60 rows the gutter
        // moves 0.9 em, as far as it is wide.
        var glyphs: [Glyph] = []
        for (c, x) in [20.0, 300.0].enumerated() {
            for g in Self.ocrColumn(rows: 60, x: x, width: 270, y: 50, seed: c * 5) {
                var g = g
                let row = ((g.box.y0 - 50) / 9.8).rounded()
                g.box = Rect(x0: g.box.x0 + 0.15 * row, y0: g.box.y0, x1: g.box.x1 + 0.15 * row, y1: g.box.y1)
                glyphs.append(g)
            }
        }
        let lines = LineBuilder().lines(from: glyphs, bodySize: 10)
        #expect(lines.count == 120)
        #expect(lines.allSatisfy { $0.box.width < 285 })
    }

    @Test("Wide word spaces that line up in one justified column are no gutter")
    func riverIsNoGutter() {
        // Twelve lines with a 1 em space at the same place, the words after it starting at varied x.
        var glyphs: [Glyph] = []
        for r in 0..<12 {
            let y = Double(r) * 10
            let head = 8 + (r * 3) % 5, tail = 20 - head
            glyphs += LayoutFixture.latin(String(repeating: "a", count: head), x: 0, y: y, space: 0.5)
            let after = Double(head) * 5 + 10 + Double((r * 7) % 4) * 1.5
            glyphs += LayoutFixture.latin(String(repeating: "b", count: tail), x: after, y: y, space: 0.5)
        }
        #expect(GutterFinder().gutters(in: glyphs, bodySize: 10).isEmpty)
        let lines = LineBuilder().lines(from: glyphs, bodySize: 10)
        #expect(lines.count == 12)
    }

    @Test("Two gutters a word apart: the weaker one, a river before the last words, is dropped")
    func riverBesideGutter() {
        // Left column: 30 justified lines; in 12 of them the last word (3 letters, flush right) follows
        // a wide space, and those spaces line up.
        var glyphs: [Glyph] = []
        for r in 0..<30 {
            let y = Double(r) * 10
            if r >= 10 && r < 22 {
                glyphs += LayoutFixture.latin(String(repeating: "a", count: 14 + r % 3), x: 0, y: y)
                glyphs += LayoutFixture.latin("the", x: 85, y: y)
            } else {
                glyphs += LayoutFixture.latin("aaaaaaaa aaaaaaaaaa", x: 0, y: y, space: 0.3 + Double(r % 4) * 0.1)
                    .map { g in var g = g; g.box.x1 = min(g.box.x1, 100); return g }
            }
        }
        glyphs += Self.ocrColumn(rows: 30, x: 110, width: 200, y: 0, wobble: 0)
        let found = GutterFinder().gutters(in: glyphs, bodySize: 10)
        // The gutter at 100...110 is found, the river before "the" (70...85) is not.
        #expect(found.contains { $0.x0 <= 100.01 && $0.x1 >= 109.99 })
        #expect(!found.contains { $0.x1 <= 90 })
        let lines = LineBuilder().lines(from: glyphs, bodySize: 10)
        #expect(!lines.contains { $0.box.x0 < 100 && $0.box.x1 > 110 })
    }

    @Test("A heading across both columns interrupts the gutter and stays one line")
    func headingAcrossGutter() {
        var glyphs = Self.ocrColumn(rows: 20, x: 20, width: 260, y: 0, wobble: 0)
        glyphs += Self.ocrColumn(rows: 20, x: 290, width: 260, y: 0, wobble: 0, seed: 2)
        glyphs += LayoutFixture.latin("a heading set across both columns", x: 150, y: 205, size: 16)
        glyphs += Self.ocrColumn(rows: 20, x: 20, width: 260, y: 230, wobble: 0, seed: 4)
        glyphs += Self.ocrColumn(rows: 20, x: 290, width: 260, y: 230, wobble: 0, seed: 6)
        let lines = LineBuilder().lines(from: glyphs, bodySize: 10)
        #expect(lines.contains { $0.text == "a heading set across both columns" })
        #expect(lines.filter { $0.size == 10 }.count == 80)
    }

    @Test("No text, or text without gaps, gives no gutters and no crash")
    func degenerate() {
        #expect(GutterFinder().gutters(in: [], bodySize: 10).isEmpty)
        #expect(GutterFinder().gutters(in: LayoutFixture.latin("abc", x: 0, y: 0), bodySize: 0).isEmpty)
        #expect(GutterFinder().gutters(in: LayoutFixture.latin("one line only", x: 0, y: 0), bodySize: 10).isEmpty)
    }
}
