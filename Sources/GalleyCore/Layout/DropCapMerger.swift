/// Stage 4b: drop capitals.
///
/// Contract: a block of one large letter (headline or display type, at least `dropCapRatio` times the
/// body size) whose top is level with the first line of a body block starting just right of it is that
/// paragraph's first letter: it is prepended to the line ("L" + "a madre" → "La madre") and removed. The
/// lines set beside the capital are widened to start where the capital starts, so that they read as the
/// column's full lines and not as indented paragraph starts. Other blocks pass through unchanged, in order.
public struct DropCapMerger: Sendable {
    public var parameters: LayoutParameters
    public init(parameters: LayoutParameters = .standard) { self.parameters = parameters }

    public func merge(_ blocks: [TextBlock], bodySize: Double) -> [TextBlock] {
        var out = blocks
        var removed = Set<Int>()
        for (i, cap) in blocks.enumerated() where isCapital(cap, bodySize: bodySize) {
            let reach = parameters.dropCapReach * cap.box.width
            // The body block whose first line starts right of the capital, level with its top.
            guard let k = out.indices.first(where: { k in
                guard k != i, !removed.contains(k), out[k].kind == .body, let first = out[k].lines.first else { return false }
                let dx = first.box.x0 - cap.box.x1
                return dx >= -1 && dx <= reach && abs(first.box.y0 - cap.box.y0) <= 0.8 * first.size
            }) else { continue }
            var lines = out[k].lines
            lines[0].text = cap.compactText + lines[0].text
            // Lines beside the capital (in this block and in a block of their own) begin at its left edge.
            for j in out.indices where j != i && out[j].kind == .body {
                var changed = false
                var ls = j == k ? lines : out[j].lines
                for n in ls.indices where ls[n].box.verticalOverlap(cap.box) > 0.3 * ls[n].box.height {
                    let dx = ls[n].box.x0 - cap.box.x1
                    guard dx >= -1 && dx <= reach else { continue }
                    ls[n].box = Rect(x0: cap.box.x0, y0: ls[n].box.y0, x1: ls[n].box.x1, y1: ls[n].box.y1)
                    changed = true
                }
                if j == k { lines = ls } else if changed { out[j] = TextBlock(lines: ls, kind: out[j].kind) }
            }
            out[k] = TextBlock(lines: lines, kind: out[k].kind)
            removed.insert(i)
        }
        return out.indices.filter { !removed.contains($0) }.map { out[$0] }
    }

    func isCapital(_ b: TextBlock, bodySize: Double) -> Bool {
        guard b.kind == .headline || b.kind == .display, b.lines.count == 1, !b.vertical else { return false }
        let t = b.compactText
        guard t.count == 1, let c = t.first, c.isLetter else { return false }
        return b.size >= parameters.dropCapRatio * bodySize
    }
}
