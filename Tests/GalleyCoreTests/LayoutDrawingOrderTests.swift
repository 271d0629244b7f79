import Testing
@testable import GalleyCore

@Suite("Layout: the drawing order as evidence")
struct LayoutDrawingOrderTests {
    /// Two Latin columns of `rows` lines each (10 pt, pitch 14 pt), the second starting `gutter` points
    /// right of the first one's right edge, drawn column by column, line by line.
    func twoColumns(rows: Int = 8, gutter: Double = 3) -> [Glyph] {
        var g: [Glyph] = []
        let words = ["alpha beta gamma", "delta epsilon zeta", "eta theta iota", "kappa lambda mu"]
        for c in 0..<2 {
            for r in 0..<rows {
                let text = (c == 0 ? "L" : "R") + "\(r) " + words[r % words.count]
                // Each column is 100 pt wide; every line is stretched to fill it (justified).
                var line = LayoutFixture.latin(text, x: 0, y: 0)
                let width = line.last!.box.x1
                let x0 = 20 + Double(c) * (100 + gutter)
                for k in line.indices {
                    let b = line[k].box
                    let stretch = 100 / width
                    line[k].box = Rect(x0: x0 + b.x0 * stretch, y0: 20 + Double(r) * 14,
                                       x1: x0 + b.x0 * stretch + b.width, y1: 20 + Double(r) * 14 + b.height)
                }
                g += line
            }
        }
        return g
    }

    @Test("A page drawn line by line, column by column is trusted; the same page drawn backwards is not")
    func coherenceOfDrawnAndShuffledPages() {
        let drawing = DrawingOrder()
        let drawn = drawing.evidence(twoColumns())
        #expect(drawn.trusted)
        #expect(drawn.coherence > 0.9)
        let reversed = drawing.evidence(LayoutFixture.undrawn(twoColumns()))
        #expect(!reversed.trusted)
        #expect(reversed.coherence < 0.1)
    }

    @Test("Noise an OCR engine reads in a picture, a glyph or two anywhere, does not hide a page drawn in order")
    func ocrNoiseWeighsLittle() {
        var g: [Glyph] = []
        // Two columns drawn in order, and after every second line a stray glyph somewhere in a picture.
        let columns = twoColumns()
        var ends = 0
        for (k, glyph) in columns.enumerated() {
            g.append(glyph)
            guard k + 1 < columns.count, columns[k + 1].box.y0 != glyph.box.y0 else { continue }
            ends += 1
            if ends % 2 == 0 {
                g += LayoutFixture.latin("~", x: Double((k * 37) % 200) + 20, y: Double((k * 53) % 80) + 200, size: 6)
            }
        }
        let evidence = DrawingOrder().evidence(g)
        #expect(evidence.trusted)
        #expect(evidence.coherence > 0.8)
    }

    @Test("A page with a handful of runs gives no evidence of its drawing order")
    func tooFewRuns() {
        let g = LayoutFixture.latin("one line", x: 10, y: 10) + LayoutFixture.latin("and another", x: 10, y: 24)
        #expect(DrawingOrder().evidence(g).coherence == 0)
    }

    @Test("Two columns drawn one after the other never share a line, however narrow their gutter")
    func narrowGutterColumnsStayApart() {
        let g = twoColumns(gutter: 2)
        let lines = DrawingOrder().lines(from: g)
        #expect(lines.count == 16)
        #expect(lines.allSatisfy { $0.text.hasPrefix("L") ? !$0.text.contains("R") : $0.text.hasPrefix("R") })
        // Through the whole pipeline: the left column is read through before the right one.
        let layout = PageAnalyzer().analyze(PageContent(number: 1, width: 260, height: 200, glyphs: g))
        let text = layout.articles.flatMap(\.paragraphs).joined(separator: " ")
        let l7 = text.range(of: "L7"), r0 = text.range(of: "R0")
        #expect(l7 != nil && r0 != nil)
        if let l7, let r0 { #expect(l7.lowerBound < r0.lowerBound) }
    }

    @Test("Blocks are read in the order the page draws them, each by the line drawn in its middle")
    func blocksInDrawingOrder() {
        // Three blocks (lines of 10 pt): A at the top left, B at the top right, C under A; drawn A, C, B.
        func block(_ name: String, x: Double, y: Double) -> [Glyph] {
            (0..<4).flatMap { r in LayoutFixture.latin("\(name)\(r) text of block \(name)", x: x, y: y + Double(r) * 14) }
        }
        let a = block("A", x: 20, y: 20), b = block("B", x: 200, y: 20), c = block("C", x: 20, y: 100)
        let blocks = BlockBuilder().blocks(from: DrawingOrder().lines(from: numbered(a + c + b)))
        #expect(blocks.count == 3)
        let geometric = Array(blocks.indices)
        let order = DrawingOrder().readingOrder(blocks, geometric: geometric).map { blocks[$0].lines[0].text.prefix(2) }
        #expect(order == ["A0", "C0", "B0"])
        // A line drawn early that joined a block (a byline over a story's second column) does not move it.
        var early = blocks
        if let k = early.firstIndex(where: { $0.lines[0].text.hasPrefix("B") }) {
            var lines = early[k].lines
            for i in lines[0].glyphs.indices { lines[0].glyphs[i].order = -1 }
            early[k] = TextBlock(lines: lines)
        }
        let moved = DrawingOrder().readingOrder(early, geometric: geometric).map { early[$0].lines[0].text.prefix(2) }
        #expect(moved == ["A0", "C0", "B0"])
    }

    @Test("Text frames drawn bottom up still give their articles in the page's order, each read as drawn")
    func framesDrawnBottomUp() {
        // Two stories stacked, each a headline over four lines; the lower story is drawn first.
        func story(_ name: String, y: Double) -> [Glyph] {
            var g = LayoutFixture.latin("\(name) headline", x: 20, y: y, size: 18)
            for r in 0..<4 { g += LayoutFixture.latin("\(name) line \(r) of the story", x: 20, y: y + 30 + Double(r) * 14) }
            return g
        }
        let g = story("Lower", y: 200) + story("Upper", y: 20)
        let layout = PageAnalyzer().analyze(PageContent(number: 1, width: 300, height: 400, glyphs: g))
        #expect(DrawingOrder().evidence(g).trusted)
        #expect(layout.articles.map(\.headline) == ["Upper headline", "Lower headline"])
        #expect(layout.articles.first?.paragraphs.joined(separator: " ").hasPrefix("Upper line 0") == true)
    }

    @Test("Headlines drawn as a layer of their own, before the stories, still head their stories")
    func headlineLayerDrawnFirst() {
        // Two stories side by side (x 20 and x 200), each a headline over eight lines; the page draws both
        // headlines first, then the left story's lines, then the right one's.
        func lines(_ name: String, x: Double) -> [Glyph] {
            (0..<8).flatMap { r in LayoutFixture.latin("\(name) line \(r) of text", x: x, y: 50 + Double(r) * 14) }
        }
        var g = LayoutFixture.latin("Left headline", x: 20, y: 20, size: 18)
        g += LayoutFixture.latin("Right headline", x: 200, y: 20, size: 18)
        g += lines("Left", x: 20) + lines("Right", x: 200)
        #expect(DrawingOrder().evidence(g).trusted)
        let layout = PageAnalyzer().analyze(PageContent(number: 1, width: 360, height: 200, glyphs: g))
        #expect(layout.articles.map(\.headline) == ["Left headline", "Right headline"])
        #expect(layout.articles.last?.paragraphs.joined(separator: " ").hasPrefix("Right line 0") == true)
        #expect(layout.articles.first?.paragraphs.joined(separator: " ").contains("Right") == false)
    }

    @Test("Articles drawn mostly in the page's order keep the order they were drawn in")
    func articlesKeepDrawnOrder() {
        // Opening boxes of three articles in geometric order A, B, C; drawn A, C, B: one step agrees, one
        // does not, so the drawing order stands.
        let a = Rect(x0: 0, y0: 0, x1: 10, y1: 10), b = Rect(x0: 0, y0: 50, x1: 10, y1: 60)
        let c = Rect(x0: 50, y0: 0, x1: 60, y1: 10)
        let blocks = [a, b, c].map { r in
            TextBlock(lines: [TextLine(glyphs: [Glyph(text: "x", box: r, size: 10)], text: "x")])
        }
        let order = DrawingOrder().articleOrder([[a], [c], [b]], blocks: blocks, geometric: [0, 1, 2])
        #expect(order == [0, 1, 2])
        let reversed = DrawingOrder().articleOrder([[c], [b], [a]], blocks: blocks, geometric: [0, 1, 2])
        #expect(reversed == [2, 1, 0])
    }

    /// The glyphs numbered in the given order, as the analyzer numbers a page's glyphs.
    func numbered(_ g: [Glyph]) -> [Glyph] {
        var g = g
        for i in g.indices { g[i].order = i }
        return g
    }

    @Test("Type set in exact sizes has no size noise; sizes taken from OCR line heights have some")
    func sizeNoise() {
        let classifier = RoleClassifier()
        var exact: [Glyph] = []
        for r in 0..<20 { exact += LayoutFixture.latin("body text line", x: 10, y: Double(r) * 14) }
        exact += LayoutFixture.latin("Caption", x: 10, y: 300, size: 8)
        #expect(classifier.sizeNoise(of: exact, bodySize: 10) == 0)
        var scattered: [Glyph] = []
        for r in 0..<20 {
            // Every line its own size, between 9 and 11 pt, as line heights of OCR give them.
            let size = 9 + Double((r * 7) % 20) / 10
            scattered += LayoutFixture.latin("body text line", x: 10, y: Double(r) * 14, size: size)
        }
        let noise = classifier.sizeNoise(of: scattered, bodySize: 10)
        #expect(noise > 0.03 && noise < 0.1)
        // No noise leaves the parameters as they are; noise widens the size ratios.
        #expect(LayoutParameters.standard.tolerating(sizeNoise: 0) == LayoutParameters.standard)
        let wide = LayoutParameters.standard.tolerating(sizeNoise: noise)
        #expect(wide.blockSizeRatio > LayoutParameters.standard.blockSizeRatio)
        #expect(wide.smallRatio < LayoutParameters.standard.smallRatio)
    }
}

@Suite("Layout: noisy type sizes of OCR text layers")
struct LayoutNoisySizeTests {
    /// A justified column of six lines, 10 pt, every line 100 pt wide; the fourth line's size is `odd`.
    func column(odd: Double) -> [TextLine] {
        (0..<6).map { r in
            let size = r == 3 ? odd : 10
            var g = LayoutFixture.latin("line \(r) of a column", x: 0, y: 20 + Double(r) * 14, size: size)
            let width = g.last!.box.x1
            for k in g.indices {
                let b = g[k].box
                g[k].box = Rect(x0: 20 + b.x0 * 100 / width, y0: b.y0, x1: 20 + b.x1 * 100 / width, y1: b.y0 + 11)
            }
            return TextLine(glyphs: g, text: "line \(r)")
        }
    }

    @Test("A row drawn across a traced gutter parts there, except on an OCR text layer, whose lines are the OCR's")
    func rowsAcrossAGutter() {
        // Twenty rows, each drawn left part then right part, with 40 pt (4 em) of white between at one x.
        var g: [Glyph] = []
        for r in 0..<20 {
            g += LayoutFixture.latin("left part \(r) of row", x: 20, y: 20 + Double(r) * 14)
            g += LayoutFixture.latin("right part \(r) of row", x: 150, y: 20 + Double(r) * 14)
        }
        let exact = DrawingOrder().runs(g, bodySize: 10)
        #expect(exact.count == 40)
        let ocr = DrawingOrder(parameters: LayoutParameters.standard.tolerating(sizeNoise: 0.08)).runs(g, bodySize: 10)
        #expect(ocr.count == 20)
        // A table row of an OCR layer, label and value 18 em apart, is one line there; with exact sizes
        // a gap that wide parts it.
        let row = LayoutFixture.latin("Froment", x: 20, y: 400) + LayoutFixture.latin("15 50", x: 235, y: 400)
        #expect(DrawingOrder().runs(row, bodySize: 10).count == 2)
        #expect(DrawingOrder(parameters: LayoutParameters.standard.tolerating(sizeNoise: 0.08)).runs(row, bodySize: 10).count == 1)
    }

    @Test("On a page with scattered sizes, a line flush with its column joins it however large OCR made it")
    func flushLineJoinsOnNoisyPage() {
        let lines = column(odd: 14)
        #expect(BlockBuilder().blocks(from: lines).count == 3)
        let noisy = LayoutParameters.standard.tolerating(sizeNoise: 0.08)
        #expect(BlockBuilder(parameters: noisy).blocks(from: lines).count == 1)
        // Headline type stays apart even there.
        #expect(BlockBuilder(parameters: noisy).blocks(from: column(odd: 17)).count == 3)
    }

    @Test("On an OCR text layer, large type that does not read as words is no headline; with exact sizes it stays")
    func noiseIsNoHeadline() {
        func block(_ text: String) -> TextBlock {
            TextBlock(lines: [TextLine(glyphs: [Glyph(text: text, box: Rect(x0: 20, y0: 20, x1: 80, y1: 40), size: 20)],
                                       text: text)])
        }
        let noisy = RoleClassifier(parameters: LayoutParameters.standard.tolerating(sizeNoise: 0.08))
        #expect(noisy.classify([block("~ %° ;|")], bodySize: 10)[0].kind == .body)
        #expect(noisy.classify([block("LATEST NEWS")], bodySize: 10)[0].kind == .headline)
        #expect(RoleClassifier().classify([block("0716-8852")], bodySize: 10)[0].kind == .headline)
    }

    @Test("On a page with scattered sizes, a tall line inside a column's flow is running text, a centred heading is not")
    func tallLineInFlowIsRunningText() {
        func block(_ text: String, x0: Double, x1: Double, y: Double, size: Double, lines: Int = 1) -> TextBlock {
            TextBlock(lines: (0..<lines).map { r in
                let g = [Glyph(text: text, box: Rect(x0: x0, y0: y + Double(r) * 12, x1: x1, y1: y + Double(r) * 12 + size), size: size)]
                return TextLine(glyphs: g, text: text)
            })
        }
        let above = block("above", x0: 20, x1: 120, y: 0, size: 10, lines: 4)
        let tall = block("tall", x0: 20, x1: 119, y: 48, size: 16)
        let centred = block("HEADING", x0: 50, x1: 90, y: 48, size: 16)
        let below = block("below", x0: 20, x1: 120, y: 66, size: 10, lines: 4)
        let noisy = RoleClassifier(parameters: LayoutParameters.standard.tolerating(sizeNoise: 0.08))
        let kinds = noisy.classify([above, tall, below], bodySize: 10).map(\.kind)
        #expect(kinds == [.body, .body, .body])
        #expect(noisy.classify([above, centred, below], bodySize: 10)[1].kind == .headline)
        // With exact sizes the tall line is headline type, as set.
        #expect(RoleClassifier().classify([above, tall, below], bodySize: 10)[1].kind == .headline)
    }
}

@Suite("Layout: fragments drawn inside a column's text")
struct LayoutDrawnFragmentTests {
    @Test("A stray fragment drawn between two lines of a column, inside it, joins that column's text where it was drawn")
    func fragmentJoinsItsColumn() {
        var g: [Glyph] = []
        for r in 0..<12 {
            g += LayoutFixture.latin("line \(r) of the column text", x: 20, y: 20 + Double(r) * 14)
            // After line 3, OCR noise in a larger size, drawn before line 4 and set between the two.
            if r == 3 { g += LayoutFixture.latin("xq", x: 60, y: 20 + 3 * 14 + 6, size: 14) }
        }
        #expect(DrawingOrder().evidence(g).trusted)
        let layout = PageAnalyzer().analyze(PageContent(number: 1, width: 300, height: 300, glyphs: g))
        #expect(layout.articles.count == 1)
        let text = layout.articles.first?.paragraphs.joined(separator: " ") ?? ""
        #expect(text.contains("line 3 of the column text xq line 4"))
    }
}

@Suite("Layout: impossible numbers")
struct LayoutImpossibleNumberTests {
    @Test("Glyphs with huge, infinite or undefined boxes beside a normal column do not stop the layout")
    func impossibleBoxesDoNotTrap() {
        var g: [Glyph] = []
        for r in 0..<12 { g += LayoutFixture.latin("line \(r) of the column text", x: 20, y: 20 + Double(r) * 14) }
        g.append(Glyph(text: "x", box: Rect(x0: 1e300, y0: 40, x1: .infinity, y1: 50), size: 10))
        g.append(Glyph(text: "y", box: Rect(x0: 30, y0: -.infinity, x1: 40, y1: 1e308), size: 1e24))
        g.append(Glyph(text: "z", box: Rect(x0: .nan, y0: .nan, x1: .nan, y1: .nan), size: .nan))
        for glyphs in [g, LayoutFixture.undrawn(g)] {
            let layout = PageAnalyzer().analyze(PageContent(number: 1, width: 300, height: 300, glyphs: glyphs))
            #expect(layout.articles.flatMap(\.paragraphs).joined(separator: " ").contains("line 11 of the column"))
            #expect(layout.summary.warnings.contains { $0.contains("3 glyphs, pictures or rules") })
        }
        #expect(Int.checked(.infinity, in: 0...10) == 10 && Int.checked(-.infinity, in: 0...10) == 0)
        #expect(Int.checked(.nan, in: 3...10) == 3 && Int.checked(4.7, in: 0...10) == 4)
        #expect(Int.checked(4.2, in: 0...10, rounding: .up) == 5)
    }
}
