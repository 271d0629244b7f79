import CPangoCairo
import Foundation

/// A font as Pango takes it: a fontconfig family list ("Noto Serif CJK SC", "DejaVu Serif, Noto Serif CJK SC"),
/// a size in points, weight and style.
struct FontSpec: Sendable {
    var family: String
    var size: Double
    var bold = false
    var italic = false
}

/// How a paragraph is set: width, alignment, first-line indent and language.
struct ParagraphSpec {
    /// Line width in points; nil sets one unbroken line.
    var width: Double?
    var justify = false
    var center = false
    /// First-line indent in points.
    var indent = 0.0
    /// BCP 47 language tag: drives line breaking, glyph forms and hyphen insertion.
    var language: String?
    /// Shorten to the width with an ellipsis instead of breaking lines.
    var ellipsize = false
    /// Extra space between characters in points.
    var letterSpacing = 0.0
    /// Line pitch as a multiple of the font's line height (1: Pango's own).
    var lineSpacing = 1.0
}

/// One line of a set paragraph, measured from the paragraph's top.
struct SetLine {
    let index: Int
    /// Logical top of the line and its height (to the next line's top).
    let top: Double
    let height: Double
    /// Baseline distance from the paragraph's top.
    let baseline: Double
    /// Horizontal offset of the line (indent, centring).
    let x: Double
    let width: Double
}

/// A Pango layout created for one Cairo context: one paragraph set in one font. Owns the layout.
final class PangoParagraph {
    let layout: OpaquePointer
    let text: String
    /// The line pitch factor the paragraph was set with.
    let spacing: Double
    private static let unit = Double(cpangocairo_pango_scale())

    init(cr: OpaquePointer, text: String, font: FontSpec, paragraph: ParagraphSpec = .init()) {
        self.text = text
        spacing = paragraph.lineSpacing
        layout = pango_cairo_create_layout(cr)
        let desc = pango_font_description_new()!
        defer { pango_font_description_free(desc) }
        pango_font_description_set_family(desc, font.family)
        pango_font_description_set_absolute_size(desc, font.size * PangoParagraph.unit)
        pango_font_description_set_weight(desc, font.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_font_description_set_style(desc, font.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)
        pango_layout_set_font_description(layout, desc)
        if let width = paragraph.width {
            pango_layout_set_width(layout, Int32((width * PangoParagraph.unit).rounded(.down)))
            pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
            if paragraph.ellipsize { pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END) }
        }
        pango_layout_set_justify(layout, paragraph.justify ? 1 : 0)
        if paragraph.center { pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER) }
        pango_layout_set_indent(layout, Int32(paragraph.indent * PangoParagraph.unit))
        if paragraph.lineSpacing != 1 { pango_layout_set_line_spacing(layout, Float(paragraph.lineSpacing)) }
        let attrs = pango_attr_list_new()!
        defer { pango_attr_list_unref(attrs) }
        if let lang = paragraph.language {
            pango_attr_list_insert(attrs, pango_attr_language_new(pango_language_from_string(lang)))
        }
        if paragraph.letterSpacing != 0 {
            pango_attr_list_insert(attrs, pango_attr_letter_spacing_new(Int32(paragraph.letterSpacing * PangoParagraph.unit)))
        }
        pango_layout_set_attributes(layout, attrs)
        pango_layout_set_text(layout, text, -1)
    }

    deinit { cpangocairo_object_unref(UnsafeMutableRawPointer(layout)) }

    /// Logical width and height in points.
    var size: (width: Double, height: Double) {
        var w: Int32 = 0, h: Int32 = 0
        pango_layout_get_size(layout, &w, &h)
        return (Double(w) / PangoParagraph.unit, Double(h) / PangoParagraph.unit)
    }

    /// Distance from the top to the first baseline.
    var firstBaseline: Double { Double(pango_layout_get_baseline(layout)) / PangoParagraph.unit }

    /// Whether the text had to be shortened with an ellipsis.
    var isEllipsized: Bool { pango_layout_is_ellipsized(layout) != 0 }

    /// Draws the whole layout with its top-left corner at (x, y) in the current source colour.
    func draw(_ cr: OpaquePointer, x: Double, y: Double) {
        cairo_move_to(cr, x, y)
        pango_cairo_show_layout(cr, layout)
    }

    /// The lines as Pango broke them.
    func lines() -> [SetLine] {
        var result: [SetLine] = []
        guard let iter = pango_layout_get_iter(layout) else { return [] }
        defer { pango_layout_iter_free(iter) }
        var raw: [(top: Double, height: Double, baseline: Double, x: Double, width: Double)] = []
        repeat {
            var ink = PangoRectangle(), logical = PangoRectangle()
            pango_layout_iter_get_line_extents(iter, &ink, &logical)
            let baseline = Double(pango_layout_iter_get_baseline(iter)) / PangoParagraph.unit
            raw.append((Double(logical.y) / PangoParagraph.unit, Double(logical.height) / PangoParagraph.unit, baseline,
                        Double(logical.x) / PangoParagraph.unit, Double(logical.width) / PangoParagraph.unit))
        } while pango_layout_iter_next_line(iter) != 0
        for (i, r) in raw.enumerated() {
            let next = i + 1 < raw.count ? raw[i + 1].top - r.top : r.height * spacing
            result.append(SetLine(index: i, top: r.top, height: max(r.height, next), baseline: r.baseline, x: r.x, width: r.width))
        }
        return result
    }

    /// Draws line `index` with its left edge at `x` (before its own offset) and its baseline at `baseline`.
    func drawLine(_ cr: OpaquePointer, _ line: SetLine, x: Double, baseline: Double) {
        guard let l = pango_layout_get_line_readonly(layout, Int32(line.index)) else { return }
        cairo_move_to(cr, x + line.x, baseline)
        pango_cairo_show_layout_line(cr, l)
    }
}

/// Small Cairo drawing helpers shared by the overlay and the printer.
enum Cairo {
    static func setColor(_ cr: OpaquePointer, _ c: (r: Double, g: Double, b: Double), alpha: Double = 1) {
        cairo_set_source_rgba(cr, c.r, c.g, c.b, alpha)
    }

    /// The status of a context as an error.
    static func check(context cr: OpaquePointer, _ what: String) throws {
        let status = cairo_status(cr)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw RenderError.cairo(what: what, status: String(cString: cairo_status_to_string(status)))
        }
    }

    /// Paints `image` (pixels at `scale` per point) so that it fills `box` (points).
    static func paint(_ cr: OpaquePointer, image: CairoImage, in box: (x: Double, y: Double, w: Double, h: Double),
                      filter: cairo_filter_t = CAIRO_FILTER_GOOD) {
        cairo_save(cr)
        cairo_translate(cr, box.x, box.y)
        cairo_scale(cr, box.w / Double(image.width), box.h / Double(image.height))
        cairo_set_source_surface(cr, image.surface, 0, 0)
        cairo_pattern_set_filter(cairo_get_source(cr), filter)
        cairo_rectangle(cr, 0, 0, Double(image.width), Double(image.height))
        cairo_fill(cr)
        cairo_restore(cr)
    }
}
