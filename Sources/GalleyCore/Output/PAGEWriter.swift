import Foundation

/// Writes one page as a PAGE XML document, version 2019-07-15 (`../shared/schema/page.xsd`).
///
/// PAGE coordinates are whole pixels of an image: here the page at 300 ppi (1 pt = 300/72 px; the
/// `Page` states the resolution), boxes as four-point polygons. Every block Galley found is a
/// `TextRegion` whose `type` is PAGE's (`heading` for kickers, headlines and decks, `paragraph`,
/// `caption`, `credit` for bylines, `header`, `footer`, `page-number`, `other`) and whose `custom`
/// attribute names Galley's role exactly (`structure {type:kicker;}`); its `TextLine`s have `Coords`,
/// a `Baseline` (the line's foot, a fifth of its type size above its box's bottom; down the middle of
/// a vertical line) and the line's text in `TextEquiv`; a line that opens a paragraph says so
/// (`custom="structure {type:paragraph-start;}"`), and a byline line (of a byline block, or taken out
/// of a body block) says where it goes in the article's byline (`structure {type:byline; index:0;}`).
/// Vertical blocks read `top-to-bottom`, their lines right to left.
/// Pictures are `ImageRegion`s, drawn rules `SeparatorRegion`s. The reading order is one
/// `OrderedGroupIndexed` an article (its id, its headline as caption) of its blocks in the order of the
/// JSON's `blocks`, then an `UnorderedGroupIndexed` of the furniture.
public struct PAGEWriter: Sendable {
    public static let namespace = "http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15"
    /// Pixels a point: 300 ppi.
    public static let scale = 300.0 / 72

    public init() {}

    /// The PAGE document of `page`, read from the PDF `source`, created at `created` (an
    /// `xsd:dateTime`).
    public func string(for page: RegionPage, source: String, created: String) -> String {
        String(decoding: data(for: page, source: source, created: created), as: UTF8.self)
    }

    /// The same document as UTF-8 bytes.
    public func data(for page: RegionPage, source: String, created: String) -> Data {
        var w = XMLWriter()
        w.start("PcGts", [("xmlns", Self.namespace), ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
                          ("xsi:schemaLocation", Self.namespace + " " + Self.namespace + "/pagecontent.xsd")])
        w.start("Metadata")
        w.element("Creator", text: "Galley")
        w.element("Created", text: created)
        w.element("LastChange", text: created)
        w.element("Comments", text: "Page \(page.number) of \(source); coordinates in pixels at 300 ppi (1 pt = 300/72 px)")
        w.end()
        w.start("Page", [("imageFilename", source), ("imageWidth", "\(Self.pixels(page.width))"),
                         ("imageHeight", "\(Self.pixels(page.height))"), ("imageXResolution", "300"),
                         ("imageYResolution", "300"), ("imageResolutionUnit", "PPI")])
        Self.readingOrder(page, into: &w)
        var starts = Set<LineHyphenation.LineRef>()
        var bylines: [LineHyphenation.LineRef: Int] = [:]
        for a in page.articles {
            for p in a.paragraphs {
                if let s = p.first { starts.insert(LineHyphenation.LineRef(block: s.block, line: s.lines.lowerBound)) }
            }
            for (k, s) in a.bylines.enumerated() { bylines[LineHyphenation.LineRef(block: s.block, line: s.lines.lowerBound)] = k }
        }
        for (b, block) in page.blocks.enumerated() {
            if block.isImage {
                w.start("ImageRegion", [("id", block.id), ("custom", Self.custom(block.tag.name))])
                w.empty("Coords", [("points", Self.points(block.box))])
                w.end()
                continue
            }
            var attributes: XMLWriter.Attributes = [("id", block.id), ("custom", Self.custom(block.tag.name))]
            if block.vertical { attributes += [("readingDirection", "top-to-bottom"), ("textLineOrder", "right-to-left")] }
            attributes.append(("type", Self.regionType(block.tag)))
            w.start("TextRegion", attributes)
            w.empty("Coords", [("points", Self.points(block.box))])
            for (l, line) in block.lines.enumerated() {
                let ref = LineHyphenation.LineRef(block: b, line: l)
                var custom: String?
                if let k = bylines[ref] { custom = "structure {type:byline; index:\(k);}" }
                else if starts.contains(ref) { custom = Self.custom("paragraph-start") }
                w.start("TextLine", [("id", block.lineID(l)), ("custom", custom)])
                w.empty("Coords", [("points", Self.points(line.box))])
                w.empty("Baseline", [("points", Self.baseline(line))])
                w.start("TextEquiv")
                w.element("Unicode", text: line.text)
                w.end()
                w.end()
            }
            w.start("TextEquiv")
            w.element("Unicode", text: block.lines.map(\.text).joined(separator: "\n"))
            w.end()
            w.end()
        }
        for (k, rule) in page.rules.enumerated() {
            w.start("SeparatorRegion", [("id", "p\(page.number)-r\(k + 1)")])
            w.empty("Coords", [("points", Self.points(rule.box))])
            w.end()
        }
        w.end()
        w.end()
        return w.data
    }

    static func readingOrder(_ page: RegionPage, into w: inout XMLWriter) {
        let furniture = page.blocks.filter { if case .furniture = $0.tag { return true } else { return false } }
        guard !page.articles.isEmpty || !furniture.isEmpty else { return }
        w.start("ReadingOrder")
        w.start("OrderedGroup", [("id", "p\(page.number)-order"), ("caption", "articles, then furniture")])
        for (k, a) in page.articles.enumerated() {
            w.start("OrderedGroupIndexed", [("id", a.id), ("index", "\(k)"), ("caption", a.headline)])
            for (n, step) in a.path.enumerated() {
                w.empty("RegionRefIndexed", [("index", "\(n)"), ("regionRef", page.blocks[step.block].id)])
            }
            w.end()
        }
        if !furniture.isEmpty {
            w.start("UnorderedGroupIndexed", [("id", "p\(page.number)-furniture"), ("index", "\(page.articles.count)"),
                                              ("caption", "furniture")])
            for block in furniture { w.empty("RegionRef", [("regionRef", block.id)]) }
            w.end()
        }
        w.end()
        w.end()
    }

    /// PAGE's region type for a block.
    public static func regionType(_ tag: BlockTag) -> String {
        switch tag {
        case .article(.kicker), .article(.headline), .article(.subheadline): return "heading"
        case .article(.byline): return "credit"
        case .article(.body): return "paragraph"
        case .article(.caption): return "caption"
        case .article(.image): return "other"
        case .furniture(.header), .furniture(.masthead): return "header"
        case .furniture(.footer): return "footer"
        case .furniture(.folio): return "page-number"
        case .furniture(.advertisement), .furniture(.other): return "other"
        }
    }

    static func custom(_ type: String) -> String { "structure {type:\(type);}" }

    static func pixels(_ v: Double) -> Int { v.isFinite ? max(0, Int((v * scale).rounded())) : 0 }

    /// A box as a polygon: top left, top right, bottom right, bottom left.
    static func points(_ r: Rect) -> String {
        let x0 = pixels(r.x0), y0 = pixels(r.y0), x1 = pixels(r.x1), y1 = pixels(r.y1)
        return "\(x0),\(y0) \(x1),\(y0) \(x1),\(y1) \(x0),\(y1)"
    }

    static func baseline(_ line: TextLine) -> String {
        let b = line.box
        if line.vertical { return "\(pixels(b.midX)),\(pixels(b.y0)) \(pixels(b.midX)),\(pixels(b.y1))" }
        let y = pixels(max(b.y0, b.y1 - 0.2 * line.size))
        return "\(pixels(b.x0)),\(y) \(pixels(b.x1)),\(y)"
    }
}
