import Testing
@testable import GalleyCore

@Suite("Layout: full-width closing punctuation")
struct LayoutPunctuationTests {
    @Test("A line's ink ends in the middle of a final full-width closing mark")
    func inkRight() {
        let quoted = TextLine(glyphs: LayoutFixture.cjk("大标题”", x: 0, y: 0, size: 20), text: "大标题”")
        #expect(quoted.box.x1 == 80 && quoted.inkRight == 70)
        let plain = TextLine(glyphs: LayoutFixture.cjk("大标题", x: 0, y: 0, size: 20), text: "大标题")
        #expect(plain.inkRight == plain.box.x1)
    }

    /// Two stories side by side; the left headline's closing quote reaches into the right story's
    /// first column, as a full-width mark's empty right half does.
    @Test("A headline's closing quote does not join two stories set side by side")
    func headlineQuoteOverNextStory() {
        var g: [Glyph] = []
        // The left story's columns end at 150 and the right story's start at 160. The left headline's
        // second line ends in a closing quote set at 140...160 (inked to 150); the right story's
        // headline, smaller and on other baselines, starts at 156.
        g += LayoutFixture.cjk("甲篇大标题", x: 20, y: 20, size: 20, bold: true)
        g += LayoutFixture.cjk("“新闻”", x: 80, y: 45, size: 20, bold: true)
        g += LayoutFixture.cjkColumn(["  甲一甲一", "甲一甲一甲一", "甲一甲一甲一", "甲一甲一"], x: 20, y: 80)
        g += LayoutFixture.cjkColumn(["甲二甲二甲二", "甲二甲二甲二", "甲二甲二"], x: 90, y: 80)
        g += LayoutFixture.cjk("乙篇标题", x: 156, y: 16, size: 14, bold: true)
        g += LayoutFixture.cjk("乙篇副题", x: 156, y: 34, size: 14, bold: true)
        g += LayoutFixture.cjkColumn(["  乙一乙一", "乙一乙一乙一", "乙一乙一乙一", "乙一乙一"], x: 160, y: 80)
        let layout = PageAnalyzer().analyze(PageContent(number: 1, width: 240, height: 220, glyphs: g))
        #expect(layout.articles.count == 2)
        #expect(layout.articles.map { $0.headline ?? "" } == ["甲篇大标题“新闻”", "乙篇标题乙篇副题"])
        #expect(layout.articles.first?.paragraphs.joined().hasSuffix("甲二甲二") == true)
        #expect(layout.articles.last?.paragraphs.joined().hasPrefix("乙一") == true)
    }
}
