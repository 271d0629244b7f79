import Testing
@testable import GalleyCore

@Suite("Layout: regions, articles, paragraphs")
struct LayoutArticleTests {
    /// Two stories side by side: each a headline over two columns; a header over a rule; a folio.
    func twoStoryPage() -> PageContent {
        var g: [Glyph] = []
        g += LayoutFixture.cjk("报纸名称", x: 20, y: 10, size: 20, bold: true)
        g += LayoutFixture.cjk("甲篇大标题", x: 30, y: 60, size: 20, bold: true)
        g += LayoutFixture.cjkColumn(["  甲一甲一", "甲一甲一甲一", "甲一甲一甲一", "甲一甲一"], x: 20, y: 100)
        g += LayoutFixture.cjkColumn(["  甲二甲二", "甲二甲二甲二", "甲二甲二甲二", "甲二记者"], x: 95, y: 100)
        g += LayoutFixture.cjk("乙篇大标题", x: 190, y: 60, size: 20, bold: true)
        g += LayoutFixture.cjkColumn(["  乙一乙一", "乙一乙一乙一", "乙一乙一乙一", "乙一乙一乙一"], x: 180, y: 100)
        g += LayoutFixture.cjkColumn(["乙二乙二乙二", "乙二乙二乙二", "乙二乙二"], x: 255, y: 100)
        g += LayoutFixture.latin("7", x: 160, y: 390)
        let rules = [Rule(kind: .horizontal, box: Rect(x0: 10, y0: 45, x1: 330, y1: 46))]
        return PageContent(number: 1, width: 340, height: 400, glyphs: g, rules: rules)
    }

    @Test("Side-by-side stories come out as two articles, columns in order, furniture apart")
    func twoStories() {
        let layout = PageAnalyzer().analyze(twoStoryPage())
        #expect(layout.articles.count == 2)
        #expect(layout.articles.map(\.id) == ["p1-a1", "p1-a2"])
        #expect(layout.articles[0].headline == "甲篇大标题")
        let first = String(repeating: "甲一", count: 10) + String(repeating: "甲二", count: 9) + "记者"
        // Both columns of the first story, in order, joined without spaces.
        #expect(layout.articles[0].paragraphs.joined() == first)
        #expect(layout.articles[1].headline == "乙篇大标题")
        #expect(layout.articles[1].paragraphs.joined().hasPrefix("乙一乙一乙一乙一乙一"))
        #expect(layout.articles[1].paragraphs.joined().hasSuffix("乙二乙二"))
        #expect(layout.summary.furniture.map(\.role).contains(.header))
        #expect(layout.summary.furniture.contains { $0.role == .folio && $0.text == "7" })
        #expect(!layout.articles.contains { a in a.paragraphs.joined().contains("报纸名称") })
        // Blocks: the headline first, then one block per column.
        #expect(layout.articles[0].blocks.map(\.role) == [.headline, .body, .body])
        #expect(layout.summary.columns.count == 4)
    }

    @Test("The layout tree dump of a small page matches the expected text")
    func treeDump() {
        let (_, trace) = PageAnalyzer().analyzeWithTrace(twoStoryPage())
        let expected = """
            body 10 pt, 19 lines, 8 blocks
            drawing order: coherence 0.83 over 19 runs, trusted
            furniture header [20,10,100,38] "报纸名称"
            furniture folio [160,390,165,402] "7"
            columns
              rows
                headline [30,60,130,88] 1L "甲篇大标题"
                columns
                  body [20,100,80,162] 4L "甲一甲一"
                  body [95,100,155,162] 4L "甲二甲二"
              rows
                headline [190,60,290,88] 1L "乙篇大标题"
                columns
                  body [180,100,240,162] 4L "乙一乙一"
                  body [255,100,315,146] 3L "乙二乙二乙二"
            article 1: headline body body
            article 2: headline body body

            """
        #expect(LayoutTreeDump.dump(trace) == expected)
    }

    @Test("Paragraphs: indents open, column breaks continue, hyphens at line ends")
    func paragraphs() {
        let j = ParagraphJoiner()
        #expect(j.join("a well-", "known fact") == "a well-known fact" || j.join("a well-", "known fact") == "a wellknown fact")
        #expect(j.join("informa-", "tion") == "information")
        #expect(j.join("Franco-", "German") == "Franco-German")
        #expect(j.join("words", "more") == "words more")
        #expect(j.join("中文", "句子") == "中文句子")
        let col1 = TextBlock(lines: LineBuilder().lines(from: LayoutFixture.cjkColumn(["  第一段开", "头文字文字", "结束。", "  第二段开"], x: 0, y: 0), bodySize: 10))
        let col2 = TextBlock(lines: LineBuilder().lines(from: LayoutFixture.cjkColumn(["始文字文字", "文字完。"], x: 70, y: 0), bodySize: 10))
        #expect(j.paragraphs([col1, col2]) == ["第一段开头文字文字结束。", "第二段开始文字文字文字完。"])
    }

    @Test("Bylines, kickers and decks are recognised")
    func displayParts() {
        let grouper = ArticleGrouper()
        #expect(grouper.isByline("记者 谢鹏飞"))
        #expect(grouper.isByline("By STAFF WRITER"))
        #expect(!grouper.isByline("记者节到来之际，全市新闻工作者举行了座谈。"))
        var g: [Glyph] = []
        g += LayoutFixture.cjk("引题文字", x: 40, y: 0, size: 12)
        g += LayoutFixture.cjk("主标题文字", x: 30, y: 20, size: 20, bold: true)
        g += LayoutFixture.cjk("——副题文字", x: 40, y: 52, size: 12)
        g += LayoutFixture.cjkColumn(Array(repeating: "正文正文正文正文", count: 6), x: 20, y: 75)
        let layout = PageAnalyzer().analyze(PageContent(number: 3, width: 200, height: 300, glyphs: g))
        #expect(layout.articles.count == 1)
        let a = layout.articles[0]
        #expect(a.kicker == "引题文字" && a.headline == "主标题文字" && a.subheadline == "——副题文字")
        #expect(a.id == "p3-a1")
    }
}
