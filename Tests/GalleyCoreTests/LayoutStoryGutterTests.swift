import Testing
@testable import GalleyCore

@Suite("Layout: stories side by side parted by a narrow gap")
struct LayoutStoryGutterTests {
    /// Three stories, body 10 pt. Left: a headline (20 pt, x 30...210) over two columns (x 20, 120; lines
    /// "栏0…", "栏1…"), then under them a second headline with two columns ("栏5…", "栏6…"). Right, from
    /// `x`: a headline over its second and third columns, a deck (——…) across all three and three
    /// columns running the full height ("栏2…" to "栏4…"). The left headline ends 3 pt (0.3 em of body)
    /// short of the right story's first column; the left and right text keep a 13 pt gutter.
    func page(leftHeadline: String = "左边新闻的大标题啊", rightHeadline: Bool = true,
              rightColumnsAt x: Double = 213) -> PageContent {
        func column(_ c: Int, rows: Int, x: Double, y: Double) -> [Glyph] {
            LayoutFixture.cjkColumn((0..<rows).map { String("栏\(c)第\($0)行正文内容".prefix(8)) }, x: x, y: y)
        }
        var g = LayoutFixture.cjk(leftHeadline, x: 30, y: 30, size: 20, bold: true)
        g += column(0, rows: 8, x: 20, y: 80) + column(1, rows: 8, x: 120, y: 80)
        g += LayoutFixture.cjk("下面一条新闻标题", x: 20, y: 220, size: 20, bold: true)
        g += column(5, rows: 8, x: 20, y: 250) + column(6, rows: 8, x: 120, y: 250)
        if rightHeadline {
            g += LayoutFixture.cjk("右边新闻标题啊", x: x + 107, y: 30, size: 20, bold: true)
            g += LayoutFixture.cjk("——将系统的部署环境设为生产环境", x: x + 30, y: 60, size: 12)
        }
        for c in 2...4 { g += column(c, rows: 19, x: x + Double(c - 2) * 100, y: 80) }
        return PageContent(number: 1, width: 640, height: 420, glyphs: LayoutFixture.undrawn(g))
    }

    /// Column cuts between x0 and x1 that run up through the headline band (the region cutter's
    /// separators; the page has no rules). A gutter cut only in the text under the headlines starts lower.
    func downCuts(_ layout: PageLayout, between x0: Double, _ x1: Double) -> Int {
        layout.separators.filter { $0.x0 > x0 && $0.x0 < x1 && $0.height > 1 && $0.y0 < 60 }.count
    }

    let headlines = ["左边新闻的大标题啊", "下面一条新闻标题", "右边新闻标题啊"]

    @Test("A headline set 0.3 em from the next story's first column still parts the two stories")
    func headlineTightAgainstNextStory() {
        let layout = PageAnalyzer().analyze(page())
        #expect(downCuts(layout, between: 210, 213) == 1)
        #expect(layout.articles.map(\.headline) == headlines)
        let texts = layout.articles.map { $0.paragraphs.joined() }
        guard texts.count == 3 else { return }
        #expect(texts[0].hasPrefix("栏0第0行") && texts[0].contains("栏1第7行") && !texts[0].contains("栏2"))
        #expect(texts[1].hasPrefix("栏5第0行") && texts[1].contains("栏6第7行") && !texts[1].contains("栏2"))
        #expect(texts[2].hasPrefix("栏2第0行") && texts[2].contains("栏4第18行") && !texts[2].contains("栏1"))
        // The narrow gap is what parts them: not accepted, the headlines are read as one row over all the
        // columns and the right story's text goes to other headlines.
        var strict = LayoutParameters()
        strict.storyGutterGap = strict.minColumnGap
        let without = PageAnalyzer(parameters: strict).analyze(page())
        #expect(downCuts(without, between: 210, 213) == 0)
        #expect(without.articles.last?.paragraphs.joined().hasPrefix("栏2第0行") != true)
    }

    @Test("A narrow gap with a headline on one side only is not a column cut")
    func headlineOnOneSideOnly() {
        let layout = PageAnalyzer().analyze(page(rightHeadline: false))
        #expect(downCuts(layout, between: 200, 213) == 0)
    }

    @Test("A narrow gap narrowed by body text is not a column cut, headlines or not")
    func narrowedByText() {
        // The right story's first column starts 3 pt after the left story's second one ends; the left
        // headline (x 30...190) stays clear of the gap.
        let layout = PageAnalyzer().analyze(page(leftHeadline: "左边新闻大标题啊", rightColumnsAt: 203))
        #expect(layout.articles.map(\.headline).contains("左边新闻大标题啊"))
        #expect(downCuts(layout, between: 200, 203) == 0)
    }
}
