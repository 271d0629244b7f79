import Testing
@testable import GalleyCore

@Suite("Layout: LineBuilder")
struct LayoutLineBuilderTests {
    let builder = LineBuilder()

    @Test("Chinese columns with a one-character gutter stay apart")
    func cjkGutter() {
        // Two columns of 6 characters, gutter of one character (10 pt), 6 lines each.
        let left = (0..<6).map { "左栏第\($0)行字" }, right = (0..<6).map { "右栏第\($0)行字" }
        let glyphs = LayoutFixture.cjkColumn(left.map { String($0.prefix(6)) }, x: 0, y: 0)
            + LayoutFixture.cjkColumn(right.map { String($0.prefix(6)) }, x: 70, y: 0)
        let lines = builder.lines(from: glyphs, bodySize: 10)
        #expect(lines.count == 12)
        #expect(lines.allSatisfy { $0.text.count == 6 })
        #expect(lines[0].text == "左栏第0行字" && lines[1].text == "右栏第0行字")
    }

    @Test("A wide word space in justified text does not split the line")
    func justifiedSpace() {
        // Row 2 has a stretched space of 3 em; the other rows are set normally, with words in other places.
        let rows = ["a paragraph of text", "set in one column", "justified text here", "with words that move",
                    "from line to line", "as prose does"]
        var glyphs: [Glyph] = []
        for (i, row) in rows.enumerated() {
            glyphs += LayoutFixture.latin(row, x: 0, y: Double(i) * 12, space: i == 2 ? 3.0 : 0.3)
        }
        let lines = builder.lines(from: glyphs, bodySize: 10)
        #expect(lines.map(\.text) == rows)
    }

    @Test("Indented paragraph start next to a gutter still splits at the gutter")
    func indentNextToGutter() {
        var glyphs = LayoutFixture.cjkColumn(Array(repeating: "左栏文字左栏", count: 6), x: 0, y: 0)
        let right = ["右栏文字右栏", "右栏文字右栏", "右栏文字", "  段落开始", "右栏文字右栏", "右栏文字右栏"]
        glyphs += LayoutFixture.cjkColumn(right, x: 72, y: 0)
        let lines = builder.lines(from: glyphs, bodySize: 10)
        #expect(lines.count == 12)
        #expect(lines.contains { $0.text == "段落开始" && $0.box.x0 == 92 })
    }

    @Test("A vertical rule splits a line even without a gap")
    func ruleSplits() {
        let glyphs = LayoutFixture.latin("left side", x: 0, y: 0) + LayoutFixture.latin("right", x: 50, y: 0)
        let rule = Rule(kind: .vertical, box: Rect(x0: 47, y0: -5, x1: 48, y1: 30))
        #expect(builder.lines(from: glyphs, rules: [rule], bodySize: 10).count == 2)
        #expect(builder.lines(from: glyphs, bodySize: 10).count == 1)
    }

    @Test("Vertical glyphs form one vertical line read top to bottom")
    func verticalLine() {
        let glyphs = "竖排标题".enumerated().map { i, c in
            Glyph(text: String(c), box: Rect(x0: 300, y0: Double(i) * 20, x1: 318, y1: Double(i) * 20 + 18),
                  size: 18, bold: true, vertical: true)
        }
        let lines = builder.lines(from: glyphs, bodySize: 10)
        #expect(lines.count == 1)
        #expect(lines[0].vertical && lines[0].text == "竖排标题")
    }

    @Test("Spaces appear between Latin words, not between CJK characters")
    func spacing() {
        let lines = builder.lines(from: LayoutFixture.latin("two words", x: 0, y: 0), bodySize: 10)
        #expect(lines.map(\.text) == ["two words"])
        let zh = builder.lines(from: LayoutFixture.cjk("中文句子", x: 0, y: 0), bodySize: 10)
        #expect(zh.map(\.text) == ["中文句子"])
    }
}
