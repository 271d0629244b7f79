import Foundation

/// What a reader of an archive format can recover of Galley's articles: the tests read the JSON,
/// METS/ALTO and PAGE XML outputs into this and compare.
struct RecoveredArticle: Equatable, CustomStringConvertible {
    var id: String
    var kicker: String?
    var headline: String?
    var subheadline: String?
    var byline: String?
    var paragraphs: [String]
    var captions: [String]
    /// The reading path: role and box [x0, y0, x1, y1] in points.
    var blocks: [(role: String, box: [Double])]

    static func == (a: RecoveredArticle, b: RecoveredArticle) -> Bool { a.same(as: b, tolerance: 0.02) }

    /// Equal texts (`normal`), roles and boxes, these within `tolerance` points.
    func same(as b: RecoveredArticle, tolerance: Double) -> Bool {
        let a = self
        return a.id == b.id && a.kicker.map(Self.normal) == b.kicker.map(Self.normal) && a.headline.map(Self.normal) == b.headline.map(Self.normal)
            && a.subheadline.map(Self.normal) == b.subheadline.map(Self.normal) && a.byline.map(Self.normal) == b.byline.map(Self.normal)
            && a.paragraphs.map(Self.normal) == b.paragraphs.map(Self.normal) && a.captions.map(Self.normal) == b.captions.map(Self.normal)
            && a.blocks.count == b.blocks.count
            && zip(a.blocks, b.blocks).allSatisfy { x, y in
                x.role == y.role && zip(x.box, y.box).allSatisfy { abs($0 - $1) <= tolerance }
            }
    }

    /// The text without the spaces next to characters from U+2000 up (CJK text, dashes, quotes): where
    /// CJK lines meet, the JSON puts no space and a reader cannot know it.
    static func normal(_ s: String) -> String {
        let u = Array(s.unicodeScalars)
        var out = String.UnicodeScalarView()
        for (k, c) in u.enumerated() {
            if c == " ", (k > 0 && u[k - 1].value >= 0x2000) || (k + 1 < u.count && u[k + 1].value >= 0x2000) { continue }
            out.append(c)
        }
        return String(out)
    }

    var description: String {
        "\(id): kicker \(kicker ?? "-") | headline \(headline ?? "-") | deck \(subheadline ?? "-") | byline \(byline ?? "-") | "
            + "\(paragraphs.count) paragraphs \(paragraphs.map { String($0.prefix(40)) }) | captions \(captions) | "
            + "blocks \(blocks.map { "\($0.role)\($0.box)" })"
    }

    /// Lines joined as a reader joins them: a space between, none after a line-end hyphen (dropped
    /// before a lower-case letter, kept before anything else).
    static func join(_ lines: [String]) -> String? {
        var out = ""
        for line in lines where !line.isEmpty {
            if out.isEmpty { out = line; continue }
            if let h = out.last, h == "-" || h == "\u{AD}", let c = out.dropLast().last, c.isLetter {
                if line.first!.isLowercase { out.removeLast() }
                out += line
            } else {
                out += " " + line
            }
        }
        return out.isEmpty ? nil : out
    }
}

/// The articles of a `galley articles` JSON output.
enum JSONArticles {
    static func read(_ data: Data) throws -> [RecoveredArticle] {
        let root = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        return (root["articles"] as! [[String: Any]]).map { a in
            RecoveredArticle(id: a["id"] as! String, kicker: a["kicker"] as? String, headline: a["headline"] as? String,
                             subheadline: a["subheadline"] as? String, byline: a["byline"] as? String,
                             paragraphs: a["paragraphs"] as! [String], captions: a["captions"] as! [String],
                             blocks: (a["blocks"] as! [[String: Any]]).map { b in
                                 (b["role"] as! String, (b["bbox"] as! [Any]).map { ($0 as! NSNumber).doubleValue })
                             })
        }
    }

    /// The furniture, as (role, text), of every page.
    static func furniture(_ data: Data) throws -> [String] {
        let root = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        return (root["pages"] as! [[String: Any]]).flatMap { p in
            (p["furniture"] as! [[String: Any]]).map { "\($0["role"] as! String): \($0["text"] as! String)" }
        }
    }
}

/// Reads a METS file and the ALTO files it names back into articles.
struct METSALTOReader {
    struct Line {
        var words: [String]
        /// HYP content, and the whole word of a HypPart1 string.
        var hyphen: String?
        var whole: String?
        /// The whole word where the first string is a HypPart2.
        var continues: String?
        var tags: String?

        /// The line's text alone: its words, the hyphen.
        var text: String { words.joined(separator: " ") + (hyphen ?? "") }
    }

    struct Block {
        var tag: String
        var box: [Double]
        var lines: [String]
    }

    var blocks: [String: Block] = [:]
    var lines: [String: Line] = [:]
    /// The article reading orders of the ALTO files: group ID → (role, block ID).
    var orders: [String: [(role: String, block: String)]] = [:]
    let mets: XMLNode

    init(metsFile: String) throws {
        mets = try XMLNode.parse(metsFile)
        let folder = (metsFile as NSString).deletingLastPathComponent
        for file in mets.descendants("FLocat") {
            let alto = try XMLNode.parse(folder + "/" + file["xlink:href"]!)
            read(alto)
        }
    }

    init(altoFile: String) throws {
        mets = XMLNode(name: "none", attributes: [:])
        read(try XMLNode.parse(altoFile))
    }

    private mutating func read(_ alto: XMLNode) {
        for group in alto.descendants("OrderedGroup") {
            orders[group["ID"]!] = group.children("ElementRef").map { (String($0["TAGREFS"]!.dropFirst(4)), $0["REF"]!) }
        }
        for b in alto.descendants("TextBlock") + alto.descendants("Illustration") {
            let box = ["HPOS", "VPOS", "WIDTH", "HEIGHT"].map { Double(b[$0]!)! }
            var ids: [String] = []
            for l in b.children("TextLine") {
                var line = Line(words: l.children("String").map { $0["CONTENT"]! }, tags: l["TAGREFS"])
                if let first = l.children("String").first, first["SUBS_TYPE"] == "HypPart2" { line.continues = first["SUBS_CONTENT"] }
                if let hyp = l.child("HYP") {
                    line.hyphen = hyp["CONTENT"]
                    line.whole = l.children("String").last?["SUBS_CONTENT"]
                }
                lines[l["ID"]!] = line
                ids.append(l["ID"]!)
            }
            blocks[b["ID"]!] = Block(tag: String(b["TAGREFS"]!.dropFirst(4)), box: [box[0], box[1], box[0] + box[2], box[1] + box[3]],
                                     lines: ids)
        }
    }

    /// The lines an `fptr` points at, in order.
    func lines(of div: XMLNode) -> [String] {
        div.children("fptr").flatMap { $0.descendants("area") }.flatMap { area -> [String] in
            let begin = area["BEGIN"]!
            if let block = blocks[begin] { return block.lines }
            let end = area["END"] ?? begin
            guard let block = blocks.values.first(where: { $0.lines.contains(begin) }),
                  let i = block.lines.firstIndex(of: begin), let j = block.lines.firstIndex(of: end) else { return [] }
            return Array(block.lines[i...j])
        }
    }

    /// The text of lines read one after another: a word split at a line end (HYP, the halves'
    /// SUBS_CONTENT) read whole, the other lines joined as `RecoveredArticle.join` joins them.
    func text(_ ids: [String]) -> String? {
        let ls = ids.map { lines[$0]! }
        var out = ""
        var mergedIntoPrevious = false
        for (k, line) in ls.enumerated() {
            var words = line.words
            if mergedIntoPrevious, !words.isEmpty { words.removeFirst() }
            let merges = !words.isEmpty && line.hyphen != nil && line.whole != nil && k + 1 < ls.count
                && ls[k + 1].continues == line.whole
            let piece: String
            if merges {
                words[words.count - 1] = line.whole!
                piece = words.joined(separator: " ")
            } else {
                piece = words.joined(separator: " ") + (line.hyphen ?? "")
            }
            if mergedIntoPrevious {
                if !piece.isEmpty { out += " " + piece }
            } else {
                out = RecoveredArticle.join([out, piece]) ?? ""
            }
            mergedIntoPrevious = merges
        }
        return out.isEmpty ? nil : out
    }

    /// The articles of the METS file's logical structure map.
    func articles() -> [RecoveredArticle] {
        mets.descendants("div").filter { $0["TYPE"] == "ARTICLE" }.map { div in
            let heading = div.child("div").flatMap { $0["TYPE"] == "HEADING" ? $0 : nil }
            func part(_ type: String) -> String? {
                heading.flatMap { h in text(h.children("div").filter { $0["TYPE"] == type }.flatMap(lines)) }
            }
            let authors = heading?.children("div").filter { $0["TYPE"] == "AUTHOR" }
                .sorted { Int($0["ORDER"]!)! < Int($1["ORDER"]!)! }
                .map { lines(of: $0).map { lines[$0]!.text }.joined(separator: " ") } ?? []
            let body = div.children("div").first { $0["TYPE"] == "BODY" }
            let paragraphs = body?.children("div").sorted { Int($0["ORDER"]!)! < Int($1["ORDER"]!)! }
                .compactMap { text(lines(of: $0)) } ?? []
            let captions = div.children("div").filter { $0["TYPE"] == "CAPTION" }.compactMap { text(lines(of: $0)) }
            let id = div["ID"]!
            return RecoveredArticle(id: id, kicker: part("KICKER"), headline: part("TITLE"), subheadline: part("SUBTITLE"),
                                    byline: authors.isEmpty ? nil : authors.joined(separator: " "),
                                    paragraphs: paragraphs, captions: captions,
                                    blocks: (orders[id] ?? []).map { ($0.role, blocks[$0.block]!.box) })
        }
    }

    /// The furniture divs, as (role, text): the text of a block's lines joined by spaces.
    func furniture() -> [String] {
        let roles = ["HEADER": "header", "FOOTER": "footer", "PAGE_NUMBER": "folio", "MASTHEAD": "masthead",
                     "ADVERTISEMENT": "advertisement", "OTHER": "other"]
        return mets.descendants("div").compactMap { div in
            guard let role = roles[div["TYPE"] ?? ""] else { return nil }
            let text = lines(of: div).map { lines[$0]!.text }.joined(separator: " ")
            return text.isEmpty ? nil : "\(role): \(text)"
        }
    }
}

/// Reads PAGE XML files (one a page) back into articles.
struct PAGEReader {
    struct Region {
        var role: String
        var box: [Double]
        /// Each line's text and custom attribute.
        var lines: [(text: String, custom: String?)]
    }

    var regions: [String: Region] = [:]
    /// The articles' groups, in order: id, headline (caption), region IDs.
    var groups: [(id: String, caption: String?, regions: [String])] = []

    init(files: [String]) throws {
        for file in files {
            let root = try XMLNode.parse(file)
            let scale = Double(root.descendants("Page")[0]["imageXResolution"]!)! / 72
            for r in root.descendants("TextRegion") + root.descendants("ImageRegion") {
                let points = r.child("Coords")!["points"]!.split(separator: " ").map { $0.split(separator: ",").map { Double($0)! / scale } }
                let box = [points.map { $0[0] }.min()!, points.map { $0[1] }.min()!, points.map { $0[0] }.max()!, points.map { $0[1] }.max()!]
                regions[r["id"]!] = Region(role: Self.type(r["custom"]) ?? "?", box: box,
                                           lines: r.children("TextLine").map { l in
                                               (l.child("TextEquiv")!.child("Unicode")!.text, l["custom"])
                                           })
            }
            for g in root.descendants("OrderedGroupIndexed").sorted(by: { Int($0["index"]!)! < Int($1["index"]!)! }) {
                let refs = g.children("RegionRefIndexed").sorted { Int($0["index"]!)! < Int($1["index"]!)! }.map { $0["regionRef"]! }
                groups.append((g["id"]!, g["caption"], refs))
            }
        }
    }

    /// `x` of `structure {type:x; …}`.
    static func type(_ custom: String?) -> String? {
        guard let c = custom, let r = c.range(of: "type:") else { return nil }
        return String(c[r.upperBound...].prefix { $0 != ";" })
    }

    static func index(_ custom: String?) -> Int? {
        guard let c = custom, let r = c.range(of: "index:") else { return nil }
        return Int(c[r.upperBound...].prefix { $0 != ";" })
    }

    func articles() -> [RecoveredArticle] {
        groups.map { g in
            let rs = g.regions.map { regions[$0]! }
            func part(_ role: String) -> String? { RecoveredArticle.join(rs.filter { $0.role == role }.flatMap { $0.lines.map(\.text) }) }
            let bylines = rs.flatMap(\.lines).compactMap { l in Self.type(l.custom) == "byline" ? (Self.index(l.custom)!, l.text) : nil }
                .sorted { $0.0 < $1.0 }.map(\.1)
            var paragraphs: [[String]] = []
            for r in rs where r.role == "body" {
                for l in r.lines where Self.type(l.custom) != "byline" {
                    if Self.type(l.custom) == "paragraph-start" || paragraphs.isEmpty { paragraphs.append([]) }
                    paragraphs[paragraphs.count - 1].append(l.text)
                }
            }
            return RecoveredArticle(id: g.id, kicker: part("kicker"), headline: part("headline"), subheadline: part("subheadline"),
                                    byline: bylines.isEmpty ? nil : bylines.joined(separator: " "),
                                    paragraphs: paragraphs.compactMap(RecoveredArticle.join),
                                    captions: rs.filter { $0.role == "caption" }.compactMap { RecoveredArticle.join($0.lines.map(\.text)) },
                                    blocks: g.regions.map { (regions[$0]!.role, regions[$0]!.box) })
        }
    }
}
