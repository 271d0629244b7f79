import Foundation
import GalleyCore
import GalleyPoppler
import Testing
@testable import GalleyRender

/// The overlay on real pages: the project's samples, with their ground truth as the layout, so the test
/// does not depend on the analysis. Every article's colour shows on the paper inside its own lines and
/// nowhere in the page's empty margins.
@Suite struct OverlaySampleTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Samples")
    static let pages = ["en-front", "zh-front"].filter {
        FileManager.default.fileExists(atPath: samples.appendingPathComponent("\($0).json").path)
    }

    /// Ground truth as the sample generator writes it (only what the test needs).
    struct Truth: Decodable {
        struct Page: Decodable { var width: Double; var height: Double }
        struct Line: Decodable { var role: String; var bbox: [Double] }
        struct Article: Decodable { var headline: String?; var lines: [Line] }
        var page: Page
        var articles: [Article]
    }

    /// Each ground-truth line becomes a block, so article areas are exactly the article's lines.
    static func layout(_ t: Truth) -> PageLayout {
        let articles = t.articles.enumerated().map { i, a in
            Article(id: "p1-a\(i + 1)", headline: a.headline, blocks: a.lines.map {
                ArticleBlock(page: 1, role: Role(rawValue: $0.role) ?? .body, bbox: Rect(x0: $0.bbox[0], y0: $0.bbox[1], x1: $0.bbox[2], y1: $0.bbox[3]))
            })
        }
        return PageLayout(summary: PageSummary(number: 1, width: t.page.width, height: t.page.height), articles: articles)
    }

    @Test(.enabled(if: !pages.isEmpty, "skipped: Samples/ has not been generated"), arguments: pages)
    func articleTintsLieInsideArticlesAndMarginsStayWhite(_ name: String) throws {
        let truth = try JSONDecoder().decode(Truth.self, from: Data(contentsOf: Self.samples.appendingPathComponent("\(name).json")))
        let layout = Self.layout(truth)
        let document = try PDFDocument(path: Self.samples.appendingPathComponent("\(name).pdf").path)
        let raster = try PageRasterizer(document: document).render(page: 1, scale: 50.0 / 72)
        let style = OverlayStyle()
        let out = try OverlayRenderer(style: style).render(layout, on: raster)
        #expect(out.width == raster.width && out.height == raster.height)

        for (k, article) in layout.articles.enumerated() {
            // Pixels that were white paper inside the article's lines: most now show its tint (the rest
            // carry outlines, labels, arrows).
            var paper = 0, tinted = 0
            for b in article.blocks {
                let x0 = Int(b.bbox.x0 * raster.scale) + 2, x1 = Int(b.bbox.x1 * raster.scale) - 2
                let y0 = Int(b.bbox.y0 * raster.scale) + 1, y1 = Int(b.bbox.y1 * raster.scale) - 1
                guard x1 > x0, y1 > y0 else { continue }
                for y in y0..<y1 { for x in x0..<x1 where raster.pixels[y * raster.width + x] & 0xFFFFFF == 0xFFFFFF {
                    paper += 1
                    let p = out.pixels[y * out.width + x]
                    if matches((Int(p >> 16 & 0xff), Int(p >> 8 & 0xff), Int(p & 0xff)), style.tint(ofArticle: k + 1), tolerance: 4) { tinted += 1 }
                } }
            }
            #expect(paper > 100)
            #expect(Double(tinted) > 0.6 * Double(paper), "article \(k + 1) of \(name): \(tinted) of \(paper) paper pixels tinted")
        }
        // The empty side margins (outside every block and away from the legend) stay as they were.
        let blocks = layout.articles.flatMap(\.blocks).map(\.bbox)
        let left = blocks.map(\.x0).min() ?? 0
        var changed = 0, total = 0
        for y in stride(from: 0, to: out.height, by: 3) {
            for x in 0..<max(0, Int(left * raster.scale) - 12) {
                total += 1
                if out.pixels[y * out.width + x] != raster.pixels[y * raster.width + x] { changed += 1 }
            }
        }
        #expect(total > 0 && Double(changed) < 0.02 * Double(total), "\(changed) of \(total) margin pixels changed in \(name)")
    }
}
