/// Stage 5: blocks → a tree of regions, whose leaves in order give the reading order (recursive XY-cut).
///
/// Contract: every input block appears in exactly one leaf. A region is cut, in this order of preference:
/// 1. across, along horizontal rules (or frame edges) spanning most of its width that no block crosses;
///    or across under a headline (with its kicker or deck) centred over wider text and alone at the top;
/// 2. down, along white gaps at least `minColumnGap` em wide (or vertical rules) that no block crosses
///    from the region's top to its bottom: columns, read left to right; a narrower gap (`storyGutterGap`)
///    also where only headline type narrows it and a headline stands on each side (two stories side by side);
/// 3. across, along the topmost white gap at least `minRowGap` em tall: stacked pieces, read top to
///    bottom (the rest is cut again from 1).
/// Cutting down before across keeps the columns of one article together: a gap across two columns at
/// the same height (a paragraph break in both) does not split the article into two stripes. A vertical
/// headline set down the right side of its text is moved in front of the columns beside it. A region that
/// cannot be cut keeps its blocks sorted top to bottom.
public struct RegionCutter: Sendable {
    public var parameters: LayoutParameters
    public init(parameters: LayoutParameters = .standard) { self.parameters = parameters }

    public indirect enum Node: Sendable {
        /// Block indexes in reading order.
        case leaf([Int])
        /// Children top to bottom (`across`) or left to right (`down`).
        case split(across: Bool, children: [Node])

        public var order: [Int] {
            switch self {
            case .leaf(let items): return items
            case .split(_, let children): return children.flatMap(\.order)
            }
        }
    }

    public struct Result: Sendable {
        public var tree: Node
        /// The cuts made: thin boxes along gutters and rules.
        public var separators: [Rect]
    }

    public func cut(_ blocks: [TextBlock], rules: [Rule], bodySize: Double) -> Result {
        var horizontal: [Rect] = [], vertical: [Rect] = []
        for r in rules {
            switch r.kind {
            case .horizontal: horizontal.append(r.box)
            case .vertical: vertical.append(r.box)
            case .frame, .fill:
                horizontal += [Rect(x0: r.box.x0, y0: r.box.y0, x1: r.box.x1, y1: r.box.y0),
                               Rect(x0: r.box.x0, y0: r.box.y1, x1: r.box.x1, y1: r.box.y1)]
                vertical += [Rect(x0: r.box.x0, y0: r.box.y0, x1: r.box.x0, y1: r.box.y1),
                             Rect(x0: r.box.x1, y0: r.box.y0, x1: r.box.x1, y1: r.box.y1)]
            }
        }
        var ctx = Context(blocks: blocks, horizontal: horizontal, vertical: vertical, body: bodySize,
                          parameters: parameters)
        let tree = ctx.cut(Array(blocks.indices))
        return Result(tree: tree, separators: ctx.separators)
    }

    struct Context {
        let blocks: [TextBlock]
        let horizontal: [Rect]
        let vertical: [Rect]
        let body: Double
        let parameters: LayoutParameters
        var separators: [Rect] = []

        mutating func cut(_ items: [Int]) -> Node {
            guard items.count > 1 else { return .leaf(items) }
            let boxes = items.map { blocks[$0].core }
            let extent = Rect.union(boxes)!
            // 1. Horizontal rules.
            let ruleCuts = horizontal.compactMap { r -> Double? in
                let y = r.midY
                guard y > extent.y0, y < extent.y1,
                      r.horizontalOverlap(extent) >= parameters.ruleCutCoverage * extent.width,
                      !boxes.contains(where: { $0.y0 < y - 1 && $0.y1 > y + 1 }) else { return nil }
                return y
            }
            if let parts = partition(items, across: true, at: ruleCuts) {
                for y in ruleCuts { separators.append(Rect(x0: extent.x0, y0: y, x1: extent.x1, y1: y + 0.5)) }
                return split(parts, across: true)
            }
            // 1b. A headline centred over the text under it, with nothing beside it, is read before all of
            // that text, also the columns set left and right of it (a headline narrower than its story).
            if let y = centredHeadlineCut(items, boxes: boxes),
               let parts = partition(items, across: true, at: [y]) {
                return split(parts, across: true)
            }
            // 2. Columns.
            let xs = gaps(boxes.map { ($0.x0, $0.x1) }, minimum: 0)
            let columnCuts = xs.compactMap { g -> Double? in
                if g.1 - g.0 >= parameters.minColumnGap * body { return (g.0 + g.1) / 2 }
                let ruled = vertical.first { r in
                    r.midX >= g.0 - 1 && r.midX <= g.1 + 1 && r.verticalOverlap(extent) >= 0.5 * extent.height
                }
                if let r = ruled { return r.midX }
                return isGutterBetweenStories(g, items: items) ? (g.0 + g.1) / 2 : nil
            }
            if let parts = partition(items, across: false, at: columnCuts) {
                for x in columnCuts { separators.append(Rect(x0: x, y0: extent.y0, x1: x + 0.5, y1: extent.y1)) }
                return split(parts, across: false)
            }
            // 3. Rows: only the topmost gap is cut here; what lies below is cut again from step 1, so
            // that a story's columns that start at different heights (one under a photo, one beside it)
            // stay columns rather than being sliced into stripes at the first column's end.
            let ys = gaps(boxes.map { ($0.y0, $0.y1) }, minimum: parameters.minRowGap * body)
            if let g = ys.first, let parts = partition(items, across: true, at: [(g.0 + g.1) / 2]) {
                return split(parts, across: true)
            }
            // 4. A picture across the region touching the text above or below it (a strip of a scan):
            // text never runs through a picture, so its edge is a row cut even without white.
            if let y = pictureEdgeCut(items, extent: extent), let parts = partition(items, across: true, at: [y]) {
                return split(parts, across: true)
            }
            return .leaf(items.sorted { blocks[$0].core.y0 < blocks[$1].core.y0 })
        }

        /// True where a white gap too narrow for a column gutter still parts two stories set side by side: it
        /// is at least `storyGutterGap` em wide, only headline type narrows it (the text, pictures and small
        /// print on both sides keep a full `minColumnGap` apart, a gutter), and a headline stands on each
        /// side, heading its own column group. A headline set tight against the next story's first column.
        func isGutterBetweenStories(_ g: (Double, Double), items: [Int]) -> Bool {
            guard g.1 - g.0 >= parameters.storyGutterGap * body else { return false }
            let mid = (g.0 + g.1) / 2
            let left = items.filter { blocks[$0].core.midX < mid }, right = items.filter { blocks[$0].core.midX >= mid }
            func heads(_ side: [Int]) -> Bool { side.contains { blocks[$0].kind == .headline } }
            guard heads(left), heads(right) else { return false }
            let textLeft = left.filter { !isDisplay(blocks[$0]) }.map { blocks[$0].core.x1 }.max()
            let textRight = right.filter { !isDisplay(blocks[$0]) }.map { blocks[$0].core.x0 }.min()
            guard let a = textLeft, let b = textRight else { return false }
            return b - a >= parameters.minColumnGap * body
        }

        func isDisplay(_ b: TextBlock) -> Bool { b.kind == .headline || b.kind == .display }

        /// Where the region's topmost white row gap has only headline type above it (a headline, maybe its
        /// kicker or deck), and that is centred over the wider text below it: that gap.
        func centredHeadlineCut(_ items: [Int], boxes: [Rect]) -> Double? {
            guard let g = gaps(boxes.map { ($0.y0, $0.y1) }, minimum: parameters.minRowGap * body).first else { return nil }
            let y = (g.0 + g.1) / 2
            let above = items.filter { blocks[$0].core.midY < y }, below = items.filter { blocks[$0].core.midY >= y }
            guard !above.isEmpty, !below.isEmpty,
                  above.allSatisfy({ (blocks[$0].kind == .headline || blocks[$0].kind == .display)
                      && !blocks[$0].isVerticalHeadline }),
                  above.contains(where: { blocks[$0].kind == .headline }),
                  let head = Rect.union(above.map { blocks[$0].core }),
                  let text = Rect.union(below.map { blocks[$0].core }) else { return nil }
            // One stack (not two headlines side by side): every piece overlaps the widest one.
            let widest = above.max { blocks[$0].core.width < blocks[$1].core.width }!
            guard above.allSatisfy({ blocks[$0].core.horizontalOverlap(blocks[widest].core) > 0 }),
                  text.width > head.width + 2 * parameters.minColumnGap * body,
                  abs(head.midX - text.midX) <= parameters.centreTolerance * blocks[above[0]].size else { return nil }
            return y
        }

        /// The top or bottom edge of a picture spanning most of the region's width, where every other
        /// block lies wholly above or below it (within `pictureEdgeSlack` em); nil where there is none.
        func pictureEdgeCut(_ items: [Int], extent: Rect) -> Double? {
            let slack = parameters.pictureEdgeSlack * body
            for i in items where blocks[i].kind == .image && blocks[i].box.width >= parameters.ruleCutCoverage * extent.width {
                let pic = blocks[i].box
                for y in [pic.y0, pic.y1] where y > extent.y0 + slack && y < extent.y1 - slack {
                    let clear = items.allSatisfy { j in
                        j == i || blocks[j].box.y1 <= y + slack || blocks[j].box.y0 >= y - slack
                    }
                    if clear { return y }
                }
            }
            return nil
        }

        /// The items on each side of the cuts, or nil where the cuts leave them all on one side.
        func partition(_ items: [Int], across: Bool, at cuts: [Double]) -> [[Int]]? {
            guard !cuts.isEmpty else { return nil }
            let cuts = cuts.sorted()
            var parts = [[Int]](repeating: [], count: cuts.count + 1)
            for i in items {
                let c = across ? blocks[i].core.midY : blocks[i].core.midX
                let k = cuts.firstIndex { c < $0 } ?? cuts.count
                parts[k].append(i)
            }
            parts = parts.filter { !$0.isEmpty }
            return parts.count >= 2 ? parts : nil
        }

        mutating func split(_ parts: [[Int]], across: Bool) -> Node {
            var children = parts.map { cut($0) }
            if !across { children = storyColumnsAfterHeadline(headlinesFirst(children)) }
            return .split(across: across, children: children)
        }

        /// Columns without a headline that stand left of a headlined column group and start level with the
        /// text under its headline (below the headline, where the group's columns start) are that story's
        /// first columns, set outside the headline's width: the headline is read first, then they, then
        /// the group's columns.
        func storyColumnsAfterHeadline(_ children: [Node]) -> [Node] {
            var out = children
            var k = 1
            while k < out.count {
                guard let (headNode, rest) = headAndRest(out[k]), let head = headRect(headNode.order),
                      let text = Rect.union(rest.order.map { blocks[$0].core }) else { k += 1; continue }
                let em = body
                var first = k
                while first > 0 {
                    let items = out[first - 1].order
                    guard !items.isEmpty, items.allSatisfy({ blocks[$0].kind != .headline }),
                          let box = Rect.union(items.map { blocks[$0].core }),
                          box.y0 >= head.y1 - 0.5 * em, abs(box.y0 - text.y0) <= em else { break }
                    first -= 1
                }
                guard first < k else { k += 1; continue }
                let moved = Array(out[first..<k])
                let rebuilt: [Node] = [headNode] + moved + [rest]
                out.replaceSubrange(first...k, with: [.split(across: true, children: rebuilt)])
                k = first + 1
            }
            return out
        }

        /// A region read as headline type first (a stack, or the leading blocks of a leaf) and the rest.
        func headAndRest(_ node: Node) -> (Node, Node)? {
            switch node {
            case .split(true, let parts) where parts.count >= 2:
                guard headRect(parts[0].order) != nil else { return nil }
                return (parts[0], parts.count == 2 ? parts[1] : .split(across: true, children: Array(parts[1...])))
            case .leaf(let items):
                let n = items.prefix { blocks[$0].kind == .headline || blocks[$0].kind == .display }.count
                guard n > 0, n < items.count, headRect(Array(items[..<n])) != nil else { return nil }
                return (.leaf(Array(items[..<n])), .leaf(Array(items[n...])))
            default:
                return nil
            }
        }

        /// The box of `items` where they are all headline type (a headline with its kicker or deck).
        func headRect(_ items: [Int]) -> Rect? {
            guard !items.isEmpty, items.contains(where: { blocks[$0].kind == .headline }),
                  items.allSatisfy({ blocks[$0].kind == .headline || blocks[$0].kind == .display }),
                  !items.contains(where: { blocks[$0].isVerticalHeadline }) else { return nil }
            return Rect.union(items.map { blocks[$0].core })
        }

        /// Moves a vertical headline in front of the headline-less columns to its left that stand beside it.
        func headlinesFirst(_ children: [Node]) -> [Node] {
            var out = children
            for k in children.indices {
                let items = children[k].order
                guard items.allSatisfy({ blocks[$0].isVerticalHeadline }) else { continue }
                let head = Rect.union(items.map { blocks[$0].box })!
                guard let at = out.firstIndex(where: { $0.order == items }) else { continue }
                var dest = at
                while dest > 0 {
                    let prev = out[dest - 1].order
                    let box = Rect.union(prev.map { blocks[$0].box })!
                    let hasHead = prev.contains { blocks[$0].kind == .headline }
                    if hasHead || box.verticalOverlap(head) < 0.5 * min(box.height, head.height) { break }
                    dest -= 1
                }
                if dest < at { let n = out.remove(at: at); out.insert(n, at: dest) }
            }
            return out
        }

        /// Uncovered intervals between the given covered intervals, at least `minimum` long.
        func gaps(_ spans: [(Double, Double)], minimum: Double) -> [(Double, Double)] {
            let s = spans.sorted { $0.0 < $1.0 }
            var out: [(Double, Double)] = []
            guard var end = s.first?.1 else { return out }
            for (a, b) in s.dropFirst() {
                if a - end > max(minimum, 0.01) { out.append((end, a)) }
                end = max(end, b)
            }
            return out
        }
    }
}
