/// Where a glyph, picture or rule may lie on a page: every coordinate a finite number, within
/// `reach` times the page's width (height) beyond its left and right (top and bottom) edges, and a
/// glyph's size at most `reach` times the page's longer side. Anything else comes from damage (a huge
/// matrix, scale or font size): extraction leaves it out, and the layout does the same for content
/// built elsewhere. A side that is not a finite number of at least a point counts as one point.
public struct PageBounds: Sendable {
    public static let reach = 10.0
    public let x0: Double, y0: Double, x1: Double, y1: Double
    public let maxSize: Double

    public init(width: Double, height: Double) {
        let w = width.isFinite && width >= 1 ? width : 1, h = height.isFinite && height >= 1 ? height : 1
        x0 = -Self.reach * w; x1 = (1 + Self.reach) * w
        y0 = -Self.reach * h; y1 = (1 + Self.reach) * h
        maxSize = Self.reach * max(w, h)
    }

    /// True where the box from (`a`, `b`) to (`c`, `d`) lies within the bounds.
    public func admits(_ a: Double, _ b: Double, _ c: Double, _ d: Double) -> Bool {
        // Written so that NaN fails every comparison and is refused.
        a >= x0 && a <= x1 && c >= x0 && c <= x1 && b >= y0 && b <= y1 && d >= y0 && d <= y1
    }

    public func admits(_ r: Rect) -> Bool { admits(r.x0, r.y0, r.x1, r.y1) }

    /// True where a glyph of `size` points is possible (a finite size within `maxSize`).
    public func admits(size: Double) -> Bool { size.isFinite && size <= maxSize }
}
