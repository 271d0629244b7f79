import ArgumentParser

struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show what Galley reads from a PDF: page sizes, glyphs, fonts, images and rules.",
        discussion: """
            Text output summarises each page: its size, glyph count, the fonts used with their kinds \
            (Type 1, TrueType, Type 3, Type 0) and sizes, images and rules; a font whose glyph boxes look \
            unreliable (a Type 3 font without glyph boxes or with an unusual glyph space, a font with \
            implausible ascent and descent) gets a warning, in JSON too. JSON output adds every glyph with its box, font, size, weight, colour and \
            writing direction:
              {"source", "pages": [{"number", "width", "height", "glyphs": [...],
                "images": [{"bbox"}], "rules": [{"kind", "bbox"}], "warnings": [...]}]}
              glyph: {"text", "bbox": [x0,y0,x1,y1], "font", "size",
                      "bold", "italic", "color": "#rrggbb", "vertical"}
            Coordinates are points, origin top-left, y down, with the page's rotation applied. Rule kinds: \
            horizontal, vertical, frame (a rectangle's outline), fill (a tinted box). A page without a \
            text layer (a scan) is reported with a warning suggesting OCR. Glyphs, images and rules whose \
            coordinates are not finite or lie beyond ten times the page's size (damage: a huge matrix or \
            font size) are left out, with one warning for the page; a page larger than 200,000 pt a side \
            is skipped.

            A page that cannot be read (damaged, or of zero size) is reported on standard error \
            ("galley: page 3: skipped: …") and skipped; in JSON it is listed without glyphs, with a \
            warning saying why. The other pages are written.

            Exit status: 0 on success; 1 when some pages were skipped; 2 when the file cannot be read \
            (missing, not a PDF, damaged, encrypted without the right --password, a page out of range) \
            and for invalid options (one line "galley: error: …" says why).
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var input: InputOptions

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Flag(help: "Skip looking for rules, frames and tinted boxes (faster: one pass less over the page's drawing). Image boxes then come from poppler's image list, which is wrong for images placed rotated.")
    var noRules = false

    func run() throws {
        try CommandErrors.reporting {
            try InspectCommand(input: PageInput(input), format: format, noRules: noRules).run()
        }
    }
}
