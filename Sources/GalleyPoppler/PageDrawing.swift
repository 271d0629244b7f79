import CPoppler
import GalleyCore

/// One fill or stroke the page's content stream made, as poppler drew it with Cairo.
public struct DrawnShape: Sendable, Equatable {
    public enum Operation: Sendable, Equatable {
        /// The path was filled with a flat colour.
        case fill
        /// The path's outline was stroked with a pen `width` points wide.
        case stroke(width: Double)
        /// An image (or a gradient) was drawn into the path or the clip.
        case picture
    }
    public var operation: Operation
    /// The path's pieces, each a list of points in page points (origin top-left, y down).
    /// A piece that bends (Bézier curves) is `curved`; its list then holds all control points.
    public var subpaths: [Subpath]
    /// Flat colour of a fill or stroke, nil for pictures.
    public var color: RGB?
    /// The visible area the operation may touch (the clip), in page points.
    public var clip: Rect

    public init(operation: Operation, subpaths: [Subpath], color: RGB?, clip: Rect) {
        self.operation = operation; self.subpaths = subpaths; self.color = color; self.clip = clip
    }

    public struct Subpath: Sendable, Equatable {
        public var points: [Point]
        public var closed: Bool
        public var curved: Bool
        public init(points: [Point], closed: Bool, curved: Bool) {
            self.points = points; self.closed = closed; self.curved = curved
        }
    }
    public struct Point: Sendable, Equatable {
        public var x: Double, y: Double
        public init(x: Double, y: Double) { self.x = x; self.y = y }
    }
}

/// Watches poppler draw a page and records every fill, stroke and picture with its exact geometry.
/// The fallback of `PageShapeReader`, which reads the same shapes without drawing (several times
/// faster); used only if poppler's core library cannot open a file poppler-glib opened.
///
/// poppler-glib exposes no vector paths, but it draws through Cairo. The page is drawn into a Cairo
/// *observer* surface, which calls back after each operation while the path is still current on the
/// context; the path, pen width, colour and clip are read there. The observer forwards drawing to a
/// tiny image surface (`scale` pixels per point) so glyphs and images cost little to rasterise, yet
/// the page keeps its full extent, which the observer needs to report operations anywhere on it.
///
/// The page is drawn the way poppler draws for the screen, not for printing, because only then does
/// poppler keep the text it meets on the way (`poppler_page_render` fills the page's text cache):
/// the text calls that follow reuse it instead of reading the page's content a second time. On
/// screen, poppler widens lines thinner than one device pixel to one pixel and snaps their ends to
/// pixel centres; so the user space is `units` device units per point (the pixel is 1/`units` of a
/// point, far below anything a rule measures), and the surfaces' device scale brings that back down
/// to `scale` pixels per point for the actual rasterisation. Paths, clips and pen widths are read in
/// device units and divided by `units`.
final class PageDrawing {
    private(set) var shapes: [DrawnShape] = []
    private var cr: OpaquePointer?
    /// Device units per point as poppler sees them.
    private let units: Double

    private init(units: Double) { self.units = units }

    /// Draws `page` (a poppler page handle) and returns what it drew. Afterwards the page's text
    /// is cached in poppler (see the type's notes).
    static func shapes(of page: OpaquePointer, width: Double, height: Double, scale: Double = 0.25,
                       units: Double = 1000) -> [DrawnShape] {
        let recorder = PageDrawing(units: units)
        let pw = Int32(max(1, (width * scale).rounded(.up))), ph = Int32(max(1, (height * scale).rounded(.up)))
        guard let target = cairo_image_surface_create(CAIRO_FORMAT_A8, pw, ph) else { return [] }
        defer { cairo_surface_destroy(target) }
        cairo_surface_set_device_scale(target, scale / units, scale / units)
        guard let observer = cairo_surface_create_observer(target, CAIRO_SURFACE_OBSERVER_NORMAL) else { return [] }
        defer { cairo_surface_destroy(observer) }
        guard cairo_surface_status(observer) == CAIRO_STATUS_SUCCESS else { return [] }
        cairo_surface_set_device_scale(observer, scale / units, scale / units)
        let context = Unmanaged.passUnretained(recorder).toOpaque()
        cairo_surface_observer_add_fill_callback(observer, { _, _, data in
            Unmanaged<PageDrawing>.fromOpaque(data!).takeUnretainedValue().record(stroke: false)
        }, context)
        cairo_surface_observer_add_stroke_callback(observer, { _, _, data in
            Unmanaged<PageDrawing>.fromOpaque(data!).takeUnretainedValue().record(stroke: true)
        }, context)
        cairo_surface_observer_add_paint_callback(observer, { _, _, data in
            Unmanaged<PageDrawing>.fromOpaque(data!).takeUnretainedValue().recordPaint(masked: false)
        }, context)
        cairo_surface_observer_add_mask_callback(observer, { _, _, data in
            Unmanaged<PageDrawing>.fromOpaque(data!).takeUnretainedValue().recordPaint(masked: true)
        }, context)
        let cr = cairo_create(observer)
        recorder.cr = cr
        cairo_scale(cr, units, units)
        poppler_page_render(page, cr)
        recorder.cr = nil
        cairo_destroy(cr)
        withExtendedLifetime(recorder) {}
        return recorder.shapes
    }

    /// The current clip in page points.
    private func clipBox(_ cr: OpaquePointer) -> Rect {
        var x0 = 0.0, y0 = 0.0, x1 = 0.0, y1 = 0.0
        cairo_clip_extents(cr, &x0, &y0, &x1, &y1)
        return deviceBox(cr, x0, y0, x1, y1)
    }

    /// A user-space box converted to page points (the four corners, as the user space may be rotated).
    private func deviceBox(_ cr: OpaquePointer, _ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> Rect {
        var xs: [Double] = [], ys: [Double] = []
        for (x, y) in [(x0, y0), (x1, y0), (x0, y1), (x1, y1)] {
            var px = x, py = y
            cairo_user_to_device(cr, &px, &py)
            xs.append(px / units); ys.append(py / units)
        }
        return Rect(x0: xs.min()!, y0: ys.min()!, x1: xs.max()!, y1: ys.max()!)
    }

    /// Colour of a flat source, or nil for images, gradients and other patterns.
    private func flatColor(_ cr: OpaquePointer) -> RGB? {
        guard let source = cairo_get_source(cr), cairo_pattern_get_type(source) == CAIRO_PATTERN_TYPE_SOLID else { return nil }
        var r = 0.0, g = 0.0, b = 0.0, a = 0.0
        cairo_pattern_get_rgba(source, &r, &g, &b, &a)
        // Ink laid at partial opacity on white paper shows lighter.
        return RGB(r: 1 - a * (1 - r), g: 1 - a * (1 - g), b: 1 - a * (1 - b))
    }

    private func record(stroke: Bool) {
        guard let cr else { return }
        let subpaths = currentSubpaths(cr)
        guard !subpaths.isEmpty else { return }
        let clip = clipBox(cr)
        guard let source = cairo_get_source(cr) else { return }
        let type = cairo_pattern_get_type(source)
        if type == CAIRO_PATTERN_TYPE_SURFACE || type == CAIRO_PATTERN_TYPE_RASTER_SOURCE {
            // An image of known size covers its own box: exact, where the path poppler fills with it
            // (the image's square) has gone through Cairo's fixed point at raster scale.
            if let box = pictureBox(cr) {
                shapes.append(DrawnShape(operation: .picture, subpaths: [], color: nil, clip: box.intersection(clip) ?? clip))
            } else {
                shapes.append(DrawnShape(operation: .picture, subpaths: subpaths, color: nil, clip: clip))
            }
            return
        }
        // Gradients and meshes (PDF shadings) count as tint of a middle grey.
        let color = flatColor(cr) ?? RGB(r: 0.5, g: 0.5, b: 0.5)
        var operation = DrawnShape.Operation.fill
        if stroke {
            var wx = cairo_get_line_width(cr), wy = wx
            cairo_user_to_device_distance(cr, &wx, &wy)
            var ux = cairo_get_line_width(cr), uy = 0.0
            cairo_user_to_device_distance(cr, &ux, &uy)
            var vx = 0.0, vy = cairo_get_line_width(cr)
            cairo_user_to_device_distance(cr, &vx, &vy)
            // The pen's width on the page: the smaller of its horizontal and vertical reach.
            let width = min((ux * ux + uy * uy).squareRoot(), (vx * vx + vy * vy).squareRoot()) / units
            operation = .stroke(width: width)
        }
        shapes.append(DrawnShape(operation: operation, subpaths: subpaths, color: color, clip: clip))
    }

    /// A paint covers the clip. Painting a flat colour fills it; an image, or any paint through a
    /// mask (poppler draws stencil images that way), is a picture.
    private func recordPaint(masked: Bool) {
        guard let cr else { return }
        let clip = clipBox(cr)
        if !masked, let color = flatColor(cr) {
            let corners = [(clip.x0, clip.y0), (clip.x1, clip.y0), (clip.x1, clip.y1), (clip.x0, clip.y1)]
            let outline = DrawnShape.Subpath(points: corners.map { DrawnShape.Point(x: $0.0, y: $0.1) },
                                             closed: true, curved: false)
            shapes.append(DrawnShape(operation: .fill, subpaths: [outline], color: color, clip: clip))
        } else {
            let box = masked ? clip : (pictureBox(cr).flatMap { $0.intersection(clip) } ?? clip)
            shapes.append(DrawnShape(operation: .picture, subpaths: [], color: nil, clip: box))
        }
    }

    /// Where an image source lands on the page: the image's pixel rectangle mapped through the
    /// inverse of the pattern's matrix into user space, then to page points. Nil when the source is
    /// not an image of known size.
    private func pictureBox(_ cr: OpaquePointer) -> Rect? {
        guard let source = cairo_get_source(cr), cairo_pattern_get_type(source) == CAIRO_PATTERN_TYPE_SURFACE else { return nil }
        var surface: OpaquePointer?
        guard cairo_pattern_get_surface(source, &surface) == CAIRO_STATUS_SUCCESS, let surface,
              cairo_surface_get_type(surface) == CAIRO_SURFACE_TYPE_IMAGE else { return nil }
        let w = Double(cairo_image_surface_get_width(surface)), h = Double(cairo_image_surface_get_height(surface))
        var matrix = cairo_matrix_t()
        cairo_pattern_get_matrix(source, &matrix)
        guard cairo_matrix_invert(&matrix) == CAIRO_STATUS_SUCCESS else { return nil }
        var xs: [Double] = [], ys: [Double] = []
        for (x, y) in [(0.0, 0.0), (w, 0), (0, h), (w, h)] {
            var px = x, py = y
            cairo_matrix_transform_point(&matrix, &px, &py)
            cairo_user_to_device(cr, &px, &py)
            xs.append(px / units); ys.append(py / units)
        }
        return Rect(x0: xs.min()!, y0: ys.min()!, x1: xs.max()!, y1: ys.max()!)
    }

    /// The context's current path, split into subpaths, in page points.
    private func currentSubpaths(_ cr: OpaquePointer) -> [DrawnShape.Subpath] {
        guard let path = cairo_copy_path(cr) else { return [] }
        defer { cairo_path_destroy(path) }
        guard path.pointee.status == CAIRO_STATUS_SUCCESS, let data = path.pointee.data else { return [] }
        var result: [DrawnShape.Subpath] = []
        var current = DrawnShape.Subpath(points: [], closed: false, curved: false)
        func point(_ p: cairo_path_data_t) -> DrawnShape.Point {
            var x = p.point.x, y = p.point.y
            cairo_user_to_device(cr, &x, &y)
            return DrawnShape.Point(x: x / units, y: y / units)
        }
        func flush() {
            if current.points.count > 1 { result.append(current) }
            current = DrawnShape.Subpath(points: [], closed: false, curved: false)
        }
        var i = 0
        let n = Int(path.pointee.num_data)
        while i < n {
            let header = data[i].header
            switch header.type {
            case CAIRO_PATH_MOVE_TO:
                flush()
                current.points.append(point(data[i + 1]))
            case CAIRO_PATH_LINE_TO:
                current.points.append(point(data[i + 1]))
            case CAIRO_PATH_CURVE_TO:
                current.curved = true
                current.points += [point(data[i + 1]), point(data[i + 2]), point(data[i + 3])]
            case CAIRO_PATH_CLOSE_PATH:
                current.closed = true
                let start = current.points.first
                flush()
                // Cairo adds a move_to after a close; keep the start in case drawing continues.
                if let start { current.points = [start] }
            default: break
            }
            i += Int(header.length)
        }
        flush()
        return result
    }
}
