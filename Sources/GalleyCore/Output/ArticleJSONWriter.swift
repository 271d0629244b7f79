import Foundation

/// Writes an `ArticleDocument` as JSON of schema `galley.articles/1`
/// (`../shared/schema/articles.schema.json`).
///
/// Written by hand rather than with `JSONEncoder` so the output is stable and readable: keys in schema
/// order (`schema`, `source`, `pages`, `articles`; within an article `id`, `kicker`, `headline`, …),
/// every key present with absent display lines as `null`, boxes on one line as `[x0, y0, x1, y1]`
/// rounded to 0.01 pt, whole numbers without a fraction, non-ASCII text unescaped (UTF-8).
public struct ArticleJSONWriter: Sendable {
    /// Indented by two spaces per level (the default), or all on one line.
    public var pretty: Bool

    public init(pretty: Bool = true) { self.pretty = pretty }

    public func data(for document: ArticleDocument) -> Data { Data(string(for: document).utf8) }

    /// The JSON text, ending in a newline.
    public func string(for document: ArticleDocument) -> String {
        var w = JSONWriter(pretty: pretty)
        w.object { w in
            w.field("schema") { $0.string(document.schema) }
            w.field("source") { $0.string(document.source) }
            w.field("pages") { w in w.array(document.pages) { w, p in Self.page(p, &w) } }
            w.field("articles") { w in w.array(document.articles) { w, a in Self.article(a, &w) } }
        }
        return w.text + "\n"
    }

    static func page(_ p: PageSummary, _ w: inout JSONWriter) {
        w.object { w in
            w.field("number") { $0.number(Double(p.number)) }
            w.field("width") { $0.number(p.width) }
            w.field("height") { $0.number(p.height) }
            w.field("columns") { w in w.array(p.columns, compact: true) { w, r in w.box(r) } }
            w.field("furniture") { w in
                w.array(p.furniture) { w, f in
                    w.object { w in
                        w.field("role") { $0.string(f.role.rawValue) }
                        w.field("text") { $0.string(f.text) }
                        w.field("bbox") { $0.box(f.bbox) }
                    }
                }
            }
            w.field("warnings") { w in w.array(p.warnings) { w, s in w.string(s) } }
        }
    }

    static func article(_ a: Article, _ w: inout JSONWriter) {
        w.object { w in
            w.field("id") { $0.string(a.id) }
            w.field("kicker") { $0.optionalString(a.kicker) }
            w.field("headline") { $0.optionalString(a.headline) }
            w.field("subheadline") { $0.optionalString(a.subheadline) }
            w.field("byline") { $0.optionalString(a.byline) }
            w.field("paragraphs") { w in w.array(a.paragraphs) { w, s in w.string(s) } }
            w.field("captions") { w in w.array(a.captions) { w, s in w.string(s) } }
            w.field("blocks") { w in
                w.array(a.blocks) { w, b in
                    w.object(compact: true) { w in
                        w.field("page") { $0.number(Double(b.page)) }
                        w.field("role") { $0.string(b.role.rawValue) }
                        w.field("bbox") { $0.box(b.bbox) }
                    }
                }
            }
            // Horizontal stories leave the key out: the output of horizontal pages keeps its bytes.
            if a.writing != .horizontal { w.field("writing") { $0.string(a.writing.rawValue) } }
        }
    }
}

/// A small streaming JSON text builder: objects, arrays, strings, numbers, null.
struct JSONWriter {
    let pretty: Bool
    private(set) var text = ""
    private var depth = 0
    private var compactDepth = 0
    private var first = true

    init(pretty: Bool) { self.pretty = pretty }

    private var multiline: Bool { pretty && compactDepth == 0 }

    private mutating func newline() {
        if multiline { text += "\n" + String(repeating: "  ", count: depth) }
    }

    private mutating func separator() {
        if !first { text += multiline ? "," : (pretty ? ", " : ",") }
        first = false
        newline()
    }

    mutating func object(compact: Bool = false, _ body: (inout JSONWriter) -> Void) {
        container("{", "}", compact: compact, body)
    }

    mutating func array<T>(_ items: [T], compact: Bool = false, _ each: (inout JSONWriter, T) -> Void) {
        if items.isEmpty { text += "[]"; return }
        container("[", "]", compact: compact) { w in
            for item in items { w.separator(); each(&w, item) }
        }
    }

    private mutating func container(_ open: String, _ close: String, compact: Bool,
                                    _ body: (inout JSONWriter) -> Void) {
        text += open
        if compact { compactDepth += 1 }
        depth += 1
        let saved = first
        first = true
        body(&self)
        let empty = first
        first = saved
        depth -= 1
        if !empty { newline() }
        if compact { compactDepth -= 1 }
        text += close
    }

    mutating func field(_ key: String, _ value: (inout JSONWriter) -> Void) {
        separator()
        string(key)
        text += pretty ? ": " : ":"
        value(&self)
    }

    mutating func string(_ s: String) { text += JSONLiteral.string(s) }

    mutating func optionalString(_ s: String?) {
        if let s { string(s) } else { text += "null" }
    }

    /// A number as `JSONLiteral.number` spells it.
    mutating func number(_ v: Double) { text += JSONLiteral.number(v) }

    mutating func box(_ r: Rect) {
        array(r.array, compact: true) { w, v in w.number(v) }
    }
}
