/// Vertical pages: text set round a picture.
///
/// Contract: on a vertical page the columns under a photo and its caption are shorter than the story's
/// others; turned (VerticalPageTurn) they are lines that start right of the photo. Such a line's indent
/// is measured from where the lines beside the same obstacles start, not from the column's left edge,
/// so that it opens a paragraph only where it is indented from its fellows (`paragraphIndent` em).
extension ParagraphJoiner {
    /// The lines of `block` (by index) that stand right of one of `obstacles` (an obstacle ending right
    /// of the column's left edge, beside at least half the line's height), and the left edge most of
    /// them start at; nil where no line does.
    func leftBeside(_ obstacles: [Rect], in block: TextBlock, columnLeft: Double) -> (lines: Set<Int>, left: Double)? {
        var beside: [Int] = []
        for (n, line) in block.lines.enumerated() {
            let b = line.box, s = line.size
            let faces = obstacles.contains { o in
                o.x1 > columnLeft + parameters.paragraphIndent * s && o.x1 <= b.x0 + 0.5 * s
                    && min(o.y1, b.y1) - max(o.y0, b.y0) >= 0.5 * b.height
            }
            if faces { beside.append(n) }
        }
        guard !beside.isEmpty else { return nil }
        let xs = beside.map { block.lines[$0].box.x0 }.sorted()
        // The smallest x0 shared by at least two of them (one line alone starts where it starts).
        var left = xs[0]
        if xs.count >= 2, let i = xs.indices.dropLast().first(where: { xs[$0 + 1] - xs[$0] < 0.2 * block.size }) { left = xs[i] }
        return (Set(beside), left)
    }
}
