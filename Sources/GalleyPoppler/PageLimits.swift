/// How much one page may cost to read: a page past either limit is not read on (its reading throws
/// `ExtractionError.readingTimedOut` or `.tooManyGlyphs`), so that a runaway page is skipped instead of
/// running for minutes or taking all memory.
public struct PageLimits: Sendable, Equatable {
    /// Seconds poppler may spend interpreting the page's content; nil: no limit.
    public var seconds: Double?
    /// Glyphs a page may hold; nil: no limit. (At about 250 bytes a glyph through extraction and layout,
    /// the default keeps a page well under 1 GiB.)
    public var maxGlyphs: Int?

    public init(seconds: Double? = nil, maxGlyphs: Int? = nil) {
        self.seconds = seconds
        self.maxGlyphs = maxGlyphs
    }

    /// No limit.
    public static let none = PageLimits()
    /// The defaults of the command line's `--page-timeout` and `--max-glyphs`.
    public static let standard = PageLimits(seconds: 60, maxGlyphs: 1_000_000)
}
