import Foundation
import Testing
@testable import GalleyCore

extension LayoutFixture {
    /// Vertical CJK text: characters one under another from `top`, centred on `centerX`, `pitch` em
    /// apart, each box one em wide and 1.4 em tall (as a PDF gives a horizontal font's glyphs); a space
    /// leaves its cell blank.
    static func cjkVertical(_ text: String, centerX: Double, top: Double, size: Double = 10, pitch: Double = 1.0,
                            bold: Bool = false) -> [Glyph] {
        text.enumerated().compactMap { i, c in
            let y = top + Double(i) * pitch * size
            return c == " " ? nil : Glyph(text: String(c), box: Rect(x0: centerX - size / 2, y0: y, x1: centerX + size / 2, y1: y + 1.4 * size),
                                           font: "Serif", size: size, bold: bold)
        }
    }

    /// Distinct characters (from the Thousand Character Classic), so that order shows in any excerpt.
    static let pool = Array("天地玄黃宇宙洪荒日月盈昃辰宿列張寒來暑往秋收冬藏閏餘成歲律呂調陽雲騰致雨露結為霜金生麗水玉出崑岡劍號巨闕珠稱夜光果珍李柰菜重芥薑海鹹河淡鱗潛羽翔龍師火帝鳥官人皇始制文字乃服衣裳推位讓國有虞陶唐弔民伐罪周發殷湯坐朝問道垂拱平章愛育黎首臣伏戎羌遐邇壹體率賓歸王")

    /// `count` characters of the pool from `start`.
    static func text(_ start: Int, _ count: Int) -> String {
        String((0..<count).map { pool[(start + $0) % pool.count] })
    }

    /// Body text set vertically in the column slots given (centre x, top, characters), right to left:
    /// every paragraph opens a new column, indented two characters. Returns the glyphs and how many
    /// slots were used.
    static func verticalBody(_ paragraphs: [String], slots: [(x: Double, top: Double, chars: Int)],
                             size: Double = 10) -> (glyphs: [Glyph], used: Int) {
        var glyphs: [Glyph] = []
        var slot = 0
        for p in paragraphs {
            var cells = Array("  " + p)
            while !cells.isEmpty {
                let s = slots[slot]
                let n = min(s.chars, cells.count)
                glyphs += cjkVertical(String(cells.prefix(n)), centerX: s.x, top: s.top, size: size)
                cells.removeFirst(n)
                slot += 1
            }
        }
        return (glyphs, slot)
    }

    /// A vertical page: a horizontal masthead over a rule, two tiers with a rule between, a story in
    /// each (a 24 pt headline column at its right, body columns 1.6 em apart to its left, 15 characters
    /// each), a folio. `continued` lets the first story go on at the right of the second tier.
    static func verticalPage(first: [String], second: [String], continued: Int = 0) -> PageContent {
        var g = cjk("港都日報", x: 20, y: 10, size: 20, bold: true)
        let tiers = [60.0, 240.0]
        func slots(_ top: Double, from right: Double, count: Int) -> [(x: Double, top: Double, chars: Int)] {
            (0..<count).map { (x: right - 8 - Double($0) * 16, top: top, chars: 15) }
        }
        g += cjkVertical("甲篇標題", centerX: 380, top: tiers[0], size: 24, pitch: 1.05, bold: true)
        var firstSlots = slots(tiers[0], from: 362, count: 20)
        if continued > 0 { firstSlots = Array(firstSlots.prefix(continued)) + slots(tiers[1], from: 390, count: 10) }
        let a = verticalBody(first, slots: firstSlots)
        g += a.glyphs
        let usedInSecond = max(0, a.used - continued)
        let headX = continued > 0 ? 390 - Double(usedInSecond) * 16 - 20 : 380
        g += cjkVertical("乙篇標題", centerX: headX, top: tiers[1], size: 24, pitch: 1.05, bold: true)
        g += verticalBody(second, slots: slots(tiers[1], from: headX - 18, count: 20)).glyphs
        g += latin("3", x: 200, y: 470)
        let rules = [Rule(kind: .horizontal, box: Rect(x0: 10, y0: 45, x1: 390, y1: 46)),
                     Rule(kind: .horizontal, box: Rect(x0: 10, y0: 225, x1: 390, y1: 226))]
        return PageContent(number: 1, width: 400, height: 480, glyphs: g, rules: rules)
    }
}

@Suite("Layout: vertical pages (竖排)")
struct LayoutVerticalPageTests {
    typealias F = LayoutFixture

    @Test("A page of vertical columns is a vertical page; its masthead and folio are horizontal")
    func detectsVerticalPage() {
        let page = F.verticalPage(first: [F.text(0, 40), F.text(40, 30)], second: [F.text(70, 50)])
        let finding = VerticalPageDetector().detect(page.glyphs)
        #expect(finding.isVerticalPage)
        for (g, v) in zip(page.glyphs, finding.vertical) {
            let horizontal = g.box.y0 < 40 || g.text == "3"
            #expect(v == !horizontal, "\(g.text) at \(g.box) should be \(horizontal ? "horizontal" : "vertical")")
        }
    }

    @Test("A horizontal page with a vertical headline is not a vertical page, and its output is unchanged")
    func horizontalPageWithVerticalHeadlineStaysHorizontal() {
        var g = F.cjkColumn(["  甲一甲一甲一", "甲一甲一甲一甲", "甲一甲一甲一甲", "甲一甲一甲"], x: 60, y: 40)
        g += F.cjkColumn(["  乙二乙二乙二", "乙二乙二乙二乙", "乙二乙二"], x: 60, y: 120)
        var headline = F.cjkVertical("豎排標題", centerX: 30, top: 40, size: 20, pitch: 1.1, bold: true)
        for i in headline.indices { headline[i].vertical = true }
        g += headline
        let page = PageContent(number: 1, width: 200, height: 200, glyphs: g)
        #expect(!VerticalPageDetector().detect(page.glyphs).isVerticalPage)
        var plain = PageAnalyzer()
        plain.detectsVerticalPages = false
        #expect(PageAnalyzer().analyze(page).articles == plain.analyze(page).articles)
        #expect(PageAnalyzer().analyze(page).articles.allSatisfy { $0.writing == .horizontal })
    }

    @Test("Columns are read right to left inside a tier, tiers top to bottom; each story marked vertical")
    func readingOrderRightToLeftThenDown() {
        let first = [F.text(0, 40), F.text(40, 30)], second = [F.text(70, 50)]
        let layout = PageAnalyzer().analyze(F.verticalPage(first: first, second: second))
        #expect(layout.articles.map(\.headline) == ["甲篇標題", "乙篇標題"])
        #expect(layout.articles.map(\.paragraphs) == [first, second])
        #expect(layout.articles.allSatisfy { $0.writing == .vertical })
        // Blocks in reading order: the headline at the story's right, then its body further left.
        let blocks = layout.articles[0].blocks
        #expect(blocks.first?.role == .headline)
        #expect(blocks.dropFirst().allSatisfy { $0.bbox.x1 < blocks[0].bbox.x0 + 1 })
        #expect(layout.summary.furniture.contains { $0.text == "港都日報" })
        #expect(layout.summary.furniture.contains { $0.text == "3" })
    }

    @Test("A story's text goes on from the left end of one tier to the right end of the next")
    func storyContinuesIntoNextTier() {
        let first = [F.text(0, 100), F.text(100, 200)], second = [F.text(10, 40)]
        let layout = PageAnalyzer().analyze(F.verticalPage(first: first, second: second, continued: 20))
        #expect(layout.articles.first?.paragraphs == first)
        #expect(layout.articles.last?.headline == "乙篇標題")
        #expect(layout.articles.last?.paragraphs == second)
    }

    @Test("A column indented two characters at the top opens a paragraph; a column break alone does not")
    func paragraphsOpenAtIndentedColumnTops() {
        // Paragraphs of 13 + 15 + ... characters: each column break inside a paragraph falls at a full column.
        let paragraphs = [F.text(0, 28), F.text(28, 13), F.text(41, 43)]
        let layout = PageAnalyzer().analyze(F.verticalPage(first: paragraphs, second: [F.text(90, 20)]))
        #expect(layout.articles.first?.paragraphs == paragraphs)
    }

    @Test("Vertical punctuation forms are read as their horizontal code points")
    func verticalPunctuationNormalised() {
        #expect(VerticalGlyphs.horizontalForms("﹁天地︑玄黃︒﹂︵宇宙︶︐") == "「天地、玄黃。」（宇宙），")
        #expect(VerticalGlyphs.horizontalForms("天地玄黃") == "天地玄黃")
        let first = ["天地玄黃︐宇宙洪荒︒日月盈昃︑辰宿列張︒寒來暑往︐秋收冬藏"]
        let layout = PageAnalyzer().analyze(F.verticalPage(first: first, second: [F.text(0, 40)]))
        #expect(layout.articles.first?.paragraphs == ["天地玄黃，宇宙洪荒。日月盈昃、辰宿列張。寒來暑往，秋收冬藏"])
    }

    @Test("Two digits set across one cell of a column (縦中横) stay in their column as one cell")
    func tateChuYokoDigitsStayInColumn() {
        var page = F.verticalPage(first: [F.text(0, 40)], second: [F.text(40, 30)])
        // The second column from the right holds characters 13 to 27 of the paragraph (after the indent
        // and the first column's 13); its sixth cell, character 18, becomes a 12 set across the cell.
        let cx = 362 - 8.0 - 16, y = 60 + 5 * 10.0
        page.glyphs.removeAll { $0.box.midX == cx && $0.box.y0 == y }
        page.glyphs += [Glyph(text: "1", box: Rect(x0: cx - 5, y0: y, x1: cx, y1: y + 14), font: "Serif", size: 10),
                        Glyph(text: "2", box: Rect(x0: cx, y0: y, x1: cx + 5, y1: y + 14), font: "Serif", size: 10)]
        let merged = VerticalGlyphs().merged(page.glyphs.filter { $0.text == "1" || $0.text == "2" })
        #expect(merged.map(\.text) == ["12"])
        let expected = F.text(0, 18) + "12" + F.text(19, 21)
        #expect(PageAnalyzer().analyze(page).articles.first?.paragraphs == [expected])
    }

    @Test("The last character of a column, beside the next column's last one, stays in its column")
    func columnEndStaysVertical() {
        // A headline in two columns of four characters: the last two characters stand side by side.
        var g = F.cjkVertical("甲乙丙丁", centerX: 380, top: 60, size: 24, pitch: 1.08, bold: true)
        g += F.cjkVertical("戊己庚辛", centerX: 380 - 24 * 1.35, top: 60, size: 24, pitch: 1.08, bold: true)
        let votes = VerticalPageDetector().votes(g)
        #expect(!votes.contains(.horizontal))
        let page = F.verticalPage(first: [F.text(0, 40)], second: [F.text(40, 30)])
        var all = page.glyphs.filter { !"甲篇標題".contains($0.text) }
        all += g
        let finding = VerticalPageDetector().detect(all)
        #expect(zip(all, finding.vertical).allSatisfy { g, v in !"甲乙丙丁戊己庚辛".contains(g.text) || v })
    }

    @Test("Kicker right of the headline and deck left of it; a traditional byline after the text is the byline")
    func kickerDeckAndByline() {
        var page = F.verticalPage(first: [F.text(0, 40), F.text(40, 30)], second: [F.text(70, 50)])
        // Move the first story's body two columns left to make room, kicker and deck at 13 pt.
        page.glyphs = page.glyphs.map { g in
            var g = g
            if g.size == 10 && g.box.y0 < 220 && g.box.x0 > 100 { g.box = Rect(x0: g.box.x0 - 40, y0: g.box.y0, x1: g.box.x1 - 40, y1: g.box.y1) }
            if g.size == 24 && g.box.y0 < 220 { g.box = Rect(x0: g.box.x0 - 20, y0: g.box.y0, x1: g.box.x1 - 20, y1: g.box.y1) }
            return g
        }
        page.glyphs += F.cjkVertical("引題文字", centerX: 389, top: 65, size: 12, pitch: 1.05)
        page.glyphs += F.cjkVertical("副題文字說明", centerX: 336, top: 80, size: 12, pitch: 1.05, bold: true)
        // The byline in a column of its own after the text, set at the column foot.
        page.glyphs += F.cjkVertical("記者林書維報導", centerX: 362 - 8 - 16 * 6 - 40, top: 210 - 70, size: 10)
        // Drawn last to first: geometry alone puts the display lines in their places.
        page.glyphs = F.undrawn(page.glyphs)
        let a = PageAnalyzer().analyze(page).articles.first
        #expect(a?.kicker == "引題文字")
        #expect(a?.headline == "甲篇標題")
        #expect(a?.subheadline == "副題文字說明")
        #expect(a?.byline == "記者林書維報導")
        #expect(a?.paragraphs == [F.text(0, 40), F.text(40, 30)])
    }

    @Test("The quarter turn maps a column to a line and back exactly")
    func quarterTurnRoundTrips() {
        let turn = VerticalPageTurn(width: 400)
        let column = Rect(x0: 350, y0: 60, x1: 360, y1: 210)
        let line = turn.turn(column)
        #expect(line == Rect(x0: 60, y0: 40, x1: 210, y1: 50))
        #expect(turn.back(line) == column)
        // The column right of it comes out above it.
        #expect(turn.turn(Rect(x0: 366, y0: 60, x1: 376, y1: 210)).y1 < line.y0)
        #expect(turn.turn(Rule(kind: .horizontal, box: Rect(x0: 10, y0: 225, x1: 390, y1: 226))).kind == .vertical)
    }

    @Test("Lines beside a picture measure their indents from where their fellows start")
    func linesBesidePictureMeasureIndentFromFellows() {
        // Turned: three full lines, then lines that start right of a picture, one of them indented.
        var lines: [TextLine] = []
        func line(_ text: String, x: Double, y: Double) -> TextLine {
            TextLine(glyphs: F.cjk(text, x: x, y: y), text: text)
        }
        lines.append(line("天地玄黃宇宙洪荒日月盈", x: 10, y: 10))
        lines.append(line("昃辰宿列張寒來暑往秋收", x: 10, y: 26))
        lines.append(line("冬藏閏餘成", x: 70, y: 42))
        lines.append(line("歲律呂調陽", x: 70, y: 58))
        lines.append(line("雲騰致雨", x: 90, y: 74))
        lines.append(line("露結為霜金", x: 70, y: 90))
        let block = TextBlock(lines: lines)
        let picture = Rect(x0: 10, y0: 40, x1: 60, y1: 110)
        let joiner = ParagraphJoiner()
        #expect(joiner.paragraphs([block], beside: [picture]) == ["天地玄黃宇宙洪荒日月盈昃辰宿列張寒來暑往秋收冬藏閏餘成歲律呂調陽", "雲騰致雨露結為霜金"])
        // Without the picture every line beside it counts as indented (horizontal pages keep that).
        #expect(joiner.paragraphs([block]).count > 2)
    }

    @Test("Articles JSON marks vertical stories with writing and leaves horizontal ones as they were")
    func jsonWritingKeyOnlyForVertical() throws {
        var a = Article(id: "p1-a1", headline: "甲", paragraphs: ["天地"])
        let horizontal = ArticleJSONWriter().string(for: ArticleDocument(source: "x.pdf", articles: [a]))
        #expect(!horizontal.contains("writing"))
        a.writing = .vertical
        let vertical = ArticleJSONWriter().string(for: ArticleDocument(source: "x.pdf", articles: [a]))
        #expect(vertical.contains("\"writing\": \"vertical\""))
        let decoded = try JSONDecoder().decode(ArticleDocument.self, from: Data(vertical.utf8))
        #expect(decoded.articles.first?.writing == .vertical)
        let old = try JSONDecoder().decode(ArticleDocument.self, from: Data(horizontal.utf8))
        #expect(old.articles.first?.writing == .horizontal)
    }
}
