/// An RGB colour with components from 0 to 1.
public struct RGB: Hashable, Sendable, Codable {
    public var r: Double, g: Double, b: Double
    public init(r: Double, g: Double, b: Double) { self.r = r; self.g = g; self.b = b }
    public static let black = RGB(r: 0, g: 0, b: 0)

    /// `#rrggbb`, the form the inspect JSON uses.
    public var hex: String {
        func byte(_ v: Double) -> String {
            let n = Int((min(1, max(0, v)) * 255).rounded())
            let s = String(n, radix: 16)
            return s.count == 1 ? "0" + s : s
        }
        return "#" + byte(r) + byte(g) + byte(b)
    }
}

/// One character as printed on the page.
public struct Glyph: Hashable, Sendable {
    /// The Unicode text of the glyph (usually one character; ligatures may give more).
    public var text: String
    /// Its box on the page.
    public var box: Rect
    /// The font name as the PDF gives it, e.g. `NotoSerifCJKsc-Bold`.
    public var font: String
    /// The font size in points.
    public var size: Double
    public var bold: Bool
    public var italic: Bool
    public var color: RGB
    /// True where the glyph belongs to a run stacked top to bottom (vertical writing).
    public var vertical: Bool
    /// Where the page draws this glyph: its index in `PageContent.glyphs`, which holds the glyphs in the
    /// order of the page's content stream (the layout numbers them before its first stage).
    public var order: Int = 0

    public init(text: String, box: Rect, font: String = "", size: Double, bold: Bool = false,
                italic: Bool = false, color: RGB = .black, vertical: Bool = false) {
        self.text = text; self.box = box; self.font = font; self.size = size
        self.bold = bold; self.italic = italic; self.color = color; self.vertical = vertical
    }
}

/// A picture placed on the page.
public struct PageImage: Hashable, Sendable {
    public var box: Rect
    public init(box: Rect) { self.box = box }
}

/// A drawn line or box that is not text: column rules, frames around boxed stories, tinted panels.
public struct Rule: Hashable, Sendable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// A horizontal line.
        case horizontal
        /// A vertical line.
        case vertical
        /// The outline of a rectangle (a frame).
        case frame
        /// A filled, tinted background box.
        case fill
    }
    public var kind: Kind
    public var box: Rect
    public init(kind: Kind, box: Rect) { self.kind = kind; self.box = box }
}

/// Everything the layout core sees of one page.
public struct PageContent: Sendable {
    /// 1-based page number in the document.
    public var number: Int
    /// Page size in points after the page's rotation is applied.
    public var width: Double
    public var height: Double
    public var glyphs: [Glyph]
    public var images: [PageImage]
    public var rules: [Rule]
    /// Things a reader should know, such as a page without a text layer.
    public var warnings: [String]
    /// The fonts the page's glyphs name, each once, with their kinds (empty where not known).
    public var fonts: [PageFont]

    public init(number: Int, width: Double, height: Double, glyphs: [Glyph] = [],
                images: [PageImage] = [], rules: [Rule] = [], warnings: [String] = [], fonts: [PageFont] = []) {
        self.number = number; self.width = width; self.height = height
        self.glyphs = glyphs; self.images = images; self.rules = rules; self.warnings = warnings
        self.fonts = fonts
    }

    public var bounds: Rect { Rect(x0: 0, y0: 0, x1: width, y1: height) }
}
