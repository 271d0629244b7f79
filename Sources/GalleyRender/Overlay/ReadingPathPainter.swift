import CPangoCairo
import Foundation
import GalleyCore

/// The reading path of each article: a numbered circle at the centre of every block, arrows from each
/// block to the next in reading order, role labels, and the article's number badge.
struct ReadingPathPainter {
    let style: OverlayStyle
    let painter: OverlayPainter

    private var articles: [(number: Int, blocks: [ArticleBlock])] {
        painter.layout.articles.enumerated().map { ($0.offset + 1, painter.blocks(of: $0.element)) }
    }

    /// Arrows first (under the circles), then the numbered circles. A block too small for a numbered
    /// circle (a single line, a word) gets a dot, so pages cut into many small blocks stay readable;
    /// the first and last steps are always numbered.
    func paintArrows(_ cr: OpaquePointer) {
        for (k, blocks) in articles {
            let c = style.ink(ofArticle: k)
            let steps = blocks.enumerated().map { i, b in
                (x: b.bbox.midX, y: b.bbox.midY,
                 numbered: i == 0 || i == blocks.count - 1 || min(b.bbox.width, b.bbox.height) >= 2.4 * style.stepRadius)
            }
            let radius = { (s: (x: Double, y: Double, numbered: Bool)) in s.numbered ? style.stepRadius : style.stepDotRadius }
            for (a, b) in zip(steps, steps.dropFirst()) {
                arrow(cr, from: (a.x, a.y), to: (b.x, b.y), startGap: radius(a), endGap: radius(b), color: c)
            }
            for (i, p) in steps.enumerated() {
                if p.numbered {
                    stepCircle(cr, number: i + 1, at: (p.x, p.y), color: c)
                } else {
                    cairo_new_sub_path(cr)
                    cairo_arc(cr, p.x, p.y, style.stepDotRadius, 0, 2 * Double.pi)
                    cairo_set_source_rgb(cr, c.r, c.g, c.b)
                    cairo_fill(cr)
                }
            }
        }
    }

    /// Role labels where the role changes along the reading path (the first block, the first body block
    /// after the display lines, a caption after body text …), not on every block of a run.
    func paintLabels(_ cr: OpaquePointer) {
        for (k, blocks) in articles {
            var previous: Role?
            for b in blocks where b.role != previous {
                painter.label(cr, b.role.overlayLabel, at: b.bbox, color: style.ink(ofArticle: k))
                previous = b.role
            }
        }
    }

    /// The article number in a badge of its colour at the top-left corner of its first block on the page.
    func paintBadges(_ cr: OpaquePointer) {
        let page = painter.layout.summary
        for (k, blocks) in articles {
            guard let first = blocks.first?.bbox else { continue }
            let c = style.color(ofArticle: k)
            let text = PangoParagraph(cr: cr, text: "\(k)", font: FontSpec(family: style.labelFamily, size: style.badgeSize, bold: true))
            let (tw, th) = text.size
            let pad = style.badgeSize * 0.25
            let w = tw + 2 * pad, h = th + 2 * pad * 0.6
            // Left of the block's top-left corner, clear of its role label; above it where the margin is too narrow.
            var x = first.x0 - w - 1, y = first.y0
            if x < 0 { x = first.x0; y = first.y0 - h - 1 }
            x = min(max(0, x), page.width - w)
            y = min(max(0, y), page.height - h)
            roundedRect(cr, x: x, y: y, w: w, h: h, r: h * 0.25)
            cairo_set_source_rgb(cr, c.r, c.g, c.b)
            cairo_fill_preserve(cr)
            cairo_set_source_rgb(cr, 1, 1, 1)
            cairo_set_line_width(cr, 0.8)
            cairo_stroke(cr)
            text.draw(cr, x: x + pad, y: y + pad * 0.6)
        }
    }

    /// A line from circle to circle ending in a filled arrow head.
    private func arrow(_ cr: OpaquePointer, from a: (x: Double, y: Double), to b: (x: Double, y: Double),
                       startGap: Double, endGap: Double, color c: RGB) {
        let dx = b.x - a.x, dy = b.y - a.y
        let length = (dx * dx + dy * dy).squareRoot()
        guard length > startGap + endGap + style.arrowHeadLength else { return }
        let ux = dx / length, uy = dy / length
        let start = (x: a.x + ux * startGap, y: a.y + uy * startGap)
        let tip = (x: b.x - ux * endGap, y: b.y - uy * endGap)
        let head = style.arrowHeadLength
        let base = (x: tip.x - ux * head, y: tip.y - uy * head)
        // A white casing under the line keeps it visible over dark text and photos.
        for (width, colour, alpha) in [(style.arrowWidth + 1.4, RGB(r: 1, g: 1, b: 1), 0.8), (style.arrowWidth, c, 0.95)] {
            cairo_set_source_rgba(cr, colour.r, colour.g, colour.b, alpha)
            cairo_set_line_width(cr, width)
            cairo_move_to(cr, start.x, start.y)
            cairo_line_to(cr, base.x, base.y)
            cairo_stroke(cr)
        }
        cairo_set_source_rgba(cr, c.r, c.g, c.b, 0.95)
        cairo_move_to(cr, tip.x, tip.y)
        cairo_line_to(cr, base.x - uy * head * 0.45, base.y + ux * head * 0.45)
        cairo_line_to(cr, base.x + uy * head * 0.45, base.y - ux * head * 0.45)
        cairo_close_path(cr)
        cairo_fill(cr)
    }

    /// A white circle ringed in the article's colour with the step number inside.
    private func stepCircle(_ cr: OpaquePointer, number: Int, at p: (x: Double, y: Double), color c: RGB) {
        let r = style.stepRadius * (number >= 10 ? 1.25 : 1)
        cairo_new_sub_path(cr)
        cairo_arc(cr, p.x, p.y, r, 0, 2 * Double.pi)
        cairo_set_source_rgba(cr, 1, 1, 1, 0.9)
        cairo_fill_preserve(cr)
        cairo_set_source_rgb(cr, c.r, c.g, c.b)
        cairo_set_line_width(cr, 1)
        cairo_stroke(cr)
        let text = PangoParagraph(cr: cr, text: "\(number)", font: FontSpec(family: style.labelFamily, size: r * 1.25, bold: true))
        let (w, h) = text.size
        text.draw(cr, x: p.x - w / 2, y: p.y - h / 2)
    }
}

/// A rectangle with rounded corners as the current path.
func roundedRect(_ cr: OpaquePointer, x: Double, y: Double, w: Double, h: Double, r: Double) {
    let r = min(r, w / 2, h / 2)
    cairo_new_sub_path(cr)
    cairo_arc(cr, x + w - r, y + r, r, -Double.pi / 2, 0)
    cairo_arc(cr, x + w - r, y + h - r, r, 0, Double.pi / 2)
    cairo_arc(cr, x + r, y + h - r, r, Double.pi / 2, Double.pi)
    cairo_arc(cr, x + r, y + r, r, Double.pi, 3 * Double.pi / 2)
    cairo_close_path(cr)
}
