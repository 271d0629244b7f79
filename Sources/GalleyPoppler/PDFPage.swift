import CPoppler
import Foundation
import GalleyCore

/// One page of an open PDF. Owns the poppler page handle and keeps its document alive.
public final class PDFPage {
    public let document: PDFDocument
    /// 1-based page number.
    public let number: Int
    let handle: OpaquePointer

    init(document: PDFDocument, handle: OpaquePointer, number: Int) {
        self.document = document
        self.handle = handle
        self.number = number
    }

    deinit { cpoppler_object_unref(UnsafeMutableRawPointer(handle)) }

    /// Width and height in points, with the page's /Rotate applied.
    public var size: (width: Double, height: Double) {
        var w = 0.0, h = 0.0
        poppler_page_get_size(handle, &w, &h)
        return (w, h)
    }

    /// False for a page less than a point wide or high: nothing can be laid out on it.
    public var hasArea: Bool {
        let (w, h) = size
        return w >= 1 && h >= 1
    }

    /// Reads everything the layout core needs: glyphs, images, rules and warnings.
    /// - Parameter findRules: whether to look for rules, frames and tinted boxes. The page's paths are
    ///   read with poppler's core library (`PageShapeReader`, which also yields the image boxes);
    ///   without it the images come from poppler's image mapping.
    public func content(findRules: Bool = true, options: RuleFinder.Options = .init()) throws -> PageContent {
        try timedContent(findRules: findRules, options: options).content
    }

    /// `content(findRules:options:)`, with the time each extraction step took.
    public func timedContent(findRules: Bool = true, options: RuleFinder.Options = .init()) throws
        -> (content: PageContent, timings: ExtractionTimings) {
        let (w, h) = size
        guard hasArea else { throw ExtractionError.zeroSizePage(page: number) }
        var timings = ExtractionTimings()
        let clock = ContinuousClock()
        var start = clock.now
        func lap() -> Double {
            let now = clock.now
            defer { start = now }
            return ExtractionTimings.seconds(start.duration(to: now))
        }
        var images: [PageImage]
        var rules: [Rule] = []
        let glyphs: [Glyph]
        if findRules {
            // The paths from poppler's core library, which draws nothing; should it fail to open the
            // file, the page is drawn through Cairo and its paths watched (slower, same shapes).
            let shapes = document.shapeReader?.shapes(page: number)
                ?? PageDrawing.shapes(of: handle, width: w, height: h)
            timings.drawing = lap()
            glyphs = VerticalWriting.markVerticalRuns(readGlyphs())
            timings.text = lap()
            rules = RuleFinder(options: options).rules(in: shapes, width: w, height: h)
            images = Self.pictures(in: shapes, width: w, height: h)
            timings.rules = lap()
        } else {
            glyphs = VerticalWriting.markVerticalRuns(readGlyphs())
            timings.text = lap()
            images = readImages()
            timings.drawing = lap()
        }
        var warnings: [String] = []
        if glyphs.isEmpty {
            let page = Rect(x0: 0, y0: 0, x1: w, y1: h)
            let imageArea = images.reduce(0.0) { $0 + ($1.box.intersection(page)?.area ?? 0) }
            if imageArea > 0.5 * w * h {
                warnings.append("page \(number) has no text layer: it is a scanned image; run OCR on it first (for example `ocrmypdf in.pdf out.pdf`) to get text")
            } else {
                warnings.append("page \(number) has no text")
            }
        }
        let content = PageContent(number: number, width: w, height: h, glyphs: glyphs, images: images,
                                  rules: rules, warnings: warnings)
        return (content, timings)
    }

    /// Image boxes among drawn shapes: the image's path (or the clip) cut to the clip and the page.
    static func pictures(in shapes: [DrawnShape], width: Double, height: Double) -> [PageImage] {
        let page = Rect(x0: 0, y0: 0, x1: width, y1: height)
        var images: [PageImage] = []
        for shape in shapes where shape.operation == .picture {
            let points = shape.subpaths.flatMap(\.points)
            var box = shape.clip
            if let x0 = points.map(\.x).min(), let x1 = points.map(\.x).max(),
               let y0 = points.map(\.y).min(), let y1 = points.map(\.y).max() {
                box = Rect(x0: x0, y0: y0, x1: x1, y1: y1).intersection(shape.clip) ?? .zero
            }
            if let visible = box.intersection(page), !visible.isEmpty { images.append(PageImage(box: visible)) }
        }
        return images
    }

    /// Every glyph poppler found, without the spaces and line ends it invents.
    ///
    /// Text, boxes and styles are asked for over the page grown by its own size on every side. Over the
    /// bare page rectangle poppler's selection can stop early and drop whole lines: it starts and ends
    /// the selection at the blocks nearest the rectangle's corners, and a block of text clipped at the
    /// page edge or running past its column can lie beyond that corner. Glyphs off the page are
    /// dropped by poppler itself, so the larger rectangle adds nothing that is not printed.
    func readGlyphs() -> [Glyph] {
        let (w, h) = size
        let pad = max(w, h)
        var area = PopplerRectangle(x1: -pad, y1: -pad, x2: w + pad, y2: h + pad)
        guard let cText = poppler_page_get_text_for_area(handle, &area) else { return [] }
        defer { g_free(cText) }
        let scalars = Array(String(cString: cText).unicodeScalars)

        var rects: UnsafeMutablePointer<PopplerRectangle>?
        var count: guint = 0
        guard poppler_page_get_text_layout_for_area(handle, &area, &rects, &count) != 0, let rects else { return [] }
        defer { g_free(rects) }
        let n = min(Int(count), scalars.count)

        // Font, size and colour come in runs over character indexes: `styleOf[i]` is the index in
        // `styles` of the run covering character i (a later run wins), -1 where none does. Runs of the
        // same font share one parsed `TextStyle` (name, weight and slant read once per font).
        var styles: [TextStyle] = []
        var styleOf = [Int32](repeating: -1, count: n)
        if let list = poppler_page_get_text_attributes_for_area(handle, &area) {
            defer { poppler_page_free_text_attributes(list) }
            var fonts: [String: TextStyle] = [:]
            var node: UnsafeMutablePointer<GList>? = list
            while let current = node {
                if let raw = current.pointee.data {
                    let a = raw.assumingMemoryBound(to: PopplerTextAttributes.self).pointee
                    let lo = max(0, Int(a.start_index)), hi = min(n - 1, Int(a.end_index))
                    if lo <= hi {
                        let name = a.font_name.map { String(cString: $0) } ?? ""
                        var s: TextStyle
                        if let known = fonts[name] { s = known } else { s = TextStyle(font: name, size: 0, color: .black); fonts[name] = s }
                        s.size = a.font_size
                        s.color = RGB(r: Double(a.color.red) / 65535, g: Double(a.color.green) / 65535,
                                      b: Double(a.color.blue) / 65535)
                        let k = Int32(styles.count)
                        styles.append(s)
                        styleOf.withUnsafeMutableBufferPointer { out in for i in lo...hi { out[i] = k } }
                    }
                }
                node = current.pointee.next
            }
        }

        var glyphs: [Glyph] = []
        glyphs.reserveCapacity(n)
        for i in 0..<n {
            let scalar = scalars[i]
            if Self.isWhitespace(scalar) { continue }
            let r = rects[i]
            let box = Rect(x0: r.x1, y0: r.y1, x1: r.x2, y1: r.y2)
            let k = Int(styleOf[i])
            if k >= 0 {
                let s = styles[k]
                glyphs.append(Glyph(text: String(scalar), box: box, font: s.font, size: s.size, bold: s.bold,
                                    italic: s.italic, color: s.color))
            } else {
                glyphs.append(Glyph(text: String(scalar), box: box, font: "", size: max(1, r.y2 - r.y1)))
            }
        }
        return glyphs
    }

    /// Unicode's White_Space property (`properties.isWhitespace`), answered without a table lookup
    /// for ASCII, which is most of a Latin page.
    @inline(__always)
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        return scalar.properties.isWhitespace
    }

    /// The boxes of the page's images.
    func readImages() -> [PageImage] {
        guard let list = poppler_page_get_image_mapping(handle) else { return [] }
        defer { poppler_page_free_image_mapping(list) }
        var images: [PageImage] = []
        var node: UnsafeMutablePointer<GList>? = list
        while let current = node {
            if let raw = current.pointee.data {
                let area = raw.assumingMemoryBound(to: PopplerImageMapping.self).pointee.area
                let box = Rect(x0: area.x1, y0: area.y1, x1: area.x2, y1: area.y2)
                if !box.isEmpty { images.append(PageImage(box: box)) }
            }
            node = current.pointee.next
        }
        return images
    }

    /// Draws the page on white at `scale` pixels per point.
    public func render(scale: Double) -> PageRaster {
        let (w, h) = size
        let pw = max(1, Int((w * scale).rounded(.up))), ph = max(1, Int((h * scale).rounded(.up)))
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(pw), Int32(ph))
        defer { cairo_surface_destroy(surface) }
        let cr = cairo_create(surface)
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        cairo_scale(cr, scale, scale)
        poppler_page_render(handle, cr)
        cairo_destroy(cr)
        cairo_surface_flush(surface)
        return PageRaster(copying: cairo_image_surface_get_data(surface).map { UnsafeRawPointer($0) },
                          width: pw, height: ph, stride: Int(cairo_image_surface_get_stride(surface)), scale: scale)
    }
}

/// Seconds spent in each step of `PDFPage.timedContent`.
public struct ExtractionTimings: Sendable {
    /// Characters, boxes and styles asked of poppler (its text pass over the page) and the glyphs
    /// built from them.
    public var text: Double = 0
    /// The paths pass (`PageShapeReader`: fills, strokes and images, no text), or poppler's image
    /// list when rules are not wanted.
    public var drawing: Double = 0
    /// Rules, frames and image boxes read from the drawn shapes.
    public var rules: Double = 0
    public init() {}

    public var total: Double { text + drawing + rules }

    static func seconds(_ d: Duration) -> Double {
        let (s, attos) = d.components
        return Double(s) + Double(attos) * 1e-18
    }
}

/// Font, size and colour of a run of characters, with weight and style read from the font name.
struct TextStyle {
    var font: String
    var size: Double
    var color: RGB
    var bold: Bool
    var italic: Bool

    init(font: String, size: Double, color: RGB) {
        self.font = font
        self.size = size
        self.color = color
        let lower = font.lowercased()
        bold = ["bold", "black", "heavy", "semibold", "demi", "-bd"].contains { lower.contains($0) }
        italic = ["italic", "oblique", "-it"].contains { lower.contains($0) }
    }
}
