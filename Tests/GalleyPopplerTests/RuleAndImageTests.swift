import Foundation
import GalleyCore
import GalleyPoppler
import GalleyRender
import Testing

/// Draws lines, frames, tinted boxes and pictures and checks the boxes extraction reports.
@Suite struct RuleAndImageTests {
    func only(_ kind: Rule.Kind, in page: PageContent) -> [Rect] {
        page.rules.filter { $0.kind == kind }.map(\.box).sorted { ($0.y0, $0.x0) < ($1.y0, $1.x0) }
    }

    @Test func linesFramesFillsAndImages() throws {
        let folder = try TestPDF.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = PDFSketch.Font(family: "DejaVu Serif", size: 9)
        let (path, _) = try TestPDF.make(folder, width: 600, height: 800) { s in
            s.fill(Rect(x0: 0, y0: 0, x1: 600, y1: 800), color: RGB(r: 1, g: 1, b: 1)) // paper
            s.line(x0: 40, y0: 60, x1: 560, y1: 60, width: 1)             // full-width rule
            s.line(x0: 300, y0: 80, x1: 300, y1: 400, width: 0.5)         // column rule
            s.frame(Rect(x0: 40, y0: 420, x1: 280, y1: 600), width: 1)    // boxed story
            s.text("Boxed story text", x: 50, y: 430, font: text)
            s.fill(Rect(x0: 320, y0: 420, x1: 560, y1: 520), color: RGB(r: 0.9, g: 0.9, b: 0.8))  // tint panel
            s.text("Text on a tint", x: 330, y: 430, font: text)
            s.photo(Rect(x0: 320, y0: 560, x1: 520, y1: 700))
            s.line(x0: 40, y0: 720, x1: 50, y1: 720, width: 1)            // too short to be a rule
        }
        let page = try TestPDF.content(path)

        let horizontals = only(.horizontal, in: page)
        #expect(horizontals.count == 1)
        #expect(horizontals.first?.matches(Rect(x0: 39.5, y0: 59.5, x1: 560.5, y1: 60.5), within: 2) == true, "\(horizontals)")

        let verticals = only(.vertical, in: page)
        #expect(verticals.count == 1)
        #expect(verticals.first?.matches(Rect(x0: 299.75, y0: 80, x1: 300.25, y1: 400), within: 2) == true, "\(verticals)")

        let frames = only(.frame, in: page)
        #expect(frames.count == 1)
        #expect(frames.first?.matches(Rect(x0: 40, y0: 420, x1: 280, y1: 600), within: 2) == true, "\(frames)")

        let fills = only(.fill, in: page)
        #expect(fills.count == 1, "the white page-sized fill is paper, not a tinted box: \(fills)")
        #expect(fills.first?.matches(Rect(x0: 320, y0: 420, x1: 560, y1: 520), within: 2) == true, "\(fills)")

        #expect(page.images.count == 1)
        #expect(page.images.first?.box.matches(Rect(x0: 320, y0: 560, x1: 520, y1: 700), within: 1) == true, "\(page.images)")
    }

    /// A frame drawn as four separate strokes is still one frame; a rule drawn in two touching pieces
    /// is one rule.
    @Test func framesFromSidesAndJoinedPieces() throws {
        let folder = try TestPDF.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (path, _) = try TestPDF.make(folder) { s in
            s.line(x0: 50, y0: 50, x1: 250, y1: 50)
            s.line(x0: 250, y0: 50, x1: 250, y1: 200)
            s.line(x0: 250, y0: 200, x1: 50, y1: 200)
            s.line(x0: 50, y0: 200, x1: 50, y1: 50)
            s.line(x0: 20, y0: 260, x1: 200, y1: 260)
            s.line(x0: 200, y0: 260, x1: 380, y1: 260)
        }
        let page = try TestPDF.content(path)
        let frames = only(.frame, in: page)
        #expect(frames.count == 1)
        #expect(frames.first?.matches(Rect(x0: 50, y0: 50, x1: 250, y1: 200), within: 2) == true, "\(frames)")
        let horizontals = only(.horizontal, in: page)
        #expect(horizontals.count == 1)
        #expect(horizontals.first?.matches(Rect(x0: 20, y0: 260, x1: 380, y1: 260), within: 2) == true, "\(horizontals)")
        #expect(only(.vertical, in: page).isEmpty)
    }

    /// The rule finder on its own: thin filled rectangles are rules, thick ones boxes, near-white
    /// and page-sized fills are ignored, circles are not frames.
    @Test func classifiesDrawnShapes() {
        func rect(_ r: Rect) -> DrawnShape.Subpath {
            let corners: [(Double, Double)] = [(r.x0, r.y0), (r.x1, r.y0), (r.x1, r.y1), (r.x0, r.y1)]
            return DrawnShape.Subpath(points: corners.map { DrawnShape.Point(x: $0.0, y: $0.1) }, closed: true, curved: false)
        }
        let page = Rect(x0: 0, y0: 0, x1: 500, y1: 500)
        let grey = RGB(r: 0.5, g: 0.5, b: 0.5)
        // A circle of radius 50 around (250, 250) as four Bézier quarters.
        let k = 0.5523 * 50
        let circlePoints: [(Double, Double)] = [
            (300, 250), (300, 250 + k), (250 + k, 300), (250, 300), (250 - k, 300), (200, 250 + k), (200, 250),
            (200, 250 - k), (250 - k, 200), (250, 200), (250 + k, 200), (300, 250 - k), (300, 250)]
        let circle = DrawnShape.Subpath(points: circlePoints.map { DrawnShape.Point(x: $0.0, y: $0.1) },
                                        closed: true, curved: true)
        let shapes = [
            DrawnShape(operation: .fill, subpaths: [rect(Rect(x0: 10, y0: 10, x1: 400, y1: 11))], color: grey, clip: page),
            DrawnShape(operation: .fill, subpaths: [rect(Rect(x0: 10, y0: 20, x1: 100, y1: 80))], color: grey, clip: page),
            DrawnShape(operation: .fill, subpaths: [rect(Rect(x0: 110, y0: 20, x1: 200, y1: 80))],
                       color: RGB(r: 0.99, g: 0.99, b: 0.99), clip: page),
            DrawnShape(operation: .fill, subpaths: [rect(page)], color: grey, clip: page),
            DrawnShape(operation: .stroke(width: 1), subpaths: [circle], color: grey, clip: page),
            // A rule clipped to half its length.
            DrawnShape(operation: .fill, subpaths: [rect(Rect(x0: 10, y0: 450, x1: 490, y1: 451))], color: grey,
                       clip: Rect(x0: 0, y0: 0, x1: 250, y1: 500)),
        ]
        let rules = RuleFinder().rules(in: shapes, width: 500, height: 500)
        #expect(rules.filter { $0.kind == .horizontal }.map(\.box) == [Rect(x0: 10, y0: 10, x1: 400, y1: 11),
                                                                      Rect(x0: 10, y0: 450, x1: 250, y1: 451)])
        #expect(rules.filter { $0.kind == .fill }.map(\.box) == [Rect(x0: 10, y0: 20, x1: 100, y1: 80)])
        #expect(rules.filter { $0.kind == .frame }.isEmpty)
        #expect(rules.count == 3)
    }
}
