import Foundation

/// Text as the scorer compares it: a sequence of Unicode scalars after NFKC normalisation, with
/// whitespace, hyphens and soft hyphens removed.
///
/// Lengths, prefixes, suffixes and substring tests all count Unicode scalars, as the reference scorer
/// (Python `str`) counts code points; Swift's `Character` would group combining marks differently.
public struct ScoreText: Hashable, Sendable, CustomStringConvertible {
    public var scalars: [Unicode.Scalar]

    public init(scalars: [Unicode.Scalar]) { self.scalars = scalars }

    /// Normalises `raw` (nil counts as empty).
    public init(_ raw: String?) {
        let nfkc = (raw ?? "").precomposedStringWithCompatibilityMapping
        scalars = nfkc.unicodeScalars.filter { !ScoreText.isRemoved($0) }
    }

    /// The characters the reference scorer removes after normalising: everything Python's `\s` matches
    /// in a `str` pattern (Unicode whitespace, including the information separators U+001C…U+001F and
    /// NEL), the hyphen-minus, the soft hyphen and the two Unicode hyphens U+2010, U+2011.
    public static func isRemoved(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F,
             0x205F, 0x3000:
            return true
        case 0x2D, 0xAD, 0x2010, 0x2011:
            return true
        default:
            return false
        }
    }

    public var count: Int { scalars.count }
    public var isEmpty: Bool { scalars.isEmpty }

    /// The first `k` scalars (all of them where there are fewer).
    public func prefix(_ k: Int) -> ScoreText { ScoreText(scalars: Array(scalars.prefix(k))) }
    /// The last `k` scalars (all of them where there are fewer).
    public func suffix(_ k: Int) -> ScoreText { ScoreText(scalars: Array(scalars.suffix(k))) }

    public static func + (a: ScoreText, b: ScoreText) -> ScoreText { ScoreText(scalars: a.scalars + b.scalars) }

    /// The concatenation of several texts.
    public static func joined<S: Sequence>(_ parts: S) -> ScoreText where S.Element == ScoreText {
        ScoreText(scalars: parts.flatMap(\.scalars))
    }

    /// True where `needle` occurs as a contiguous run of scalars; the empty text occurs everywhere.
    public func contains(_ needle: ScoreText) -> Bool {
        let n = needle.scalars, h = scalars
        guard !n.isEmpty else { return true }
        guard n.count <= h.count else { return false }
        let first = n[0]
        var i = 0
        let last = h.count - n.count
        while i <= last {
            if h[i] == first {
                var j = 1
                while j < n.count && h[i + j] == n[j] { j += 1 }
                if j == n.count { return true }
            }
            i += 1
        }
        return false
    }

    public var description: String {
        var s = ""
        s.unicodeScalars.append(contentsOf: scalars)
        return s
    }
}
