import CPangoCairo
import Foundation
import GalleyCore
import GalleyPoppler

/// Draws Galley's reading of a page over the page itself: articles tinted in their colours with their
/// numbers, block outlines with role labels, the reading path, columns, separators, furniture and a legend.
public struct OverlayRenderer: Sendable {
    public var style: OverlayStyle

    public init(style: OverlayStyle = .init()) { self.style = style }

    /// The overlay as a new raster the size of `raster` (the page drawn at `raster.scale` pixels per point).
    public func render(_ layout: PageLayout, on raster: PageRaster) throws -> PageRaster {
        try image(layout, on: raster).raster(scale: raster.scale)
    }

    func image(_ layout: PageLayout, on raster: PageRaster) throws -> CairoImage {
        let image = try CairoImage(raster: raster)
        guard let cr = cairo_create(image.surface) else { throw RenderError.cairo(what: "draw the overlay", status: "no context") }
        defer { cairo_destroy(cr) }
        // Opaque page under everything, so the PNG has no transparent pixels.
        cairo_set_operator(cr, CAIRO_OPERATOR_DEST_OVER)
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        cairo_set_operator(cr, CAIRO_OPERATOR_OVER)
        cairo_scale(cr, raster.scale, raster.scale)
        OverlayPainter(style: style.scaled(toPage: layout.summary.width, layout.summary.height), layout: layout)
            .paint(cr, ink: InkMap(raster: raster))
        try Cairo.check(context: cr, "draw the overlay of page \(layout.summary.number)")
        cairo_surface_flush(image.surface)
        return image
    }

    /// Writes the overlay of one page as a PNG at `path` (atomically: nothing is left there on failure).
    public func writePNG(_ layout: PageLayout, on raster: PageRaster, to path: String) throws {
        var batch = OverlayPNGBatch(renderer: self)
        try batch.add(layout, on: raster, to: path)
        try batch.commit()
    }
}

/// Overlays of several pages written as PNG files that all appear together when `commit()` is called,
/// or not at all.
public struct OverlayPNGBatch {
    let renderer: OverlayRenderer
    private var files = PendingFiles()
    private var committed = false

    public init(renderer: OverlayRenderer = .init()) { self.renderer = renderer }

    /// Renders one page's overlay into a temporary file beside `path`.
    public mutating func add(_ layout: PageLayout, on raster: PageRaster, to path: String) throws {
        let pending = try files.add(path)
        do {
            try renderer.image(layout, on: raster).writePNG(to: pending.tempPath, finalPath: path)
        } catch {
            files.discardAll()
            throw error
        }
    }

    /// Moves every file into place.
    public mutating func commit() throws {
        try files.commitAll()
        committed = true
    }

    /// Removes the temporary files of an unfinished batch.
    public func discard() { if !committed { files.discardAll() } }
}

/// Overlays of several pages written into one PDF, a page each: the page image under vector marks.
/// The file appears at `path` only when `finish()` succeeds.
public final class OverlayPDF {
    public let path: String
    let renderer: OverlayRenderer
    private let pending: PendingFile
    private var surface: OpaquePointer?
    private var cr: OpaquePointer?
    private var pages = 0
    private var done = false

    public init(path: String, renderer: OverlayRenderer = .init()) throws {
        self.path = path
        self.renderer = renderer
        pending = try PendingFile(finalPath: path)
    }

    deinit {
        if let cr { cairo_destroy(cr) }
        if let surface { cairo_surface_finish(surface); cairo_surface_destroy(surface) }
        if !done { pending.discard() }
    }

    /// Adds a page the size of `layout.summary` with the page image `raster` under the overlay.
    public func addPage(_ layout: PageLayout, on raster: PageRaster) throws {
        let w = layout.summary.width, h = layout.summary.height
        if surface == nil {
            guard let s = cairo_pdf_surface_create(pending.tempPath, w, h) else {
                throw RenderError.cannotWrite(path: path, reason: "cairo cannot create a PDF")
            }
            let status = cairo_surface_status(s)
            guard status == CAIRO_STATUS_SUCCESS else {
                cairo_surface_destroy(s)
                throw RenderError.cannotWrite(path: path, reason: String(cString: cairo_status_to_string(status)))
            }
            surface = s
            cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "galley overlay")
            PDFDates.stamp(s)
            cr = cairo_create(s)
        } else {
            cairo_show_page(cr)
            cairo_pdf_surface_set_size(surface, w, h)
        }
        guard let cr else { return }
        cairo_save(cr)
        let page = try CairoImage(raster: raster)
        Cairo.paint(cr, image: page, in: (0, 0, Double(raster.width) / raster.scale, Double(raster.height) / raster.scale))
        cairo_restore(cr)
        OverlayPainter(style: renderer.style.scaled(toPage: w, h), layout: layout).paint(cr, ink: InkMap(raster: raster))
        try Cairo.check(context: cr, "draw the overlay of page \(layout.summary.number)")
        pages += 1
    }

    /// Writes the PDF and moves it into place.
    public func finish() throws {
        guard let surface, let cr else { throw RenderError.cannotWrite(path: path, reason: "no pages to write") }
        cairo_destroy(cr)
        self.cr = nil
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        cairo_surface_destroy(surface)
        self.surface = nil
        guard status == CAIRO_STATUS_SUCCESS else {
            pending.discard()
            throw RenderError.cannotWrite(path: path, reason: String(cString: cairo_status_to_string(status)))
        }
        try pending.commit()
        done = true
    }
}
