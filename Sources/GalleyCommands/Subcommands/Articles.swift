import ArgumentParser

struct Articles: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "articles",
        abstract: "Rebuild the articles of newspaper pages: headlines, bylines, paragraphs, captions.",
        discussion: """
            Reads each page, finds its lines, blocks, columns and separators, rebuilds reading order and \
            groups the text into articles. Page furniture (header, folio, advertisements) is listed apart \
            in the JSON and never mixed into articles.

            Evidence weighed per page: the order in which the page draws its text (most producers and \
            OCR text layers draw it line by line in reading order; where a page does, its drawn lines and \
            the order of its blocks are followed, and --timings says so), the type sizes (scattered ones, \
            as OCR gives them, are read with wider tolerances) and the geometry of columns, gutters and rules.

            Formats: json follows the schema galley.articles/1 (every key present, absent display lines \
            as null, boxes as [x0, y0, x1, y1] in points from the top-left corner). text and markdown \
            write the articles one after another: kicker, headline, deck and byline first, then the \
            paragraphs separated by blank lines, then the captions (marked [Caption] in text, as block \
            quotes in Markdown); furniture is left out.

            Output goes to standard output unless -o names a file; the file is written whole or not at \
            all (an interrupted run leaves no temporary file). -o is refused when it names the input PDF \
            (by any name), a folder, a FIFO or a device; its folder is the one the file system finds \
            (zz/../x.json needs zz). Page warnings (e.g. a page without a text layer) go to standard error.

            A page that cannot be read (damaged, or of zero size), or that goes past the resource guard \
            (--page-timeout, default 60 s of reading; --max-glyphs, default 1000000 glyphs, which keeps a \
            page well under 1 GiB), is reported on standard error ("galley: page 3: skipped: …") and skipped: the JSON lists it with that warning and no \
            columns, furniture or articles; the other pages are output. Exit status: 0 on success; 1 \
            when some pages were skipped; 2 when the file cannot be read at all, a page is out of range \
            or the output cannot be written; 64 for invalid options.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, text, markdown }

    @OptionGroup var input: InputOptions

    @Option(help: "Output format: json, text or markdown.")
    var format: Format = .json

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "path"))
    var output: String?

    @Flag(help: "Show progress (page 3/6…) on standard error even when it is not a terminal.")
    var progress = false

    @Flag(help: ArgumentHelp("Print to standard error, for each page, the time of its extraction and layout.",
                             discussion: "drawing: the pass over the page's content that collects its paths and images (no text is drawn); text: poppler's text pass, the glyphs with their boxes and styles; rules: rules, frames and image boxes read from the paths; layout: the whole layout analysis. Milliseconds of wall-clock time. Then how coherent the page's drawing order is (the share of its text drawn in reading order, 0 to 1) and whether Galley trusted it to build lines and reading order. With --timings on a page list, a last line sums all pages."))
    var timings = false

    func run() throws {
        try CommandErrors.reporting {
            try ArticlesCommand(input: PageInput(input), format: format, output: output, progress: progress, timings: timings).run()
        }
    }
}
