import CPopplerPaths
import GalleyCore

/// Reads the fills, strokes and images of pages with poppler's core library (`CPopplerPaths`),
/// which interprets the page's content without drawing it: no glyph is rasterised, no image decoded.
/// Coordinates are page points, origin top-left, y down, /Rotate applied, as poppler-glib reports.
///
/// It opens its own copy of the document (poppler-glib does not share its core document).
final class PageShapeReader {
    private let handle: OpaquePointer

    /// Nil when poppler cannot open `path` (which poppler-glib already opened, so this is rare).
    init?(path: String, password: String?) {
        guard let h = gp_document_open(path, password) else { return nil }
        handle = h
    }

    deinit { gp_document_close(handle) }

    /// What page `number` (1-based) draws, or nil when the page cannot be read.
    func shapes(page number: Int) -> [DrawnShape]? {
        var raw = gp_page_shapes()
        guard gp_page_shapes_read(handle, Int32(number - 1), &raw) == 0 else { return nil }
        defer { gp_page_shapes_free(&raw) }
        var shapes: [DrawnShape] = []
        shapes.reserveCapacity(raw.shape_count)
        for i in 0..<raw.shape_count {
            let s = raw.shapes[i]
            let clip = Rect(x0: s.clip.0, y0: s.clip.1, x1: s.clip.2, y1: s.clip.3)
            var subpaths: [DrawnShape.Subpath] = []
            subpaths.reserveCapacity(s.subpath_count)
            for k in s.first_subpath..<(s.first_subpath + s.subpath_count) {
                let sub = raw.subpaths[k]
                var points: [DrawnShape.Point] = []
                points.reserveCapacity(sub.point_count)
                for p in sub.first_point..<(sub.first_point + sub.point_count) {
                    points.append(DrawnShape.Point(x: raw.points[p].x, y: raw.points[p].y))
                }
                subpaths.append(DrawnShape.Subpath(points: points, closed: sub.closed != 0, curved: sub.curved != 0))
            }
            let operation: DrawnShape.Operation
            switch Int(s.kind) {
            case Int(GP_STROKE): operation = .stroke(width: s.line_width)
            case Int(GP_FILL): operation = .fill
            default: operation = .picture
            }
            let color = s.has_color != 0 ? RGB(r: s.r, g: s.g, b: s.b) : nil
            shapes.append(DrawnShape(operation: operation, subpaths: subpaths, color: color, clip: clip))
        }
        return shapes
    }
}
