import Foundation

/// Writes pages as one ALTO 4.4 document (`../shared/schema/alto-4-4.xsd`), one `Page` each.
///
/// Measurement unit `pixel` at 72 dpi: one pixel is one PDF point, coordinates from the page's
/// top-left corner, rounded to 0.01 as the JSON's boxes are. Every block Galley found is a
/// `TextBlock` (articles' blocks and furniture), tagged with its role through `TAGREFS` to a
/// `LayoutTag` (`tag-headline`, `tag-body`, `tag-folio`…); its lines are `TextLine`s, their words
/// `String`s with boxes, `CONTENT` and a `TextStyle` (font family without the subset prefix, size in
/// points, bold, italics, colour), `SP` between them. A word split at a line end keeps its halves in
/// the two lines (`SUBS_TYPE` HypPart1/HypPart2, the whole word in `SUBS_CONTENT`, the hyphen in
/// `HYP`). Vertical lines (glyphs stacked top to bottom) have `BASEDIRECTION="ttb"`. A byline the
/// layout took out of a body block is a line tagged `tag-byline`. Pictures are `Illustration`s,
/// drawn rules `GraphicalElement`s. The reading order has one `OrderedGroup` an article (its id, e.g.
/// `p1-a2`), its blocks' `ElementRef`s in the order of the JSON's `blocks`.
public struct ALTOWriter: Sendable {
    public static let namespace = "http://www.loc.gov/standards/alto/ns-v4#"

    public init() {}

    /// The ALTO document of `pages`, read from the PDF `source`.
    public func string(for pages: [RegionPage], source: String) -> String {
        String(decoding: data(for: pages, source: source), as: UTF8.self)
    }

    /// The same document as UTF-8 bytes.
    public func data(for pages: [RegionPage], source: String) -> Data {
        var styles = TextStyles()
        // The layout first (it names the styles it uses), the header in front of it.
        var layout = XMLWriter(fragment: true, depth: 1)
        layout.start("Layout")
        for page in pages { Self.page(page, into: &layout, styles: &styles) }
        layout.end()

        var w = XMLWriter()
        w.start("alto", [("xmlns", Self.namespace), ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
                         ("xsi:schemaLocation", Self.namespace + " http://www.loc.gov/alto/v4/alto-4-4.xsd"),
                         ("SCHEMAVERSION", "4.4")])
        w.start("Description")
        w.element("MeasurementUnit", text: "pixel")
        w.start("sourceImageInformation")
        w.element("fileName", text: source)
        w.end()
        w.start("Processing", [("ID", "galley")])
        w.element("processingStepDescription",
                  text: "Layout analysis of the PDF's text layer; 1 pixel = 1 pt (72 dpi), origin at the page's top-left corner")
        w.start("processingSoftware")
        w.element("softwareName", text: "Galley")
        w.end()
        w.end()
        w.end()
        if !styles.list.isEmpty {
            w.start("Styles")
            for (n, s) in styles.list.enumerated() {
                w.empty("TextStyle", [("ID", "font\(n + 1)"), ("FONTFAMILY", s.family),
                                      ("FONTSIZE", XMLWriter.number(s.size)), ("FONTCOLOR", s.color),
                                      ("FONTSTYLE", s.fontStyle)])
            }
            w.end()
        }
        w.start("Tags")
        for tag in BlockTag.all { w.empty("LayoutTag", [("ID", Self.tagID(tag)), ("LABEL", tag.name)]) }
        w.end()
        let articles = pages.flatMap { p in p.articles.map { (p, $0) } }
        if !articles.isEmpty {
            w.start("ReadingOrder")
            for (page, a) in articles {
                w.start("OrderedGroup", [("ID", a.id)])
                for (k, step) in a.path.enumerated() {
                    w.empty("ElementRef", [("ID", a.id + "-r\(k + 1)"), ("REF", page.blocks[step.block].id),
                                           ("TAGREFS", Self.tagID(.article(step.role)))])
                }
                w.end()
            }
            w.end()
        }
        w.append(layout)
        w.end()
        return w.data
    }

    /// The identifier of a tag's `LayoutTag`.
    public static func tagID(_ tag: BlockTag) -> String { "tag-" + tag.name }

    static func page(_ page: RegionPage, into w: inout XMLWriter, styles: inout TextStyles) {
        let n = XMLWriter.number
        w.start("Page", [("ID", "page\(page.number)"), ("PHYSICAL_IMG_NR", "\(page.number)"),
                         ("WIDTH", n(page.width)), ("HEIGHT", n(page.height))])
        w.start("PrintSpace", [("HPOS", "0"), ("VPOS", "0"), ("WIDTH", n(page.width)), ("HEIGHT", n(page.height))])
        let words = page.blocks.map { $0.lines.map(LineWords.words) }
        let hyphens = LineHyphenation(page, words: words)
        for (b, block) in page.blocks.enumerated() {
            var attributes = [("ID", block.id), ("TAGREFS", tagID(block.tag))] as XMLWriter.Attributes
            attributes += box(block.box)
            if block.isImage {
                w.empty("Illustration", attributes)
                continue
            }
            if block.vertical { attributes.append(("BASEDIRECTION", "ttb")) }
            w.start("TextBlock", attributes)
            for (l, line) in block.lines.enumerated() {
                let ref = LineHyphenation.LineRef(block: b, line: l)
                w.open("TextLine")
                w.attribute("ID", block.lineID(l))
                if block.bylineLines.contains(l) { w.attribute("TAGREFS", tagID(.article(.byline))) }
                box(line.box, &w)
                if line.vertical { w.attribute("BASEDIRECTION", "ttb") }
                w.closeStart("TextLine")
                let ws = words[b][l]
                for (k, word) in ws.enumerated() {
                    if k > 0 {
                        let gap = word.box.x0 - ws[k - 1].box.x1
                        w.open("SP")
                        if gap > 0 && !line.vertical {
                            w.attribute("HPOS", number: ws[k - 1].box.x1)
                            w.attribute("VPOS", number: line.box.y0)
                            w.attribute("WIDTH", number: gap)
                        }
                        w.close()
                    }
                    var content = word.text, wordBox = word.box
                    var hyp: Rect?
                    var substitution: (type: String, whole: String)?
                    if k == 0, let whole = hyphens.starts[ref] { substitution = ("HypPart2", whole) }
                    if k == ws.count - 1, let whole = hyphens.ends[ref] {
                        content.removeLast()
                        // The hyphen's own glyph, where it is one, is the HYP's box.
                        if word.glyphs.count > 1, let g = word.glyphs.last, line.glyphs[g].text == "-" || line.glyphs[g].text == "\u{AD}" {
                            hyp = line.glyphs[g].box
                            wordBox = Rect.union(line.glyphs[word.glyphs.dropLast()].map(\.box)) ?? word.box
                        } else {
                            hyp = Rect(x0: word.box.x1, y0: word.box.y0, x1: word.box.x1, y1: word.box.y1)
                        }
                        substitution = ("HypPart1", whole)
                    }
                    w.open("String")
                    box(wordBox, &w)
                    w.attribute("CONTENT", content)
                    if !word.glyphs.isEmpty { w.attribute("STYLEREFS", styles.id(for: line.glyphs[word.glyphs.lowerBound])) }
                    if let substitution {
                        w.attribute("SUBS_TYPE", substitution.type)
                        w.attribute("SUBS_CONTENT", substitution.whole)
                    }
                    w.close()
                    if let hyp {
                        w.empty("HYP", box(hyp) + [("CONTENT", String(word.text.last!))])
                    }
                }
                w.end()
            }
            w.end()
        }
        for (k, rule) in page.rules.enumerated() {
            w.empty("GraphicalElement", [("ID", "p\(page.number)-r\(k + 1)")] + box(rule.box))
        }
        w.end()
        w.end()
    }

    static func box(_ r: Rect, _ w: inout XMLWriter) {
        w.attribute("HPOS", number: r.x0)
        w.attribute("VPOS", number: r.y0)
        w.attribute("WIDTH", number: r.width)
        w.attribute("HEIGHT", number: r.height)
    }

    static func box(_ r: Rect) -> XMLWriter.Attributes {
        [("HPOS", XMLWriter.number(r.x0)), ("VPOS", XMLWriter.number(r.y0)),
         ("WIDTH", XMLWriter.number(r.width)), ("HEIGHT", XMLWriter.number(r.height))]
    }
}

/// The text styles of a document: one a font, size, weight, slant and colour, numbered as first used.
struct TextStyles {
    struct Style: Hashable {
        var family: String
        var size: Double
        var bold: Bool
        var italic: Bool
        var color: String

        /// ALTO's FONTSTYLE list, nil for regular type.
        var fontStyle: String? {
            let s = (bold ? ["bold"] : []) + (italic ? ["italics"] : [])
            return s.isEmpty ? nil : s.joined(separator: " ")
        }
    }

    /// What a glyph says of its style, as it says it (looked up for every word).
    private struct GlyphStyle: Hashable {
        var font: String
        var size: Double
        var bold: Bool
        var italic: Bool
        var color: RGB
    }

    private(set) var list: [Style] = []
    private var ids: [Style: String] = [:]
    private var seen: [GlyphStyle: String] = [:]

    /// The style's ID (`font<k>`), the style added where it is new.
    mutating func id(for glyph: Glyph) -> String {
        let key = GlyphStyle(font: glyph.font, size: glyph.size, bold: glyph.bold, italic: glyph.italic, color: glyph.color)
        if let id = seen[key] { return id }
        let style = Style(family: Self.family(glyph.font), size: (glyph.size * 10).rounded() / 10, bold: glyph.bold,
                          italic: glyph.italic, color: String(glyph.color.hex.dropFirst()).uppercased())
        let id: String
        if let known = ids[style] {
            id = known
        } else {
            list.append(style)
            id = "font\(list.count)"
            ids[style] = id
        }
        seen[key] = id
        return id
    }

    /// The font's name without the six-letter subset prefix a PDF gives embedded subsets (`ABCDEF+`).
    static func family(_ font: String) -> String {
        let parts = font.split(separator: "+", maxSplits: 1)
        if parts.count == 2, parts[0].count == 6, parts[0].allSatisfy({ $0.isUppercase && $0.isASCII }) { return String(parts[1]) }
        return font
    }
}
