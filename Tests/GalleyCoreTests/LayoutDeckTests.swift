import Testing
@testable import GalleyCore

@Suite("Layout: decks and stories set larger than the page's body")
struct LayoutDeckTests {
    @Test("Smaller lines under a deck that opens with a dash are not more deck")
    func deckStopsAtSmallerType() {
        let deck = TextLine(glyphs: LayoutFixture.cjk("——副题文字", x: 20, y: 20, size: 11), text: "——副题文字")
        let body = TextLine(glyphs: LayoutFixture.cjk("正文正文正文", x: 20, y: 38, size: 10.5), text: "正文正文正文")
        let blocks = BlockBuilder().blocks(from: [deck, body])
        #expect(blocks.count == 2)
        // Without the dash, the two sizes (within 5%) make one block.
        let plain = TextLine(glyphs: LayoutFixture.cjk("副题文字", x: 20, y: 20, size: 11), text: "副题文字")
        #expect(BlockBuilder().blocks(from: [plain, body]).count == 1)
    }

    @Test("A story whose text is set a size up keeps its text rather than being dropped")
    func storyWithoutBodySizeText() {
        var g: [Glyph] = []
        // The page's body is 9 pt (a long story); a small story beside it is set at 12 pt under a
        // 20 pt headline and a dashed deck: its two lines read as display type.
        g += LayoutFixture.cjkColumn(Array(repeating: "正文正文正文正文", count: 12), x: 20, y: 20, size: 9)
        g += LayoutFixture.cjk("小篇标题", x: 120, y: 20, size: 20, bold: true)
        g += LayoutFixture.cjk("——副题", x: 120, y: 50, size: 13)
        g += LayoutFixture.cjk("小篇正文小篇正文", x: 120, y: 72, size: 12)
        g += LayoutFixture.cjk("小篇正文结束", x: 120, y: 90, size: 12)
        let (layout, trace) = PageAnalyzer().analyzeWithTrace(PageContent(number: 1, width: 240, height: 240, glyphs: g))
        // The story's two lines are display type here (12 pt on a 9 pt page).
        #expect(trace.blocks.contains { $0.kind == .display && $0.text.hasPrefix("小篇正文") })
        let story = layout.articles.first { $0.headline == "小篇标题" }
        #expect(story != nil, "\(layout.articles.map(\.headline))")
        #expect(story?.paragraphs.joined().contains("小篇正文结束") == true, "\(String(describing: story))")
    }
}
