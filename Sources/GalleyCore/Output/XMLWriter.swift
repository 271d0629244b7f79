import Foundation

/// A small streaming XML builder: elements with attributes, character data, escaping; two spaces of
/// indentation a level. Shared by the ALTO, METS and PAGE writers.
public struct XMLWriter: Sendable {
    public private(set) var text = ""
    private var openElements: [String] = []
    private let depth: Int

    /// A document (with its XML declaration), or, with `fragment`, elements to put in one at level `depth`.
    public init(fragment: Bool = false, depth: Int = 0) {
        self.depth = depth
        text.reserveCapacity(1 << 16)
        if !fragment { add("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n") }
    }

    /// The document written so far, as UTF-8.
    public var data: Data { Data(text.utf8) }

    /// Appends what another writer (a fragment) wrote.
    public mutating func append(_ fragment: XMLWriter) { text += fragment.text }

    /// An attribute list: names with values; a nil value leaves its attribute out.
    public typealias Attributes = [(String, String?)]

    /// Opens element `name`; `end()` closes it.
    public mutating func start(_ name: String, _ attributes: Attributes = []) {
        tag(name, attributes)
        closeStart(name)
    }

    /// Closes the innermost open element.
    public mutating func end() {
        let name = openElements.removeLast()
        indent()
        add("</")
        add(name)
        add(">\n")
    }

    /// An element without content.
    public mutating func empty(_ name: String, _ attributes: Attributes = []) {
        tag(name, attributes)
        close()
    }

    /// An element holding only text.
    public mutating func element(_ name: String, _ attributes: Attributes = [], text content: String) {
        tag(name, attributes)
        add(">")
        escape(content, attribute: false)
        add("</")
        add(name)
        add(">\n")
    }

    private mutating func tag(_ name: String, _ attributes: Attributes) {
        open(name)
        for (key, value) in attributes {
            if let value { attribute(key, value) }
        }
    }

    // The parts of an element written one by one, for the elements a document has thousands of (no
    // attribute list is built): `open`, its `attribute`s, then `close` (an empty element) or
    // `closeStart` (one with content, closed by `end()`).

    /// Begins the start tag of element `name`.
    public mutating func open(_ name: String) {
        indent()
        text += "<"
        text += name
    }

    /// An attribute of the tag begun by `open`.
    public mutating func attribute(_ key: String, _ value: String) {
        text += " "
        text += key
        text += "=\""
        escape(value, attribute: true)
        text += "\""
    }

    /// A number attribute, as `number` spells it.
    public mutating func attribute(_ key: String, number value: Double) {
        text += " "
        text += key
        text += "=\""
        Self.appendNumber(value, to: &text)
        text += "\""
    }

    /// Ends the tag begun by `open` as an empty element.
    public mutating func close() { add("/>\n") }

    /// Ends the tag begun by `open` as a start tag: `end()` closes the element.
    public mutating func closeStart(_ name: String) {
        add(">\n")
        openElements.append(name)
    }

    private mutating func indent() {
        let n = openElements.count + depth
        text += n < Self.indents.count ? Self.indents[n] : String(repeating: "  ", count: n)
    }

    private static let indents = (0..<16).map { String(repeating: "  ", count: $0) }

    private mutating func add(_ s: String) { text += s }

    /// `s` as XML character data (`attribute`: as an attribute value in double quotes, its line breaks
    /// and tabs kept as character references). Characters XML 1.0 cannot carry (control characters,
    /// U+FFFE, U+FFFF) become U+FFFD.
    mutating func escape(_ s: String, attribute: Bool) {
        let utf8 = s.utf8
        // Most text needs no escaping: it is copied whole.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0xEF }) {
            text += s
            return
        }
        for u in s.unicodeScalars {
            switch u {
            case "&": text += "&amp;"
            case "<": text += "&lt;"
            case ">": text += "&gt;"
            case "\"" where attribute: text += "&quot;"
            case "\n" where attribute: text += "&#10;"
            case "\t" where attribute: text += "&#9;"
            case "\r": text += "&#13;"
            case "\n", "\t": text.unicodeScalars.append(u)
            default:
                if u.value < 0x20 || u.value == 0xFFFE || u.value == 0xFFFF {
                    text.unicodeScalars.append("\u{FFFD}")
                } else {
                    text.unicodeScalars.append(u)
                }
            }
        }
    }

    /// A length or coordinate rounded to 0.01, as the JSON writes numbers: whole numbers without a
    /// fraction, others without trailing zeros; a value that is not finite or too large for that as
    /// `JSONLiteral.number` writes it.
    public static func number(_ v: Double) -> String {
        var s = ""
        appendNumber(v, to: &s)
        return s
    }

    /// The whole numbers most coordinates are, spelt out once; and the fractions `.01` to `.99`.
    private static let wholes = (0..<4096).map { String($0) }
    private static let fractions = (0..<100).map { f in f == 0 ? "" : f % 10 == 0 ? ".\(f / 10)" : f < 10 ? ".0\(f)" : ".\(f)" }

    static func appendNumber(_ v: Double, to out: inout String) {
        let hundredths = (v * 100).rounded()
        guard hundredths.isFinite, abs(hundredths) < 1e15 else { out += JSONLiteral.number(v); return }
        let n = Int(hundredths)
        if n < 0 { out += "-" }
        let whole = Int(n.magnitude / 100)
        out += whole < wholes.count ? wholes[whole] : String(whole)
        out += fractions[Int(n.magnitude % 100)]
    }
}
