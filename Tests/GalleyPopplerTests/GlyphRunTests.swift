import Foundation
import GalleyCore
import GalleyPoppler
import GalleyRender
import Testing

/// What the one-pass reader makes of text a page draws in awkward ways: ligatures, text drawn twice
/// (fake bold, drop shadows), letter-spaced lines, characters drawn one by one.
@Suite struct GlyphRunTests {
    /// The glyphs on the line whose middle lies in `line`, left to right.
    func row(_ page: PageContent, _ line: ClosedRange<Double>) -> [Glyph] {
        page.glyphs.filter { line.contains($0.box.midY) }.sorted { $0.box.x0 < $1.box.x0 }
    }

    @Test func ligaturesAreReadAsTheirLetters() throws {
        let folder = try TestPDF.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // DejaVu Serif sets "ffi", "fi" and "fl" as single glyphs; Cairo writes their text as
        // ActualText or as the ligature character.
        let font = PDFSketch.Font(family: "DejaVu Serif", size: 14)
        let (path, _) = try TestPDF.make(folder) { s in _ = s.text("office fluff fiord", x: 40, y: 40, font: font) }
        let page = try TestPDF.content(path)
        let text = row(page, 40...62).map(\.text).joined()
        #expect(text == "officeflufffiord", "\(text)")
        #expect(!page.glyphs.contains { ($0.text.unicodeScalars.first?.value ?? 0) >= 0xFB00 })
        // The letters of a ligature share its advance, left to right, without overlapping.
        let glyphs = row(page, 40...62)
        for (a, b) in zip(glyphs, glyphs.dropFirst()) { #expect(a.box.x1 <= b.box.x0 + 0.01, "\(a.text)\(b.text)") }
    }

    @Test func textDrawnTwiceInPlaceIsReadOnce() throws {
        let folder = try TestPDF.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let font = PDFSketch.Font(family: "DejaVu Sans", size: 20, bold: true)
        let grey = RGB(r: 0.6, g: 0.6, b: 0.6)
        let (path, _) = try TestPDF.make(folder) { s in
            // A drop shadow 0.8 pt off, then the headline on top; and a second line overprinted
            // (fake bold) exactly.
            _ = s.text("Harbour Storm", x: 40.8, y: 40.8, font: font, color: grey)
            _ = s.text("Harbour Storm", x: 40, y: 40, font: font)
            _ = s.text("Quay closed", x: 40, y: 120, font: font)
            _ = s.text("Quay closed", x: 40, y: 120, font: font)
        }
        let page = try TestPDF.content(path)
        #expect(page.glyphs.count == "HarbourStorm".count + "Quayclosed".count)
        // The copy kept is the one drawn last, on top: black, not the grey shadow.
        #expect(row(page, 40...70).allSatisfy { $0.color.hex == "#000000" })
    }

    @Test func overlappingDifferentWordsAreBothKept() throws {
        let folder = try TestPDF.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let font = PDFSketch.Font(family: "DejaVu Serif", size: 10)
        // Two different words set over each other (a layout collision): both are text.
        let (path, _) = try TestPDF.make(folder) { s in
            _ = s.text("the", x: 40, y: 40, font: font)
            _ = s.text("ten", x: 40.2, y: 40, font: font)
        }
        #expect(try TestPDF.content(path).glyphs.count == 6)
    }

    @Test func letterSpacedCharactersTileTheirLine() throws {
        let folder = try TestPDF.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let font = PDFSketch.Font(family: "Noto Sans CJK SC", size: 10)
        let text = Array("本报讯记者从市交通局获悉")
        let (path, _) = try TestPDF.make(folder) { s in
            // Justified Chinese: every character placed on its own, 1.5 pt apart.
            var x = 40.0
            for c in text {
                _ = s.text(String(c), x: x, y: 40, font: font)
                x += s.measure(String(c), font: font) + 1.5
            }
            // A word space in a Latin line stays a gap.
            _ = s.text("two words", x: 40, y: 100, font: PDFSketch.Font(family: "DejaVu Serif", size: 10))
        }
        let page = try TestPDF.content(path)
        let chinese = row(page, 40...55)
        #expect(chinese.map(\.text).joined() == String(text))
        for (a, b) in zip(chinese, chinese.dropFirst()) {
            #expect(abs(a.box.x1 - b.box.x0) < 0.01, "\(a.text) ends \(a.box.x1), \(b.text) starts \(b.box.x0)")
        }
        let latin = row(page, 100...115)
        let gap = latin[3].box.x0 - latin[2].box.x1
        #expect(latin.map(\.text).joined() == "twowords" && gap > 1.5, "gap \(gap)")
    }
}
