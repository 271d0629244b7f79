import CPangoCairo
import Foundation
import GalleyCore

/// Draws Galley's reading of one page onto a Cairo context whose user space is the page in points
/// (origin top-left). The page itself must already be painted; everything here goes on top of it.
struct OverlayPainter {
    let style: OverlayStyle
    let layout: PageLayout

    /// The blocks of article k (1-based) that lie on this page, in reading order.
    func blocks(of article: Article) -> [ArticleBlock] {
        article.blocks.filter { $0.page == layout.summary.number && !$0.bbox.isEmpty }
    }

    /// Paints every layer, bottom to top, then the legend where it hides the least of the page.
    func paint(_ cr: OpaquePointer, ink: InkMap?) {
        paintFurniture(cr)
        paintTints(cr)
        paintColumns(cr)
        paintSeparators(cr)
        paintOutlines(cr)
        let path = ReadingPathPainter(style: style, painter: self)
        path.paintArrows(cr)
        path.paintLabels(cr)
        path.paintBadges(cr)
        if style.showLegend { OverlayLegend(style: style, layout: layout).paint(cr, avoiding: ink, blocks: allBoxes) }
    }

    /// Every box the overlay marks, for the legend to keep clear of.
    var allBoxes: [Rect] {
        layout.articles.flatMap { blocks(of: $0).map(\.bbox) } + layout.summary.furniture.map(\.bbox)
    }

    /// Furniture: the paper greyed (multiplied, so its text stays readable) and hatched.
    func paintFurniture(_ cr: OpaquePointer) {
        for f in layout.summary.furniture where !f.bbox.isEmpty {
            let b = f.bbox
            cairo_save(cr)
            cairo_set_operator(cr, CAIRO_OPERATOR_MULTIPLY)
            cairo_set_source_rgb(cr, style.furnitureGrey, style.furnitureGrey, style.furnitureGrey)
            cairo_rectangle(cr, b.x0, b.y0, b.width, b.height)
            cairo_fill_preserve(cr)
            cairo_clip(cr)
            cairo_set_operator(cr, CAIRO_OPERATOR_OVER)
            cairo_set_source_rgba(cr, 0.35, 0.35, 0.35, 0.55)
            cairo_set_line_width(cr, 0.5)
            var d = -b.height
            while d < b.width {
                cairo_move_to(cr, b.x0 + d, b.y1)
                cairo_line_to(cr, b.x0 + d + b.height, b.y0)
                d += style.hatchSpacing
            }
            cairo_stroke(cr)
            cairo_restore(cr)
            cairo_set_source_rgba(cr, 0.3, 0.3, 0.3, 0.9)
            cairo_set_line_width(cr, 0.6)
            cairo_rectangle(cr, b.x0, b.y0, b.width, b.height)
            cairo_stroke(cr)
            // The hatching says "furniture"; the label says which kind.
            label(cr, f.role == .advertisement ? "ad" : f.role.rawValue, at: b, color: RGB(r: 0.3, g: 0.3, b: 0.3))
        }
    }

    /// Each article block tinted in its article's colour.
    func paintTints(_ cr: OpaquePointer) {
        cairo_save(cr)
        cairo_set_operator(cr, CAIRO_OPERATOR_MULTIPLY)
        for (i, article) in layout.articles.enumerated() {
            let t = style.tint(ofArticle: i + 1)
            cairo_set_source_rgb(cr, t.r, t.g, t.b)
            for b in blocks(of: article) {
                cairo_rectangle(cr, b.bbox.x0, b.bbox.y0, b.bbox.width, b.bbox.height)
            }
            cairo_fill(cr)
        }
        cairo_restore(cr)
    }

    /// Column boxes: dashed neutral outlines, numbered in reading order.
    func paintColumns(_ cr: OpaquePointer) {
        let c = style.columnColor
        for (i, box) in layout.summary.columns.enumerated() where !box.isEmpty {
            cairo_save(cr)
            cairo_set_source_rgba(cr, c.r, c.g, c.b, 0.85)
            cairo_set_line_width(cr, style.columnWidth)
            cairo_set_dash(cr, style.columnDash, Int32(style.columnDash.count), 0)
            cairo_rectangle(cr, box.x0, box.y0, box.width, box.height)
            cairo_stroke(cr)
            cairo_restore(cr)
            guard layout.summary.columns.count <= style.maxNumberedColumns else { continue }
            let tag = PangoParagraph(cr: cr, text: "col \(i + 1)", font: FontSpec(family: style.labelFamily, size: style.labelSize))
            cairo_set_source_rgba(cr, c.r, c.g, c.b, 0.9)
            tag.draw(cr, x: box.x0 + 1, y: box.y1 - tag.size.height - 1)
        }
    }

    /// Separators: a solid neutral line along the long side of each separator box, through its middle.
    func paintSeparators(_ cr: OpaquePointer) {
        let c = style.separatorColor
        cairo_save(cr)
        cairo_set_source_rgba(cr, c.r, c.g, c.b, 0.75)
        cairo_set_line_width(cr, style.separatorWidth)
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT)
        for s in layout.separators {
            if s.height >= s.width {
                cairo_move_to(cr, s.midX, s.y0)
                cairo_line_to(cr, s.midX, s.y1)
            } else {
                cairo_move_to(cr, s.x0, s.midY)
                cairo_line_to(cr, s.x1, s.midY)
            }
        }
        cairo_stroke(cr)
        cairo_restore(cr)
    }

    /// A thin outline in the article's colour around each block.
    func paintOutlines(_ cr: OpaquePointer) {
        for (i, article) in layout.articles.enumerated() {
            let c = style.ink(ofArticle: i + 1)
            cairo_set_source_rgba(cr, c.r, c.g, c.b, 0.9)
            for b in blocks(of: article) {
                cairo_set_line_width(cr, b.role == .body ? style.outlineWidth : style.outlineWidth * 1.6)
                cairo_rectangle(cr, b.bbox.x0, b.bbox.y0, b.bbox.width, b.bbox.height)
                cairo_stroke(cr)
            }
        }
    }

    /// A small tag with `text` inside the top-left corner of `box` (above it when the box is too low).
    func label(_ cr: OpaquePointer, _ text: String, at box: Rect, color: RGB) {
        let tag = PangoParagraph(cr: cr, text: text, font: FontSpec(family: style.labelFamily, size: style.labelSize))
        let (w, h) = tag.size
        let pad = style.labelSize * 0.2
        let x = box.x0 + 0.5
        let y = box.height >= h + 2 * pad + 1 ? box.y0 + 0.5 : box.y0 - h - 2 * pad
        cairo_set_source_rgba(cr, 1, 1, 1, 0.85)
        cairo_rectangle(cr, x, y, w + 2 * pad, h + 2 * pad)
        cairo_fill(cr)
        cairo_set_source_rgb(cr, color.r, color.g, color.b)
        tag.draw(cr, x: x + pad, y: y + pad)
    }
}
