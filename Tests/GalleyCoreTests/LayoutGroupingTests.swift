import Testing
@testable import GalleyCore

/// Article grouping beyond headline-over-columns: briefs, pull quotes, decks set in headline type,
/// section labels, vertical headlines drawn as stacks of single characters.
@Suite("Layout: article grouping")
struct LayoutGroupingTests {
    /// Latin body lines of one column, 1.3 em apart.
    func latinColumn(_ lines: [String], x: Double, y: Double, size: Double = 10) -> [Glyph] {
        lines.enumerated().flatMap { i, l in LayoutFixture.latin(l, x: x, y: y + Double(i) * 1.3 * size, size: size) }
    }

    @Test("A column of briefs: each bold display line over its text opens its own article")
    func briefs() {
        var g: [Glyph] = []
        g += LayoutFixture.latin("Pool opens soon", x: 20, y: 20, size: 12, bold: true)
        g += latinColumn(["The town pool will open", "on Saturday for the season", "with longer hours."], x: 20, y: 40)
        g += LayoutFixture.latin("Library sale", x: 20, y: 100, size: 12, bold: true)
        g += latinColumn(["Books and records are on", "sale all week at the main", "branch of the library."], x: 20, y: 120)
        let rules = [Rule(kind: .horizontal, box: Rect(x0: 20, y0: 90, x1: 160, y1: 90.5))]
        let layout = PageAnalyzer().analyze(PageContent(number: 1, width: 200, height: 200, glyphs: g, rules: rules))
        #expect(layout.articles.map(\.headline) == ["Pool opens soon", "Library sale"])
        #expect(layout.articles.first?.paragraphs.joined(separator: " ").hasSuffix("longer hours.") == true)
        #expect(layout.articles.last?.paragraphs.joined(separator: " ").hasPrefix("Books and") == true)
    }

    @Test("A bold crosshead inside running text stays in its story")
    func crosshead() {
        var g: [Glyph] = []
        g += LayoutFixture.latin("Council votes", x: 20, y: 10, size: 20, bold: true)
        g += latinColumn(["The council voted on the", "plan late on Monday night", "after a long debate."], x: 20, y: 40)
        g += LayoutFixture.latin("What comes next", x: 20, y: 82, size: 11, bold: true)
        g += latinColumn(["Work begins in June and", "it lasts two summers."], x: 20, y: 98)
        let layout = PageAnalyzer().analyze(PageContent(number: 1, width: 200, height: 200, glyphs: g))
        #expect(layout.articles.count == 1)
        #expect(layout.articles.first?.headline == "Council votes")
        #expect(layout.articles.first?.paragraphs.joined(separator: " ").contains("it lasts two summers.") == true)
    }

    @Test("A pull quote amid the text is kept out of the story, as furniture")
    func pullQuote() {
        var g: [Glyph] = []
        g += LayoutFixture.latin("Council votes", x: 20, y: 10, size: 20, bold: true)
        g += latinColumn(["The council voted on the", "plan late on Monday night", "after a long debate."], x: 20, y: 40)
        g += LayoutFixture.latin("\"We will rebuild it.\"", x: 20, y: 90, size: 18)
        g += latinColumn(["Work begins in June and", "it lasts two summers."], x: 20, y: 125)
        let layout = PageAnalyzer().analyze(PageContent(number: 1, width: 200, height: 200, glyphs: g))
        #expect(layout.articles.count == 1)
        let text = layout.articles.first?.paragraphs.joined(separator: " ") ?? ""
        #expect(text.contains("debate.") && text.contains("summers."))
        #expect(!text.contains("rebuild"))
        #expect(layout.summary.furniture.contains { $0.role == .other && $0.text.contains("rebuild") })
    }

    @Test("A deck set in headline type (opening with a dash or much smaller) is the subheadline")
    func deckInHeadlineType() {
        var g: [Glyph] = []
        g += LayoutFixture.cjk("主标题文字", x: 30, y: 10, size: 30, bold: true)
        g += LayoutFixture.cjk("——副题文字内容", x: 30, y: 56, size: 16, bold: true)
        g += LayoutFixture.cjkColumn(Array(repeating: "正文正文正文正文", count: 5), x: 20, y: 90)
        let layout = PageAnalyzer().analyze(PageContent(number: 1, width: 250, height: 250, glyphs: g))
        #expect(layout.articles.count == 1)
        #expect(layout.articles.first?.headline == "主标题文字")
        #expect(layout.articles.first?.subheadline == "——副题文字内容")
    }

    @Test("A short section label over the headline is its kicker, not part of the headline")
    func sectionLabel() {
        var g: [Glyph] = []
        g += LayoutFixture.cjk("要闻", x: 20, y: 10, size: 18, bold: true)
        g += LayoutFixture.cjk("全市重点项目集中开工建设", x: 20, y: 40, size: 24, bold: true)
        g += LayoutFixture.cjkColumn(Array(repeating: "正文正文正文正文", count: 5), x: 20, y: 80)
        let layout = PageAnalyzer().analyze(PageContent(number: 1, width: 350, height: 250, glyphs: g))
        #expect(layout.articles.first?.kicker == "要闻")
        #expect(layout.articles.first?.headline == "全市重点项目集中开工建设")
    }

    @Test("A stack of single characters is a vertical headline; right of its story, it is read first")
    func stackedVerticalHeadline() {
        var g: [Glyph] = []
        for (k, c) in "植树添新绿".enumerated() {
            g += LayoutFixture.cjk(String(c), x: 150, y: 20 + Double(k) * 26, size: 24, bold: true)
        }
        g += LayoutFixture.cjkColumn(Array(repeating: "植树正文内容", count: 8), x: 70, y: 20)
        g += LayoutFixture.cjk("前篇标题", x: 0, y: 0, size: 15, bold: true)
        g += LayoutFixture.cjkColumn(Array(repeating: "前篇正文", count: 8), x: 0, y: 30)
        let page = PageContent(number: 1, width: 200, height: 200, glyphs: g)
        let (layout, trace) = PageAnalyzer().analyzeWithTrace(page)
        #expect(trace.blocks.contains { $0.isVerticalHeadline })
        #expect(layout.articles.count == 2)
        #expect(layout.articles.last?.headline == "植树添新绿")
        #expect(layout.articles.last?.paragraphs.joined().hasPrefix("植树正文内容") == true)
        #expect(layout.articles.first?.paragraphs.joined().contains("植树") == false)
    }
}
