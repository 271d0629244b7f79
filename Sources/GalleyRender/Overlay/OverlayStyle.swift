import GalleyCore

/// Everything that sets how an overlay looks, in one place. Lengths are PDF points on the page (an
/// overlay at 100 dpi shows a point as 1.4 pixels); colours are RGB 0…1.
public struct OverlayStyle: Sendable {
    /// Article colours, used in turn: article k gets `palette[(k-1) % count]`. Chosen to stay apart
    /// from each other and from the neutral greys of columns, separators and furniture.
    public var palette: [RGB] = [
        RGB(r: 0.12, g: 0.47, b: 0.85), RGB(r: 0.95, g: 0.45, b: 0.05), RGB(r: 0.15, g: 0.65, b: 0.20),
        RGB(r: 0.85, g: 0.15, b: 0.20), RGB(r: 0.58, g: 0.35, b: 0.80), RGB(r: 0.10, g: 0.72, b: 0.75),
        RGB(r: 0.90, g: 0.40, b: 0.70), RGB(r: 0.65, g: 0.60, b: 0.05), RGB(r: 0.55, g: 0.33, b: 0.22),
        RGB(r: 0.20, g: 0.30, b: 0.60), RGB(r: 0.45, g: 0.75, b: 0.15), RGB(r: 0.75, g: 0.25, b: 0.45),
    ]
    /// How strongly article blocks are tinted (0: not at all, 1: full colour). The tint is multiplied
    /// with the page, so black text stays black and only the paper takes the colour.
    public var tintStrength = 0.28
    /// Block outlines.
    public var outlineWidth = 0.7
    /// Role labels ("headline", "body", …) at the top-left corner of each block.
    public var labelSize = 6.0
    /// The article number badge at the start of each article.
    public var badgeSize = 10.0
    /// Reading path: numbered circles at block centres joined by arrows.
    public var stepRadius = 5.0
    /// Steps on blocks too small for a numbered circle are dots of this radius.
    public var stepDotRadius = 1.8
    /// Column boxes are numbered only up to this many (beyond, the numbers would hide the page).
    public var maxNumberedColumns = 24
    public var arrowWidth = 1.1
    public var arrowHeadLength = 5.5
    /// Column boxes (summary.columns): dashed neutral outlines.
    public var columnColor = RGB(r: 0.30, g: 0.38, b: 0.48)
    public var columnWidth = 0.8
    public var columnDash: [Double] = [5, 3]
    /// Separators (rules and gutters the analysis used): solid neutral lines along their long side.
    public var separatorColor = RGB(r: 0.15, g: 0.15, b: 0.20)
    public var separatorWidth = 1.6
    /// Furniture: greyed and hatched.
    public var furnitureGrey = 0.78
    public var hatchSpacing = 4.0
    /// Whether to draw the legend (it necessarily covers part of a full page).
    public var showLegend = true
    /// Legend box.
    public var legendFontSize = 7.0
    public var legendWidth = 200.0
    /// Articles listed in the legend before "+N more".
    public var legendMaxArticles = 14
    /// Sans-serif family list for every label; the CJK family catches Chinese headlines in the legend.
    public var labelFamily = "DejaVu Sans, Noto Sans CJK SC"

    public init() {}

    /// Sizes are chosen for an A4 page; other pages get marks in proportion to their shorter side, so
    /// that the legend and labels keep their share of the page (a broadsheet is usually drawn at a lower
    /// dpi), down to `minimumScale` for small pages, below which labels could not be read.
    public func scaled(toPage width: Double, _ height: Double) -> OverlayStyle {
        let k = max(Self.minimumScale, min(width, height) / Self.referenceSide)
        guard abs(k - 1) > 0.01 else { return self }
        var s = self
        s.outlineWidth *= k; s.labelSize *= k; s.badgeSize *= k; s.stepRadius *= k; s.stepDotRadius *= k
        s.arrowWidth *= k; s.arrowHeadLength *= k; s.columnWidth *= k; s.columnDash = columnDash.map { $0 * k }
        s.separatorWidth *= k; s.hatchSpacing *= k; s.legendFontSize *= k; s.legendWidth *= k
        return s
    }

    /// The shorter side of A4 in points: the page size the plain sizes are made for.
    static let referenceSide = 595.0
    static let minimumScale = 0.6

    /// The colour of article number `k` (1-based).
    public func color(ofArticle k: Int) -> RGB { palette[(max(1, k) - 1) % palette.count] }

    /// The tint article `k` gives white paper: what a pixel of its blocks shows where nothing is printed.
    public func tint(ofArticle k: Int) -> RGB {
        let c = color(ofArticle: k)
        func t(_ v: Double) -> Double { 1 - tintStrength * (1 - v) }
        return RGB(r: t(c.r), g: t(c.g), b: t(c.b))
    }

    /// A darker shade of an article colour for lines and text.
    func ink(ofArticle k: Int) -> RGB {
        let c = color(ofArticle: k)
        return RGB(r: c.r * 0.7, g: c.g * 0.7, b: c.b * 0.7)
    }
}

/// Short names for block roles as the overlay labels them.
extension Role {
    var overlayLabel: String {
        switch self {
        case .subheadline: return "deck"
        case .image: return "photo"
        default: return rawValue
        }
    }
}
