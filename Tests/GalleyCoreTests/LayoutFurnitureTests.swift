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

@Suite("Layout: a nameplate set in type")
struct LayoutNameplateTests {
    /// A page 400 pt wide: a nameplate of `plateSize` points across most of it at the top, an ear beside it, a
    /// motto under it, then a story (headline 16 pt, body 10 pt) in one column.
    func page(plateSize: Double, storyHeadline: Bool = true) -> PageContent {
        var g: [Glyph] = []
        g += LayoutFixture.latin("Vol. 3 No. 12", x: 330, y: 20, size: 8)
        g += LayoutFixture.latin("Valley Herald", x: 20, y: 16, size: plateSize)
        let foot = 16 + plateSize * 1.2
        g += LayoutFixture.latin("An independent daily paper", x: 120, y: foot + 6, size: 9)
        if storyHeadline { g += LayoutFixture.latin("Bridge opens today", x: 20, y: foot + 50, size: 16) }
        g += (0..<4).flatMap { i in
            LayoutFixture.latin("the new bridge over the river opens", x: 20, y: foot + 76 + Double(i) * 13, size: 10)
        }
        return PageContent(number: 1, width: 400, height: 600, glyphs: g)
    }

    @Test("A nameplate far larger than any text below it, its ear and its motto are the masthead")
    func nameplateInTypeIsMasthead() {
        let layout = PageAnalyzer().analyze(page(plateSize: 44))
        let masthead = layout.summary.furniture.filter { $0.role == .masthead }.map(\.text)
        #expect(masthead.contains("Valley Herald"))
        #expect(masthead.contains("Vol. 3 No. 12"))
        #expect(masthead.contains("An independent daily paper"))
        #expect(layout.articles.map(\.headline) == ["Bridge opens today"])
    }

    @Test("A banner headline only somewhat larger than the next headline is no nameplate")
    func bannerHeadlineIsNoNameplate() {
        // The "nameplate" set at 24 pt over a 16 pt headline: 1.5 times, a banner.
        let layout = PageAnalyzer().analyze(page(plateSize: 24))
        #expect(!layout.summary.furniture.contains { $0.role == .masthead })
    }

    @Test("A large line over a page of text with no heading under it is that story's headline, no nameplate")
    func headlineOverItsOwnTextIsNoNameplate() {
        let layout = PageAnalyzer().analyze(page(plateSize: 44, storyHeadline: false))
        #expect(!layout.summary.furniture.contains { $0.role == .masthead })
        #expect(layout.articles.first?.headline == "Valley Herald")
    }
}

@Suite("Layout: advertisements in frames")
struct LayoutAdvertisementTests {
    /// A story beside a framed box holding a picture and `lines` of text of `size` points under it.
    func page(boxText: [(String, Double)]) -> PageContent {
        var g: [Glyph] = []
        g += LayoutFixture.cjk("新闻标题", x: 120, y: 20, size: 16, bold: true)
        g += LayoutFixture.cjkColumn(["  正文正文正文", "正文正文正文正文", "正文正文正文正文", "正文正文"], x: 120, y: 50)
        var y = 130.0
        for (text, size) in boxText {
            g += LayoutFixture.cjk(text, x: 20, y: y, size: size, bold: size > 12)
            y += 1.6 * size
        }
        let frame = Rule(kind: .frame, box: Rect(x0: 10, y0: 15, x1: 105, y1: y + 5))
        return PageContent(number: 1, width: 220, height: 300, glyphs: g,
                           images: [PageImage(box: Rect(x0: 15, y0: 20, x1: 100, y1: 120))], rules: [frame])
    }

    @Test("A picture with only slogans in display type beside it is an advertisement")
    func pictureAndSlogans() {
        let layout = PageAnalyzer().analyze(page(boxText: [("品质楼盘", 16), ("火爆认购", 20)]))
        let ads = layout.summary.furniture.filter { $0.role == .advertisement }.map(\.text).joined()
        #expect(ads.contains("品质楼盘") && ads.contains("火爆认购"))
        #expect(!layout.articles.contains { $0.paragraphs.joined().contains("品质") || ($0.headline ?? "").contains("品质") })
    }

    @Test("A picture with a caption at body size is a photo, not an advertisement")
    func pictureAndCaption() {
        let layout = PageAnalyzer().analyze(page(boxText: [("图为工人在检修设备", 10)]))
        #expect(!layout.summary.furniture.contains { $0.role == .advertisement })
    }
}

@Suite("Layout: a picture strip touching the text")
struct LayoutPictureEdgeTests {
    @Test("Two columns over a page-wide picture that touches their last lines are read column by column")
    func columnsOverTouchingPicture() {
        var g: [Glyph] = []
        // The left column in two blocks (a wider gap between them), the right one in one: read top
        // down as a whole, the right column would come between the left column's blocks.
        g += LayoutFixture.cjkColumn(["  甲一甲一甲一", "甲一甲一甲一甲一"], x: 20, y: 20)
        g += LayoutFixture.cjkColumn(["  甲二甲二甲二", "甲二甲二结束"], x: 20, y: 68)
        g += LayoutFixture.cjkColumn(["乙一乙一乙一乙一", "乙一乙一乙一乙一", "乙一乙一乙一乙一", "乙一乙一乙一"], x: 110, y: 20)
        // The last lines end at y = 68 + 16 + 14 = 98; the picture starts there, across the page.
        let picture = PageImage(box: Rect(x0: 0, y0: 98, x1: 200, y1: 140))
        let layout = PageAnalyzer().analyze(PageContent(number: 1, width: 200, height: 150, glyphs: g, images: [picture]))
        let text = layout.articles.flatMap(\.paragraphs).joined()
        let firstEnd = text.range(of: "甲二结束"), second = text.range(of: "乙一")
        #expect(firstEnd != nil && second != nil && firstEnd!.lowerBound < second!.lowerBound, "\(text)")
    }
}

@Suite("Layout: a running head without a rule")
struct LayoutRunningHeadTests {
    /// A page 600 pt tall: a top row (paper name and `date`, body size), then a headline over two columns.
    func page(date: String) -> PageContent {
        var g = LayoutFixture.latin("THE DAILY COURIER", x: 20, y: 10)
        g += LayoutFixture.latin(date, x: 200, y: 10)
        g += LayoutFixture.latin("Harbour works begin", x: 20, y: 40, size: 18)
        for c in 0..<2 {
            for r in 0..<12 {
                g += LayoutFixture.latin("column \(c) line \(r) of the story", x: 20 + Double(c) * 150, y: 70 + Double(r) * 14)
            }
        }
        return PageContent(number: 1, width: 320, height: 600, glyphs: LayoutFixture.undrawn(g))
    }

    @Test("The top row of a page, holding the date or page number, is the running head, not a story's text")
    func topRowWithDateIsHeader() {
        let layout = PageAnalyzer().analyze(page(date: "Tuesday, May 3, 1898"))
        let header = layout.summary.furniture.filter { $0.role == .header }.map(\.text).joined(separator: " ")
        #expect(header.contains("COURIER") && header.contains("1898"))
        #expect(!layout.articles.contains { $0.paragraphs.joined().contains("COURIER") })
        #expect(layout.articles.first?.headline == "Harbour works begin")
    }

    @Test("A dateline set large beside the page number, alone on the top row, is the running head too")
    func largeDatelineBesideFolio() {
        var g = LayoutFixture.latin("Paris, 2 April 1893", x: 20, y: 8, size: 16)
        g += LayoutFixture.latin("2", x: 300, y: 10)
        g += LayoutFixture.latin("Harbour works begin", x: 20, y: 40, size: 18)
        for r in 0..<12 { g += LayoutFixture.latin("line \(r) of the story under it", x: 20, y: 70 + Double(r) * 14) }
        let layout = PageAnalyzer().analyze(PageContent(number: 1, width: 320, height: 600, glyphs: LayoutFixture.undrawn(g)))
        #expect(layout.summary.furniture.contains { $0.role == .header && $0.text.contains("1893") })
        #expect(layout.articles.first?.headline == "Harbour works begin")
    }

    @Test("A top row without a digit is not taken for a running head")
    func topRowWithoutDigitStays() {
        let layout = PageAnalyzer().analyze(page(date: "Tuesday morning"))
        #expect(!layout.summary.furniture.contains { $0.role == .header })
    }
}

@Suite("Layout: a running head up the margin")
struct LayoutMarginHeadTests {
    /// A page 400 pt tall drawn in reading order: a headline over twelve lines at x 60…, then a running
    /// head turned to read up the left margin ("OFFICIAL GAZETTE", glyphs stacked at x 10, drawn bottom up).
    func page() -> [Glyph] {
        var g = LayoutFixture.latin("Notice of sale", x: 60, y: 20, size: 16)
        for r in 0..<12 { g += LayoutFixture.latin("line \(r) of the notice text", x: 60, y: 50 + Double(r) * 14) }
        for (k, c) in "OFFICIAL GAZETTE".enumerated() where c != " " {
            let y = 300 - Double(k) * 8
            g.append(Glyph(text: String(c), box: Rect(x0: 10, y0: y, x1: 18, y1: y + 8), size: 10, vertical: true))
        }
        return g
    }

    @Test("Vertical text in the margin is the running head, read in the direction it was drawn, not a headline")
    func marginHeadIsFurniture() {
        let g = page()
        #expect(DrawingOrder().evidence(g).trusted)
        let layout = PageAnalyzer().analyze(PageContent(number: 1, width: 300, height: 400, glyphs: g))
        let head = layout.summary.furniture.first { $0.role == .header }
        #expect(head?.text == "OFFICIALGAZETTE")
        #expect(layout.articles.map(\.headline) == ["Notice of sale"])
    }
}
