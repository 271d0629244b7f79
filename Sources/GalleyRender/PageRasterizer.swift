import CPangoCairo
import CPoppler
import Foundation
import GalleyPoppler

/// Draws the pages of a PDF into memory, as a reader sees them: poppler-glib drawing through Cairo.
/// Reading (`GalleyPoppler`) does not need this; overlays and printed photos do. Owns its own
/// poppler-glib document handle, opened from the same file.
public final class PageRasterizer {
    private let handle: OpaquePointer
    private let path: String

    /// Opens the file `document` was read from, with the same password.
    public init(document: PDFDocument) throws {
        path = document.path
        let uri = URL(fileURLWithPath: document.path).standardizedFileURL.absoluteString
        var error: UnsafeMutablePointer<GError>?
        guard let doc = poppler_document_new_from_file(uri, document.password, &error) else {
            let message = error.map { String(cString: $0.pointee.message) } ?? "unknown error"
            if let error { g_error_free(error) }
            throw ExtractionError.damaged(path: document.path, reason: message)
        }
        handle = doc
    }

    deinit { cpoppler_object_unref(UnsafeMutableRawPointer(handle)) }

    /// Draws page `number` (1-based) on white at `scale` pixels per point.
    public func render(page number: Int, scale: Double) throws -> PageRaster {
        let count = Int(poppler_document_get_n_pages(handle))
        guard number >= 1 && number <= count else { throw ExtractionError.pageOutOfRange(page: number, count: count) }
        guard let page = poppler_document_get_page(handle, Int32(number - 1)) else {
            throw ExtractionError.damaged(path: path, reason: "page \(number) cannot be loaded")
        }
        defer { cpoppler_object_unref(UnsafeMutableRawPointer(page)) }
        var w = 0.0, h = 0.0
        poppler_page_get_size(page, &w, &h)
        let pw = max(1, Int((w * scale).rounded(.up))), ph = max(1, Int((h * scale).rounded(.up)))
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(pw), Int32(ph))
        defer { cairo_surface_destroy(surface) }
        let cr = cairo_create(surface)
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        cairo_scale(cr, scale, scale)
        // The printing variant: the same drawing, without the text page that poppler-glib otherwise builds
        // for selection while it draws (its word grouping is quadratic on 200,000 glyphs in a line).
        poppler_page_render_for_printing(page, cr)
        cairo_destroy(cr)
        cairo_surface_flush(surface)
        return PageRaster(copying: cairo_image_surface_get_data(surface).map { UnsafeRawPointer($0) },
                          width: pw, height: ph, stride: Int(cairo_image_surface_get_stride(surface)), scale: scale)
    }
}
