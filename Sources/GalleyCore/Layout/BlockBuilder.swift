/// Stage 2: lines → blocks.
///
/// Contract: every line ends up in exactly one block. A block is a stack of lines of one size and weight in
/// one column, each line directly under the previous one (no other text and no horizontal rule between),
/// aligned with it on the left (allowing paragraph indents), on the right (a right-set byline) or on the
/// centre (headlines and decks). A line that sits under two blocks at once (it spans columns) starts a
/// new block. Vertical lines each form their own block, joined with vertical neighbours of the same size
/// (a headline set in two vertical lines). Blocks come out in the order their first lines appear.
public struct BlockBuilder: Sendable {
    public var parameters: LayoutParameters
    public init(parameters: LayoutParameters = .standard) { self.parameters = parameters }

    public func blocks(from lines: [TextLine], rules: [Rule] = []) -> [TextBlock] {
        let horizontalRules = rules.flatMap { r -> [Rect] in
            switch r.kind {
            case .horizontal: return [r.box]
            case .frame, .fill:
                return [Rect(x0: r.box.x0, y0: r.box.y0, x1: r.box.x1, y1: r.box.y0 + 0.5),
                        Rect(x0: r.box.x0, y0: r.box.y1 - 0.5, x1: r.box.x1, y1: r.box.y1)]
            case .vertical: return []
            }
        }
        var groups: [[TextLine]] = []
        var lastBox: [Rect] = []      // the box of each group's last line (no line copied per look)
        let sorted = lines.filter { !$0.vertical }.sorted { $0.box.y0 < $1.box.y0 }
        for line in sorted {
            // Blocks whose last line lies above this line and overlaps it horizontally.
            var above: [(Int, Double)] = []
            for k in groups.indices {
                let last = lastBox[k]
                guard last.y1 <= line.box.y0 + 0.4 * line.size, last.horizontalOverlap(line.box) > 0 else { continue }
                above.append((k, last.y1))
            }
            guard let nearest = above.max(by: { $0.1 < $1.1 }) else {
                groups.append([line]); lastBox.append(line.box); continue
            }
            let k = nearest.0
            let last = groups[k].last!
            let gap = line.box.y0 - last.box.y1
            // Another block ends right above this line too: the line spans columns.
            let spans = above.contains { $0.0 != k && $0.1 > last.box.y0 + 0.3 * line.size
                && lastBox[$0.0].horizontalOverlap(line.box) > 0.3 * line.size }
            let ruled = horizontalRules.contains { r in
                r.midY > last.box.y1 - 1 && r.midY < line.box.y0 + 1 && r.horizontalOverlap(line.box) > 0
                    && r.horizontalOverlap(last.box) > 0
            }
            if !spans && !ruled && fits(line, under: groups[k], gap: gap) {
                groups[k].append(line)
                lastBox[k] = line.box
            } else {
                groups.append([line])
                lastBox.append(line.box)
            }
        }
        var blocks = groups.map { TextBlock(lines: $0) }
        blocks += verticalBlocks(lines.filter(\.vertical))
        return blocks
    }

    /// True where `line` continues the block `group` directly above it.
    func fits(_ line: TextLine, under group: [TextLine], gap: Double) -> Bool {
        let last = group.last!
        let s = min(line.size, last.size)
        let ratio = max(line.size, last.size) / max(0.01, s)
        // Where sizes are noisy (OCR), a line flush with the one above may come out much taller than it.
        let flushRatio = parameters.sizesAreNoisy ? parameters.headlineRatio : 1
        guard ratio <= parameters.blockSizeRatio || (ratio <= flushRatio && flush(line, last)),
              line.bold == last.bold else { return false }
        // A deck opens with a dash (——); smaller type under it is the story's text, not more deck.
        if let first = group.first, first.text.hasPrefix("—"),
           line.size < (1 - parameters.deckBodyStep) * first.size { return false }
        // The gap may not grow much beyond the block's usual line gap.
        var limit = parameters.blockLineGap * s
        if group.count >= 2 {
            let usual = group[group.count - 1].box.y0 - group[group.count - 2].box.y1
            limit = min(limit, max(usual, 0) + 0.6 * s)
        }
        guard gap <= limit else { return false }
        let x0 = group.map(\.box.x0).min()!, x1 = group.map(\.box.x1).max()!
        let leftAligned = abs(line.box.x0 - x0) <= parameters.indentTolerance * s
            && line.box.x1 <= x1 + parameters.overflowTolerance * s + (group.count <= 2 ? .infinity : 0)
        let rightAligned = abs(line.box.x1 - last.box.x1) <= 0.5 * s && line.box.x0 >= x0 - 0.5 * s
        let centred = abs(line.box.midX - last.box.midX) <= parameters.centreTolerance * s
        // A heading in capitals centred in its column is a block of its own: the column's lines are only
        // centred with it by filling the column's width (above it or under it), and it stands in from
        // both their edges (an indented first line or a short last line is flush with one).
        let (narrow, wide) = line.box.width < last.box.width ? (line, last) : (last, line)
        let margin = parameters.headingSideMargin * s
        if centred, narrow.box.x0 - wide.box.x0 >= margin, wide.box.x1 - narrow.box.x1 >= margin {
            let caps = { (l: TextLine) in
                TextLine.isCapitals(l.text, minLetters: self.parameters.capitalsMinLetters,
                                    capitalShare: self.parameters.capitalsShare)
            }
            if caps(narrow) && !caps(wide) && (narrow == line || group.count == 1) { return false }
        }
        return leftAligned || rightAligned || centred
    }

    /// True where `line` starts and ends where `last` does, within an em of the smaller one: two lines of
    /// one justified column.
    func flush(_ line: TextLine, _ last: TextLine) -> Bool {
        let em = min(line.size, last.size)
        return abs(line.box.x0 - last.box.x0) <= em && abs(line.box.x1 - last.box.x1) <= em
    }

    /// Vertical lines side by side (same size, overlapping heights, close) form one block, read right to left.
    func verticalBlocks(_ lines: [TextLine]) -> [TextBlock] {
        var groups: [[TextLine]] = []
        for line in lines.sorted(by: { $0.box.x1 > $1.box.x1 }) {
            if let k = groups.firstIndex(where: { g in
                let l = g.last!
                return abs(l.size - line.size) <= 0.1 * l.size && l.box.verticalOverlap(line.box) > 0
                    && l.box.x0 - line.box.x1 <= 1.0 * l.size
            }) {
                groups[k].append(line)
            } else {
                groups.append([line])
            }
        }
        return groups.map { TextBlock(lines: $0, kind: .headline) }
    }
}
