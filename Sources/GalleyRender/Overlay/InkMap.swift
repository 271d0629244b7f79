import GalleyCore
import GalleyPoppler

/// How much of a page is printed where: a summed-area table of dark pixels over a page raster, so the
/// legend can go where it hides the least.
struct InkMap {
    /// Pixels darker than this luminance (0…255) count as ink.
    static let darkLuminance = 200
    /// Cells are `cell` × `cell` raster pixels.
    let cell: Int
    let columns: Int, rows: Int
    let scale: Double
    private let sums: [Int]

    init(raster: PageRaster, cell: Int = 4) {
        self.cell = cell
        scale = raster.scale
        columns = max(1, raster.width / cell)
        rows = max(1, raster.height / cell)
        var counts = [Int](repeating: 0, count: (columns + 1) * (rows + 1))
        for r in 0..<rows {
            for c in 0..<columns {
                // One sample per cell is enough to weigh areas against each other.
                let x = min(raster.width - 1, c * cell + cell / 2), y = min(raster.height - 1, r * cell + cell / 2)
                let dark = raster.luminance(x, y) < InkMap.darkLuminance ? 1 : 0
                counts[(r + 1) * (columns + 1) + c + 1] = dark + counts[r * (columns + 1) + c + 1]
                    + counts[(r + 1) * (columns + 1) + c] - counts[r * (columns + 1) + c]
            }
        }
        sums = counts
    }

    /// Share (0…1) of `box` (points) that is printed.
    func coverage(_ box: Rect) -> Double {
        let f = scale / Double(cell)
        let c0 = min(columns, max(0, Int(box.x0 * f))), c1 = min(columns, max(0, Int((box.x1 * f).rounded(.up))))
        let r0 = min(rows, max(0, Int(box.y0 * f))), r1 = min(rows, max(0, Int((box.y1 * f).rounded(.up))))
        guard c1 > c0, r1 > r0 else { return 0 }
        let w = columns + 1
        let dark = sums[r1 * w + c1] - sums[r0 * w + c1] - sums[r1 * w + c0] + sums[r0 * w + c0]
        return Double(dark) / Double((c1 - c0) * (r1 - r0))
    }
}
