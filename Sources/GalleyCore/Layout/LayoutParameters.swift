import Foundation

/// Every threshold the layout stages use, in one place.
///
/// Distances are multiples of a font size (`em`): of the glyph or line at hand, or of the page's body size
/// (the most common glyph size, weighted by glyph count). Nothing here is in absolute points, so the same
/// parameters serve an A3 broadsheet at 10 pt and a tabloid at 8 pt.
public struct LayoutParameters: Sendable, Hashable {
    // MARK: Drawing order (DrawingOrder)
    /// Glyphs drawn one after the other on one baseline form one run when the second starts at most this
    /// far (em) after the first: the widest word space of a justified or OCR-fitted line.
    public var drawnRunGap = 3.0
    /// A run drawn after another goes on in reading order when it starts lower by at most this (em of the
    /// first run's size), overlapping it horizontally: the next line of the same column.
    public var drawnLineStep = 3.0
    /// A block of at most this many lines drawn between two lines of another block, inside its box, is a
    /// fragment of that block's text.
    public var drawnFragmentLines = 2
    /// Runs of fewer glyphs than this (OCR noise, stray marks) do not count in the coherence.
    public var drawnMinRunGlyphs = 3
    /// The widest gap (em) inside one drawn run on an OCR text layer (`sizesAreNoisy`): the OCR draws its own
    /// lines, and a table's label and value sit far apart on one. Elsewhere `maxWordGap`.
    public var drawnMaxGapOCR = 24.0
    /// A block stands under a headline when it starts at most this far (em of the headline's size) under it.
    public var drawnBlockStep = 4.0
    /// Pages with fewer run-to-run steps than this give no evidence of their drawing order.
    public var drawnMinSteps = 8
    /// The drawing order builds lines and orders blocks when at least this share of its steps (weighed by
    /// glyphs) go on in reading order. Pages drawn line by line score 0.8 and more (only column and block
    /// jumps miss); an OCR layer over an engraving, its noise read in every corner, 0.4; shuffled pages
    /// below 0.1.
    public var drawingOrderTrust = 0.3

    // MARK: Glyphs → lines (LineBuilder)
    /// Two glyphs belong to one fragment when the horizontal gap between them is at most this (em).
    /// Larger gaps are either word spaces or gutters and are looked at by the gutter test.
    public var fragmentGap = 0.2
    /// CJK glyphs overlapping by more than this (em) do not belong to one fragment: text overprinting a gutter.
    public var overlapSplit = 0.1
    /// Largest difference of vertical centres, in em of the smaller glyph, for glyphs on one baseline.
    public var baselineTolerance = 0.3
    /// Largest ratio of two font sizes that may share a line.
    public var lineSizeRatio = 1.25
    /// A gap inside a line that is at least this wide (em) gets a space in the text (non-CJK pairs).
    public var wordSpace = 0.15
    /// A gap between two CJK glyphs at least this wide (em) gets a space in the text.
    public var cjkSpace = 0.6
    /// Largest gap (em) that can still be a space inside one line (justified text may stretch far).
    public var maxWordGap = 12.0
    /// A CJK line runs on into the next column (ColumnOverflow) at a glyph (overlapping the one before
    /// by at most `overflowMaxOverlap` em, or at most `overflowMaxGap` em after it) starting within
    /// `overflowEdgeTolerance` em of where that column's lines start, where lines of both columns lie
    /// within `overflowPitchReach` em above or below it at one pitch (within `overflowPitchTolerance`
    /// em), of one size (within `overflowSizeTolerance`); running text only, from `overflowSmallest`
    /// times the body size up to display type.
    public var overflowEdgeTolerance = 0.1
    public var overflowPitchReach = 2.2
    public var overflowPitchTolerance = 0.2
    public var overflowSizeTolerance = 0.1
    public var overflowSmallest = 0.8
    public var overflowMaxOverlap = 0.5
    public var overflowMaxGap = 3.0
    /// Each part of a split line, and the next column's lines past the split, are at least this long
    /// (em): a column, not a word.
    public var overflowMinPart = 2.0
    /// A CJK paragraph opens this many ems in (two characters).
    public var cjkIndent = 2.0
    /// The gutter test looks at a band this wide (em), ending where the right-hand fragment starts.
    public var gutterBand = 0.3
    /// A gap is a column gutter when the band above and below it is blank over this height (em).
    public var gutterMinHeight = 4.5
    /// ... and at least two other lines in the strip start within `gutterAlign` em of the same x (one is
    /// enough where the strip is at least `gutterLongHeight` em tall: a column of one or two lines), and
    /// they are at least `gutterAlignedShare` of the lines starting near there (paragraph indents aside).
    public var gutterAlign = 0.25
    public var gutterAlignedShare = 0.6
    public var gutterLongHeight = 8.0
    /// Between Latin words the gutter test also wants the text left of the gap to end flush: most rows
    /// with text within `gutterEdgeReach` em left of the gap end at one edge (punctuation may hang up to
    /// `gutterHang` em past it), at least `gutterMinGap` em short of the next column.
    /// Line ends count as flush within `gutterEndTolerance` em of each other.
    public var gutterEdgeReach = 4.0
    public var gutterHang = 0.5
    public var gutterEndTolerance = 0.15
    /// ... and at least this many rows (the line at hand included) end on that edge.
    public var gutterFlushRows = 3
    /// Ragged text left of a gutter need not end flush when every row ends at least this far (em) short.
    public var gutterRaggedGap = 0.8
    /// ... and a traced gutter (GutterFinder) passes through the gap within this many em above or below.
    public var gutterTraceReach = 4.0
    /// The gutter test looks this far (em) above and below the line, no further.
    public var gutterWindow = 12.0
    /// Text at least this many times the body size counts as display type when splitting lines:
    /// its gaps split only when they are also at least `displayGutter` em wide.
    public var displaySizeRatio = 1.3
    public var displayGutter = 1.5
    /// Display type in another font or size splits at gaps of this many em already.
    public var displayStyleGap = 0.5
    /// Vertical glyphs stack into one vertical line when the gap between them is at most this (em).
    public var verticalGlyphGap = 1.0

    // MARK: Column gutters from page white space (GutterFinder)
    /// Rows of the page are looked at in bands this tall (em of body size).
    public var gutterBandHeight = 0.4
    /// A white stretch in a band, between text on both sides, is a gap when at least this wide (em of body)...
    public var gutterMinGap = 0.5
    /// ... and at most this wide; wider white (a short line beside a gutter) neither supports nor breaks one.
    public var gutterMaxGap = 5.0
    /// Gaps in successive bands belong to one gutter when they overlap by at least this (em of body).
    public var gutterMinOverlap = 0.25
    /// A gutter ends after this many bands in a row with text across it.
    public var gutterMaxMisses = 2
    /// A chain of gaps is a gutter when it has at least this many gap bands (16 bands of 0.4 em: 6.4 em).
    public var gutterMinEvidence = 16
    /// ... and the text beside it is aligned: in this share of its bands the next column's lines start
    /// (or the previous column's lines end) within `gutterEdgeTolerance` em of the
    /// column edge: where most lines start (end) within `gutterAlignWindow` em above or below.
    public var gutterEdgeShare = 0.6
    public var gutterEdgeTolerance = 0.3
    public var gutterAlignWindow = 10.0
    /// Of two gutters side by side closer than this (em of body), only the better supported one counts.
    public var gutterMinColumn = 6.0

    // MARK: Split rows (SplitRowMender)
    /// Pieces of one short row at most this far apart (em) may be one line split at a gutter...
    public var rowMendGap = 2.0
    /// ... when no line of about their size lies closer than this (em) above or below any of them.
    public var rowMendIsolation = 0.6
    /// A byline after a gap at least this wide (em) on one line with other text is split off.
    public var bylineGap = 2.0

    // MARK: Lines → blocks (BlockBuilder)
    /// Largest ratio of sizes for lines in one block.
    public var blockSizeRatio = 1.1
    /// True for a page whose sizes scatter, a text layer drawn from OCR (set by `tolerating(sizeNoise:)`).
    /// There a line flush on both edges with the line above (a justified column) shares its block up to
    /// `headlineRatio` of sizes, its size following the height of its OCR box (BlockBuilder); a line of
    /// display or headline size inside a column's flow, with running text at most `runningLineGap` em
    /// above and below and at least `runningLineWidth` of the width of the text below, is running text,
    /// and large type that does not read as words heads nothing (RoleClassifier); drawn runs hold gaps up
    /// to `drawnMaxGapOCR` and no traced gutter parts them, and headlines are not taken for a layer drawn
    /// apart (DrawingOrder).
    public var sizesAreNoisy = false
    public var runningLineGap = 0.8
    public var runningLineWidth = 0.85
    /// Lines this much (share of its size) smaller than a deck opening with a dash do not join it.
    public var deckBodyStep = 0.03
    /// Largest blank gap (em) between consecutive lines of a block.
    public var blockLineGap = 1.0
    /// Lines may start this much (em) to the right or left of the block's left edge (paragraph indents).
    public var indentTolerance = 2.6
    /// Lines may stick out this much (em) past a block's right edge (hanging punctuation, overflow).
    public var overflowTolerance = 1.2
    /// Centred lines (headlines, decks) align when their centres differ by at most this (em).
    public var centreTolerance = 1.0

    // MARK: Roles (RoleClassifier)
    /// Blocks at least this many times the body size are headlines (bold ones from `boldHeadlineRatio`).
    public var headlineRatio = 1.5
    public var boldHeadlineRatio = 1.25
    /// Blocks from this ratio up to a headline are display text (kickers and decks).
    public var displayRatio = 1.08
    /// Headline or display type heads something only where it reads as words: at least this many letters
    /// (ideographs count), making at least this share of its characters (OCR noise does not).
    public var headingMinLetters = 2
    public var headingLetterShare = 0.5
    /// Display blocks longer than this many lines (and not bold) are body text set larger.
    public var displayMaxLines = 3
    /// Blocks below this ratio are small print (captions, credits) when they have at most `smallMaxLines`
    /// lines; longer ones are body text set smaller.
    public var smallRatio = 0.92
    public var smallMaxLines = 6
    /// A block whose top is within this distance (em) of an image's edge is its caption candidate.
    public var captionDistance = 2.0

    // MARK: Furniture (FurnitureFinder)
    /// A horizontal rule at least this share of the page wide, in the top `headerBand` or bottom
    /// `footerBand` share of the page, separates the page header or footer.
    public var furnitureRuleWidth = 0.5
    public var headerBand = 0.15
    public var footerBand = 0.1
    /// A page number is a line of at most this many characters in the top or bottom band.
    public var folioMaxChars = 4
    /// A picture at least this share of the page wide, starting in the header band above all text
    /// and ending within the top `mastheadDepth` share of the page, is the nameplate (masthead), not
    /// a photo.
    public var mastheadWidth = 0.7
    public var mastheadDepth = 0.35
    /// A line of text starting in the header band, at least `nameplateWidth` of the page wide and at
    /// least `nameplateRatio` times the size of any text starting more than `nameplateSkirt` em (body
    /// size) below it, is the paper's nameplate set in type (a banner headline is at most about 1.5 times
    /// the next headline). The ears beside it and the rows of small type under it, each within the skirt
    /// of the one before, are the masthead with it (FurnitureFinder.nameplateBand).
    public var nameplateWidth = 0.4
    public var nameplateRatio = 2.5
    public var nameplateSkirt = 4.0
    /// Vertical text in the margin at least this share of the page tall (and not larger than display
    /// type) is a running head.
    public var marginHeadHeight = 0.25

    // MARK: Regions (RegionCutter)
    /// A white vertical gap between blocks at least this wide (em of body size) separates columns.
    public var minColumnGap = 0.5
    /// A narrower white gap, at least this wide (em of body size), separates two stories side by side where
    /// only headline type narrows it (their text keeps `minColumnGap` apart) and each side has a headline.
    public var storyGutterGap = 0.2
    /// A white horizontal gap at least this tall (em of body size) separates stacked regions.
    public var minRowGap = 0.3
    /// A horizontal rule must span this share of a region's width to cut it (so must a picture whose
    /// edge cuts the region where no white does; text may touch that edge within `pictureEdgeSlack` em).
    public var ruleCutCoverage = 0.6
    public var pictureEdgeSlack = 0.2

    // MARK: Articles and paragraphs
    /// A kicker sits at most this far (em of its size) above its headline.
    public var kickerDistance = 2.5
    /// Longest byline, in characters.
    public var maxBylineChars = 24
    /// A line starting at least this far (em) right of its column's left edge opens a paragraph.
    public var paragraphIndent = 0.8
    /// A line ending at least this far (em) left of its column's right edge closes a paragraph.
    public var shortLine = 1.5
    /// A blank gap between lines at least this many times the usual one opens a paragraph.
    public var paragraphGapRatio = 1.8
    /// Longest jump line ("Continued on A6", 下转第三版), in characters.
    public var jumpLineMaxChars = 40

    // MARK: Article parts (ArticleGrouper)
    /// Headline type under a headline and set smaller than this share of its size is the deck.
    public var deckSizeRatio = 0.75
    /// A headline-size line of at most this many characters (CJK) or words (Latin) over a much longer
    /// headline is a section label (kicker).
    public var sectionLabelMaxLength = 4
    /// A tinted band at most this many times the height of the one display line on it is a section banner.
    public var bannerMaxHeight = 3.0
    /// A line is set in capitals when it has at least this many cased letters, this share of them capitals
    /// (a heading at body size in old papers, centred over its item).
    public var capitalsMinLetters = 4
    public var capitalsShare = 0.8
    /// A heading centred over its text stands in from both edges of that text by at least this (em): a
    /// line flush with either edge is a paragraph's first or last line, not a heading.
    public var headingSideMargin = 1.0
    /// A headline's connecting words set small on a line of their own ("LES", "est un"): at most this many
    /// words of at most this many letters each (ArticleGrouper.joiningConnectors).
    public var connectorMaxWords = 2
    public var connectorMaxLetters = 4
    /// A section headline (whose capitals headings head its items) is at most this many columns wide.
    public var sectionMaxColumns = 2.2
    /// A capitals heading (ArticleGrouper.isCapitalsHeading) has at most this many lines.
    public var capitalsHeadingMaxLines = 3
    /// A brief's headline stands at most this far (em of the larger size) over its text, and a crosshead at
    /// most this far under the text above it.
    public var briefHeadlineGap = 2.5
    /// A brief's headline (not bold) is set at least this many times the size of the text under it.
    public var briefHeadlineRatio = 1.15
    /// A single letter at least this many times the body size, level with a paragraph's first line, is
    /// its drop capital; the line starts at most `dropCapReach` capital widths right of it.
    public var dropCapRatio = 2.0
    public var dropCapReach = 1.5
    /// A line piece on the same baseline as the line before, at most this far (em) right of it, continues it.
    public var sameRowGap = 8.0

    // MARK: Noisy type sizes (text layers drawn from OCR)
    /// Where the page's type sizes are noisy (a text layer drawn from OCR, each line's size taken from its
    /// height), the size ratios that tell one kind of type from another are widened by this many times the
    /// noise, the median distance of the body's glyph sizes from their centre (in log ratio).
    public var sizeNoiseReach = 3.0
    /// A page whose body-range glyphs are 80% in at most this many distinct sizes is set in exact sizes
    /// (no noise): body, captions, a deck or two. OCR-drawn pages spread them over five and more.
    public var exactSizeCount = 4

    // MARK: Vertical pages (VerticalPageDetector, VerticalGlyphs, VerticalPageAnalyzer)
    /// Two CJK glyphs are neighbours along a line (or down a column) when their centres are at most this
    /// far apart (em of the glyph): solid-set text has its centres one em apart, headlines a little more.
    public var verticalNeighbourReach = 1.35
    /// …and across that direction their centres differ by at most this (em).
    public var verticalNeighbourAlign = 0.25
    /// Neighbours differ in size by at most this share of the glyph's size.
    public var verticalNeighbourSize = 0.15
    /// A glyph votes for the direction whose neighbour is nearer, when it is nearer by this much (em).
    public var verticalVoteMargin = 0.15
    /// A page is set vertically when at least this share of its voting CJK glyphs votes vertical…
    public var verticalPageShare = 0.6
    /// …and at least this many do (a few vertical headlines never make a page vertical).
    public var verticalPageMinGlyphs = 40
    /// A vertical glyph's extent across its column, in em, as the line builder sees it once the page is
    /// turned: the height of a horizontal CJK glyph's box (ascent plus descent of the CJK fonts).
    public var verticalCrossExtent = 1.45
    /// Glyphs narrower than this (em) side by side in one cell of a column are one cell (縦中横).
    public var verticalNarrowCell = 0.7

    public init() {}
    public static let standard = LayoutParameters()

    /// These parameters for a page whose type sizes scatter around their centre by `noise` (the median of
    /// |ln(size / centre)| over the body's glyphs; 0 for a page set in exact sizes): every ratio that
    /// separates sizes near the body's is pushed that much further from 1 (the headline ratios are not:
    /// headlines stand well above the noise, and old pages set many at 1.2 to 2 times the body). With no
    /// noise the parameters are unchanged.
    public func tolerating(sizeNoise noise: Double) -> LayoutParameters {
        guard noise > 0, noise.isFinite else { return self }
        let f = Foundation.exp(sizeNoiseReach * noise)
        var p = self
        p.blockSizeRatio *= f
        p.lineSizeRatio *= f
        p.displaySizeRatio *= f
        p.displayRatio *= f
        p.briefHeadlineRatio *= f
        p.smallRatio /= f
        p.sizesAreNoisy = true
        return p
    }
}
