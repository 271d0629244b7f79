import GalleyCore

/// Paper sizes for printed stories.
public enum Paper: String, CaseIterable, Sendable {
    case a4, letter

    /// Width and height in points.
    public var size: (width: Double, height: Double) {
        switch self {
        case .a4: return (595.276, 841.89)
        case .letter: return (612, 792)
        }
    }
}

/// How a story is printed. Every length that depends on the text is a multiple of the body size,
/// so changing `bodySize` scales the whole page consistently.
public struct PrintOptions: Sendable {
    public var paper: Paper = .a4
    /// Body text columns: 1 or 2.
    public var columns = 1
    /// Page margins in points (about 2 cm).
    public var margin = 56.0
    /// Body text size in points.
    public var bodySize = 10.5
    /// Line pitch as a multiple of the font's own line height: Latin and Chinese text. Noto CJK's own
    /// line height is about 1.45 em, a usual Chinese leading; looser lines make pdftotext read the two
    /// columns of a page line by line across (seen with poppler 22.12), so it stays at 1.
    public var latinLineSpacing = 1.12
    public var cjkLineSpacing = 1.0
    /// The longest line a single column may have, in body ems (about 70 Latin characters, 36 Chinese).
    public var latinMeasure = 32.0
    public var cjkMeasure = 36.0
    /// Gap between two columns, in body ems.
    public var gutter = 1.8
    /// Display lines relative to the body size.
    public var headlineScale = 2.2
    public var kickerScale = 1.1
    public var deckScale = 1.35
    public var bylineScale = 0.95
    public var captionScale = 0.85
    /// Source line, running head and page numbers, in points.
    public var smallSize = 7.5
    /// First-line indent of body paragraphs, in body ems: Latin paragraphs after the first, every Chinese one.
    public var latinIndent = 1.2
    public var cjkIndent = 2.0
    /// Space after each Chinese paragraph, in body ems. None by default: the indent marks paragraphs,
    /// and a gap cuts a column into blocks that pdftotext may read out of order.
    public var cjkParagraphGap = 0.0
    /// A photo is at most this share of the text block's height.
    public var maxPhotoShare = 0.55
    /// Font families: serif text, sans-serif small print.
    public var latinSerif = "Noto Serif, DejaVu Serif"
    public var cjkSerif = "Noto Serif CJK SC"
    public var latinSans = "DejaVu Sans"
    public var cjkSans = "Noto Sans CJK SC"
    /// Set Chinese stories vertically (columns top to bottom, right to left); `columns` is then unused.
    public var vertical = false
    /// Column pitch of vertically set text, as a multiple of the font's own (one em wide) columns.
    public var verticalColumnSpacing = 1.5

    public init(paper: Paper = .a4, columns: Int = 1, vertical: Bool = false) {
        self.paper = paper
        self.columns = min(2, max(1, columns))
        self.vertical = vertical
    }
}

/// Which writing system a story is set in: it picks fonts, language, indent and hyphenation.
public enum StoryScript: Sendable, Equatable {
    case cjk, latin

    /// Chinese where Han characters outnumber Latin letters in the story's text.
    public static func of(_ article: Article) -> StoryScript {
        var han = 0, latin = 0
        let texts = [article.headline, article.kicker, article.subheadline].compactMap { $0 } + article.paragraphs.prefix(8)
        for text in texts {
            for s in text.unicodeScalars {
                switch s.value {
                case 0x3400...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FFFF, 0x3040...0x30FF: han += 1
                case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F: latin += 1
                default: break
                }
            }
        }
        return han > latin / 3 && han > 0 ? .cjk : .latin
    }

    /// BCP 47 language for Pango (line breaking, glyph forms).
    var language: String { self == .cjk ? "zh-cn" : "en" }
}
