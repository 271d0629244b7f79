import Foundation
import GalleyCore
import GalleyPoppler
import GalleyRender
import Testing

/// A PDF written by hand with one Type 3 font whose glyphs are filled rectangles: each glyph's
/// procedure fills exactly its `d1` box (or, for a `d0` glyph, the font's /FontBBox), so the ink of
/// every glyph is known, and poppler's own drawing of the page shows it.
struct Type3Page {
    struct Glyph {
        var code: UInt8
        var text: String
        var width: Double
        /// The glyph's box in glyph space (llx, lly, urx, ury); nil for a `d0` glyph, which fills
        /// the font's box.
        var box: [Double]?
    }
    var fontMatrix: [Double]
    var fontBBox: [Double]
    var glyphs: [Glyph]
    /// The page's content stream (shows text with /F1).
    var content: String
    var width = 400.0, height = 300.0

    /// The file's objects, numbered from 1: catalog, pages, page, content, font, its ToUnicode map,
    /// then one glyph procedure per glyph.
    func objects() -> [String] {
        var objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 \(num(width)) \(num(height))] /Contents 4 0 R "
                + "/Resources << /Font << /F1 5 0 R >> >> >>",
            stream(content),
        ]
        let codes = glyphs.map { Int($0.code) }
        let first = codes.min() ?? 0, last = codes.max() ?? 0
        let widths = (first...last).map { c in glyphs.first { Int($0.code) == c }.map { num($0.width) } ?? "0" }
        let differences = glyphs.map { "\($0.code) /g\($0.code)" }.joined(separator: " ")
        let procs = glyphs.enumerated().map { "/g\($1.code) \(7 + $0) 0 R" }.joined(separator: " ")
        objects.append("<< /Type /Font /Subtype /Type3 /FontMatrix [\(fontMatrix.map(num).joined(separator: " "))] "
                       + "/FontBBox [\(fontBBox.map(num).joined(separator: " "))] /Resources << >> "
                       + "/Encoding << /Type /Encoding /Differences [\(differences)] >> /CharProcs << \(procs) >> "
                       + "/FirstChar \(first) /LastChar \(last) /Widths [\(widths.joined(separator: " "))] /ToUnicode 6 0 R >>")
        let map = glyphs.map { g in
            "<\(String(format: "%02x", g.code))> <\(g.text.utf16.map { String(format: "%04x", $0) }.joined())>"
        }.joined(separator: "\n")
        objects.append(stream("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /T3 def "
                              + "1 begincodespacerange <00> <ff> endcodespacerange\n\(glyphs.count) beginbfchar\n\(map)\n"
                              + "endbfchar endcmap CMapName currentdict /CMap defineresource pop end end"))
        for g in glyphs {
            let b = g.box ?? fontBBox
            let x0 = min(b[0], b[2]), y0 = min(b[1], b[3]), x1 = max(b[0], b[2]), y1 = max(b[1], b[3])
            let rect = "\(num(x0)) \(num(y0)) \(num(x1 - x0)) \(num(y1 - y0)) re f"
            objects.append(stream(g.box.map { "\(num(g.width)) 0 \($0.map(num).joined(separator: " ")) d1\n\(rect)" }
                                  ?? "\(num(g.width)) 0 d0\n0 g \(rect)"))
        }
        return objects
    }

    func data() throws -> Data {
        let body = objects().enumerated().map { "\($0 + 1) 0 obj\n\($1)\nendobj\n" }.joined()
        // The cross-reference table is worked out from where the objects stand.
        let text = try TestPDF.rebuildXref("%PDF-1.4\n" + body + "\nxref\ntrailer\n<< /Size \(objects().count + 1) /Root 1 0 R >>\nstartxref\n0\n%%EOF\n")
        return Data(text.utf8)
    }

    func write(_ folder: URL, _ name: String) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try data().write(to: URL(fileURLWithPath: path))
        return path
    }

    private func stream(_ s: String) -> String { "<< /Length \(s.utf8.count) >>\nstream\n\(s)\nendstream" }
    private func num(_ v: Double) -> String { v == v.rounded() ? String(Int(v)) : String(v) }

    /// The codes of `text`'s characters in this font, as a PDF hex string.
    func hex(_ text: String) -> String {
        "<" + text.map { ch in glyphs.first { $0.text == String(ch) }.map { String(format: "%02x", $0.code) } ?? "" }
            .joined() + ">"
    }
}

/// Where the ink lies on a drawn page.
struct Ink {
    let raster: PageRaster

    init(_ path: String) throws {
        raster = try PageRasterizer(document: try PDFDocument(path: path)).render(page: 1, scale: 4)
    }

    /// The box (points) of the dark pixels inside `area`; nil where there are none.
    func extent(in area: Rect) -> Rect? {
        let s = raster.scale
        var found: Rect?
        let xs = max(0, Int(area.x0 * s))..<min(raster.width, Int((area.x1 * s).rounded(.up)))
        let ys = max(0, Int(area.y0 * s))..<min(raster.height, Int((area.y1 * s).rounded(.up)))
        for y in ys {
            for x in xs where raster.luminance(x, y) < 128 {
                let px = Rect(x0: Double(x) / s, y0: Double(y) / s, x1: Double(x + 1) / s, y1: Double(y + 1) / s)
                found = found.map { $0.union(px) } ?? px
            }
        }
        return found
    }
}

/// Type 3 fonts (issue 14): glyph boxes follow the ink the glyphs draw, whatever the font matrix.
@Suite struct Type3GlyphTests {
    /// Each line's glyphs: their boxes match the advance along the line and the ink of the line's
    /// glyphs across it, within 1 pt of what poppler draws; lines do not overlap.
    func expectBoxesMatchInk(_ page: PageContent, _ path: String, lines: [String],
                             sourceLocation: SourceLocation = #_sourceLocation) throws {
        let ink = try Ink(path)
        let glyphs = page.glyphs.sorted { ($0.box.midY, $0.box.x0) < ($1.box.midY, $1.box.x0) }
        #expect(glyphs.map(\.text).joined() == lines.joined(), sourceLocation: sourceLocation)
        var rows: [[Glyph]] = []
        for g in glyphs {
            if let last = rows.last?.last, abs(last.box.midY - g.box.midY) < 2 { rows[rows.count - 1].append(g) }
            else { rows.append([g]) }
        }
        #expect(rows.map { $0.map(\.text).joined() } == lines, sourceLocation: sourceLocation)
        for (i, row) in rows.enumerated() {
            let box = row.dropFirst().reduce(row[0].box) { $0.union($1.box) }
            // The ink of this line: between the lines above and below.
            let above = i > 0 ? rows[i - 1][0].box.y1 : 0, below = i + 1 < rows.count ? rows[i + 1][0].box.y0 : page.height
            let drawn = try #require(ink.extent(in: Rect(x0: box.x0 + 0.5, y0: above + 0.25, x1: box.x1 - 0.5, y1: below - 0.25)),
                                     sourceLocation: sourceLocation)
            #expect(abs(drawn.y0 - box.y0) <= 1 && abs(drawn.y1 - box.y1) <= 1, "line \(i): boxes \(box), ink \(drawn)",
                    sourceLocation: sourceLocation)
            for g in row {
                #expect(g.box.y0 == box.y0 && g.box.y1 == box.y1, "a line's glyphs share its height", sourceLocation: sourceLocation)
                // Along the line a glyph's ink lies inside its box (its advance).
                if let own = ink.extent(in: Rect(x0: g.box.x0 - 0.5, y0: box.y0, x1: g.box.x1 + 0.5, y1: box.y1)) {
                    #expect(own.x0 >= g.box.x0 - 1 && own.x1 <= g.box.x1 + 1, "\(g.text): box \(g.box), ink \(own)",
                            sourceLocation: sourceLocation)
                }
            }
            if i > 0 { #expect(rows[i - 1][0].box.y1 <= box.y0, "line \(i) overlaps the one above", sourceLocation: sourceLocation) }
        }
    }

    /// Latin letters in a font with an unflipped matrix (glyph space y up, 1000 units to the em): 'x'
    /// from the baseline to x-height, 'd' up to the ascender, 'p' down to the descender.
    static let latin = [
        Type3Page.Glyph(code: 0x61, text: "x", width: 500, box: [40, 0, 460, 480]),
        Type3Page.Glyph(code: 0x62, text: "d", width: 550, box: [40, 0, 510, 720]),
        Type3Page.Glyph(code: 0x63, text: "p", width: 550, box: [40, -210, 510, 480]),
        Type3Page.Glyph(code: 0x64, text: "o", width: 520, box: [40, 0, 480, 480]),
    ]

    @Test func unflippedLatinBoxesFollowTheInk() throws {
        let folder = try TestPDF.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var font = Type3Page(fontMatrix: [0.001, 0, 0, 0.001, 0, 0], fontBBox: [0, -250, 1000, 750], glyphs: Self.latin,
                             content: "")
        // Three lines 14 pt apart at 12 pt: one with an ascender and a descender, one of x-height only.
        font.content = "BT /F1 12 Tf 14 TL 40 250 Td \(font.hex("doxp")) Tj T* \(font.hex("xox")) Tj T* \(font.hex("pod")) Tj ET"
        let path = try font.write(folder, "latin.pdf")
        let page = try TestPDF.content(path)
        try expectBoxesMatchInk(page, path, lines: ["doxp", "xox", "pod"])
        // The size is the text's own: one em to one unit of text space.
        #expect(page.glyphs.allSatisfy { abs($0.size - 12) < 0.01 }, "\(page.glyphs.map(\.size))")
        // "xox" spans 0 to 480 units above its baseline (50 pt up the page, so y 300 - 236 = 64 down).
        let x = try #require(page.glyphs.first { $0.text == "x" && $0.box.midY > 60 && $0.box.midY < 70 })
        #expect(abs(x.box.y1 - 64) < 0.01 && abs(x.box.y0 - (64 - 0.48 * 12)) < 0.01, "\(x.box)")
        #expect(abs(x.box.width - 6) < 0.01)
        let font0 = try #require(page.fonts.first { $0.kind == .type3 })
        #expect(!font0.flipped && font0.doubts.isEmpty && font0.warning == nil)
    }

    /// Chinese set as browsers print it: flipped font matrix (glyph space y down), flipped text
    /// matrix under a flipped CTM, one glyph per character with its own box.
    static let chinese = [
        Type3Page.Glyph(code: 1, text: "新", width: 1000, box: [36, -846, 962, 72]),
        Type3Page.Glyph(code: 2, text: "闻", width: 1000, box: [96, -840, 902, 79]),
        Type3Page.Glyph(code: 3, text: "一", width: 1000, box: [44, -431, 960, -349]),
        Type3Page.Glyph(code: 4, text: "中", width: 1000, box: [100, -880, 900, 120]),
        Type3Page.Glyph(code: 5, text: "，", width: 1000, box: [80, -100, 260, 90]),
        Type3Page.Glyph(code: 6, text: "国", width: 1000, box: nil),  // d0: fills /FontBBox
    ]

    @Test func flippedChineseBoxesFollowTheInk() throws {
        let folder = try TestPDF.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var font = Type3Page(fontMatrix: [0.001, 0, 0, -0.001, 0, 0], fontBBox: [36, 120, 962, -880], glyphs: Self.chinese,
                             content: "")
        // As Chromium writes it: y down from the top, lines of 12 pt type 14 pt apart, each glyph placed.
        let lines = ["新闻一中，国", "一一一", "国中新闻", "中，一"]
        var content = "1 0 0 -1 0 300 cm BT /F1 12 Tf\n"
        for (i, line) in lines.enumerated() {
            content += "1 0 0 -1 40 \(60 + 14 * i) Tm \(font.hex(line)) Tj\n"
        }
        content += "ET"
        font.content = content
        let path = try font.write(folder, "chinese.pdf")
        let page = try TestPDF.content(path)
        try expectBoxesMatchInk(page, path, lines: lines)
        #expect(page.glyphs.allSatisfy { abs($0.size - 12) < 0.01 }, "\(page.glyphs.map(\.size))")
        // A line of "一" alone is as thin as its stroke: 0.082 em.
        let thin = try #require(page.glyphs.first { $0.text == "一" && abs($0.box.midY - 74 + 0.39 * 12) < 1 })
        #expect(abs(thin.box.height - 0.082 * 12) < 0.01, "\(thin.box)")
        // Glyphs follow one another along the line: 12 pt each.
        #expect(page.glyphs.allSatisfy { abs($0.box.width - 12) < 0.01 })
        let font0 = try #require(page.fonts.first { $0.kind == .type3 })
        #expect(font0.flipped && font0.doubts.isEmpty)
    }

    /// A Type 3 font whose glyph space is unusual (ten units of text space to the em) keeps the old
    /// guess of its size from its widths, gets boxes from its glyphs still, and is flagged.
    @Test func unusualGlyphSpaceIsFlagged() throws {
        let folder = try TestPDF.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var font = Type3Page(fontMatrix: [0.01, 0, 0, 0.01, 0, 0], fontBBox: [0, -250, 1000, 750], glyphs: Self.latin,
                             content: "")
        font.content = "BT /F1 1.2 Tf 40 200 Td \(font.hex("doxp")) Tj ET"
        let path = try font.write(folder, "odd.pdf")
        let page = try TestPDF.content(path)
        try expectBoxesMatchInk(page, path, lines: ["doxp"])
        let font0 = try #require(page.fonts.first { $0.kind == .type3 })
        #expect(font0.doubts == [.sizeGuessed])
        #expect(font0.warning?.contains("glyph boxes may not match the ink") == true)
    }

    /// Fonts other than Type 3 are named with their kinds, without doubts.
    @Test func otherFontKinds() throws {
        let folder = try TestPDF.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (path, _) = try TestPDF.make(folder) { s in
            s.text("Harbour", x: 40, y: 40, font: PDFSketch.Font(family: "DejaVu Serif", size: 12))
            s.text("防汛准备", x: 40, y: 100, font: PDFSketch.Font(family: "Noto Sans CJK SC", size: 12))
        }
        let page = try TestPDF.content(path)
        let used = Set(page.glyphs.map(\.font))
        let fonts = page.fonts.filter { used.contains($0.name) }
        #expect(fonts.count == 2, "\(page.fonts)")
        #expect(fonts.allSatisfy { $0.doubts.isEmpty && !$0.flipped && $0.kind != .type3 && $0.kind != .unknown },
                "\(fonts)")
    }

    /// A page printed by headless Chromium from HTML set in Noto CJK (Type 3, flipped): glyph boxes
    /// follow the drawn glyphs and consecutive lines do not overlap. Skipped without chromium or the font.
    @Test func chromiumPrintedChinesePage() throws {
        let chromium = "/usr/bin/chromium"
        guard FileManager.default.isExecutableFile(atPath: chromium) else {
            print("SKIPPED: no chromium at \(chromium)")
            return
        }
        let folder = try TestPDF.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lines = ["防汛准备工作全面就绪", "严密落实安全措施要求", "一二三十一二三十一二", "城市新公园正式开放"]
        let html = """
            <!doctype html><html><head><meta charset="utf-8"><style>
            @page { size: 300pt 200pt; margin: 0 } body { margin: 20pt; font: 12pt/14pt "Noto Sans CJK SC" }
            p { margin: 0; white-space: nowrap }</style></head><body>
            \(lines.map { "<p>\($0)</p>" }.joined())</body></html>
            """
        let page = folder.appendingPathComponent("page.html")
        try html.write(to: page, atomically: true, encoding: .utf8)
        let pdf = folder.appendingPathComponent("page.pdf").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                             "--print-to-pdf=\(pdf)", page.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: pdf) else {
            print("SKIPPED: chromium could not print a page here (exit \(process.terminationStatus))")
            return
        }
        let content = try TestPDF.content(pdf)
        guard content.fonts.contains(where: { $0.kind == .type3 }) else {
            print("SKIPPED: chromium printed this page without Type 3 fonts (\(content.fonts.map(\.kind)))")
            return
        }
        try expectBoxesMatchInk(content, pdf, lines: lines)
        #expect(content.glyphs.allSatisfy { abs($0.size - 12) < 0.05 }, "\(Set(content.glyphs.map(\.size)))")
    }
}
