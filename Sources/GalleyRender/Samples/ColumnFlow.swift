/// Pours equal lines into text columns, each possibly interrupted by pictures or quotes, filling the
/// columns one after the other down to a common bottom: the highest bottom that holds all the lines,
/// which balances the columns as newspapers do.
struct ColumnFlow {
    struct Column {
        var x: Double
        var top: Double
        /// Vertical ranges of this column taken by something else (a photo and its caption, a quote).
        var blocked: [ClosedRange<Double>] = []
    }

    var columns: [Column]
    /// Height of one line's glyph box (the font size).
    var lineHeight: Double
    /// Baseline-to-baseline distance.
    var leading: Double

    /// Tops of the line slots of each column when the text must end above `bottom`.
    func slots(bottom: Double) -> [[Double]] {
        columns.map { column in
            var free: [(Double, Double)] = [(column.top, bottom)]
            for block in column.blocked.sorted(by: { $0.lowerBound < $1.lowerBound }) {
                free = free.flatMap { (a, b) -> [(Double, Double)] in
                    guard block.upperBound > a, block.lowerBound < b else { return [(a, b)] }
                    return [(a, min(b, block.lowerBound)), (max(a, block.upperBound), b)].filter { $0.1 > $0.0 }
                }
            }
            var ys: [Double] = []
            for (a, b) in free {
                var y = a
                while y + lineHeight <= b + 0.001 { ys.append(y); y += leading }
            }
            return ys
        }
    }

    /// Where each of `count` lines goes (column index and top), and the bottom reached; nil when the lines
    /// do not fit above `maxBottom`.
    func place(count: Int, minBottom: Double, maxBottom: Double) -> (bottom: Double, spots: [(Int, Double)])? {
        var bottom = minBottom
        while bottom <= maxBottom {
            let all = slots(bottom: bottom)
            if all.reduce(0, { $0 + $1.count }) >= count {
                var spots: [(Int, Double)] = []
                for (c, ys) in all.enumerated() { for y in ys where spots.count < count { spots.append((c, y)) } }
                let used = spots.map { $0.1 + lineHeight }.max() ?? minBottom
                return (max(minBottom, used), spots)
            }
            bottom += 0.5
        }
        return nil
    }
}
