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

    /// A column 150 pt wide (x 20…170) of items, each a heading in capitals at body size centred over
    /// three full lines; with `section`, a headline in headline type over all of them.
    func capitalsItems(section: Bool, heads: [String] = ["ROYAL THEATRE.", "NEW MARKET HALL."]) -> [Glyph] {
        var g: [Glyph] = []
        var y = 10.0
        if section { g += LayoutFixture.latin("Town News", x: 50, y: y, size: 20); y += 34 }
        for (k, head) in heads.enumerated() {
            let width = Double(head.count) * 5
            g += LayoutFixture.latin(head, x: 95 - width / 2, y: y)
            y += 14
            for r in 0..<3 {
                var line = LayoutFixture.latin("item \(k) line \(r) of running text here", x: 0, y: y)
                let w = line.last!.box.x1
                for i in line.indices {
                    let b = line[i].box
                    line[i].box = Rect(x0: 20 + b.x0 * 150 / w, y0: b.y0, x1: 20 + b.x0 * 150 / w + b.width, y1: b.y1)
                }
                g += line
                y += 13
            }
            y += 6
        }
        return g
    }

    @Test("A heading in capitals at body size, centred over its item, opens an article of its own")
    func capitalsHeadings() {
        let layout = PageAnalyzer().analyze(PageContent(number: 1, width: 200, height: 200, glyphs: capitalsItems(section: false)))
        #expect(layout.articles.map(\.headline) == ["ROYAL THEATRE.", "NEW MARKET HALL."])
        #expect(layout.articles.last?.paragraphs.joined(separator: " ").hasPrefix("item 1 line 0") == true)
    }

    @Test("A long heading in capitals, in from both edges of its item by little more than an em, opens an article")
    func longCapitalsHeading() {
        // 25 capitals 5 pt apart: 125 pt over the 150 pt column, 12.5 pt (1.25 em) in from each edge.
        let heads = ["ROYAL THEATRE.", "THE NEW MARKET HALL OPENS"]
        let layout = PageAnalyzer().analyze(PageContent(number: 1, width: 200, height: 200,
                                                        glyphs: capitalsItems(section: false, heads: heads)))
        #expect(layout.articles.map(\.headline) == heads)
    }

    /// Two headline lines (20 pt) centred on x 75 with `connector` (9 pt) centred between them, over a
    /// story's column.
    func headlineWithConnector(_ connector: String) -> [Glyph] {
        func centred(_ t: String, y: Double, size: Double) -> [Glyph] {
            let letters = Double(t.filter { $0 != " " }.count), spaces = Double(t.filter { $0 == " " }.count)
            return LayoutFixture.latin(t, x: 75 - (letters * 0.5 + spaces * 0.3) * size / 2, y: y, size: size)
        }
        var g = centred("Storm damage", y: 10, size: 20)
        g += centred(connector, y: 37, size: 9)
        g += centred("cost", y: 51, size: 20)
        g += latinColumn(["The storm that came in on", "Sunday night broke the sea", "wall in three places."], x: 20, y: 85)
        return g
    }

    @Test("Small connecting words centred between a headline's lines are part of the headline")
    func headlineConnector() {
        let layout = PageAnalyzer().analyze(PageContent(number: 1, width: 200, height: 200,
                                                        glyphs: LayoutFixture.undrawn(headlineWithConnector("and its"))))
        #expect(layout.articles.map(\.headline) == ["Storm damage and its cost"])
        #expect(layout.articles.first?.paragraphs.first?.hasPrefix("The storm") == true)
    }

    @Test("A longer line between a headline's lines is no connector: it does not join the headline")
    func longLineIsNoConnector() {
        let layout = PageAnalyzer().analyze(PageContent(number: 1, width: 200, height: 200,
                                                        glyphs: LayoutFixture.undrawn(headlineWithConnector("was reported widely"))))
        let headlines = layout.articles.compactMap(\.headline)
        #expect(headlines.contains("cost"))
        #expect(headlines.allSatisfy { !$0.contains("reported") })
    }

    @Test("A capitals heading of two lines, two ems over its item, opens an article")
    func twoLineCapitalsHeadingWithRoom() {
        // The first item (heading at y 10, lines at y 24-63), then a heading of two centred lines of
        // capitals at y 75 and 89 (ending at 101), then the first item's lines again, 20 pt (2 em) lower
        // than the heading's foot (y 121 on).
        let first = capitalsItems(section: false, heads: ["ROYAL THEATRE."])
        var g = first
        g += LayoutFixture.latin("THE NEW MARKET", x: 60, y: 75)
        g += LayoutFixture.latin("HALL OPENS", x: 70, y: 89)
        g += first.filter { $0.box.y0 >= 24 }.map { glyph -> Glyph in
            var m = glyph
            m.box = Rect(x0: glyph.box.x0, y0: glyph.box.y0 + 97, x1: glyph.box.x1, y1: glyph.box.y1 + 97)
            return m
        }
        let layout = PageAnalyzer().analyze(PageContent(number: 1, width: 200, height: 300,
                                                        glyphs: LayoutFixture.undrawn(g)))
        #expect(layout.articles.map(\.headline) == ["ROYAL THEATRE.", "THE NEW MARKET HALL OPENS"])
    }

    /// A column (x 20…170) of three full lines continued from an earlier page, then `heading` in small
    /// type (8 pt over 10) centred over an item of three full lines; with `headline`, a headline over the
    /// whole column.
    func centredItem(_ heading: String, headline: Bool) -> [Glyph] {
        var g = capitalsItems(section: false, heads: ["", ""])
        g += LayoutFixture.latin(heading, x: 95 - Double(heading.count) * 2, y: 71, size: 8)
        if headline { g += LayoutFixture.latin("Town news", x: 20, y: -24, size: 20) }
        return g.map { glyph -> Glyph in
            var m = glyph
            m.box = Rect(x0: glyph.box.x0, y0: glyph.box.y0 + 40, x1: glyph.box.x1, y1: glyph.box.y1 + 40)
            return m
        }
    }

    @Test("Where no story is headed yet, a line centred over running text heads an item, whatever its case")
    func centredLineHeadsItemOfContinuedText() {
        let layout = PageAnalyzer().analyze(PageContent(number: 1, width: 200, height: 250,
                                                        glyphs: LayoutFixture.undrawn(centredItem("Letter from Rome.", headline: false))))
        #expect(layout.articles.map(\.headline) == [nil, "Letter from Rome."])
    }

    @Test("Inside a headed story, a centred line in lower case is a crosshead, not a new article")
    func centredLineInHeadedStoryIsCrosshead() {
        let layout = PageAnalyzer().analyze(PageContent(number: 1, width: 200, height: 250,
                                                        glyphs: LayoutFixture.undrawn(centredItem("Letter from Rome.", headline: true))))
        #expect(layout.articles.map(\.headline) == ["Town news"])
    }

    @Test("Under a headline in headline type, capitals headings head the items of one article")
    func capitalsHeadingsInSection() {
        let layout = PageAnalyzer().analyze(PageContent(number: 1, width: 200, height: 200, glyphs: capitalsItems(section: true)))
        #expect(layout.articles.count == 1)
        #expect(layout.articles.first?.headline == "Town News")
        #expect(layout.articles.first?.paragraphs.joined(separator: " ").contains("item 1 line 2") == true)
    }

    @Test("Beside a section's column, a capitals heading in the next column opens an article of its own")
    func capitalsHeadingBesideSection() {
        // The section (headline over the column at x 20…170), then a second column at x 200 with one item.
        var g = capitalsItems(section: true)
        let second = capitalsItems(section: false).map { glyph -> Glyph in
            var moved = glyph
            moved.box = Rect(x0: glyph.box.x0 + 180, y0: glyph.box.y0, x1: glyph.box.x1 + 180, y1: glyph.box.y1)
            return moved
        }
        g += second
        let layout = PageAnalyzer().analyze(PageContent(number: 1, width: 400, height: 200, glyphs: LayoutFixture.undrawn(g)))
        #expect(layout.articles.first?.headline == "Town News")
        #expect(layout.articles.map(\.headline).contains("ROYAL THEATRE."))
        #expect(layout.articles.first?.paragraphs.joined(separator: " ").contains("item 1 line 2") == true)
    }

    @Test("Under a banner across the page (wider than two columns), capitals headings still open articles")
    func capitalsHeadingsUnderBanner() {
        var g = LayoutFixture.latin("General Commercial Advertiser of the Town", x: 10, y: -30, size: 20)
        g += capitalsItems(section: false)
        let layout = PageAnalyzer().analyze(PageContent(number: 1, width: 450, height: 200, glyphs: LayoutFixture.undrawn(g)))
        // (The first item, right under the banner, is read as the banner's story.)
        #expect(layout.articles.map(\.headline) == ["General Commercial Advertiser of the Town", "NEW MARKET HALL."])
    }

    @Test("A byline in capitals centred over a story's second item is no heading")
    func capitalsBylineIsNoHeading() {
        // The capitals items, with the second heading (at y 69) replaced by a centred byline in capitals.
        var glyphs = capitalsItems(section: false).filter { !($0.box.y0 > 60 && $0.box.y0 < 75) }
        glyphs += LayoutFixture.latin("BY JOHN SMITH", x: 62, y: 66)
        let layout = PageAnalyzer().analyze(PageContent(number: 1, width: 200, height: 200, glyphs: LayoutFixture.undrawn(glyphs)))
        #expect(layout.articles.map(\.headline) == ["ROYAL THEATRE."])
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
        let page = PageContent(number: 1, width: 200, height: 200, glyphs: LayoutFixture.undrawn(g))
        let (layout, trace) = PageAnalyzer().analyzeWithTrace(page)
        #expect(trace.blocks.contains { $0.isVerticalHeadline })
        #expect(layout.articles.count == 2)
        #expect(layout.articles.last?.headline == "植树添新绿")
        #expect(layout.articles.last?.paragraphs.joined().hasPrefix("植树正文内容") == true)
        #expect(layout.articles.first?.paragraphs.joined().contains("植树") == false)
    }
}

@Suite("Layout: drop capitals, jump lines, columns beside a photo")
struct LayoutStoryPartsTests {
    @Test("A drop capital begins the first word of its paragraph")
    func dropCap() {
        var g: [Glyph] = []
        g += LayoutFixture.latin("Town news", x: 20, y: 0, size: 20, bold: true)
        g.append(Glyph(text: "L", box: Rect(x0: 20, y0: 40, x1: 38, y1: 72), font: "Serif", size: 32))
        // Justified: every line but the last ends near x = 140.
        g += LayoutFixture.latin("a madre was born in", x: 42, y: 40)
        g += LayoutFixture.latin("the old port, and she", x: 42, y: 53)
        g += LayoutFixture.latin("lived there until the", x: 42, y: 66)
        g += LayoutFixture.latin("war ended in the spring", x: 20, y: 79)
        g += LayoutFixture.latin("of that year.", x: 20, y: 92)
        let layout = PageAnalyzer().analyze(PageContent(number: 1, width: 200, height: 150, glyphs: g))
        #expect(layout.articles.count == 1)
        let paras = layout.articles.first?.paragraphs ?? []
        #expect(paras.count == 1, "\(paras)")
        #expect(paras.first?.hasPrefix("La madre was born in the old port") == true)
    }

    @Test("Jump lines are recognised by newspaper convention only")
    func jumpLines() {
        let j = ParagraphJoiner()
        #expect(j.isJumpLine("Continued on A6"))
        #expect(j.isJumpLine("See PIERS on A4"))
        #expect(j.isJumpLine("（下转第三版）"))
        #expect(j.isJumpLine("● a pagina 24"))
        #expect(!j.isJumpLine("See you later, she said."))
        #expect(!j.isJumpLine("Continued efforts by the council paid off in 2024 and beyond, officials said."))
    }

    @Test("Jump lines: the quick exits for lines opening with an ideograph or a letter answer as the full test")
    func jumpLineOpenings() {
        let j = ParagraphJoiner()
        // Opening with an ideograph: a phrase opener goes on to the full test, any other ends it.
        #expect(j.isJumpLine("下转第三版"))
        #expect(j.isJumpLine("上接第一版）"))
        #expect(j.isJumpLine("转第5版"))
        #expect(!j.isJumpLine("下午三时，记者来到第三版"))
        #expect(!j.isJumpLine("本报讯 下转第三版"))
        // Opening with a letter, after whitespace, or with a bracket or bullet.
        #expect(j.isJumpLine("  Continued on A6  "))
        #expect(j.isJumpLine("SEE PIERS ON A4"))
        #expect(j.isJumpLine("(Continued on page 3)"))
        #expect(j.isJumpLine("\u{3000}下转第三版"))
        #expect(j.isJumpLine("● Segue a pagina 3"))
        #expect(!j.isJumpLine("Sigue en pie la propuesta"))
        #expect(!j.isJumpLine(""))
        #expect(!j.isJumpLine("   "))
    }

    @Test("A jump line split in two pieces is one paragraph, the story's last")
    func jumpLineParagraph() {
        let lb = LineBuilder()
        let body = TextBlock(lines: lb.lines(from: LayoutFixture.latin("the plan was approved.", x: 0, y: 0), bodySize: 10))
        let a = TextBlock(lines: lb.lines(from: LayoutFixture.latin("Continued", x: 60, y: 13), bodySize: 10))
        let b = TextBlock(lines: lb.lines(from: LayoutFixture.latin("on A6", x: 110, y: 13), bodySize: 10))
        #expect(ParagraphJoiner().paragraphs([body, a, b]) == ["the plan was approved.", "Continued on A6"])
    }

    @Test("A column under a photo and the column beside the photo are read as columns, left first")
    func columnBesidePhoto() {
        // Headline across; photo over the left column; the right column starts beside the photo and ends
        // above where the left column starts.
        var blocks: [TextBlock] = []
        let lb = LineBuilder()
        func column(_ word: String, x: Double, y: Double, n: Int) -> TextBlock {
            TextBlock(lines: lb.lines(from: LayoutFixture.cjkColumn(Array(repeating: word, count: n), x: x, y: y), bodySize: 10))
        }
        blocks.append(TextBlock(lines: lb.lines(from: LayoutFixture.cjk("标题标题标题", x: 0, y: 0, size: 20, bold: true), bodySize: 10), kind: .headline))
        blocks.append(TextBlock(image: Rect(x0: 0, y0: 40, x1: 60, y1: 100)))
        let left = column("左栏左栏左栏", x: 0, y: 110, n: 5)
        let right = column("右栏右栏右栏", x: 75, y: 40, n: 4)
        blocks += [right, left]
        let order = RegionCutter().cut(blocks, rules: [], bodySize: 10).tree.order
        #expect(order == [0, 1, 3, 2])
    }
}
