/// An axis-aligned box in PDF points, origin at the page's top-left corner, y growing downwards.
public struct Rect: Hashable, Sendable, Codable {
    public var x0: Double
    public var y0: Double
    public var x1: Double
    public var y1: Double

    public init(x0: Double, y0: Double, x1: Double, y1: Double) {
        self.x0 = min(x0, x1)
        self.y0 = min(y0, y1)
        self.x1 = max(x0, x1)
        self.y1 = max(y0, y1)
    }

    public static let zero = Rect(x0: 0, y0: 0, x1: 0, y1: 0)

    public var width: Double { x1 - x0 }
    public var height: Double { y1 - y0 }
    public var midX: Double { (x0 + x1) / 2 }
    public var midY: Double { (y0 + y1) / 2 }
    public var area: Double { max(0, width) * max(0, height) }
    public var isEmpty: Bool { width <= 0 || height <= 0 }

    /// The smallest box holding both boxes.
    public func union(_ other: Rect) -> Rect {
        Rect(x0: min(x0, other.x0), y0: min(y0, other.y0), x1: max(x1, other.x1), y1: max(y1, other.y1))
    }

    /// The overlap of both boxes, or nil where they do not overlap.
    public func intersection(_ other: Rect) -> Rect? {
        let a = max(x0, other.x0), b = max(y0, other.y0)
        let c = min(x1, other.x1), d = min(y1, other.y1)
        return a < c && b < d ? Rect(x0: a, y0: b, x1: c, y1: d) : nil
    }

    /// The box grown by `dx` on the left and right and `dy` on the top and bottom.
    public func insetBy(dx: Double, dy: Double) -> Rect {
        Rect(x0: x0 + dx, y0: y0 + dy, x1: x1 - dx, y1: y1 - dy)
    }

    /// Length of the overlap of the two boxes' horizontal extents (0 where they are apart).
    public func horizontalOverlap(_ other: Rect) -> Double { max(0, min(x1, other.x1) - max(x0, other.x0)) }
    /// Length of the overlap of the two boxes' vertical extents (0 where they are apart).
    public func verticalOverlap(_ other: Rect) -> Double { max(0, min(y1, other.y1) - max(y0, other.y0)) }

    public func contains(x: Double, y: Double) -> Bool { x >= x0 && x <= x1 && y >= y0 && y <= y1 }
    /// True where `other` lies wholly inside this rectangle (edges included).
    public func contains(_ other: Rect) -> Bool {
        other.x0 >= x0 && other.x1 <= x1 && other.y0 >= y0 && other.y1 <= y1
    }

    /// The box as `[x0, y0, x1, y1]`, the order the JSON formats use.
    public var array: [Double] { [x0, y0, x1, y1] }

    /// The union of all boxes, or nil for none.
    public static func union<S: Sequence>(_ boxes: S) -> Rect? where S.Element == Rect {
        boxes.reduce(nil) { $0?.union($1) ?? $1 }
    }

    // Encoded as the array [x0, y0, x1, y1].
    public init(from decoder: Decoder) throws {
        var c = try decoder.unkeyedContainer()
        self.init(x0: try c.decode(Double.self), y0: try c.decode(Double.self),
                  x1: try c.decode(Double.self), y1: try c.decode(Double.self))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.unkeyedContainer()
        for v in array { try c.encode((v * 100).rounded() / 100) }
    }
}
