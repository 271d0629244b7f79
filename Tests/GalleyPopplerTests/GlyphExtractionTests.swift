import Foundation
import GalleyCore
import GalleyPoppler
import GalleyRender
import Testing

/// Draws text with known fonts, sizes, colours and positions and checks that extraction reads back
/// exactly that.
@Suite struct GlyphExtractionTests {
    /// Glyphs of `page` whose text is not whitespace, in poppler's order, paired with the drawn boxes of
    /// the non-space characters of `text`, matched by reading order on one line (left to right).
    func pairs(_ page: PageContent, text: String, drawn: [Rect], line: ClosedRange<Double>) -> [(Glyph, Rect)] {
        let glyphs = page.glyphs.filter { line.contains($0.box.midY) }.sorted { $0.box.x0 < $1.box.x0 }
        let boxes = zip(text.unicodeScalars, drawn).filter { !$0.0.properties.isWhitespace }.map(\.1)
        #expect(glyphs.count == boxes.count, "glyphs read \(glyphs.count), drawn \(boxes.count)")
        return Array(zip(glyphs, boxes))
    }

    @Test func latinTextBoxesFontsSizesAndStyles() throws {
        let folder = try TestPDF.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let regular = PDFSketch.Font(family: "DejaVu Serif", size: 12)
        let bold = PDFSketch.Font(family: "DejaVu Sans", size: 18, bold: true)
        let italic = PDFSketch.Font(family: "DejaVu Serif", size: 10, italic: true)
        let red = RGB(r: 0.8, g: 0.1, b: 0.1)
        let (path, drawn) = try TestPDF.make(folder) { s in
            (s.text("Harbour trade", x: 40, y: 40, font: regular),
             s.text("Storm Warning", x: 40, y: 100, font: bold, color: red),
             s.text("quietly noted", x: 40, y: 180, font: italic))
        }
        let page = try TestPDF.content(path)
        #expect(page.width == 400 && page.height == 300)
        #expect(page.glyphs.count == "Harbourtrade".count + "StormWarning".count + "quietlynoted".count)

        for (glyph, box) in pairs(page, text: "Harbour trade", drawn: drawn.0, line: 40...60) {
            #expect(abs(glyph.box.x0 - box.x0) <= 1 && abs(glyph.box.x1 - box.x1) <= 1, "\(glyph.text): \(glyph.box) vs \(box)")
            #expect(abs(glyph.box.y0 - box.y0) <= 1 && abs(glyph.box.y1 - box.y1) <= 1, "\(glyph.text): \(glyph.box) vs \(box)")
            #expect(abs(glyph.size - 12) < 0.05)
            #expect(glyph.font.contains("DejaVu") && glyph.font.contains("Serif"))
            #expect(!glyph.bold && !glyph.italic && !glyph.vertical)
            #expect(glyph.color.hex == "#000000")
        }
        for (glyph, box) in pairs(page, text: "Storm Warning", drawn: drawn.1, line: 100...125) {
            #expect(glyph.box.matches(box, within: 1), "\(glyph.text): \(glyph.box) vs \(box)")
            #expect(abs(glyph.size - 18) < 0.05)
            #expect(glyph.bold && !glyph.italic)
            // Colours travel as 16-bit components: equal within one 8-bit step.
            #expect(abs(glyph.color.r - red.r) <= 1.0 / 255 && abs(glyph.color.g - red.g) <= 1.0 / 255
                    && abs(glyph.color.b - red.b) <= 1.0 / 255, "\(glyph.color) vs \(red)")
        }
        for (glyph, box) in pairs(page, text: "quietly noted", drawn: drawn.2, line: 180...195) {
            #expect(glyph.box.matches(box, within: 1), "\(glyph.text): \(glyph.box) vs \(box)")
            #expect(glyph.italic && !glyph.bold)
        }
        // Poppler's invented spaces and line ends are not glyphs.
        #expect(!page.glyphs.contains { $0.text.unicodeScalars.allSatisfy(\.properties.isWhitespace) })
        #expect(page.warnings.isEmpty)
    }

    @Test func chineseGlyphsHorizontalAndVertical() throws {
        let folder = try TestPDF.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let body = PDFSketch.Font(family: "Noto Serif CJK SC", size: 10)
        let head = PDFSketch.Font(family: "Noto Sans CJK SC", size: 20, bold: true)
        let line = "防汛准备工作全面就绪"
        let column = "严密落实安全措施"
        let (path, drawn) = try TestPDF.make(folder, width: 400, height: 400) { s in
            (s.text(line, x: 30, y: 30, font: body),
             s.verticalText(column, centerX: 340, y: 60, font: head))
        }
        let page = try TestPDF.content(path)
        #expect(page.glyphs.count == line.count + column.count)

        for (glyph, box) in pairs(page, text: line, drawn: drawn.0, line: 30...45) {
            #expect(glyph.box.matches(box, within: 1), "\(glyph.text): \(glyph.box) vs \(box)")
            #expect(!glyph.vertical)
            #expect(abs(glyph.size - 10) < 0.05)
            #expect(glyph.font.contains("CJK"))
        }
        let stacked = page.glyphs.filter { $0.box.midX > 300 }.sorted { $0.box.y0 < $1.box.y0 }
        #expect(stacked.map(\.text).joined() == column)
        for (glyph, box) in zip(stacked, drawn.1) {
            #expect(glyph.vertical, "\(glyph.text) should be marked vertical")
            #expect(glyph.bold)
            #expect(abs(glyph.box.midX - box.midX) <= 1 && abs(glyph.box.midY - box.midY) <= 1,
                    "\(glyph.text): \(glyph.box) vs \(box)")
        }
    }

    /// Single characters stacked in a table's cells, with neighbours on their own rows, are not
    /// vertical writing; nor is a short stack of two.
    @Test func tableCellsAreNotVertical() throws {
        let folder = try TestPDF.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let font = PDFSketch.Font(family: "Noto Sans CJK SC", size: 10)
        let (path, _) = try TestPDF.make(folder) { s in
            for (row, name) in ["甲", "乙", "丙", "丁"].enumerated() {
                let y = 40 + Double(row) * 12
                s.text(name, x: 40, y: y, font: font)
                s.text("一百二十", x: 60, y: y, font: font)
            }
            s.verticalText("两字", centerX: 300, y: 40, font: font)
        }
        let page = try TestPDF.content(path)
        #expect(page.glyphs.count == 4 * 5 + 2)
        #expect(!page.glyphs.contains { $0.vertical })
    }

    @Test func rotatedPageIsReadUpright() throws {
        let folder = try TestPDF.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let font = PDFSketch.Font(family: "DejaVu Sans", size: 14)
        // Drawn on a 400 × 300 page; /Rotate 90 turns it clockwise into a 300 × 400 page, so a point
        // (x, y) of the drawing lands at (300 − y, x).
        let (path, drawn) = try TestPDF.make(folder) { s -> [Rect] in
            s.line(x0: 20, y0: 200, x1: 380, y1: 200, width: 1)
            return s.text("Turn", x: 50, y: 60, font: font)
        }
        try TestPDF.patchFirstPage(path) { $0.replacingOccurrences(of: "/Type /Page ", with: "/Type /Page /Rotate 90 ") }
        let page = try TestPDF.content(path)
        #expect(page.width == 300 && page.height == 400)
        #expect(page.glyphs.map(\.text).joined() == "Turn")
        for (glyph, box) in zip(page.glyphs, drawn) {
            let turned = Rect(x0: 300 - box.y1, y0: box.x0, x1: 300 - box.y0, y1: box.x1)
            #expect(glyph.box.matches(turned, within: 1), "\(glyph.text): \(glyph.box) vs \(turned)")
        }
        // The rule drawn across the page now runs down it.
        let verticals = page.rules.filter { $0.kind == .vertical }
        #expect(verticals.count == 1)
        if let rule = verticals.first {
            #expect(rule.box.matches(Rect(x0: 99.5, y0: 20, x1: 100.5, y1: 380), within: 2), "\(rule.box)")
        }
    }
}
