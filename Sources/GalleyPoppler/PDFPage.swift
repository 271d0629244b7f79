import CPopplerReader
import Foundation
import GalleyCore

/// One page of an open PDF. Keeps its document alive.
public final class PDFPage {
    public let document: PDFDocument
    /// 1-based page number.
    public let number: Int
    /// Width and height in points, with the page's /Rotate applied.
    public let size: (width: Double, height: Double)

    init(document: PDFDocument, number: Int, width: Double, height: Double) {
        self.document = document
        self.number = number
        self.size = (width, height)
    }

    /// False for a page less than a point wide or high: nothing can be laid out on it.
    public var hasArea: Bool { size.width >= 1 && size.height >= 1 }

    /// The longest side a page may have, in points: 200,000 (70 m; the PDF specification's own
    /// limit is 14,400 user units). A larger or non-finite size is damage, and the page is not read.
    public static let maximumSide = 200_000.0

    /// False where the page's width or height is not a finite number or exceeds `maximumSide`.
    public var hasPlausibleSize: Bool {
        size.width.isFinite && size.height.isFinite && size.width <= Self.maximumSide && size.height <= Self.maximumSide
    }

    /// Reads everything the layout core needs: glyphs, images, rules and warnings.
    /// - Parameter findRules: whether to look for rules, frames and tinted boxes (the page's fills
    ///   and strokes are then recorded too; images are always).
    public func content(findRules: Bool = true, options: RuleFinder.Options = .init()) throws -> PageContent {
        try timedContent(findRules: findRules, options: options).content
    }

    /// `content(findRules:options:)`, with the time each extraction step took.
    public func timedContent(findRules: Bool = true, options: RuleFinder.Options = .init()) throws
        -> (content: PageContent, timings: ExtractionTimings) {
        let (w, h) = size
        guard hasPlausibleSize else { throw ExtractionError.implausibleSize(page: number, width: w, height: h) }
        guard hasArea else { throw ExtractionError.zeroSizePage(page: number) }
        var timings = ExtractionTimings()
        let clock = ContinuousClock()
        var start = clock.now
        func lap() -> Double {
            let now = clock.now
            defer { start = now }
            return ExtractionTimings.seconds(start.duration(to: now))
        }

        var raw = gp_page_content()
        let limits = document.limits
        var budget = gp_page_limits(seconds: limits.seconds ?? 0, max_glyphs: limits.maxGlyphs.map { max(1, $0) } ?? 0)
        guard gp_page_read(document.handle, Int32(number - 1), findRules ? 1 : 0, &budget, &raw) == 0 else {
            throw ExtractionError.damaged(path: document.path, reason: "page \(number) cannot be read")
        }
        defer { gp_page_content_free(&raw) }
        switch Int(raw.stopped) {
        case Int(GP_STOPPED_TIME): throw ExtractionError.readingTimedOut(page: number, seconds: limits.seconds ?? 0)
        case Int(GP_STOPPED_GLYPHS): throw ExtractionError.tooManyGlyphs(page: number, limit: limits.maxGlyphs ?? 0)
        default: break
        }
        timings.read = lap()
        let bounds = PageBounds(width: w, height: h)
        var dropped = Dropped()
        let glyphs = VerticalWriting.markVerticalRuns(Self.glyphs(of: raw, within: bounds, dropped: &dropped))
        timings.glyphs = lap()
        let shapes = Self.shapes(of: raw, dropped: &dropped)
        var rules = findRules ? RuleFinder(options: options).rules(in: shapes, width: w, height: h) : []
        var images = Self.pictures(in: shapes, width: w, height: h)
        rules.removeAll { rule in
            let out = !bounds.admits(rule.box)
            if out { dropped.rules += 1 }
            return out
        }
        images.removeAll { image in
            let out = !bounds.admits(image.box)
            if out { dropped.images += 1 }
            return out
        }
        timings.rules = lap()

        var warnings: [String] = []
        if let warning = dropped.warning(page: number) { warnings.append(warning) }
        if glyphs.isEmpty {
            let page = Rect(x0: 0, y0: 0, x1: w, y1: h)
            let imageArea = images.reduce(0.0) { $0 + ($1.box.intersection(page)?.area ?? 0) }
            if imageArea > 0.5 * w * h {
                warnings.append("page \(number) has no text layer: it is a scanned image; run OCR on it first (for example `ocrmypdf in.pdf out.pdf`) to get text")
            } else if raw.errors > 0 {
                // The text may be there, lost to the damage: saying the page has none would mislead.
                warnings.append("page \(number) is damaged: its content could not be read (\(raw.errors) syntax error\(raw.errors == 1 ? "" : "s")), and no text was found")
            } else {
                warnings.append("page \(number) has no text")
            }
        }
        let content = PageContent(number: number, width: w, height: h, glyphs: glyphs, images: images,
                                  rules: rules, warnings: warnings, fonts: Self.fonts(of: raw))
        return (content, timings)
    }

    /// The glyphs poppler's interpreter met, in the order the page draws them. Weight and slant are
    /// read from the font's name, once per font.
    static func glyphs(of raw: gp_page_content, within bounds: PageBounds, dropped: inout Dropped) -> [Glyph] {
        let styles: [TextStyle] = (0..<raw.font_count).map { i in
            TextStyle(font: raw.fonts[i].map { String(cString: $0) } ?? "")
        }
        var glyphs: [Glyph] = []
        glyphs.reserveCapacity(raw.glyph_count)
        for i in 0..<raw.glyph_count {
            let g = raw.glyphs[i]
            guard let text = Self.text(g.text.0, g.text.1) else { continue }
            guard bounds.admits(g.x0, g.y0, g.x1, g.y1), bounds.admits(size: g.size) else {
                dropped.glyphs += 1
                continue
            }
            let style = Int(g.font) < styles.count ? styles[Int(g.font)] : TextStyle(font: "")
            glyphs.append(Glyph(text: text, box: Rect(x0: g.x0, y0: g.y0, x1: g.x1, y1: g.y1), font: style.font,
                                size: g.size, bold: style.bold, italic: style.italic,
                                color: RGB(r: g.r, g: g.g, b: g.b)))
        }
        return glyphs
    }

    /// The fonts the reader named, with their kinds and what makes their boxes doubtful.
    static func fonts(of raw: gp_page_content) -> [PageFont] {
        (0..<raw.font_count).map { i in
            let name = raw.fonts[i].map { String(cString: $0) } ?? ""
            guard let info = raw.font_info?[i] else { return PageFont(name: name, kind: .unknown) }
            let kind: PageFont.Kind
            switch Int(info.type) {
            case Int(GP_FONT_TYPE1): kind = .type1
            case Int(GP_FONT_TRUETYPE): kind = .trueType
            case Int(GP_FONT_TYPE3): kind = .type3
            case Int(GP_FONT_TYPE0_CFF): kind = .type0CFF
            case Int(GP_FONT_TYPE0_TRUETYPE): kind = .type0TrueType
            default: kind = .unknown
            }
            var doubts: Set<PageFont.Doubt> = []
            if info.box_doubts & Int32(GP_FONT_SIZE_GUESSED) != 0 { doubts.insert(.sizeGuessed) }
            if info.box_doubts & Int32(GP_FONT_NO_BOXES) != 0 { doubts.insert(.noGlyphBoxes) }
            if info.box_doubts & Int32(GP_FONT_NO_METRICS) != 0 { doubts.insert(.implausibleMetrics) }
            return PageFont(name: name, kind: kind, flipped: info.flipped != 0, doubts: doubts)
        }
    }

    /// A glyph's text: its character, with the accent drawn over it composed into one character
    /// where Unicode has one ("u" and a diaeresis make "ü"). Nil for a value that is no character.
    static func text(_ character: UInt32, _ mark: UInt32) -> String? {
        guard let base = Unicode.Scalar(character) else { return nil }
        guard mark != 0, let accent = Unicode.Scalar(mark) else { return String(base) }
        var s = String.UnicodeScalarView()
        s.append(base)
        s.append(accent)
        return String(s).precomposedStringWithCanonicalMapping
    }

    /// The fills, strokes and pictures of the page.
    /// Shapes with a coordinate, clip or line width that is not a finite number are left out
    /// (counted in `dropped` as images or rules).
    static func shapes(of raw: gp_page_content, dropped: inout Dropped) -> [DrawnShape] {
        var shapes: [DrawnShape] = []
        shapes.reserveCapacity(raw.shape_count)
        shapeLoop: for i in 0..<raw.shape_count {
            let s = raw.shapes[i]
            var finite = s.clip.0.isFinite && s.clip.1.isFinite && s.clip.2.isFinite && s.clip.3.isFinite
                && (Int(s.kind) != Int(GP_STROKE) || s.line_width.isFinite)
            if finite {
                for k in s.first_subpath..<(s.first_subpath + s.subpath_count) {
                    let sub = raw.subpaths[k]
                    for p in sub.first_point..<(sub.first_point + sub.point_count)
                    where !raw.points[p].x.isFinite || !raw.points[p].y.isFinite {
                        finite = false
                        break
                    }
                    if !finite { break }
                }
            }
            if !finite {
                if Int(s.kind) == Int(GP_STROKE) || Int(s.kind) == Int(GP_FILL) { dropped.rules += 1 } else { dropped.images += 1 }
                continue shapeLoop
            }
            let clip = Rect(x0: s.clip.0, y0: s.clip.1, x1: s.clip.2, y1: s.clip.3)
            var subpaths: [DrawnShape.Subpath] = []
            subpaths.reserveCapacity(s.subpath_count)
            for k in s.first_subpath..<(s.first_subpath + s.subpath_count) {
                let sub = raw.subpaths[k]
                let points = (sub.first_point..<(sub.first_point + sub.point_count)).map {
                    DrawnShape.Point(x: raw.points[$0].x, y: raw.points[$0].y)
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

    /// Image boxes among drawn shapes: each picture's box (already cut to its clip) cut to the page.
    static func pictures(in shapes: [DrawnShape], width: Double, height: Double) -> [PageImage] {
        let page = Rect(x0: 0, y0: 0, x1: width, y1: height)
        return shapes.compactMap { shape in
            guard shape.operation == .picture, let visible = shape.clip.intersection(page), !visible.isEmpty else {
                return nil
            }
            return PageImage(box: visible)
        }
    }
}

/// What extraction left out of a page for impossible boxes, for its one warning.
struct Dropped {
    var glyphs = 0, images = 0, rules = 0

    func warning(page: Int) -> String? {
        func count(_ n: Int, _ what: String) -> String? { n == 0 ? nil : "\(n) \(what)\(n == 1 ? "" : "s")" }
        let parts = [count(glyphs, "glyph"), count(images, "image"), count(rules, "shape")].compactMap { $0 }
        guard !parts.isEmpty else { return nil }
        return "page \(page): left out \(parts.joined(separator: ", ")) with impossible coordinates "
            + "(not finite, or beyond ten times the page's size); the page may be damaged"
    }
}

/// Seconds spent in each step of `PDFPage.timedContent`.
public struct ExtractionTimings: Sendable {
    /// poppler's pass over the page's content: glyphs, images, and fills and strokes if wanted.
    public var read: Double = 0
    /// The glyphs built from what the pass recorded, vertical runs marked.
    public var glyphs: Double = 0
    /// Rules, frames and image boxes read from the drawn shapes.
    public var rules: Double = 0
    public init() {}

    public var total: Double { read + glyphs + rules }

    static func seconds(_ d: Duration) -> Double {
        let (s, attos) = d.components
        return Double(s) + Double(attos) * 1e-18
    }
}

/// A font's name, with weight and style read from it.
struct TextStyle {
    var font: String
    var bold: Bool
    var italic: Bool

    init(font: String) {
        self.font = font
        let lower = font.lowercased()
        bold = ["bold", "black", "heavy", "semibold", "demi", "-bd"].contains { lower.contains($0) }
        italic = ["italic", "oblique", "-it"].contains { lower.contains($0) }
    }
}
