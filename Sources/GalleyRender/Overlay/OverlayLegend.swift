import CPangoCairo
import Foundation
import GalleyCore

/// The key to the overlay: the page's articles with their ids and colours, what each mark means, and
/// the page's warnings. Placed in the page corner where it covers the least.
struct OverlayLegend {
    let style: OverlayStyle
    let layout: PageLayout

    private enum Row {
        case title(String)
        case article(number: Int, text: String)
        case key(Key, String)
        case note(String)
        case warning(String)
    }
    private enum Key { case path, column, separator, furniture, block }

    private var rows: [Row] {
        let s = layout.summary
        let n = layout.articles.count
        var rows: [Row] = [.title("Galley · page \(s.number) · \(n) article\(n == 1 ? "" : "s")")]
        for (i, a) in layout.articles.prefix(style.legendMaxArticles).enumerated() {
            rows.append(.article(number: i + 1, text: "\(a.id)  \(Self.name(of: a))"))
        }
        if n > style.legendMaxArticles { rows.append(.note("+\(n - style.legendMaxArticles) more")) }
        if n == 0 { rows.append(.note("no articles found on this page")) }
        rows.append(.key(.path, "reading path: block 1 → 2 → …"))
        rows.append(.key(.block, "block; label = role (kicker, headline, deck, byline, body, caption, photo)"))
        if !s.columns.isEmpty { rows.append(.key(.column, "text column (\(s.columns.count))")) }
        if !layout.separators.isEmpty { rows.append(.key(.separator, "separator (\(layout.separators.count))")) }
        if !s.furniture.isEmpty { rows.append(.key(.furniture, "furniture (header, folio, ad …): not in any article")) }
        rows += s.warnings.map { .warning("⚠ " + $0) }
        return rows
    }

    /// What the legend calls an article: its headline, else the start of its text, else its id.
    static func name(of a: Article) -> String {
        for s in [a.headline, a.kicker, a.subheadline, a.paragraphs.first, a.captions.first] {
            if let s, !s.isEmpty { return s.replacingOccurrences(of: "\n", with: " ") }
        }
        return "(no text)"
    }

    func paint(_ cr: OpaquePointer, avoiding ink: InkMap?, blocks: [Rect]) {
        let font = FontSpec(family: style.labelFamily, size: style.legendFontSize)
        let pad = style.legendFontSize * 0.8
        let swatch = style.legendFontSize * 2.2
        let textWidth = style.legendWidth - 2 * pad - swatch - pad * 0.5
        var set: [(Row, PangoParagraph)] = []
        for row in rows {
            switch row {
            case .title(let t):
                set.append((row, PangoParagraph(cr: cr, text: t, font: FontSpec(family: font.family, size: font.size * 1.1, bold: true),
                                                paragraph: ParagraphSpec(width: style.legendWidth - 2 * pad, ellipsize: true))))
            case .article(_, let t), .key(_, let t):
                set.append((row, PangoParagraph(cr: cr, text: t, font: font, paragraph: ParagraphSpec(width: textWidth, ellipsize: rowIsArticle(row)))))
            case .note(let t), .warning(let t):
                set.append((row, PangoParagraph(cr: cr, text: t, font: font, paragraph: ParagraphSpec(width: style.legendWidth - 2 * pad))))
            }
        }
        let gap = style.legendFontSize * 0.35
        let height = set.reduce(2 * pad) { $0 + $1.1.size.height + gap }
        let box = place(width: style.legendWidth, height: height, ink: ink, blocks: blocks)

        roundedRect(cr, x: box.x0, y: box.y0, w: box.width, h: box.height, r: pad * 0.6)
        cairo_set_source_rgba(cr, 1, 1, 1, 0.93)
        cairo_fill_preserve(cr)
        cairo_set_source_rgb(cr, 0.3, 0.3, 0.3)
        cairo_set_line_width(cr, 0.8)
        cairo_stroke(cr)

        var y = box.y0 + pad
        for (row, text) in set {
            let h = text.size.height
            var x = box.x0 + pad
            switch row {
            case .title, .note:
                cairo_set_source_rgb(cr, 0.1, 0.1, 0.1)
            case .warning:
                cairo_set_source_rgb(cr, 0.65, 0.2, 0.05)
            case .article(let k, _):
                drawArticleSwatch(cr, k, Rect(x0: x, y0: y, x1: x + swatch, y1: y + h))
                x += swatch + pad * 0.5
                let c = style.ink(ofArticle: k)
                cairo_set_source_rgb(cr, c.r, c.g, c.b)
            case .key(let key, _):
                drawKey(cr, key, Rect(x0: x, y0: y, x1: x + swatch, y1: y + min(h, style.legendFontSize * 1.4)))
                x += swatch + pad * 0.5
                cairo_set_source_rgb(cr, 0.1, 0.1, 0.1)
            }
            text.draw(cr, x: x, y: y)
            y += h + gap
        }
    }

    private func rowIsArticle(_ row: Row) -> Bool { if case .article = row { return true } else { return false } }

    /// The spot, inside the page, where the legend hides the least: little ink, few marked blocks.
    /// Corners and edges are tried first and win ties; then a grid over the whole page.
    private func place(width w: Double, height h: Double, ink: InkMap?, blocks: [Rect]) -> Rect {
        let page = layout.summary
        let m = style.legendFontSize
        let maxX = max(0, page.width - w - m), maxY = max(0, page.height - h - m)
        var spots: [(Double, Double)] = []
        for y in [m, maxY] { for x in [maxX, m, (page.width - w) / 2] { spots.append((x, y)) } }
        let steps = 8
        for j in 0...steps { for i in 0...steps {
            spots.append((m + (maxX - m) * Double(i) / Double(steps), m + (maxY - m) * Double(j) / Double(steps)))
        } }
        var best = Rect(x0: maxX, y0: maxY, x1: maxX + w, y1: maxY + h)
        var bestCost = Double.infinity
        for (k, (x, y)) in spots.enumerated() {
            let r = Rect(x0: max(0, x), y0: max(0, y), x1: max(0, x) + w, y1: max(0, y) + h)
            let covered = blocks.reduce(0.0) { $0 + (r.intersection($1)?.area ?? 0) } / r.area
            // Grid spots inside the page pay a little more than the six edge spots, so an equally empty
            // corner is preferred.
            let cost = (ink?.coverage(r) ?? 0) * 2 + min(1, covered) + (k < 6 ? 0 : 0.05)
            if cost < bestCost - 1e-9 { bestCost = cost; best = r }
        }
        return best
    }

    private func drawArticleSwatch(_ cr: OpaquePointer, _ k: Int, _ r: Rect) {
        let t = style.tint(ofArticle: k), c = style.color(ofArticle: k)
        cairo_rectangle(cr, r.x0, r.y0 + 0.5, r.width, r.height - 1)
        cairo_set_source_rgb(cr, t.r, t.g, t.b)
        cairo_fill_preserve(cr)
        cairo_set_source_rgb(cr, c.r, c.g, c.b)
        cairo_set_line_width(cr, 1)
        cairo_stroke(cr)
        let n = PangoParagraph(cr: cr, text: "\(k)", font: FontSpec(family: style.labelFamily, size: style.legendFontSize, bold: true))
        let (w, h) = n.size
        n.draw(cr, x: r.midX - w / 2, y: r.midY - h / 2)
    }

    private func drawKey(_ cr: OpaquePointer, _ key: Key, _ r: Rect) {
        cairo_save(cr)
        switch key {
        case .path:
            let c = style.ink(ofArticle: 1)
            cairo_set_source_rgb(cr, c.r, c.g, c.b)
            cairo_set_line_width(cr, style.arrowWidth)
            cairo_move_to(cr, r.x0 + 2, r.midY)
            cairo_line_to(cr, r.x1 - 3, r.midY)
            cairo_stroke(cr)
            cairo_move_to(cr, r.x1, r.midY)
            cairo_line_to(cr, r.x1 - 4, r.midY - 2)
            cairo_line_to(cr, r.x1 - 4, r.midY + 2)
            cairo_close_path(cr)
            cairo_fill(cr)
            cairo_arc(cr, r.x0 + 2, r.midY, 2, 0, 2 * Double.pi)
            cairo_fill(cr)
        case .column:
            let c = style.columnColor
            cairo_set_source_rgb(cr, c.r, c.g, c.b)
            cairo_set_line_width(cr, style.columnWidth)
            cairo_set_dash(cr, style.columnDash, Int32(style.columnDash.count), 0)
            cairo_rectangle(cr, r.x0 + 0.5, r.y0 + 0.5, r.width - 1, r.height - 1)
            cairo_stroke(cr)
        case .separator:
            let c = style.separatorColor
            cairo_set_source_rgb(cr, c.r, c.g, c.b)
            cairo_set_line_width(cr, style.separatorWidth)
            cairo_move_to(cr, r.x0, r.midY)
            cairo_line_to(cr, r.x1, r.midY)
            cairo_stroke(cr)
        case .furniture:
            cairo_rectangle(cr, r.x0, r.y0, r.width, r.height)
            cairo_set_source_rgb(cr, style.furnitureGrey, style.furnitureGrey, style.furnitureGrey)
            cairo_fill_preserve(cr)
            cairo_clip(cr)
            cairo_set_source_rgba(cr, 0.35, 0.35, 0.35, 0.7)
            cairo_set_line_width(cr, 0.5)
            var d = -r.height
            while d < r.width { cairo_move_to(cr, r.x0 + d, r.y1); cairo_line_to(cr, r.x0 + d + r.height, r.y0); d += style.hatchSpacing }
            cairo_stroke(cr)
        case .block:
            let c = style.ink(ofArticle: 1)
            cairo_set_source_rgb(cr, c.r, c.g, c.b)
            cairo_set_line_width(cr, style.outlineWidth)
            cairo_rectangle(cr, r.x0 + 0.5, r.y0 + 0.5, r.width - 1, r.height - 1)
            cairo_stroke(cr)
        }
        cairo_restore(cr)
    }
}
