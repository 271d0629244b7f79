import Testing
@testable import GalleyCore

@Suite("Layout: a nameplate drawn as a picture")
struct LayoutMastheadTests {
    /// A story in two columns under a picture at the top of the page.
    func page(picture: Rect, width: Double = 200, height: Double = 400) -> PageContent {
        var g: [Glyph] = []
        g += LayoutFixture.cjk("新闻标题", x: 20, y: 130, size: 16, bold: true)
        g += LayoutFixture.cjkColumn(["  正文正文", "正文正文正文", "正文正文正文", "正文正文"], x: 20, y: 160)
        g += LayoutFixture.cjkColumn(["正文正文正文", "正文正文正文", "正文正文"], x: 100, y: 160)
        return PageContent(number: 1, width: width, height: height, glyphs: g, images: [PageImage(box: picture)])
    }

    @Test("A page-wide picture at the top, above all text, is the masthead, not the story's photo")
    func topPictureIsMasthead() {
        let layout = PageAnalyzer().analyze(page(picture: Rect(x0: 5, y0: 5, x1: 195, y1: 110)))
        #expect(layout.summary.furniture.contains { $0.role == .masthead })
        #expect(layout.articles.count == 1)
        #expect(!layout.articles[0].blocks.contains { $0.role == .image })
    }

    @Test("A narrower picture, or one below text, stays a photo")
    func photosStayPhotos() {
        let narrow = PageAnalyzer().analyze(page(picture: Rect(x0: 20, y0: 5, x1: 120, y1: 110)))
        #expect(!narrow.summary.furniture.contains { $0.role == .masthead })
        #expect(narrow.articles.contains { $0.blocks.contains { $0.role == .image } })
        // A page-sized scan is not a nameplate either.
        let scan = PageAnalyzer().analyze(page(picture: Rect(x0: 0, y0: 0, x1: 200, y1: 400)))
        #expect(!scan.summary.furniture.contains { $0.role == .masthead })
    }
}
