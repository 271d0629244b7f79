/// Stage 2b: picture boxes as the reader sees them.
///
/// Contract: returns one box per image, clipped to the page and shrunk so that no text glyph's centre
/// lies inside it. PDFs often place a picture larger than it shows and clip it; the box the PDF reports
/// may then cover the text set beside the picture. Of the four ways to cut the glyphs away (from the
/// right, left, bottom or top), the one keeping the largest box wins. An image covered by text
/// everywhere (a background tint) comes back empty.
public struct ImageTrimmer: Sendable {
    public init() {}

    public func trim(_ images: [Rect], glyphs: [Glyph], page: Rect) -> [Rect] {
        images.compactMap { img -> Rect? in
            guard var box = img.intersection(page) else { return nil }
            for _ in 0..<4 {
                let inside = glyphs.filter { box.contains(x: $0.box.midX, y: $0.box.midY) }
                guard !inside.isEmpty else { return box }
                let candidates = [
                    Rect(x0: box.x0, y0: box.y0, x1: inside.map(\.box.x0).min()!, y1: box.y1),
                    Rect(x0: inside.map(\.box.x1).max()!, y0: box.y0, x1: box.x1, y1: box.y1),
                    Rect(x0: box.x0, y0: box.y0, x1: box.x1, y1: inside.map(\.box.y0).min()!),
                    Rect(x0: box.x0, y0: inside.map(\.box.y1).max()!, x1: box.x1, y1: box.y1),
                ].filter { !$0.isEmpty }
                guard let best = candidates.max(by: { $0.area < $1.area }) else { return nil }
                box = best
            }
            return glyphs.contains { box.contains(x: $0.box.midX, y: $0.box.midY) } ? nil : box
        }
    }
}
