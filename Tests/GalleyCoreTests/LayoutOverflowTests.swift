import Testing
@testable import GalleyCore

@Suite("Layout: CJK lines running on into the next column")
struct LayoutOverflowTests {
    /// Two columns 60 pt wide, one em (10 pt) apart, at 16 pt pitch; `lastRow` replaces both columns'
    /// last row with one line set from the left column's start.
    func page(lastRow: String?) -> [Glyph] {
        var g: [Glyph] = []
        let left = ["  甲一甲一", "甲一甲一甲一", "甲一甲一甲一"], right = ["乙一乙一乙一", "乙一乙一乙一", "乙一乙一乙一"]
        g += LayoutFixture.cjkColumn(left, x: 20, y: 20)
        g += LayoutFixture.cjkColumn(right, x: 90, y: 20)
        if let lastRow { g += LayoutFixture.cjk(lastRow, x: 20, y: 20 + 3 * 16) }
        return g
    }

    func texts(_ glyphs: [Glyph]) -> [String] {
        LineBuilder().lines(from: glyphs, bodySize: 10).map(\.text)
    }

    @Test("A line one character too long, touching the next column's first character, is split there")
    func touchingOverflowIsSplit() {
        // The left part is 7 characters (20...90): its last one fills the gutter up to the next column.
        let lines = texts(page(lastRow: "甲二甲二甲二甲乙二乙二乙二"))
        #expect(lines.contains("甲二甲二甲二甲"), "\(lines)")
        #expect(lines.contains("乙二乙二乙二"), "\(lines)")
    }

    @Test("A line overprinting the next column's first character by a little is split there too")
    func overlappingOverflowIsSplit() {
        var g = page(lastRow: nil)
        g += LayoutFixture.cjk("甲二甲二甲二甲", x: 22, y: 68)       // 22...92: 2 pt into the next column
        g += LayoutFixture.cjk("乙二乙二乙二", x: 90, y: 68)
        let lines = texts(g)
        #expect(lines.contains("甲二甲二甲二甲") && lines.contains("乙二乙二乙二"), "\(lines)")
    }

    @Test("A line running into the gutter beside a row that opens an indented paragraph is split at the indent")
    func overflowBesideIndentedRow() {
        var g = page(lastRow: nil)
        // The left part ends 2 pt into the gutter (20...82); the right column's row opens a paragraph
        // two ems in (110), so 28 pt of white lie between, and no other row starts at 110.
        g += LayoutFixture.cjk("甲二甲二甲二", x: 20, y: 68)
        g += LayoutFixture.cjk("二", x: 80, y: 68)
        g += LayoutFixture.cjk("乙二乙二", x: 110, y: 68)
        let lines = texts(g)
        #expect(lines.contains("甲二甲二甲二二") && lines.contains("乙二乙二"), "\(lines)")
    }

    @Test("A line set across both columns where no column continues beside it stays whole")
    func spanningLineStaysWhole() {
        var g: [Glyph] = []
        g += LayoutFixture.cjk("丙丙丙丙丙丙丙丙丙丙丙丙丙", x: 20, y: 20)
        // The columns start two and a half pitches lower.
        g += LayoutFixture.cjkColumn(["甲一甲一甲一", "甲一甲一甲一"], x: 20, y: 60)
        g += LayoutFixture.cjkColumn(["乙一乙一乙一", "乙一乙一乙一"], x: 90, y: 60)
        #expect(texts(g).contains("丙丙丙丙丙丙丙丙丙丙丙丙丙"))
    }
}

@Suite("Layout: two texts set over each other")
struct LayoutOverprintTests {
    @Test("Where a long word runs over the next column's words, the order of drawing keeps them apart")
    func drawingOrderSeparatesOverprintedText() {
        // The next column's words are drawn first, right to left (as some typesetters do), then the
        // long word of the left column that runs over them. Both on one baseline, letters interleaved.
        var g: [Glyph] = []
        // (The letters are 5 pt wide; the right column's words start 2 pt off the long word's letters.)
        for (word, x) in [("gamma", 152.0), ("beta", 122.0)] { g += LayoutFixture.latin(word, x: x, y: 20) }
        g += LayoutFixture.latin("package_version_architecture.type", x: 20, y: 20)
        // Columns above and below, so that both are columns.
        g += LayoutFixture.latin("left column text", x: 20, y: 6)
        g += LayoutFixture.latin("right col", x: 122, y: 6)
        let texts = LineBuilder().lines(from: g, bodySize: 10).map(\.text)
        #expect(texts.contains("package_version_architecture.type"), "\(texts)")
        #expect(texts.contains { $0.hasPrefix("beta") }, "\(texts)")
    }
}
