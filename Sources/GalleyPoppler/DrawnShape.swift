import GalleyCore

/// One fill, stroke or picture the page's content stream made, with its geometry.
public struct DrawnShape: Sendable, Equatable {
    public enum Operation: Sendable, Equatable {
        /// The path was filled with a flat colour.
        case fill
        /// The path's outline was stroked with a pen `width` points wide.
        case stroke(width: Double)
        /// An image, a shading or a pattern was painted; its box, cut to the clip, is `clip`.
        case picture
    }
    public var operation: Operation
    /// The path's pieces, each a list of points in page points (origin top-left, y down).
    /// A piece that bends (Bézier curves) is `curved`; its list then holds all control points.
    public var subpaths: [Subpath]
    /// Flat colour of a fill or stroke, nil for pictures.
    public var color: RGB?
    /// The visible area the operation may touch (the clip; for a picture, its box within the clip),
    /// in page points.
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
