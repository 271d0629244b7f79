import Foundation
import GalleyCore
import GalleyPoppler
import Testing
@testable import GalleyRender

/// Runs pdftotext on a file; nil where poppler-utils is not installed. `band` keeps only the text
/// between two heights (points from the top), e.g. the text block without running heads and footers.
func pdftotext(_ path: String, raw: Bool = false, band: (top: Double, bottom: Double)? = nil) throws -> String? {
    let tool = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].first { FileManager.default.isExecutableFile(atPath: $0) }
    guard let tool else { return nil }
    let p = Process()
    p.executableURL = URL(fileURLWithPath: tool)
    var crop: [String] = []
    if let band { crop = ["-x", "0", "-y", "\(Int(band.top))", "-W", "2000", "-H", "\(Int(band.bottom - band.top))"] }
    p.arguments = (raw ? ["-raw"] : []) + crop + ["-enc", "UTF-8", path, "-"]
    let pipe = Pipe()
    p.standardOutput = pipe
    try p.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}

/// Text with everything a line break may add or remove taken out: white space, hyphens, soft hyphens.
func squeezed(_ s: String) -> [Unicode.Scalar] {
    s.unicodeScalars.filter { !$0.properties.isWhitespace && $0 != "-" && $0 != "\u{AD}" && $0 != "\u{2010}" }
}

/// Whether every paragraph occurs in `text`, in order (compared scalar by scalar, white space and hyphens ignored).
func containsInOrder(_ text: String, _ paragraphs: [String]) -> (Bool, String?) {
    let hay = squeezed(text)
    var from = 0
    for p in paragraphs {
        let needle = squeezed(p)
        guard !needle.isEmpty else { continue }
        var found: Int?
        var i = from
        while i + needle.count <= hay.count {
            if hay[i] == needle[0] && Array(hay[i..<(i + needle.count)]) == needle { found = i; break }
            i += 1
        }
        guard let at = found else { return (false, p) }
        from = at + needle.count
    }
    return (true, nil)
}

enum PrintFixture {
    static let latinParagraphs = [
        "The city council approved on Tuesday the construction of a new pedestrian bridge across the river, ending a debate that had divided neighbourhoods for more than a decade. The structure, designed by a regional engineering consortium, will connect the old market district with the residential quarters on the eastern bank.",
        "Supporters argued that the crossing would revitalise commercial activity and reduce congestion on the existing road bridges, which carry nearly forty thousand vehicles every day. Opponents questioned the environmental consequences of construction work during the spawning season and the unprecedented administrative complexity of the financing arrangements.",
        "Construction is expected to begin next spring and to last approximately eighteen months. The municipality has promised regular public consultations throughout the process.",
    ]
    static let chineseParagraphs = [
        "本报讯　近日，经开区召开区招商引资领导小组会议，听取近期重点招商项目推进情况，研究部署长三角驻地招商工作。会议强调，要以精准施策、高效落实为突破口，全力推动招商引资提质增效，为区域经济高质量发展注入强劲动能。",
        "会议提出，招商引资是经济工作的“生命线”，必须破除“坐等上门”思想，拿出超常规的思维、力度和举措，全员出击、取得实效。要主动靠前对接，聚焦长三角、珠三角、京津冀等重点区域企业，带着产业链缺口清单，以诚心换真心，以实招促实效。",
        "要突破路径依赖，灵活运用产业链招商、以商招商、基金招商、场景招商等模式，实现精准化、专业化招商，全力推动经开区招商引资工作上台阶、求突破、见实效。",
    ]

    static func latin(repeat k: Int = 1) -> Article {
        Article(id: "p1-a1", kicker: "CITY HALL", headline: "Council approves the new river bridge",
                subheadline: "A decade of debate ends with a vote of 9 to 4", byline: "By Jane Doe",
                paragraphs: Array((0..<k).map { _ in latinParagraphs }.joined()), captions: ["The old ferry landing, where the bridge will start."],
                blocks: [ArticleBlock(page: 1, role: .headline, bbox: Rect(x0: 50, y0: 80, x1: 290, y1: 120)),
                         ArticleBlock(page: 1, role: .image, bbox: Rect(x0: 50, y0: 130, x1: 290, y1: 280))])
    }

    static func chinese() -> Article {
        Article(id: "p3-a2", kicker: "聚焦招商引资", headline: "以精准施策高效落实推动招商引资提质增效", subheadline: "经开区部署长三角驻地招商工作",
                byline: "记者　谢鹏飞", paragraphs: chineseParagraphs)
    }

    /// A photo-like raster: a gradient, `w` × `h` pixels.
    static func photo(_ w: Int = 200, _ h: Int = 120) -> PageRaster {
        var px = [UInt32](repeating: 0, count: w * h)
        for y in 0..<h { for x in 0..<w {
            let r = UInt32(40 + 150 * x / w), g = UInt32(90), b = UInt32(200 - 150 * y / h)
            px[y * w + x] = 0xFF00_0000 | r << 16 | g << 8 | b
        } }
        return PageRaster(width: w, height: h, scale: 2, pixels: px)
    }

    static let source = StorySource(file: "/tmp/daily.pdf", pages: [1],
                                    furniture: [Furniture(role: .header, text: "The Daily Test", bbox: Rect(x0: 50, y0: 20, x1: 200, y1: 30)),
                                                Furniture(role: .header, text: "Monday, May 19, 2025", bbox: Rect(x0: 300, y0: 20, x1: 500, y1: 30)),
                                                Furniture(role: .folio, text: "5", bbox: Rect(x0: 550, y0: 20, x1: 560, y1: 30))])
}

@Suite struct PrintTests {
    @Test(arguments: [(Paper.a4, 1), (Paper.letter, 2)])
    func latinStoryRoundTripsThroughPdftotext(paper: Paper, columns: Int) throws {
        let dir = try OverlayFixture.temporaryDirectory()
        defer { OverlayFixture.cleanUp(dir) }
        let path = dir.appendingPathComponent("story.pdf").path
        let article = PrintFixture.latin(repeat: 4)
        let printed = try StoryPrinter(options: PrintOptions(paper: paper, columns: columns))
            .write(article, photos: [StoryPhoto(image: PrintFixture.photo(), caption: article.captions[0])], source: PrintFixture.source, to: path)
        #expect(printed.pages >= 2, "twelve paragraphs need more than one page")
        let doc = try PDFDocument(path: path)
        #expect(doc.pageCount == printed.pages)
        let size = try doc.page(1).size
        #expect(abs(size.width - paper.size.width) < 0.5 && abs(size.height - paper.size.height) < 0.5)
        // The photo is on the page.
        #expect(try doc.page(1).content(findRules: false).images.count == 1)
        // The text block only: a paragraph running on to the next page is interrupted by footer and running head.
        let margin = PrintOptions().margin
        guard let text = try pdftotext(path, band: (margin - 2, size.height - margin + 2)),
              let whole = try pdftotext(path) else { Issue.record("pdftotext is not installed"); return }
        let display = [article.kicker!, article.headline!, article.subheadline!, article.byline!]
        let (ok, missing) = containsInOrder(text, display + article.paragraphs)
        #expect(ok, "not found in order: \(missing ?? "")")
        #expect(text.contains(article.captions[0]))
        #expect(containsInOrder(whole, ["The Daily Test", "page 1 of \(printed.pages)", "page \(printed.pages) of \(printed.pages)"]).0)
    }

    @Test func chineseStoryRoundTripsAndNoLineStartsWithClosingPunctuation() throws {
        let dir = try OverlayFixture.temporaryDirectory()
        defer { OverlayFixture.cleanUp(dir) }
        let path = dir.appendingPathComponent("story.pdf").path
        let article = PrintFixture.chinese()
        _ = try StoryPrinter(options: PrintOptions(paper: .a4, columns: 2)).write(article, source: PrintFixture.source, to: path)
        guard let raw = try pdftotext(path, raw: true) else { Issue.record("pdftotext is not installed"); return }
        let (ok, missing) = containsInOrder(raw, [article.kicker!, article.headline!, article.subheadline!] + article.paragraphs)
        #expect(ok, "not found in order: \(missing ?? "")")
        let closing = Set("，。、；：？！”’）》」』】〉")
        for line in raw.split(separator: "\n") {
            let t = line.trimmingCharacters(in: .whitespaces)
            if let first = t.first { #expect(!closing.contains(first), "line starts with closing punctuation: \(t)") }
        }
        // The fonts are embedded.
        let fonts = try String(contentsOfFile: path, encoding: .isoLatin1)
        #expect(fonts.contains("NotoSerifCJK") && fonts.contains("/FontFile"))
    }

    @Test("A vertical story prints horizontally by default and in columns with --vertical, no column opening with closing punctuation")
    func verticalStoryPrintsBothWays() throws {
        var article = PrintFixture.chinese()
        article.writing = .vertical
        let dir = try OverlayFixture.temporaryDirectory()
        defer { OverlayFixture.cleanUp(dir) }
        // By default: horizontal, as any Chinese story.
        let flat = dir.appendingPathComponent("flat.pdf").path
        _ = try StoryPrinter(options: PrintOptions(paper: .a4)).write(article, source: PrintFixture.source, to: flat)
        if let raw = try pdftotext(flat, raw: true) {
            #expect(containsInOrder(raw, article.paragraphs).0)
        }
        // --vertical: columns in reading order hold the display lines and paragraphs in order.
        let printer = StoryPrinter(options: PrintOptions(paper: .a4, vertical: true))
        let (drawn, pages) = printer.verticalColumns(of: article)
        // Drawn in vertical forms (︐︒﹁ …), read as horizontal ones.
        #expect(drawn.joined().contains("︐") && !drawn.joined().contains("，"))
        let columns = drawn.map(VerticalGlyphs.horizontalForms)
        #expect(pages >= 1 && columns.count > article.paragraphs.count)
        let (ok, missing) = containsInOrder(columns.joined(), [article.kicker!, article.headline!, article.subheadline!] + article.paragraphs)
        #expect(ok, "not found in order: \(missing ?? "")")
        let closing = Set("，。、；：？！”’）》」』】〉")
        for column in columns {
            if let first = column.first { #expect(!closing.contains(first), "column starts with closing punctuation: \(column)") }
        }
        let tall = dir.appendingPathComponent("tall.pdf").path
        let printed = try printer.write(article, source: PrintFixture.source, to: tall)
        #expect(printed.pages == pages)
        #expect(try PDFDocument(path: tall).pageCount == pages)
    }

    @Test func longWordsGetSoftHyphensAtSyllableBreaks() throws {
        let h = SoftHyphenator()
        let shown = { (w: String) in h.hyphenateWord(w).replacingOccurrences(of: "\u{AD}", with: "-") }
        #expect(shown("administration") == "admi-nis-tra-tion", "three letters at least before the first break")
        #expect(shown("construction") == "con-struc-tion")
        #expect(shown("hostname") == "host-name")
        #expect(shown("thoughtful") == "thought-ful")
        #expect(shown("comprehensive") == "com-pre-hen-sive")
        let marked = h.hyphenate("the unprecedented bridge, NATO")
        #expect(marked.replacingOccurrences(of: "\u{AD}", with: "") == "the unprecedented bridge, NATO")
        #expect(h.hyphenate("bridge NATO") == "bridge NATO", "short words and capitals stay whole")
    }

    @Test func scriptIsDetectedFromTheText() {
        #expect(StoryScript.of(PrintFixture.chinese()) == .cjk)
        #expect(StoryScript.of(PrintFixture.latin()) == .latin)
    }

    @Test func sourceLineNamesPaperDateAndPage() {
        let line = PrintFixture.source.line
        #expect(line == "The Daily Test · Monday, May 19, 2025 · p. 5 — from daily.pdf, page 1")
        #expect(StorySource(file: "x.pdf", pages: [2], furniture: []).line == "From x.pdf, page 2")
    }

    @Test func badOutputLeavesNothingAndEmptyArticlesAreRefused() throws {
        let dir = try OverlayFixture.temporaryDirectory()
        defer { OverlayFixture.cleanUp(dir) }
        #expect(throws: RenderError.self) {
            try StoryPrinter().write(PrintFixture.latin(), source: PrintFixture.source, to: dir.appendingPathComponent("no/such/story.pdf").path)
        }
        #expect(throws: PrintError.emptyArticle(id: "x")) {
            try StoryPrinter().write(Article(id: "x"), source: PrintFixture.source, to: dir.appendingPathComponent("s.pdf").path)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    @Test func unknownArticleErrorListsTheValidIds() {
        let e = PrintError.unknownArticle(id: "p9-a9", valid: ["p1-a1", "p1-a2"])
        #expect(e.description.contains("p9-a9") && e.description.contains("p1-a1, p1-a2"))
    }
}
