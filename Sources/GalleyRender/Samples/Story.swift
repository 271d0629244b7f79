/// One story as an editor hands it to the page: its display lines, its text and its picture, and how it
/// should look. Where it goes on the page is decided by the page (`PageComposer.story`).
struct Story: Sendable {
    enum Align: Sendable { case left, center }
    enum VerticalSide: Sendable { case left, right }
    enum BylinePlace: Sendable { case top, end }

    struct Photo: Sendable {
        /// Body columns of the story the photo spans (0-based, relative to the story).
        var columns: Range<Int>
        var height: Double
        var caption: String
        var seed: Int = 0
    }

    /// A quotation pulled out of the text and set large inside one body column.
    struct PullQuote: Sendable {
        var text: String
        var column: Int
        /// Distance from the top of the body text, in lines.
        var afterLines: Int
    }

    var script: Script
    var kicker: String?
    /// Headline lines; a line that is too wide is broken further.
    var headline: [String]
    var deck: String?
    var byline: String?
    var bylinePlace: BylinePlace = .top
    var paragraphs: [String]
    var photo: Photo?
    var pullQuote: PullQuote?
    /// Headline size in points.
    var headSize: Double = 24
    var headAlign: Align = .center
    /// Set the headline vertically down one side of the story instead of across it.
    var vertical: VerticalSide?
    /// Draw a frame round the story.
    var boxed = false
    /// Body columns; defaults to the number of grid columns the story spans.
    var bodyColumns: Int?
    /// A line after the text sending the reader to another page ("Continued on A6"). It is set flush
    /// right in italics, and is the article's last body paragraph in the ground truth.
    var jump: String?

    init(_ script: Script, kicker: String? = nil, headline: [String], deck: String? = nil, byline: String? = nil,
         paragraphs: [String]) {
        self.script = script; self.kicker = kicker; self.headline = headline; self.deck = deck
        self.byline = byline; self.paragraphs = paragraphs
    }

    /// The story with `change` applied: lets a page write `story.with { $0.boxed = true }`.
    func with(_ change: (inout Story) -> Void) -> Story {
        var copy = self
        change(&copy)
        return copy
    }
}

/// The type of a page: fonts and sizes for each role, relative measures for spacing.
struct PageStyle: Sendable {
    var body: PDFSketch.Font
    /// Baseline-to-baseline distance of body lines, as a multiple of the body size.
    var leading: Double
    /// First-line indent of a paragraph, in ems of the body size (2 for Chinese, 1 for English).
    var indentEms: Double
    var headFamily: String
    var kicker: PDFSketch.Font
    var deck: PDFSketch.Font
    var byline: PDFSketch.Font
    var caption: PDFSketch.Font
    /// Space between columns, in points.
    var gutter: Double
    /// Thin rules in the gutters between body columns.
    var columnRules: Bool

    static func chinese(size: Double = 10, gutter: Double = 9) -> PageStyle {
        // Body in Noto Sans CJK: with cairo 1.16, a subset of Noto Serif CJK SC Regular holding a page of
        // text weighs over 500 KB in the PDF (measured), against about 160 KB for Noto Sans CJK SC.
        PageStyle(body: .init(family: "Noto Sans CJK SC", size: size), leading: 1.6, indentEms: 2,
                  headFamily: "Noto Sans CJK SC",
                  kicker: .init(family: "Noto Sans CJK SC", size: size + 3),
                  deck: .init(family: "Noto Sans CJK SC", size: size + 3, bold: true),
                  byline: .init(family: "Noto Sans CJK SC", size: size),
                  caption: .init(family: "Noto Sans CJK SC", size: size - 1.5),
                  gutter: gutter, columnRules: true)
    }

    static func english(size: Double = 9, gutter: Double = 12) -> PageStyle {
        PageStyle(body: .init(family: "DejaVu Serif Condensed", size: size), leading: 1.3, indentEms: 1.2,
                  headFamily: "DejaVu Serif",
                  kicker: .init(family: "DejaVu Sans Condensed", size: size + 1, bold: true),
                  deck: .init(family: "DejaVu Serif Condensed", size: size + 4, italic: true),
                  byline: .init(family: "DejaVu Sans Condensed", size: size - 0.5, bold: true),
                  caption: .init(family: "DejaVu Sans Condensed", size: size - 1.5, italic: true),
                  gutter: gutter, columnRules: false)
    }
}
