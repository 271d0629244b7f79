import Foundation
import GalleyCore
@testable import GalleyPoppler
import GalleyRender
import Testing

/// The paths read with poppler's core library (`PageShapeReader`) against the Cairo drawing pass
/// it replaced (`PageDrawing`): the same rules and image boxes, and rules joined correctly when
/// coordinates differ by a hair.
@Suite struct PageShapeReaderTests {
    /// Rules and image boxes from both readers of page `number` of `path`, as (fast, slow).
    func bothReadings(_ path: String, page number: Int) throws -> (fast: ([Rule], [PageImage]), slow: ([Rule], [PageImage])) {
        let document = try PDFDocument(path: path)
        let page = try document.page(number)
        let (w, h) = page.size
        let fast = try #require(document.shapeReader?.shapes(page: number), "poppler's core library cannot read \(path)")
        let slow = PageDrawing.shapes(of: page.handle, width: w, height: h)
        let finder = RuleFinder()
        return ((finder.rules(in: fast, width: w, height: h), PDFPage.pictures(in: fast, width: w, height: h)),
                (finder.rules(in: slow, width: w, height: h), PDFPage.pictures(in: slow, width: w, height: h)))
    }

    /// Each box of `a` has one of `b` of the same kind within `tolerance` points, and the counts agree.
    func agree(_ a: [(String, Rect)], _ b: [(String, Rect)], tolerance: Double) -> Bool {
        guard a.count == b.count else { return false }
        var left = b
        for (kind, box) in a {
            guard let k = left.firstIndex(where: { $0.0 == kind && $0.1.matches(box, within: tolerance) }) else { return false }
            left.remove(at: k)
        }
        return true
    }

    func check(_ path: String, page: Int) throws {
        let (fast, slow) = try bothReadings(path, page: page)
        let fastRules = fast.0.map { ($0.kind.rawValue, $0.box) }, slowRules = slow.0.map { ($0.kind.rawValue, $0.box) }
        #expect(agree(fastRules, slowRules, tolerance: 0.5), "\(path) page \(page): \(fast.0) vs \(slow.0)")
        let fastImages = fast.1.map { ("image", $0.box) }, slowImages = slow.1.map { ("image", $0.box) }
        // Cairo clips images to its raster's pixels (4 points here), the core reader does not.
        #expect(agree(fastImages, slowImages, tolerance: 4), "\(path) page \(page): \(fast.1) vs \(slow.1)")
    }

    @Test func sameRulesAndImagesAsTheDrawingPass() throws {
        let folder = try TestPDF.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (path, _) = try TestPDF.make(folder, width: 600, height: 800) { s in
            s.line(x0: 40, y0: 60, x1: 560, y1: 60, width: 1)
            s.line(x0: 300, y0: 80, x1: 300, y1: 400, width: 0.5)
            s.frame(Rect(x0: 40, y0: 420, x1: 280, y1: 600), width: 1)
            s.fill(Rect(x0: 320, y0: 420, x1: 560, y1: 520), color: RGB(r: 0.9, g: 0.9, b: 0.8))
            s.photo(Rect(x0: 320, y0: 560, x1: 520, y1: 700))
            s.text("Text is not a path", x: 50, y: 430, font: PDFSketch.Font(family: "DejaVu Serif", size: 9))
        }
        let (fast, _) = try bothReadings(path, page: 1)
        #expect(fast.0.count == 4, "\(fast.0)")
        #expect(fast.1.count == 1, "\(fast.1)")
        try check(path, page: 1)
    }

    /// The project's sample pages (committed under Samples/), where present.
    @Test func sameRulesAndImagesOnTheSamples() throws {
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Samples")
        let pdfs = ((try? FileManager.default.contentsOfDirectory(atPath: samples.path)) ?? [])
            .filter { $0.hasSuffix(".pdf") }.sorted()
        guard !pdfs.isEmpty else {
            print("skipped: no sample PDFs in \(samples.path)")
            return
        }
        for name in pdfs {
            let path = samples.appendingPathComponent(name).path
            for page in 1...(try PDFDocument(path: path).pageCount) { try check(path, page: page) }
        }
    }

    /// Two pieces on one vertical line whose centres differ by a rounding error, far apart, stay two
    /// rules (sorted by centre first, the lower piece may come before the upper one).
    @Test func collinearPiecesFarApartAreNotJoined() {
        let upper = Rect(x0: 48.760001, y0: 119.46, x1: 48.860001, y1: 259.32)
        let lower = Rect(x0: 48.76, y0: 718.43, x1: 48.86, y1: 765.35)
        let joined = RuleFinder().join([upper, lower], horizontal: false)
        #expect(joined.count == 2, "\(joined)")
        let touching = RuleFinder().join([Rect(x0: 10.000001, y0: 100, x1: 11.000001, y1: 200),
                                          Rect(x0: 10, y0: 20, x1: 11, y1: 100.5)], horizontal: false)
        #expect(touching.count == 1 && touching.first?.y0 == 20 && touching.first?.y1 == 200, "\(touching)")
    }
}
