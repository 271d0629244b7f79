import Foundation

/// Writes the METS document that ties a PDF's ALTO files (one a page, `ALTOWriter`) into articles, as
/// newspaper archives (impresso, docWorks) lay them out.
///
/// The file section lists the ALTO files; the physical structure map one `PAGE` div a page; the logical
/// one, under the div, one `ARTICLE` div an article (`ID` the JSON's id, `LABEL` its headline,
/// `ORDER` its place) holding a `HEADING` div (`KICKER`, `TITLE`, `SUBTITLE`, `AUTHOR`), a `BODY` div of
/// `PARAGRAPH` divs (`ORDER` 1, 2…), `CAPTION` and `ILLUSTRATION` divs, then one div a piece of
/// furniture (`ADVERTISEMENT`, `HEADER`, `FOOTER`, `PAGE_NUMBER`, `MASTHEAD`, `OTHER`). Each points at
/// its ALTO elements with `area`s (`BETYPE="IDREF"`): `BEGIN` a `TextBlock` or `Illustration` ID where
/// it is the whole block, `BEGIN` and `END` the first and last `TextLine` IDs where it is part of one
/// (a paragraph that ends or begins inside a block, a byline line).
public struct METSWriter: Sendable {
    public init() {}

    /// One ALTO file: its page, and its path from the METS file's folder.
    public struct ALTOFile: Sendable {
        public var page: RegionPage
        public var href: String
        public init(page: RegionPage, href: String) { self.page = page; self.href = href }

        /// The file's ID in the METS document.
        var id: String { "alto-p\(page.number)" }
    }

    /// The METS document for `files`, read from the PDF `source`, created at `created` (an
    /// `xsd:dateTime`, e.g. `2024-05-01T12:00:00Z`).
    public func string(for files: [ALTOFile], source: String, created: String) -> String {
        String(decoding: data(for: files, source: source, created: created), as: UTF8.self)
    }

    /// The same document as UTF-8 bytes.
    public func data(for files: [ALTOFile], source: String, created: String) -> Data {
        var w = XMLWriter()
        w.start("mets", [("xmlns", "http://www.loc.gov/METS/"), ("xmlns:xlink", "http://www.w3.org/1999/xlink"),
                         ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
                         ("xsi:schemaLocation", "http://www.loc.gov/METS/ http://www.loc.gov/standards/mets/mets.xsd"),
                         ("LABEL", source), ("TYPE", "Newspaper")])
        w.start("metsHdr", [("CREATEDATE", created)])
        w.start("agent", [("ROLE", "CREATOR"), ("TYPE", "OTHER"), ("OTHERTYPE", "SOFTWARE")])
        w.element("name", text: "Galley")
        w.end()
        w.end()
        w.start("fileSec")
        w.start("fileGrp", [("ID", "fulltext"), ("USE", "FULLTEXT")])
        for (k, f) in files.enumerated() {
            w.start("file", [("ID", f.id), ("MIMETYPE", "text/xml"), ("SEQ", "\(k + 1)")])
            w.empty("FLocat", [("LOCTYPE", "URL"), ("xlink:href", f.href)])
            w.end()
        }
        w.end()
        w.end()

        w.start("structMap", [("TYPE", "PHYSICAL")])
        w.start("div", [("ID", "physical"), ("TYPE", "Newspaper")])
        for (k, f) in files.enumerated() {
            w.start("div", [("ID", "page-\(f.page.number)"), ("TYPE", "PAGE"), ("ORDER", "\(k + 1)"),
                            ("ORDERLABEL", "\(f.page.number)")])
            w.empty("fptr", [("FILEID", f.id)])
            w.end()
        }
        w.end()
        w.end()

        w.start("structMap", [("TYPE", "LOGICAL")])
        w.start("div", [("ID", "issue"), ("TYPE", "Newspaper"), ("LABEL", source)])
        var order = 0
        for f in files {
            for a in f.page.articles {
                order += 1
                Self.article(a, in: f, order: order, into: &w)
            }
        }
        for f in files {
            for (k, block) in f.page.blocks.enumerated() {
                guard case let .furniture(role) = block.tag else { continue }
                w.start("div", [("ID", block.id + "-furniture"), ("TYPE", Self.furnitureType(role))])
                Self.pointer([LineSpan(block: k, lines: block.lines.indices)], in: f, into: &w)
                w.end()
            }
        }
        w.end()
        w.end()
        w.end()
        return w.data
    }

    static func article(_ a: RegionArticle, in f: ALTOFile, order: Int, into w: inout XMLWriter) {
        let page = f.page
        func whole(_ k: Int) -> LineSpan { LineSpan(block: k, lines: page.blocks[k].lines.indices) }
        func part(_ id: String, _ type: String, _ spans: [LineSpan], order: Int? = nil) {
            guard !spans.isEmpty else { return }
            w.start("div", [("ID", id), ("TYPE", type), ("ORDER", order.map { "\($0)" })])
            pointer(spans, in: f, into: &w)
            w.end()
        }
        w.start("div", [("ID", a.id), ("TYPE", "ARTICLE"), ("LABEL", a.headline), ("ORDER", "\(order)")])
        let heading: [(Role, String)] = [(.kicker, "KICKER"), (.headline, "TITLE"), (.subheadline, "SUBTITLE")]
        if heading.contains(where: { !a.blocks($0.0).isEmpty }) || !a.bylines.isEmpty {
            w.start("div", [("ID", a.id + "-heading"), ("TYPE", "HEADING")])
            for (role, type) in heading { part(a.id + "-" + role.rawValue, type, a.blocks(role).map(whole)) }
            for (k, span) in a.bylines.enumerated() {
                let isBlock = page.blocks[span.block].tag == .article(.byline)
                part(a.id + "-byline\(k + 1)", "AUTHOR", [isBlock ? whole(span.block) : span], order: k + 1)
            }
            w.end()
        }
        if !a.paragraphs.isEmpty {
            w.start("div", [("ID", a.id + "-body"), ("TYPE", "BODY")])
            for (k, p) in a.paragraphs.enumerated() { part(a.id + "-p\(k + 1)", "PARAGRAPH", p, order: k + 1) }
            w.end()
        }
        for (k, c) in a.blocks(.caption).enumerated() { part(a.id + "-caption\(k + 1)", "CAPTION", [whole(c)], order: k + 1) }
        for (k, i) in a.blocks(.image).enumerated() { part(a.id + "-image\(k + 1)", "ILLUSTRATION", [whole(i)], order: k + 1) }
        w.end()
    }

    /// An `fptr` to the ALTO elements of `spans`: a whole block by its ID, part of one by its first and
    /// last lines.
    static func pointer(_ spans: [LineSpan], in f: ALTOFile, into w: inout XMLWriter) {
        w.start("fptr")
        w.start("seq")
        for s in spans {
            let block = f.page.blocks[s.block]
            if s.lines == block.lines.indices {
                w.empty("area", [("FILEID", f.id), ("BEGIN", block.id), ("BETYPE", "IDREF")])
            } else {
                w.empty("area", [("FILEID", f.id), ("BEGIN", block.lineID(s.lines.lowerBound)),
                                 ("END", block.lineID(s.lines.upperBound - 1)), ("BETYPE", "IDREF")])
            }
        }
        w.end()
        w.end()
    }

    /// The logical div type of a piece of furniture.
    public static func furnitureType(_ role: FurnitureRole) -> String {
        switch role {
        case .header: return "HEADER"
        case .footer: return "FOOTER"
        case .folio: return "PAGE_NUMBER"
        case .masthead: return "MASTHEAD"
        case .advertisement: return "ADVERTISEMENT"
        case .other: return "OTHER"
        }
    }
}
