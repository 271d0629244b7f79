import Foundation
import GalleyCore

/// The ground truth of one sample page, in the format of the development set (`../shared/devset`):
/// every line as placed, with its role and box, grouped into articles in reading order, and the page
/// furniture apart.
public struct SampleTruth: Sendable {
    public struct Line: Sendable {
        public var text: String
        public var role: Role
        public var bbox: Rect
        /// Paragraph index within the article, body lines only.
        public var para: Int?
        public var vertical: Bool = false
    }

    public struct Article: Sendable {
        public var id: String
        public var headline: String?
        public var kicker: String?
        public var subheadline: String?
        public var byline: String?
        public var paragraphs: [String] = []
        public var captions: [String] = []
        public var lines: [Line] = []
    }

    public struct Furniture: Sendable {
        public var role: FurnitureRole
        public var text: String
        public var bbox: Rect
    }

    public var width: Double
    public var height: Double
    public var columns: Int
    public var articles: [Article] = []
    public var furniture: [Furniture] = []

    /// The JSON text: the layout Python's `json.dump(indent=1, ensure_ascii=False)` gives the devset
    /// files, keys in the devset's order, numbers rounded to 0.01 pt.
    public func json() -> String {
        let page: JSONValue = .object([("width", .number(width)), ("height", .number(height)),
                                       ("columns", .number(Double(columns)))])
        let arts: [JSONValue] = articles.map { a in
            .object([
                ("id", .string(a.id)), ("headline", .optional(a.headline)), ("kicker", .optional(a.kicker)),
                ("subheadline", .optional(a.subheadline)), ("byline", .optional(a.byline)),
                ("paragraphs", .array(a.paragraphs.map(JSONValue.string))),
                ("captions", .array(a.captions.map(JSONValue.string))),
                ("lines", .array(a.lines.map { l in
                    var fields: [(String, JSONValue)] = [("text", .string(l.text)), ("role", .string(l.role.rawValue)),
                                                         ("bbox", .box(l.bbox))]
                    if let p = l.para { fields.append(("para", .number(Double(p)))) }
                    if l.vertical { fields.append(("vertical", .bool(true))) }
                    return .object(fields)
                })),
            ])
        }
        let furn: [JSONValue] = furniture.map {
            .object([("role", .string($0.role.rawValue)), ("text", .string($0.text)), ("bbox", .box($0.bbox))])
        }
        let root: JSONValue = .object([("page", page), ("articles", .array(arts)), ("furniture", .array(furn))])
        var out = ""
        root.write(into: &out, indent: 0)
        return out + "\n"
    }
}

/// A tiny JSON writer with a fixed key order and number format, so that output is byte-for-byte stable.
indirect enum JSONValue {
    case string(String), number(Double), bool(Bool), null
    case array([JSONValue]), object([(String, JSONValue)])

    static func optional(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }
    static func box(_ r: Rect) -> JSONValue { .array(r.array.map(JSONValue.number)) }

    func write(into out: inout String, indent: Int) {
        let pad = String(repeating: " ", count: indent + 1)
        switch self {
        case .string(let s): out += JSONLiteral.string(s)
        case .number(let v): out += JSONLiteral.number(v)
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += pad
                item.write(into: &out, indent: indent + 1)
                out += i + 1 < items.count ? ",\n" : "\n"
            }
            out += String(repeating: " ", count: indent) + "]"
        case .object(let fields):
            if fields.isEmpty { out += "{}"; return }
            out += "{\n"
            for (i, (key, value)) in fields.enumerated() {
                out += pad + JSONLiteral.string(key) + ": "
                value.write(into: &out, indent: indent + 1)
                out += i + 1 < fields.count ? ",\n" : "\n"
            }
            out += String(repeating: " ", count: indent) + "}"
        }
    }
}
