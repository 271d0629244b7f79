/// A font a page draws text with, as the PDF declares it: its kind, and whether the glyph boxes
/// read from it can be trusted to match the ink.
public struct PageFont: Hashable, Sendable {
    /// The font's kind in the PDF.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case type1 = "Type 1"
        case trueType = "TrueType"
        case type3 = "Type 3"
        /// A composite font with CFF (PostScript) outlines.
        case type0CFF = "Type 0 (CFF)"
        /// A composite font with TrueType outlines.
        case type0TrueType = "Type 0 (TrueType)"
        case unknown
    }

    /// Why a font's glyph boxes may not match its ink.
    public enum Doubt: String, Hashable, Sendable, CaseIterable {
        /// A Type 3 font whose glyph space is not the usual one (an em to one unit of text space):
        /// its size on the page, and so its glyphs' heights, are guessed from its widths.
        case sizeGuessed
        /// A Type 3 font whose glyphs give no bounding boxes and which has no /FontBBox: its glyphs'
        /// heights are a guess.
        case noGlyphBoxes
        /// A font whose ascent and descent are implausible (under half an em or over 2.5 em apart):
        /// its glyphs are too short or too tall.
        case implausibleMetrics
    }

    /// The font's name as the glyphs carry it (`Glyph.font`).
    public var name: String
    public var kind: Kind
    /// True where the font matrix turns glyphs upside down (y down), as browsers write Type 3 fonts.
    public var flipped: Bool
    public var doubts: Set<Doubt>

    public init(name: String, kind: Kind, flipped: Bool = false, doubts: Set<Doubt> = []) {
        self.name = name; self.kind = kind; self.flipped = flipped; self.doubts = doubts
    }

    /// One sentence for a reader where the font's boxes look unreliable; nil where they look sound.
    public var warning: String? {
        guard !doubts.isEmpty else { return nil }
        let label = name.isEmpty ? "(unnamed)" : name
        let reasons = Doubt.allCases.filter(doubts.contains).map { doubt -> String in
            switch doubt {
            case .sizeGuessed: return "its glyph space is unusual, so its size is guessed from its widths"
            case .noGlyphBoxes: return "its glyphs give no bounding boxes"
            case .implausibleMetrics: return "its ascent and descent are implausible"
            }
        }
        return "font \(label) (\(kind.rawValue)): glyph boxes may not match the ink: " + reasons.joined(separator: "; ")
    }
}
