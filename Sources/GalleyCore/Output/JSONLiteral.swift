/// The JSON spelling of strings and numbers, shared by every hand-written JSON output
/// (articles, inspect, sample ground truth), so all of them escape and round alike.
public enum JSONLiteral {
    /// `s` quoted, with quotes, backslashes, control characters and the line separators U+2028/U+2029
    /// escaped.
    public static func string(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    /// `v` rounded to 0.01; whole numbers without a fraction, others without trailing zeros; a
    /// non-finite value as 0 (JSON has no NaN or infinity). Always a valid JSON number: one too
    /// large to round (beyond 1.8e306, where `v * 100` overflows) is written as it is, in exponent form.
    public static func number(_ v: Double) -> String {
        guard v.isFinite else { return "0" }
        let r = (v * 100).rounded() / 100
        guard r.isFinite else { return "\(v)" }
        if r == r.rounded(), abs(r) < 1e15 { return String(Int(r)) }
        return "\(r)"
    }
}
