import Foundation

/// A plain-text picture of what the stages found on a page: the region tree with its blocks, then the
/// articles. Used by tests (compare with an expected dump) and when debugging a page.
public enum LayoutTreeDump {
    public static func dump(_ trace: PageAnalyzer.Trace) -> String {
        var out = "body \(format(trace.bodySize)) pt, \(trace.lines.count) lines, \(trace.blocks.count) blocks\n"
        let d = trace.drawing
        if trace.sizeNoise > 0 { out += "type sizes scatter: \(hundredths(trace.sizeNoise)) (log ratio)\n" }
        out += "drawing order: coherence \(hundredths(d.coherence)) over \(d.runs) runs, \(d.trusted ? "trusted" : "not trusted")\n"
        for f in trace.furniture { out += "furniture \(f.role.rawValue) \(box(f.block.box)) \(quote(f.block.text))\n" }
        out += node(trace.tree, blocks: trace.content, depth: 0)
        for (k, d) in trace.drafts.enumerated() {
            let parts = d.sequence.map { "\($0.0.rawValue)" }.joined(separator: " ")
            out += "article \(k + 1): \(parts)\n"
        }
        return out
    }

    static func node(_ n: RegionCutter.Node, blocks: [TextBlock], depth: Int) -> String {
        let pad = String(repeating: "  ", count: depth)
        switch n {
        case .leaf(let items):
            return items.map { i in
                let b = blocks[i]
                let first = b.lines.first?.text ?? ""
                return "\(pad)\(b.kind.rawValue) \(box(b.box)) \(b.lines.count)L \(quote(String(first.prefix(16))))\n"
            }.joined()
        case .split(let across, let children):
            return "\(pad)\(across ? "rows" : "columns")\n" + children.map { node($0, blocks: blocks, depth: depth + 1) }.joined()
        }
    }

    static func format(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }

    static func hundredths(_ v: Double) -> String { String(format: "%.2f", v) }

    static func box(_ r: Rect) -> String { "[\(format(r.x0)),\(format(r.y0)),\(format(r.x1)),\(format(r.y1))]" }
    static func quote(_ s: String) -> String { "\"" + s.replacingNewlines() + "\"" }
}

extension String {
    func replacingNewlines() -> String { String(map { $0 == "\n" ? " " : $0 }) }
}
