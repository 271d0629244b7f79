import Foundation
import GalleyCore
import GalleyPoppler
@testable import GalleyRender

/// Hand-built pages for overlay and print tests: the layout analysis is not needed to test drawing.
enum OverlayFixture {
    static let a4 = (width: 595.0, height: 842.0)

    /// A white page raster of `width` × `height` points at `dpi`.
    static func whiteRaster(width: Double = a4.width, height: Double = a4.height, dpi: Double = 100) -> PageRaster {
        let scale = dpi / 72
        let w = Int((width * scale).rounded(.up)), h = Int((height * scale).rounded(.up))
        return PageRaster(width: w, height: h, scale: scale, pixels: [UInt32](repeating: 0xFFFF_FFFF, count: w * h))
    }

    /// Two articles side by side on an A4 page, with columns, a separator and a header.
    static func twoArticles(page: Int = 1) -> PageLayout {
        let a1 = Article(id: "p\(page)-a1", headline: "Council approves the new bridge", byline: "By Jane Doe",
                         paragraphs: ["First paragraph.", "Second paragraph."],
                         blocks: [ArticleBlock(page: page, role: .headline, bbox: Rect(x0: 50, y0: 80, x1: 290, y1: 120)),
                                  ArticleBlock(page: page, role: .byline, bbox: Rect(x0: 50, y0: 125, x1: 290, y1: 140)),
                                  ArticleBlock(page: page, role: .body, bbox: Rect(x0: 50, y0: 145, x1: 290, y1: 500))])
        let a2 = Article(id: "p\(page)-a2", headline: "雨季来临 防汛准备就绪", paragraphs: ["本报讯 近日。"],
                         blocks: [ArticleBlock(page: page, role: .headline, bbox: Rect(x0: 310, y0: 80, x1: 545, y1: 120)),
                                  ArticleBlock(page: page, role: .body, bbox: Rect(x0: 310, y0: 125, x1: 545, y1: 400)),
                                  ArticleBlock(page: page, role: .image, bbox: Rect(x0: 310, y0: 410, x1: 545, y1: 560)),
                                  ArticleBlock(page: page, role: .caption, bbox: Rect(x0: 310, y0: 565, x1: 545, y1: 585))])
        let summary = PageSummary(number: page, width: a4.width, height: a4.height,
                                  columns: [Rect(x0: 50, y0: 80, x1: 290, y1: 500), Rect(x0: 310, y0: 80, x1: 545, y1: 585)],
                                  furniture: [Furniture(role: .header, text: "The Daily Test · Monday", bbox: Rect(x0: 50, y0: 30, x1: 545, y1: 50))])
        return PageLayout(summary: summary, articles: [a1, a2], separators: [Rect(x0: 299, y0: 80, x1: 301, y1: 585)])
    }

    /// A new folder for a test's files. Set GALLEY_KEEP_TEST_OUTPUT to a folder to keep them there for a look.
    static func temporaryDirectory() throws -> URL {
        let base = ProcessInfo.processInfo.environment["GALLEY_KEEP_TEST_OUTPUT"].map { URL(fileURLWithPath: $0) }
        let dir = (base ?? FileManager.default.temporaryDirectory).appendingPathComponent("galley-render-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    static func cleanUp(_ dir: URL) {
        if ProcessInfo.processInfo.environment["GALLEY_KEEP_TEST_OUTPUT"] == nil { try? FileManager.default.removeItem(at: dir) }
    }
}

extension PageRaster {
    /// The pixel under the point (x, y) in points, as RGB 0…255.
    func rgb(atPoint x: Double, _ y: Double) -> (r: Int, g: Int, b: Int) {
        let px = min(width - 1, Int(x * scale)), py = min(height - 1, Int(y * scale))
        let p = pixels[py * width + px]
        return (Int((p >> 16) & 0xff), Int((p >> 8) & 0xff), Int(p & 0xff))
    }
}

/// Whether a pixel shows `colour` (components 0…1) within `tolerance` levels of 255.
func matches(_ p: (r: Int, g: Int, b: Int), _ colour: RGB, tolerance: Int = 3) -> Bool {
    abs(p.r - Int((colour.r * 255).rounded())) <= tolerance && abs(p.g - Int((colour.g * 255).rounded())) <= tolerance
        && abs(p.b - Int((colour.b * 255).rounded())) <= tolerance
}
