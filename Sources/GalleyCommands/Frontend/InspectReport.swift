import Foundation
import GalleyCore

/// Writes `galley inspect` reports.
enum InspectReport {
    static func text(for page: PageContent) -> String {
        var s = "page \(page.number): \(fmt(page.width)) x \(fmt(page.height)) pt, \(page.glyphs.count) glyphs, "
        s += "\(page.images.count) images, \(page.rules.count) rules\n"
        var fonts: [String: (count: Int, sizes: Set<Double>)] = [:]
        for g in page.glyphs {
            var entry = fonts[g.font] ?? (0, [])
            entry.count += 1
            entry.sizes.insert((g.size * 10).rounded() / 10)
            fonts[g.font] = entry
        }
        let declared = Dictionary(page.fonts.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for (name, e) in fonts.sorted(by: { $0.value.count > $1.value.count }) {
            let sizes = e.sizes.sorted().map(fmt).joined(separator: ", ")
            let kind = declared[name].map { " (\($0.kind.rawValue)\($0.flipped ? ", flipped matrix" : ""))" } ?? ""
            s += "  font \(name.isEmpty ? "(unnamed)" : name)\(kind): \(e.count) glyphs, sizes \(sizes)\n"
        }
        let vertical = page.glyphs.filter(\.vertical).count
        if vertical > 0 { s += "  vertical glyphs: \(vertical)\n" }
        for image in page.images { s += "  image \(box(image.box))\n" }
        for kind in Rule.Kind.allCases {
            let rules = page.rules.filter { $0.kind == kind }
            if !rules.isEmpty { s += "  \(kind.rawValue) rules: \(rules.count)\n" }
        }
        for w in page.warnings + fontWarnings(page) { s += "  warning: \(w)\n" }
        return s
    }

    /// The page as one JSON object (see `galley inspect --help`). Written byte by byte: on a page of
    /// several thousand glyphs, building it from small strings costs more than reading the page.
    static func json(for page: PageContent) -> String {
        var out = JSONBytes()
        out.bytes.reserveCapacity(160 * page.glyphs.count + 1024)
        out.raw("{\"number\":"); out.number(Double(page.number))
        out.raw(",\"width\":"); out.number(page.width)
        out.raw(",\"height\":"); out.number(page.height)
        out.raw(",\"glyphs\":[")
        // Glyphs come in runs of one colour: its hex form is worked out once per run.
        var lastColor: RGB?
        var lastHex = ""
        for (i, g) in page.glyphs.enumerated() {
            if i > 0 { out.raw(",") }
            if g.color != lastColor { lastColor = g.color; lastHex = g.color.hex }
            out.raw("{\"text\":"); out.string(g.text)
            out.raw(",\"bbox\":"); out.box(g.box)
            out.raw(",\"font\":"); out.string(g.font)
            out.raw(",\"size\":"); out.number(g.size)
            out.raw(g.bold ? ",\"bold\":true" : ",\"bold\":false")
            out.raw(g.italic ? ",\"italic\":true" : ",\"italic\":false")
            out.raw(",\"color\":\""); out.raw(lastHex)
            out.raw(g.vertical ? "\",\"vertical\":true}" : "\",\"vertical\":false}")
        }
        out.raw("],\"images\":[")
        for (i, image) in page.images.enumerated() {
            out.raw(i > 0 ? ",{\"bbox\":" : "{\"bbox\":"); out.box(image.box); out.raw("}")
        }
        out.raw("],\"rules\":[")
        for (i, rule) in page.rules.enumerated() {
            out.raw(i > 0 ? ",{\"kind\":\"" : "{\"kind\":\""); out.raw(rule.kind.rawValue)
            out.raw("\",\"bbox\":"); out.box(rule.box); out.raw("}")
        }
        out.raw("],\"warnings\":[")
        for (i, w) in (page.warnings + fontWarnings(page)).enumerated() {
            if i > 0 { out.raw(",") }
            out.string(w)
        }
        out.raw("]}")
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// A warning for each font with glyphs on the page whose boxes look unreliable.
    static func fontWarnings(_ page: PageContent) -> [String] {
        let used = Set(page.glyphs.map(\.font))
        return page.fonts.filter { used.contains($0.name) }.compactMap(\.warning)
    }

    static func box(_ r: Rect) -> String { "[\(fmt(r.x0)),\(fmt(r.y0)),\(fmt(r.x1)),\(fmt(r.y1))]" }

    static func fmt(_ v: Double) -> String { JSONLiteral.number(v) }
}

/// A JSON text under construction, as UTF-8 bytes.
struct JSONBytes {
    var bytes: [UInt8] = []

    mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func raw(_ s: String) { bytes.append(contentsOf: s.utf8) }

    /// A quoted, escaped string.
    mutating func string(_ s: String) {
        bytes.append(0x22)
        for b in s.utf8 {
            switch b {
            case 0x22: bytes += [0x5C, 0x22]
            case 0x5C: bytes += [0x5C, 0x5C]
            case 0x0A: bytes += [0x5C, 0x6E]
            case 0x0D: bytes += [0x5C, 0x72]
            case 0x09: bytes += [0x5C, 0x74]
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes += [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 15)]]
            default: bytes.append(b)
            }
        }
        bytes.append(0x22)
    }

    /// A number rounded to two decimals, without trailing zeros (as `InspectReport.fmt`); a
    /// non-finite value as 0 (JSON has no NaN or infinity), one of 1e15 or more as `JSONLiteral` writes it.
    mutating func number(_ v: Double) {
        guard v.isFinite else { bytes.append(0x30); return }
        guard abs(v) < 1e15 else { raw(JSONLiteral.number(v)); return }
        var hundredths = Int((v * 100).rounded())
        if hundredths < 0 { bytes.append(0x2D); hundredths = -hundredths }
        let whole = hundredths / 100, frac = hundredths % 100
        digits(whole)
        if frac != 0 {
            bytes.append(0x2E)
            bytes.append(0x30 + UInt8(frac / 10))
            if frac % 10 != 0 { bytes.append(0x30 + UInt8(frac % 10)) }
        }
    }

    private mutating func digits(_ n: Int) {
        if n >= 10 { digits(n / 10) }
        bytes.append(0x30 + UInt8(n % 10))
    }

    mutating func box(_ r: Rect) {
        bytes.append(0x5B)
        number(r.x0); bytes.append(0x2C); number(r.y0); bytes.append(0x2C)
        number(r.x1); bytes.append(0x2C); number(r.y1)
        bytes.append(0x5D)
    }
}
