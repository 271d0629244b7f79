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
        for (name, e) in fonts.sorted(by: { $0.value.count > $1.value.count }) {
            let sizes = e.sizes.sorted().map(fmt).joined(separator: ", ")
            s += "  font \(name.isEmpty ? "(unnamed)" : name): \(e.count) glyphs, sizes \(sizes)\n"
        }
        let vertical = page.glyphs.filter(\.vertical).count
        if vertical > 0 { s += "  vertical glyphs: \(vertical)\n" }
        for image in page.images { s += "  image \(box(image.box))\n" }
        for kind in Rule.Kind.allCases {
            let rules = page.rules.filter { $0.kind == kind }
            if !rules.isEmpty { s += "  \(kind.rawValue) rules: \(rules.count)\n" }
        }
        for w in page.warnings { s += "  warning: \(w)\n" }
        return s
    }

    static func json(for page: PageContent) -> String {
        var s = "{\"number\":\(page.number),\"width\":\(fmt(page.width)),\"height\":\(fmt(page.height)),\"glyphs\":["
        for (i, g) in page.glyphs.enumerated() {
            if i > 0 { s += "," }
            s += "{\"text\":\(JSONText.quote(g.text)),\"bbox\":\(box(g.box)),\"font\":\(JSONText.quote(g.font)),"
            s += "\"size\":\(fmt(g.size)),\"bold\":\(g.bold),\"italic\":\(g.italic),\"color\":\"\(g.color.hex)\","
            s += "\"vertical\":\(g.vertical)}"
        }
        s += "],\"images\":[" + page.images.map { "{\"bbox\":\(box($0.box))}" }.joined(separator: ",")
        s += "],\"rules\":[" + page.rules.map { "{\"kind\":\"\($0.kind.rawValue)\",\"bbox\":\(box($0.box))}" }.joined(separator: ",")
        s += "],\"warnings\":[" + page.warnings.map(JSONText.quote).joined(separator: ",") + "]}"
        return s
    }

    static func box(_ r: Rect) -> String { "[\(fmt(r.x0)),\(fmt(r.y0)),\(fmt(r.x1)),\(fmt(r.y1))]" }

    static func fmt(_ v: Double) -> String {
        let r = (v * 100).rounded() / 100
        return r == r.rounded() ? String(Int(r)) : String(r)
    }
}

/// JSON string quoting for hand-written JSON.
enum JSONText {
    static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 { out += String(format: "\\u%04x", u.value) } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }
}
