import Foundation
import GalleyCore
import GalleyPoppler
import Testing
@testable import GalleyRender

@Suite struct OverlayTests {
    let style = OverlayStyle()

    @Test func overlayIsThePageSizeAtTheRasterResolution() throws {
        let raster = OverlayFixture.whiteRaster(dpi: 100)
        let out = try OverlayRenderer().render(OverlayFixture.twoArticles(), on: raster)
        #expect(out.width == Int((595.0 * 100 / 72).rounded(.up)))
        #expect(out.height == Int((842.0 * 100 / 72).rounded(.up)))
    }

    @Test func articleColoursFillArticleAreasAndLeaveMarginsWhite() throws {
        let layout = OverlayFixture.twoArticles()
        let out = try OverlayRenderer().render(layout, on: OverlayFixture.whiteRaster())
        // Inside each article's body, away from its labels, arrows and step circles: the article's tint.
        #expect(matches(out.rgb(atPoint: 80, 450), style.tint(ofArticle: 1)))
        #expect(matches(out.rgb(atPoint: 340, 300), style.tint(ofArticle: 2)))
        #expect(!matches(out.rgb(atPoint: 80, 450), style.tint(ofArticle: 2)))
        // Empty margins stay white: left margin, the space between header and articles, below the articles.
        for (x, y) in [(20.0, 400.0), (300.0, 65.0), (200.0, 560.0), (570.0, 300.0)] {
            #expect(matches(out.rgb(atPoint: x, y), RGB(r: 1, g: 1, b: 1), tolerance: 0), "(\(x), \(y)) should stay white")
        }
        // Furniture is greyed: darker than paper and neutral.
        let f = out.rgb(atPoint: 200, 41)
        #expect(f.r < 230 && abs(f.r - f.g) < 8 && abs(f.g - f.b) < 8)
    }

    @Test func textUnderTheTintStaysBlack() throws {
        var raster = OverlayFixture.whiteRaster()
        // A black "glyph" inside article 1's body.
        for y in Int(300 * raster.scale)..<Int(305 * raster.scale) {
            for x in Int(100 * raster.scale)..<Int(110 * raster.scale) { raster.pixels[y * raster.width + x] = 0xFF00_0000 }
        }
        let out = try OverlayRenderer().render(OverlayFixture.twoArticles(), on: raster)
        #expect(matches(out.rgb(atPoint: 105, 302), .black, tolerance: 0))
    }

    @Test func blocksOnOtherPagesAreNotDrawn() throws {
        var layout = OverlayFixture.twoArticles()
        layout.articles[0].blocks = layout.articles[0].blocks.map { var b = $0; b.page = 2; return b }
        let out = try OverlayRenderer().render(layout, on: OverlayFixture.whiteRaster())
        #expect(matches(out.rgb(atPoint: 80, 450), RGB(r: 1, g: 1, b: 1), tolerance: 0))
    }

    @Test func pngFileHasThePageSizeTimesDpi() throws {
        let dir = try OverlayFixture.temporaryDirectory()
        defer { OverlayFixture.cleanUp(dir) }
        let path = dir.appendingPathComponent("page.png").path
        try OverlayRenderer().writePNG(OverlayFixture.twoArticles(), on: OverlayFixture.whiteRaster(dpi: 72), to: path)
        let back = try PNGFile.read(path)
        #expect(back.width == 595 && back.height == 842)
        #expect(matches(back.rgb(atPoint: 80, 450), style.tint(ofArticle: 1)))
        // No temporary files are left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["page.png"])
    }

    @Test func pdfHasOnePagePerLayoutAtPageSize() throws {
        let dir = try OverlayFixture.temporaryDirectory()
        defer { OverlayFixture.cleanUp(dir) }
        let path = dir.appendingPathComponent("overlay.pdf").path
        let pdf = try OverlayPDF(path: path)
        try pdf.addPage(OverlayFixture.twoArticles(page: 1), on: OverlayFixture.whiteRaster(dpi: 50))
        var second = OverlayFixture.twoArticles(page: 2)
        second.summary.width = 842; second.summary.height = 595
        try pdf.addPage(second, on: OverlayFixture.whiteRaster(width: 842, height: 595, dpi: 50))
        #expect(!FileManager.default.fileExists(atPath: path), "nothing appears before finish()")
        try pdf.finish()
        let doc = try PDFDocument(path: path)
        #expect(doc.pageCount == 2)
        let s1 = try doc.page(1).size, s2 = try doc.page(2).size
        #expect(abs(s1.width - 595) < 0.5 && abs(s1.height - 842) < 0.5)
        #expect(abs(s2.width - 842) < 0.5 && abs(s2.height - 595) < 0.5)
        // The overlay's labels are text in the PDF.
        let text = try doc.page(1).content(findRules: false).glyphs.map(\.text).joined()
        #expect(text.contains("headline") && text.contains("p1-a2"))
        // The article tint shows on the page as poppler draws it.
        let raster = try PageRasterizer(document: doc).render(page: 1, scale: 1)
        #expect(matches(raster.rgb(atPoint: 80, 450), style.tint(ofArticle: 1), tolerance: 4))
    }

    @Test func unwritablePathsFailClearlyAndLeaveNothing() throws {
        let dir = try OverlayFixture.temporaryDirectory()
        defer { OverlayFixture.cleanUp(dir) }
        let missing = dir.appendingPathComponent("no/such/dir/page.png").path
        #expect(throws: RenderError.self) {
            try OverlayRenderer().writePNG(OverlayFixture.twoArticles(), on: OverlayFixture.whiteRaster(dpi: 20), to: missing)
        }
        #expect(throws: RenderError.self) { try OverlayPDF(path: dir.path) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    @Test func batchWritesAllFilesOrNone() throws {
        let dir = try OverlayFixture.temporaryDirectory()
        defer { OverlayFixture.cleanUp(dir) }
        var batch = OverlayPNGBatch()
        try batch.add(OverlayFixture.twoArticles(page: 1), on: OverlayFixture.whiteRaster(dpi: 20), to: dir.appendingPathComponent("a-1.png").path)
        #expect(throws: RenderError.self) {
            try batch.add(OverlayFixture.twoArticles(page: 2), on: OverlayFixture.whiteRaster(dpi: 20), to: dir.appendingPathComponent("x/a-2.png").path)
        }
        batch.discard()
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    @Test func legendCanBeLeftOut() throws {
        let layout = PageLayout(summary: PageSummary(number: 1, width: 595, height: 842))
        var style = OverlayStyle()
        style.showLegend = false
        let out = try OverlayRenderer(style: style).render(layout, on: OverlayFixture.whiteRaster(dpi: 40))
        #expect(out.pixels.allSatisfy { $0 == 0xFFFF_FFFF }, "an empty layout without legend leaves the page as it was")
    }

    @Test func emptyLayoutStillDrawsThePageAndSaysNothingWasFound() throws {
        let layout = PageLayout(summary: PageSummary(number: 1, width: 595, height: 842, warnings: ["page 1 has no text"]))
        let out = try OverlayRenderer().render(layout, on: OverlayFixture.whiteRaster(dpi: 40))
        #expect(out.width == Int((595.0 * 40 / 72).rounded(.up)))
        // The legend is drawn somewhere: some pixels are no longer white.
        #expect(out.pixels.contains { $0 != 0xFFFF_FFFF })
    }
}
