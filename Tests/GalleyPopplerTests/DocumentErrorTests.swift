import Foundation
import GalleyCore
import GalleyPoppler
import GalleyRender
import Testing

/// Opening what is not a readable PDF fails with a typed error that says what and why.
@Suite struct DocumentErrorTests {
    func error(opening path: String, password: String? = nil) -> ExtractionError? {
        do { _ = try PDFDocument(path: path, password: password); return nil } catch let e as ExtractionError { return e } catch {
            Issue.record("unexpected error type: \(error)")
            return nil
        }
    }

    @Test func missingDirectoryAndNonPDF() throws {
        let folder = try TestPDF.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = folder.appendingPathComponent("nothing.pdf").path
        #expect(error(opening: missing) == .fileNotFound(path: missing))
        #expect(error(opening: folder.path) == .isDirectory(path: folder.path))
        let text = folder.appendingPathComponent("notes.pdf")
        try Data("just some words\n".utf8).write(to: text)
        #expect(error(opening: text.path) == .notPDF(path: text.path))
        let empty = folder.appendingPathComponent("empty.pdf")
        try Data().write(to: empty)
        #expect(error(opening: empty.path) == .notPDF(path: empty.path))
    }

    @Test func truncatedAndCorruptFilesAreDamaged() throws {
        let folder = try TestPDF.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (path, _) = try TestPDF.make(folder) { s in
            s.text("Some text", x: 20, y: 20, font: PDFSketch.Font(family: "DejaVu Sans", size: 12))
        }
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let truncated = folder.appendingPathComponent("truncated.pdf")
        try data.prefix(200).write(to: truncated)
        let corrupt = folder.appendingPathComponent("corrupt.pdf")
        try (Data("%PDF-1.5\n".utf8) + Data((0..<4000).map { UInt8(truncatingIfNeeded: $0 &* 7919) })).write(to: corrupt)
        for url in [truncated, corrupt] {
            // Poppler may refuse the file, or repair it into a document; either way nothing crashes,
            // and a refusal is reported as damage.
            do {
                let document = try PDFDocument(path: url.path)
                for n in 1...max(1, document.pageCount) where n <= document.pageCount {
                    _ = try? document.page(n).content()
                }
            } catch let e as ExtractionError {
                guard case .damaged = e else { Issue.record("\(url.lastPathComponent): \(e)"); continue }
                #expect(e.description.contains("damaged"))
            }
        }
    }

    @Test func pageOutOfRangeAndZeroSizePage() throws {
        let folder = try TestPDF.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (path, _) = try TestPDF.make(folder) { s in s.line(x0: 10, y0: 10, x1: 100, y1: 10) }
        let document = try PDFDocument(path: path)
        #expect(throws: ExtractionError.pageOutOfRange(page: 2, count: 1)) { try document.page(2) }
        #expect(throws: ExtractionError.pageOutOfRange(page: 0, count: 1)) { try document.page(0) }

        try TestPDF.patchFirstPage(path) { dict in
            dict.replacingOccurrences(of: "/MediaBox [ 0 0 400 300 ]", with: "/MediaBox [ 0 0 400 0 ]")
        }
        let flat = try PDFDocument(path: path)
        #expect(throws: ExtractionError.zeroSizePage(page: 1)) { try flat.page(1).content() }
    }

    @Test func pageWithoutTextSaysSo() throws {
        let folder = try TestPDF.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (scan, _) = try TestPDF.make(folder, "scan.pdf") { s in s.photo(Rect(x0: 0, y0: 0, x1: 400, y1: 300)) }
        let page = try TestPDF.content(scan)
        #expect(page.glyphs.isEmpty)
        #expect(page.warnings.count == 1)
        #expect(page.warnings.first?.contains("no text layer") == true && page.warnings.first?.contains("OCR") == true)

        let (blank, _) = try TestPDF.make(folder, "blank.pdf") { s in s.line(x0: 10, y0: 10, x1: 100, y1: 10) }
        let blankPage = try TestPDF.content(blank)
        #expect(blankPage.warnings == ["page 1 has no text"])
    }
}
