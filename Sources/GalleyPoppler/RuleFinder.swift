import GalleyCore

/// Finds rules, frames and tinted boxes in a low-resolution render of a page.
///
/// poppler-glib hands out no vector paths, so the page is drawn into memory, the areas of glyphs and
/// images are masked, and what ink is left is read as straight lines and boxes:
/// - a run of ink at least `minLength` long and at most `maxThickness` thick is a rule;
/// - four rules that meet at the corners of one rectangle are a frame;
/// - a band of tint thicker than a rule, whose rows span the same extent, is a filled box.
public struct RuleFinder: Sendable {
    public struct Options: Sendable {
        /// Pixels per point of the render. At 1 a pixel is a point, so boxes come out within 1–2 pt.
        public var scale: Double = 1
        /// Shortest rule, in points.
        public var minLength: Double = 18
        /// Thickest rule, in points; anything thicker is a filled box.
        public var maxThickness: Double = 3.5
        /// A pixel darker than this luminance (0…255) is ink.
        public var inkLuminance: Int = 244
        /// How far apart, in points, the ends of two sides may be and still meet at a frame's corner.
        public var cornerTolerance: Double = 4
        public init() {}
    }

    public var options: Options
    public init(options: Options = .init()) { self.options = options }

    /// Rules and boxes in `raster`, ignoring ink inside `masked` boxes (glyphs, images), in points.
    public func rules(in raster: PageRaster, masking masked: [Rect]) -> [Rule] {
        let w = raster.width, h = raster.height, s = raster.scale
        // 0 background, 1 ink, 2 masked.
        var cell = [UInt8](repeating: 0, count: w * h)
        for y in 0..<h { for x in 0..<w where raster.luminance(x, y) < options.inkLuminance { cell[y * w + x] = 1 } }
        for box in masked {
            let x0 = max(0, Int((box.x0 * s).rounded(.down))), x1 = min(w, Int((box.x1 * s).rounded(.up)))
            let y0 = max(0, Int((box.y0 * s).rounded(.down))), y1 = min(h, Int((box.y1 * s).rounded(.up)))
            guard x0 < x1, y0 < y1 else { continue }
            for y in y0..<y1 { for x in x0..<x1 { cell[y * w + x] = 2 } }
        }
        let minRun = max(2, Int(options.minLength * s))
        let thin = max(1, Int((options.maxThickness * s).rounded()))

        let hBands = bands(cell: cell, width: w, height: h, minRun: minRun, transposed: false)
        let vBands = bands(cell: cell, width: w, height: h, minRun: minRun, transposed: true)

        func box(_ b: Band, transposed: Bool) -> Rect {
            transposed
                ? Rect(x0: Double(b.first) / s, y0: Double(b.lo) / s, x1: Double(b.last + 1) / s, y1: Double(b.hi) / s)
                : Rect(x0: Double(b.lo) / s, y0: Double(b.first) / s, x1: Double(b.hi) / s, y1: Double(b.last + 1) / s)
        }
        var horizontals = hBands.filter { $0.thickness <= thin }.map { box($0, transposed: false) }
        var verticals = vBands.filter { $0.thickness <= thin }.map { box($0, transposed: true) }
        let fills = hBands.filter { $0.thickness > thin && $0.thickness >= minRun / 2 }.map { box($0, transposed: false) }

        var result: [Rule] = []
        // Frames: two horizontals and two verticals meeting at the corners.
        let tol = options.cornerTolerance
        var usedH = Set<Int>(), usedV = Set<Int>()
        for (i, top) in horizontals.enumerated() where !usedH.contains(i) {
            for (j, bottom) in horizontals.enumerated() where j != i && !usedH.contains(j) && bottom.y0 > top.y1 {
                guard abs(top.x0 - bottom.x0) <= tol, abs(top.x1 - bottom.x1) <= tol else { continue }
                let left = verticals.indices.first { k in
                    !usedV.contains(k) && abs(verticals[k].midX - top.x0) <= tol
                        && abs(verticals[k].y0 - top.y0) <= tol && abs(verticals[k].y1 - bottom.y1) <= tol
                }
                let right = verticals.indices.first { k in
                    !usedV.contains(k) && k != left && abs(verticals[k].midX - top.x1) <= tol
                        && abs(verticals[k].y0 - top.y0) <= tol && abs(verticals[k].y1 - bottom.y1) <= tol
                }
                guard let left, let right else { continue }
                usedH.insert(i); usedH.insert(j); usedV.insert(left); usedV.insert(right)
                result.append(Rule(kind: .frame, box: top.union(bottom).union(verticals[left]).union(verticals[right])))
                break
            }
        }
        horizontals = horizontals.enumerated().filter { !usedH.contains($0.offset) }.map(\.element)
        verticals = verticals.enumerated().filter { !usedV.contains($0.offset) }.map(\.element)
        result += horizontals.map { Rule(kind: .horizontal, box: $0) }
        result += verticals.map { Rule(kind: .vertical, box: $0) }
        result += fills.map { Rule(kind: .fill, box: $0) }
        return result
    }

    /// A stack of runs on consecutive rows (or columns) with the same extent.
    struct Band {
        var lo: Int, hi: Int        // extent along the run, hi exclusive
        var first: Int, last: Int   // rows (or columns) it covers, inclusive
        var thickness: Int { last - first + 1 }
    }

    /// Runs of ink at least `minRun` long, stacked into bands where consecutive rows agree within a pixel.
    /// Masked cells inside a band's extent may bridge rows (text set on a tinted box).
    func bands(cell: [UInt8], width w: Int, height h: Int, minRun: Int, transposed: Bool) -> [Band] {
        let rows = transposed ? w : h, cols = transposed ? h : w
        @inline(__always) func at(_ r: Int, _ c: Int) -> UInt8 { transposed ? cell[c * w + r] : cell[r * w + c] }
        var open: [Band] = []
        var done: [Band] = []
        for r in 0..<rows {
            var runs: [(Int, Int)] = []
            var c = 0
            while c < cols {
                guard at(r, c) == 1 else { c += 1; continue }
                let start = c
                while c < cols && at(r, c) == 1 { c += 1 }
                if c - start >= minRun { runs.append((start, c)) }
            }
            var next: [Band] = []
            for run in runs {
                if let k = open.firstIndex(where: { abs($0.lo - run.0) <= 1 && abs($0.hi - run.1) <= 1 && $0.last >= r - 1 }) {
                    var b = open.remove(at: k)
                    b.last = r; b.lo = min(b.lo, run.0); b.hi = max(b.hi, run.1)
                    next.append(b)
                } else {
                    next.append(Band(lo: run.0, hi: run.1, first: r, last: r))
                }
            }
            // Bands not continued on this row end here, unless the row is masked across their extent.
            for b in open {
                var bridged = true
                for c in b.lo..<b.hi where at(r, c) == 0 { bridged = false; break }
                if bridged && b.thickness > 1 { next.append(b) } else { done.append(b) }
            }
            open = next
        }
        return done + open
    }
}
