import CPangoCairo
import Foundation
import GalleyCore

/// Lays a Chinese story out vertically (`galley print --vertical`): every paragraph set by Pango with
/// east gravity, so that its lines are columns running top to bottom with upright characters and
/// vertical punctuation forms, columns following right to left across the text block and on to the next
/// page. The kicker, headline, deck and byline come first, each in columns of its own size, then a rule,
/// then the paragraphs (indented two characters at the column top), photos with their captions set
/// vertically beside them. Pango breaks the lines, so no column starts with closing punctuation.
final class VerticalStoryComposer {
    let cr: OpaquePointer
    let options: PrintOptions
    private(set) var pages: [[PrintItem]] = [[]]
    /// The text of every column placed, in reading order (for checks: no column opens with closing punctuation).
    private(set) var columnTexts: [String] = []
    /// The text block, and the right edge of the next column.
    let left: Double, right: Double, top: Double, bottom: Double
    private var x: Double

    init(cr: OpaquePointer, options: PrintOptions) {
        self.cr = cr
        self.options = options
        let paper = options.paper.size
        left = options.margin
        right = paper.width - options.margin
        top = options.margin
        bottom = paper.height - options.margin
        x = right
    }

    var serif: String { options.cjkSerif }
    var sans: String { options.latinSans + ", " + options.cjkSans }
    /// Column length: the text block's height, a whole number of body ems.
    var columnLength: Double { ((bottom - top) / options.bodySize).rounded(.down) * options.bodySize }

    /// Room for a column `width` wide: on this page where it fits, else on a new page. Returns its right edge.
    private func reserve(_ width: Double) -> Double {
        if x - width < left - 0.01 && x < right - 0.01 {
            pages.append([])
            x = right
        }
        let at = x
        x -= width
        return at
    }

    /// A paragraph set vertically in `font`, its columns placed one after another from the right.
    func placeColumns(_ text: String, font: FontSpec, color: RGB = .black, indent: Double = 0, length: Double? = nil,
                      after gap: Double = 0) {
        let spec = ParagraphSpec(width: length ?? columnLength, indent: indent, language: "zh-hant", lineSpacing: options.verticalColumnSpacing)
        // Punctuation in its vertical forms: Pango's shaping does not substitute them here.
        let p = PangoParagraph(cr: cr, text: VerticalGlyphs.verticalForms(text), font: font, paragraph: spec)
        p.setVertical()
        columnTexts += p.lineTexts()
        for line in p.lines() {
            let at = reserve(line.height)
            pages[pages.count - 1].append(.verticalLine(p, line, right: at, top: top, color: color))
        }
        x -= gap
    }

    func placeHeader(_ article: Article) {
        let em = options.bodySize
        for d in options.displayLines(of: article, family: serif, italicByline: false) {
            placeColumns(d.text, font: d.font, color: d.color, after: d.after)
        }
        let at = reserve(em * 1.2)
        pages[pages.count - 1].append(.rule(Rect(x0: at - em * 0.6, y0: top, x1: at - em * 0.6 + 0.6, y1: top + columnLength)))
    }

    func placeParagraph(_ text: String) {
        let joined = text.split(whereSeparator: \.isNewline).joined()
        placeColumns(joined, font: FontSpec(family: serif, size: options.bodySize), indent: options.cjkIndent * options.bodySize)
    }

    /// A photo at the top of a slot of its own (at most half the column length tall), its caption in
    /// small columns on its left.
    func placeFigure(_ image: CairoImage?, caption: String?) {
        let em = options.bodySize
        if let image {
            var h = 0.5 * columnLength
            var w = h * Double(image.width) / Double(image.height)
            // At most 60% of the text block wide, and narrower rather than pushed to the next page
            // where a quarter of the block is still free (the caption needs two columns of its own).
            let free = x - left - 4 * em
            let maxW = free >= 0.25 * (right - left) ? min(0.6 * (right - left), free) : 0.6 * (right - left)
            if w > maxW { h *= maxW / w; w = maxW }
            let at = reserve(w + em * 0.8)
            pages[pages.count - 1].append(.image(image, Rect(x0: at - em * 0.4 - w, y0: top, x1: at - em * 0.4, y1: top + h)))
        }
        if let caption, !caption.isEmpty {
            placeColumns(caption, font: FontSpec(family: sans, size: em * options.captionScale), color: RGB(r: 0.25, g: 0.25, b: 0.25),
                         after: em * 0.8)
        }
    }

    /// The page number under the text block of every page.
    func placeFolios(source: String) {
        let font = FontSpec(family: sans, size: options.smallSize)
        for i in pages.indices {
            let folio = PangoParagraph(cr: cr, text: "\(source)　第 \(i + 1) 頁 / 共 \(pages.count) 頁", font: font,
                                       paragraph: ParagraphSpec(width: right - left, ellipsize: true))
            pages[i].append(.text(folio, x: left, y: bottom + options.margin * 0.35, color: RGB(r: 0.4, g: 0.4, b: 0.4)))
        }
    }
}

extension PangoParagraph {
    /// Sets the paragraph vertically: east gravity (characters upright, lines turned a quarter turn
    /// clockwise), Latin runs turned with the line.
    func setVertical() {
        let context = pango_layout_get_context(layout)
        pango_context_set_base_gravity(context, PANGO_GRAVITY_EAST)
        pango_context_set_gravity_hint(context, PANGO_GRAVITY_HINT_NATURAL)
        pango_layout_context_changed(layout)
    }

    /// The text of each line as Pango broke the paragraph.
    func lineTexts() -> [String] {
        let bytes = Array(text.utf8)
        return (0..<Int(pango_layout_get_line_count(layout))).compactMap { i in
            guard let line = pango_layout_get_line_readonly(layout, Int32(i))?.pointee else { return nil }
            let start = max(0, min(bytes.count, Int(line.start_index))), end = max(start, min(bytes.count, start + Int(line.length)))
            return String(decoding: bytes[start..<end], as: UTF8.self)
        }
    }

    /// Draws line `line` of a vertically set paragraph as a column whose right edge is at `right` and
    /// whose top is at `top`.
    func drawVerticalLine(_ cr: OpaquePointer, _ line: SetLine, right: Double, top: Double) {
        cairo_save(cr)
        cairo_translate(cr, right, top)
        cairo_rotate(cr, Double.pi / 2)
        drawLine(cr, line, x: 0, baseline: line.baseline - line.top)
        cairo_restore(cr)
    }
}

extension StoryPrinter {
    /// The columns `article` would be printed in with `--vertical`, in reading order, and how many pages
    /// they fill (measured on a scratch surface; nothing is written).
    func verticalColumns(of article: Article) -> (columns: [String], pages: Int) {
        let surface = cairo_pdf_surface_create(nil, options.paper.size.width, options.paper.size.height)
        defer { cairo_surface_destroy(surface) }
        let cr = cairo_create(surface)!
        defer { cairo_destroy(cr) }
        let composer = VerticalStoryComposer(cr: cr, options: options)
        composer.placeHeader(article)
        for p in article.paragraphs { composer.placeParagraph(p) }
        return (composer.columnTexts, composer.pages.count)
    }
}
