/// A small streaming XML text builder: elements with attributes, character data, escaping; two spaces
/// of indentation a level. Shared by the ALTO, METS and PAGE writers.
public struct XMLWriter: Sendable {
    public private(set) var text: String
    private var open: [String] = []
    private let depth: Int

    /// A document (with its XML declaration), or, with `fragment`, elements to put in one at level `depth`.
    public init(fragment: Bool = false, depth: Int = 0) {
        text = fragment ? "" : "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        self.depth = depth
    }

    /// Appends text written by another writer (a fragment).
    public mutating func append(_ fragment: XMLWriter) { text += fragment.text }

    /// An attribute list: names with values; a nil value leaves its attribute out.
    public typealias Attributes = [(String, String?)]

    /// Opens element `name`; `end()` closes it.
    public mutating func start(_ name: String, _ attributes: Attributes = []) {
        tag(name, attributes)
        text += ">\n"
        open.append(name)
    }

    /// Closes the innermost open element.
    public mutating func end() {
        let name = open.removeLast()
        indent()
        text += "</" + name + ">\n"
    }

    /// An element without content.
    public mutating func empty(_ name: String, _ attributes: Attributes = []) {
        tag(name, attributes)
        text += "/>\n"
    }

    /// An element holding only text.
    public mutating func element(_ name: String, _ attributes: Attributes = [], text content: String) {
        tag(name, attributes)
        text += ">"
        Self.escape(content, into: &text, attribute: false)
        text += "</" + name + ">\n"
    }

    private mutating func tag(_ name: String, _ attributes: Attributes) {
        indent()
        text += "<" + name
        for (key, value) in attributes {
            guard let value else { continue }
            text += " " + key + "=\""
            Self.escape(value, into: &text, attribute: true)
            text += "\""
        }
    }

    private mutating func indent() {
        for _ in 0..<(open.count + depth) { text += "  " }
    }

    /// `s` as XML character data (`attribute`: as an attribute value in double quotes, its line breaks
    /// and tabs kept as character references). Characters XML 1.0 cannot carry (control characters,
    /// lone surrogates, U+FFFE/U+FFFF) become U+FFFD.
    public static func escape(_ s: String, into out: inout String, attribute: Bool) {
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "\n" where attribute: out += "&#10;"
            case "\r": out += "&#13;"
            case "\t" where attribute: out += "&#9;"
            case "\n", "\t": out.unicodeScalars.append(u)
            default:
                if u.value < 0x20 || u.value == 0xFFFE || u.value == 0xFFFF {
                    out.unicodeScalars.append("\u{FFFD}")
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
    }

    /// A length or coordinate: rounded to 0.01, as the JSON writes numbers.
    public static func number(_ v: Double) -> String { JSONLiteral.number(v) }
}
