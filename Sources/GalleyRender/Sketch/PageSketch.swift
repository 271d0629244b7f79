import CPangoCairo
import Foundation
import GalleyCore

/// Draws simple pages into a new PDF with Cairo, text set with Pango: the tool with which the project
/// makes its own test pages and samples. Every call returns the boxes it drew, in points, origin top-left.
public final class PDFSketch {
    public let path: String
    let surface: OpaquePointer
    let cr: OpaquePointer
    /// This sketch's own font map. Pango's default map is shared by everything on a thread and keeps
    /// fonts measured for earlier surfaces (a PNG's hinted metrics, say); a private one makes the text's
    /// measures, and so the PDF, depend on this document alone.
    let fontMap: OpaquePointer
    private var finished = false

    /// Starts a PDF at `path` whose first page is `width` × `height` points.
    public init(path: String, width: Double, height: Double) throws {
        self.path = path
        surface = cairo_pdf_surface_create(path, width, height)
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            let message = String(cString: cairo_status_to_string(status))
            cairo_surface_destroy(surface)
            throw RenderError.cannotWrite(path: path, reason: message)
        }
        // Fixed dates so that the same drawing always gives the same bytes.
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, PDFSketch.fixedDate)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, PDFSketch.fixedDate)
        cr = cairo_create(surface)
        fontMap = OpaquePointer(pango_cairo_font_map_new())
    }

    /// The creation and modification date written into every sketch (ISO 8601), keeping output deterministic.
    public static let fixedDate = "2025-01-01T00:00:00Z"

    deinit {
        if !finished { cairo_surface_finish(surface) }
        cpangocairo_object_unref(UnsafeMutableRawPointer(fontMap))
        cairo_destroy(cr)
        cairo_surface_destroy(surface)
    }

    /// Ends the current page and starts another of the given size.
    public func newPage(width: Double, height: Double) {
        cairo_show_page(cr)
        cairo_pdf_surface_set_size(surface, width, height)
    }

    /// Writes the file out. The sketch cannot be drawn on afterwards.
    public func finish() throws {
        cairo_surface_finish(surface)
        finished = true
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw RenderError.cannotWrite(path: path, reason: String(cString: cairo_status_to_string(status)))
        }
    }

    /// A font for `text(...)`: a fontconfig family such as "Noto Serif CJK SC" or "DejaVu Serif".
    public struct Font: Sendable {
        public var family: String
        public var size: Double
        public var bold: Bool
        public var italic: Bool
        public init(family: String, size: Double, bold: Bool = false, italic: Bool = false) {
            self.family = family; self.size = size; self.bold = bold; self.italic = italic
        }
    }

    /// Sets `text` on one line with its top-left corner at (x, y). Returns one logical box per character
    /// (Unicode scalar), in order.
    @discardableResult
    public func text(_ text: String, x: Double, y: Double, font: Font, color: RGB = .black) -> [Rect] {
        withLayout(text, font: font) { layout in
            cairo_set_source_rgb(cr, color.r, color.g, color.b)
            cairo_move_to(cr, x, y)
            pango_cairo_show_layout(cr, layout)

            var boxes: [Rect] = []
            let scale = Double(cpangocairo_pango_scale())
            var byte = 0
            for scalar in text.unicodeScalars {
                var pos = PangoRectangle()
                pango_layout_index_to_pos(layout, Int32(byte), &pos)
                let x0 = x + Double(pos.x) / scale, w = Double(pos.width) / scale
                boxes.append(Rect(x0: x0, y0: y + Double(pos.y) / scale, x1: x0 + w, y1: y + Double(pos.y + pos.height) / scale))
                byte += String(scalar).utf8.count
            }
            return boxes
        }
    }

    /// Sets `text` one character under the other, each centred on `x`, starting at `y`, `pitch` apart.
    @discardableResult
    public func verticalText(_ text: String, centerX: Double, y: Double, font: Font, pitch: Double? = nil,
                             color: RGB = .black) -> [Rect] {
        var boxes: [Rect] = []
        var top = y
        for ch in text {
            let w = measure(String(ch), font: font)
            boxes += self.text(String(ch), x: centerX - w / 2, y: top, font: font, color: color)
            top += pitch ?? font.size * 1.05
        }
        return boxes
    }

    /// Width of `text` on one line in `font`.
    public func measure(_ text: String, font: Font) -> Double { size(text, font: font).width }

    /// Height of one line of text in `font`: the height of the boxes `text(...)` returns.
    public func lineHeight(_ font: Font) -> Double { size("国Hg", font: font).height }

    private func size(_ text: String, font: Font) -> (width: Double, height: Double) {
        withLayout(text, font: font) { layout in
            var w: Int32 = 0, h: Int32 = 0
            pango_layout_get_size(layout, &w, &h)
            let scale = Double(cpangocairo_pango_scale())
            return (Double(w) / scale, Double(h) / scale)
        }
    }

    /// Runs `body` with a Pango layout of `text` in `font` on this sketch's context.
    private func withLayout<T>(_ text: String, font: Font, _ body: (OpaquePointer) -> T) -> T {
        let context = pango_font_map_create_context(UnsafeMutablePointer(fontMap))!
        defer { cpangocairo_object_unref(UnsafeMutableRawPointer(context)) }
        pango_cairo_update_context(cr, context)
        let layout = pango_layout_new(context)!
        defer { cpangocairo_object_unref(UnsafeMutableRawPointer(layout)) }
        let desc = pango_font_description_new()!
        defer { pango_font_description_free(desc) }
        pango_font_description_set_family(desc, font.family)
        pango_font_description_set_absolute_size(desc, font.size * Double(cpangocairo_pango_scale()))
        pango_font_description_set_weight(desc, font.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_font_description_set_style(desc, font.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)
        pango_layout_set_font_description(layout, desc)
        pango_layout_set_text(layout, text, -1)
        return body(layout)
    }

    /// A straight line from (x0, y0) to (x1, y1).
    public func line(x0: Double, y0: Double, x1: Double, y1: Double, width: Double = 0.75, color: RGB = .black) {
        cairo_set_source_rgb(cr, color.r, color.g, color.b)
        cairo_set_line_width(cr, width)
        cairo_move_to(cr, x0, y0)
        cairo_line_to(cr, x1, y1)
        cairo_stroke(cr)
    }

    /// The outline of `box`.
    public func frame(_ box: Rect, width: Double = 0.75, color: RGB = .black) {
        cairo_set_source_rgb(cr, color.r, color.g, color.b)
        cairo_set_line_width(cr, width)
        cairo_rectangle(cr, box.x0, box.y0, box.width, box.height)
        cairo_stroke(cr)
    }

    /// `box` filled with `color`.
    public func fill(_ box: Rect, color: RGB) {
        cairo_set_source_rgb(cr, color.r, color.g, color.b)
        cairo_rectangle(cr, box.x0, box.y0, box.width, box.height)
        cairo_fill(cr)
    }

    /// A picture filling `box`: a generated gradient with a few shapes, standing in for a photo.
    public func photo(_ box: Rect, seed: Int = 0) {
        let w = max(8, Int(box.width / 2)), h = max(8, Int(box.height / 2))
        let img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(w), Int32(h))!
        defer { cairo_surface_destroy(img) }
        let icr = cairo_create(img)!
        let hue = Double((seed * 37) % 100) / 100
        let grad = cairo_pattern_create_linear(0, 0, Double(w), Double(h))!
        cairo_pattern_add_color_stop_rgb(grad, 0, 0.3 + 0.4 * hue, 0.5, 0.7 - 0.3 * hue)
        cairo_pattern_add_color_stop_rgb(grad, 1, 0.15, 0.25 + 0.3 * hue, 0.3)
        cairo_set_source(icr, grad)
        cairo_paint(icr)
        cairo_pattern_destroy(grad)
        cairo_set_source_rgb(icr, 0.9, 0.85, 0.6)
        cairo_arc(icr, Double(w) * 0.7, Double(h) * 0.3, Double(min(w, h)) * 0.15, 0, 2 * Double.pi)
        cairo_fill(icr)
        cairo_destroy(icr)
        cairo_save(cr)
        cairo_translate(cr, box.x0, box.y0)
        cairo_scale(cr, box.width / Double(w), box.height / Double(h))
        cairo_set_source_surface(cr, img, 0, 0)
        cairo_paint(cr)
        cairo_restore(cr)
    }
}
