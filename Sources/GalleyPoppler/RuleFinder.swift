import GalleyCore

/// Reads rules, frames and tinted boxes out of the fills and strokes a page draws (`PageShapeReader`).
///
/// - a stroked straight segment, or a filled rectangle at most `maxThickness` thick, lying along an
///   axis is a horizontal or vertical rule; collinear pieces that touch are joined first;
/// - a stroked rectangle (or a stroked closed path shaped like a rounded rectangle), or four rules
///   meeting at the corners of one rectangle, is a frame;
/// - a filled rectangle (or rounded rectangle) thicker than a rule, not near-white and not the whole
///   page, is a filled box.
/// Boxes are exact up to half the pen width, which they include.
public struct RuleFinder: Sendable {
    public struct Options: Sendable {
        /// Shortest rule or box side, in points.
        public var minLength: Double = 18
        /// Thickest rule, in points; a thicker filled rectangle is a filled box.
        public var maxThickness: Double = 3.5
        /// Fills lighter than this (luminance 0…1) are paper, not tint.
        public var paperLuminance: Double = 0.97
        /// A fill covering this share of the page or more is the page background.
        public var backgroundShare: Double = 0.9
        /// How far apart, in points, the ends of two sides may be and still meet at a frame's corner.
        public var cornerTolerance: Double = 4
        /// How far off an axis, in points, a segment's ends may be and still run along it.
        public var axisTolerance: Double = 0.5
        /// Two collinear pieces of a rule with a gap up to this, in points, are joined.
        public var joinGap: Double = 1.5
        public init() {}
    }

    public var options: Options
    public init(options: Options = .init()) { self.options = options }

    /// Rules and boxes among the drawn shapes of a page `width` × `height` points.
    public func rules(in shapes: [DrawnShape], width: Double, height: Double) -> [Rule] {
        var lines: [Line] = []
        var frames: [Rect] = []
        var fills: [Rect] = []
        let pageArea = width * height
        for shape in shapes {
            guard let color = shape.color else { continue }
            let pen: Double, isFill: Bool
            switch shape.operation {
            case .picture: continue
            case .fill: (pen, isFill) = (0, true)
            case .stroke(let width): (pen, isFill) = (width, false)
            }
            for sub in shape.subpaths {
                if let box = rectangle(sub) {
                    let outer = box.insetBy(dx: -pen / 2, dy: -pen / 2)
                    guard let visible = outer.intersection(shape.clip) ?? (outer.isEmpty ? outer : nil) else { continue }
                    if min(visible.width, visible.height) <= options.maxThickness {
                        lines.append(Line(box: visible))
                    } else if isFill {
                        guard luminance(color) < options.paperLuminance, visible.area < options.backgroundShare * pageArea
                        else { continue }
                        fills.append(visible)
                    } else {
                        frames.append(visible)
                    }
                } else if !sub.curved && !isFill {
                    for (a, b) in zip(sub.points, sub.points.dropFirst() + (sub.closed ? [sub.points[0]] : [])) {
                        guard abs(a.x - b.x) <= options.axisTolerance || abs(a.y - b.y) <= options.axisTolerance else { continue }
                        let box = Rect(x0: a.x, y0: a.y, x1: b.x, y1: b.y).insetBy(dx: -pen / 2, dy: -pen / 2)
                        if let visible = box.intersection(shape.clip) { lines.append(Line(box: visible)) }
                    }
                } else if sub.curved && sub.closed, let box = roundedRectangle(sub) {
                    let outer = box.insetBy(dx: -pen / 2, dy: -pen / 2)
                    guard let visible = outer.intersection(shape.clip) else { continue }
                    if isFill {
                        if luminance(color) < options.paperLuminance && visible.area < options.backgroundShare * pageArea {
                            fills.append(visible)
                        }
                    } else {
                        frames.append(visible)
                    }
                }
            }
        }
        let long = { (r: Rect) in max(r.width, r.height) >= options.minLength }
        var horizontals = join(lines.filter { $0.box.width >= $0.box.height }.map(\.box), horizontal: true).filter(long)
        var verticals = join(lines.filter { $0.box.width < $0.box.height }.map(\.box), horizontal: false).filter(long)
        let big = { (r: Rect) in min(r.width, r.height) >= options.minLength }
        frames = frames.filter(big)
        fills = fills.filter(big)
        frames += framesFromSides(&horizontals, &verticals)

        var result: [Rule] = []
        var seen = Set<Rule>()
        func add(_ kind: Rule.Kind, _ boxes: [Rect]) {
            for box in boxes {
                let rule = Rule(kind: kind, box: Rect(x0: round2(box.x0), y0: round2(box.y0), x1: round2(box.x1), y1: round2(box.y1)))
                if seen.insert(rule).inserted { result.append(rule) }
            }
        }
        add(.frame, frames)
        add(.horizontal, horizontals)
        add(.vertical, verticals)
        add(.fill, fills)
        return result
    }

    struct Line { var box: Rect }

    private func round2(_ v: Double) -> Double { (v * 100).rounded() / 100 }

    private func luminance(_ c: RGB) -> Double { 0.299 * c.r + 0.587 * c.g + 0.114 * c.b }

    /// The box of a straight, closed, axis-aligned four-sided subpath, or nil.
    func rectangle(_ sub: DrawnShape.Subpath) -> Rect? {
        guard !sub.curved else { return nil }
        var pts = sub.points
        if pts.count == 5, abs(pts[4].x - pts[0].x) <= options.axisTolerance, abs(pts[4].y - pts[0].y) <= options.axisTolerance {
            pts.removeLast()
        }
        guard pts.count == 4 else { return nil }
        let t = options.axisTolerance
        for i in 0..<4 {
            let a = pts[i], b = pts[(i + 1) % 4]
            guard abs(a.x - b.x) <= t || abs(a.y - b.y) <= t else { return nil }
        }
        // Alternate sides must turn: a degenerate "rectangle" that runs back along itself is a line.
        let xs = pts.map(\.x), ys = pts.map(\.y)
        return Rect(x0: xs.min()!, y0: ys.min()!, x1: xs.max()!, y1: ys.max()!)
    }

    /// The box of a closed curved subpath shaped like a rectangle with rounded corners: along each
    /// side of its bounding box, points lying on that side span at least 70% of it (a circle or an
    /// ellipse spans about 55%).
    func roundedRectangle(_ sub: DrawnShape.Subpath) -> Rect? {
        let xs = sub.points.map(\.x), ys = sub.points.map(\.y)
        let box = Rect(x0: xs.min()!, y0: ys.min()!, x1: xs.max()!, y1: ys.max()!)
        guard !box.isEmpty else { return nil }
        let t = options.axisTolerance
        func span(_ values: [Double]) -> Double { (values.max() ?? 0) - (values.min() ?? 0) }
        let top = sub.points.filter { abs($0.y - box.y0) <= t }.map(\.x)
        let bottom = sub.points.filter { abs($0.y - box.y1) <= t }.map(\.x)
        let left = sub.points.filter { abs($0.x - box.x0) <= t }.map(\.y)
        let right = sub.points.filter { abs($0.x - box.x1) <= t }.map(\.y)
        let share = 0.7
        guard span(top) >= share * box.width, span(bottom) >= share * box.width,
              span(left) >= share * box.height, span(right) >= share * box.height else { return nil }
        return box
    }

    /// Joins pieces of one rule: boxes on the same line (centres within the join gap, thicknesses
    /// alike) whose extents overlap or nearly touch.
    func join(_ boxes: [Rect], horizontal: Bool) -> [Rect] {
        let sorted = boxes.sorted { horizontal ? ($0.midY, $0.x0) < ($1.midY, $1.x0) : ($0.midX, $0.y0) < ($1.midX, $1.y0) }
        var out: [Rect] = []
        var open: [Int] = []  // indexes in `out` of boxes on the current line, candidates to extend
        for box in sorted {
            let centre = horizontal ? box.midY : box.midX
            open.removeAll { (horizontal ? out[$0].midY : out[$0].midX) < centre - options.joinGap }
            if let k = open.first(where: { i in
                let o = out[i]
                let thickO = horizontal ? o.height : o.width, thickB = horizontal ? box.height : box.width
                guard abs(thickO - thickB) <= max(0.5, 0.5 * max(thickO, thickB)) else { return false }
                // Both ways: the list is sorted by centre first, so a piece further along the line
                // may come before one that starts earlier when their centres differ by a hair.
                let gap = horizontal ? max(box.x0 - o.x1, o.x0 - box.x1) : max(box.y0 - o.y1, o.y0 - box.y1)
                return gap <= options.joinGap
            }) {
                out[k] = out[k].union(box)
            } else {
                out.append(box)
                open.append(out.count - 1)
            }
        }
        return out
    }

    /// Frames drawn as four separate rules: two horizontals and two verticals meeting at the corners.
    /// The sides found are removed from the lists.
    func framesFromSides(_ horizontals: inout [Rect], _ verticals: inout [Rect]) -> [Rect] {
        let tol = options.cornerTolerance
        var usedH = Set<Int>(), usedV = Set<Int>()
        var frames: [Rect] = []
        for (i, top) in horizontals.enumerated() where !usedH.contains(i) {
            for (j, bottom) in horizontals.enumerated() where j != i && !usedH.contains(j) && bottom.y0 > top.y1 {
                guard abs(top.x0 - bottom.x0) <= tol, abs(top.x1 - bottom.x1) <= tol,
                      bottom.y1 - top.y0 >= options.minLength else { continue }
                func side(_ x: Double, except: Int?) -> Int? {
                    verticals.indices.first { k in
                        k != except && !usedV.contains(k) && abs(verticals[k].midX - x) <= tol
                            && abs(verticals[k].y0 - top.y0) <= tol && abs(verticals[k].y1 - bottom.y1) <= tol
                    }
                }
                guard let left = side(top.x0, except: nil), let right = side(top.x1, except: left) else { continue }
                usedH.insert(i); usedH.insert(j); usedV.insert(left); usedV.insert(right)
                frames.append(top.union(bottom).union(verticals[left]).union(verticals[right]))
                break
            }
        }
        horizontals = horizontals.enumerated().filter { !usedH.contains($0.offset) }.map(\.element)
        verticals = verticals.enumerated().filter { !usedV.contains($0.offset) }.map(\.element)
        return frames
    }
}
