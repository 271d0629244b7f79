/// One line of text: glyphs on one baseline (or, for vertical writing, one under the other).
public struct TextLine: Sendable, Hashable {
    public var glyphs: [Glyph]
    public var box: Rect
    /// Median glyph size.
    public var size: Double
    /// True where most glyphs are bold.
    public var bold: Bool
    /// True for a vertical line (glyphs stacked top to bottom).
    public var vertical: Bool
    /// The text with spaces where the gaps between glyphs are word spaces.
    public var text: String

    public init(glyphs: [Glyph], text: String, vertical: Bool = false) {
        self.glyphs = glyphs
        self.text = text
        self.vertical = vertical
        // One pass for the box and the bold count (every line of the page comes through here).
        var box = glyphs.first?.box ?? .zero, boldCount = 0
        for k in glyphs.indices {
            box = box.union(glyphs[k].box)
            if glyphs[k].bold { boldCount += 1 }
        }
        self.box = box
        let sizes = glyphs.map(\.size).sorted()
        size = sizes.isEmpty ? 0 : sizes[sizes.count / 2]
        bold = boldCount * 2 > glyphs.count
    }
}

extension TextLine {
    /// Where the page draws the line's first glyph (`Glyph.order`); nil for a line without glyphs.
    var firstDrawn: Int? { glyphs.lazy.map(\.order).min() }

    /// Where the line's ink ends on the right: a full-width closing punctuation mark (，。”）」 …) at
    /// the end inks only the left half of its em, so its right half is white, where a neighbouring
    /// story's text may begin.
    var inkRight: Double {
        guard !vertical, let last = glyphs.last, let c = last.text.unicodeScalars.first,
              Script.isClosingPunctuation(c), last.box.width >= 0.8 * last.size else { return box.x1 }
        return max(box.x0, last.box.x1 - 0.5 * last.box.width)
    }
}

/// What a block is, judged from its size and weight against the page's body text.
public enum BlockKind: String, Sendable, Hashable {
    /// Large (or bold and larger) type: headlines, also vertical ones.
    case headline
    /// Between body and headline size: kickers and decks.
    case display
    /// Body-size text.
    case body
    /// Smaller than body: captions, credits.
    case small
    /// A picture.
    case image
}

/// Lines stacked in one column with one size and alignment: a column piece of body text, a headline...
public struct TextBlock: Sendable, Hashable {
    public var lines: [TextLine]
    public var kind: BlockKind
    /// The union of the lines' boxes (for an image: the image box).
    public var box: Rect
    /// The box without lines that stick out on the right by overflow (hanging punctuation).
    public var core: Rect
    public var size: Double
    public var bold: Bool
    public var vertical: Bool

    public init(lines: [TextLine], kind: BlockKind = .body) {
        self.lines = lines
        self.kind = kind
        let all = Rect.union(lines.map(\.box)) ?? .zero
        box = all
        let sizes = lines.map(\.size).sorted()
        let s = sizes.isEmpty ? 0 : sizes[sizes.count / 2]
        size = s
        bold = lines.filter(\.bold).count * 2 > lines.count
        vertical = !lines.isEmpty && lines.allSatisfy(\.vertical)
        let rights = lines.map(\.inkRight).sorted()
        let median = rights.isEmpty ? 0 : rights[rights.count / 2]
        let coreRight = rights.filter { $0 <= median + 0.5 * s }.max() ?? all.x1
        core = Rect(x0: all.x0, y0: all.y0, x1: coreRight, y1: all.y1)
    }

    /// A picture as a block, so that it takes part in region cutting and reading order.
    public init(image: Rect) {
        lines = []
        kind = .image
        box = image
        core = image
        size = 0
        bold = false
        vertical = false
    }

    public var text: String { lines.map(\.text).joined(separator: "\n") }
}

/// Unicode classes the stages need.
enum Script {
    /// CJK ideographs, kana, hangul and full-width punctuation: text that needs no spaces.
    static func isCJK(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x2E80...0x2FFF, 0x3000...0x303F, 0x3040...0x30FF, 0x3100...0x31FF, 0x3400...0x4DBF,
             0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFFEF,
             0x2018...0x201F, 0x2014, 0x2026:
            return true
        default:
            return false
        }
    }

    static func isCJK(_ c: Character) -> Bool { c.unicodeScalars.first.map(isCJK) ?? false }

    /// Full-width punctuation that closes (a comma, a full stop, a closing quote or bracket): set on
    /// the left of its em.
    static func isClosingPunctuation(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3001, 0x3002, 0xFF0C, 0xFF0E, 0xFF1A, 0xFF1B, 0xFF01, 0xFF1F, 0x201D, 0x2019, 0xFF09, 0x300D,
             0x300F, 0x3011, 0x300B, 0x3009, 0x3015, 0x3017:
            return true
        default:
            return false
        }
    }
}
