import Testing
@testable import GalleyCore

@Suite("Layout: reading order")
struct LayoutReadingOrderTests {
    /// Five CJK columns of six lines, 8 characters wide, gutter 2 em, starting at y 80; each column's
    /// lines carry its number so that the order can be read back.
    func columns(_ n: Int, y: Double = 80) -> [Glyph] {
        (0..<n).flatMap { c in
            LayoutFixture.cjkColumn((0..<6).map { r in "栏\(c)第\(r)行正文内容" }.map { String($0.prefix(8)) },
                                    x: 20 + Double(c) * 100, y: y)
        }
    }

    @Test("A headline narrower than its story, centred over it, is read before the outer columns too")
    func centredNarrowHeadline() {
        // Columns span 20...500; the headline only 160...360, over the middle columns.
        var g = LayoutFixture.cjk("全区招商工作会议召开", x: 160, y: 30, size: 20, bold: true)
        g += columns(5)
        let layout = PageAnalyzer().analyze(PageContent(number: 1, width: 540, height: 300, glyphs: g))
        #expect(layout.articles.count == 1)
        #expect(layout.articles.first?.headline == "全区招商工作会议召开")
        let text = layout.articles.first?.paragraphs.joined() ?? ""
        #expect(text.hasPrefix("栏0第0行"))
        let firsts = (0..<5).compactMap { text.range(of: "栏\($0)第0行")?.lowerBound }
        #expect(firsts.count == 5 && firsts == firsts.sorted())
    }

    @Test("Columns left of a headline set over part of its story are read after it, in that story")
    func columnsLeftOfHeadline() {
        // A first story across the top, a rule under it; then a second story whose headline stands over
        // its columns 3-5 only, its columns 1-2 starting level with the text under the headline.
        var g = LayoutFixture.cjk("上面一条新闻的标题", x: 20, y: 10, size: 20, bold: true)
        for c in 0..<5 {
            g += LayoutFixture.cjkColumn((0..<4).map { "上文\(c)\($0)行正文内" }, x: 20 + Double(c) * 100, y: 45)
        }
        g += LayoutFixture.cjk("第二条新闻标题", x: 220, y: 130, size: 20, bold: true)
        g += columns(5, y: 160)
        let rule = Rule(kind: .horizontal, box: Rect(x0: 20, y0: 118, x1: 500, y1: 118.5))
        let layout = PageAnalyzer().analyze(PageContent(number: 1, width: 540, height: 300, glyphs: g, rules: [rule]))
        #expect(layout.articles.map(\.headline) == ["上面一条新闻的标题", "第二条新闻标题"])
        let text = layout.articles.last?.paragraphs.joined() ?? ""
        #expect(text.hasPrefix("栏0第0行"))
        let firsts = (0..<5).compactMap { text.range(of: "栏\($0)第0行")?.lowerBound }
        #expect(firsts.count == 5 && firsts == firsts.sorted())
    }

    @Test("Two headlines side by side are not read as one stack over both stories")
    func headlinesSideBySide() {
        var g = LayoutFixture.cjk("左边新闻标题", x: 20, y: 30, size: 20, bold: true)
        g += LayoutFixture.cjk("右边新闻标题", x: 320, y: 30, size: 20, bold: true)
        g += columns(5)
        let layout = PageAnalyzer().analyze(PageContent(number: 1, width: 540, height: 300, glyphs: g))
        #expect(layout.articles.map(\.headline) == ["左边新闻标题", "右边新闻标题"])
        #expect(layout.articles.first?.paragraphs.joined().contains("栏0第5行") == true)
        #expect(layout.articles.last?.paragraphs.joined().contains("栏4第5行") == true)
    }

    @Test("A CJK line overflowing its column into the next one is split where the next column starts")
    func overflowIntoNextColumn() {
        // Columns of 8 characters at x 0 and 98.5 (gutter 1.85 em), 12 rows; row 6 of the left column runs
        // 10 characters wide, its last one overlapping the right column's first by 0.15 em.
        var left = Array(repeating: "左栏正文左栏正文", count: 12)
        left[6] = "左栏“正文”左栏正文"
        let g = LayoutFixture.cjkColumn(left, x: 0, y: 0)
            + LayoutFixture.cjkColumn(Array(repeating: "右栏正文右栏正文", count: 12), x: 98.5, y: 0)
        let lines = LineBuilder().lines(from: g, bodySize: 10)
        #expect(lines.count == 24)
        #expect(lines.contains { $0.text == "左栏“正文”左栏正文" })
        #expect(lines.filter { $0.text == "右栏正文右栏正文" }.count == 12)
    }

    @Test("Glyphs touching across a column rule belong to two lines")
    func touchingAcrossRule() {
        let g = LayoutFixture.cjk("左栏正文", x: 10, y: 0) + LayoutFixture.cjk("右栏正文", x: 50, y: 0)
        let rule = Rule(kind: .vertical, box: Rect(x0: 49.8, y0: -10, x1: 50.2, y1: 40))
        #expect(LineBuilder().lines(from: g, rules: [rule], bodySize: 10).map(\.text) == ["左栏正文", "右栏正文"])
        #expect(LineBuilder().lines(from: g, bodySize: 10).map(\.text) == ["左栏正文右栏正文"])
    }
}
