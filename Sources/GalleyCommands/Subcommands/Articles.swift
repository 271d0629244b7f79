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
            write the articles one after another: where each came from (its id, the one `galley print \
            --article` takes, and its page: "[p1-a2 · page 1]" in text, a line under the heading in \
            Markdown), kicker, headline (in Markdown the id where there is none), deck and byline, then \
            the paragraphs separated by blank lines, then the captions (marked [Caption] in text, as block \
            quotes in Markdown); furniture is left out. alto, mets and page are the library formats: \
            alto is one ALTO 4.4 document (a Page a page; MeasurementUnit pixel at 72 dpi, so 1 pixel = 1 pt, \
            from the top-left corner; every block a TextBlock tagged with its role, words as Strings with \
            their fonts; vertical lines with BASEDIRECTION="ttb"); mets needs -o FOLDER and writes \
            FOLDER/NAME-METS.xml (one ARTICLE div an article, its HEADING, BODY/PARAGRAPH and CAPTION divs \
            pointing at ALTO TextBlock and TextLine IDs) and FOLDER/ALTO/NAME-0001.xml, one a page; page \
            writes PAGE XML 2019-07-15, one document a page (pixels at 300 ppi; vertical regions read \
            top-to-bottom), to -o FILE for one page and into -o FOLDER as NAME-0001.xml… for several.

            FILE - reads the PDF from standard input. -f N and -l M (as in pdftotext) select pages N to M.

            Output goes to standard output unless -o names a file (a folder for mets, and for page with several pages); the file is written whole or not at \
            all (an interrupted run leaves no temporary file). -o is refused when it names the input PDF \
            (by any name), a folder, a FIFO or a device; its folder is the one the file system finds \
            (zz/../x.json needs zz). Page warnings (e.g. a page without a text layer) go to standard error.

            A page that cannot be read (damaged, or of zero size), or that goes past the resource guard \
            (--page-timeout, default 60 s of reading; --max-glyphs, default 1000000 glyphs, which keeps a \
            page well under 1 GiB), is reported on standard error ("galley: page 3: skipped: …") and skipped: the JSON lists it with that warning and no \
            columns, furniture or articles; the other pages are output. Exit status: 0 on success; 1 \
            when some pages were skipped or have no text layer (scans: run OCR first); 2 when the file \
            cannot be read at all, a page is out of range, the output cannot be written, or the command \
            line is wrong (one line "galley: error: …" says why).

            Batches: several inputs, folders (searched for *.pdf below them), or a batch option make a \
            batch: `galley articles INPUT… -o OUTDIR`. Each PDF is read by a worker process of its \
            own, -j at once, and its output written as OUTDIR/NAME.json (.txt, .md), mirroring the \
            folders below a named folder; a worker that crashes, runs past --timeout or grows past \
            --memory-limit is ended and recorded, and the batch goes on. OUTDIR/manifest.jsonl has a line \
            per input: path, size, pages, status (ok, failed, timeout, skipped), error, outputs, seconds, \
            hash. Progress is a bar on a terminal (--progress: plain lines elsewhere, --quiet: none). \
            --resume skips inputs whose output is newer than them or whose hash is recorded as ok; an \
            interrupted batch leaves no partial output. Exit status 0 when all succeeded, 1 when some \
            failed (the summary line says how many and names the manifest), 2 for bad usage.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, text, markdown, alto, mets, page }

    @OptionGroup var input: InputOptions

    @Argument(help: ArgumentHelp("More PDFs or folders: a batch, each PDF's output a file of its own in the folder -o names.", valueName: "input"))
    var moreInputs: [String] = []

    @Option(help: "Output format: json, text, markdown, alto (ALTO 4.4, 1 pixel = 1 pt), mets (METS with ALTO, needs -o FOLDER) or page (PAGE XML, 300 ppi).")
    var format: Format = .json

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output (in a batch: the output folder).", valueName: "path"))
    var output: String?

    @Flag(help: "Show progress (page 3/6…) on standard error even when it is not a terminal.")
    var progress = false

    @Flag(help: ArgumentHelp("Print to standard error, for each page, the time of its extraction and layout.",
                             discussion: "drawing: the pass over the page's content that collects its paths and images (no text is drawn); text: poppler's text pass, the glyphs with their boxes and styles; rules: rules, frames and image boxes read from the paths; layout: the whole layout analysis. Milliseconds of wall-clock time. Then how coherent the page's drawing order is (the share of its text drawn in reading order, 0 to 1) and whether Galley trusted it to build lines and reading order. With --timings on a page list, a last line sums all pages."))
    var timings = false

    @OptionGroup(title: "Batch options") var batch: BatchOptions

    func run() throws {
        try CommandErrors.reporting {
            try ArticlesCommand(input: PageInput(input), format: format, output: output, progress: progress, timings: timings,
                                moreInputs: moreInputs, batch: batch.settings).run()
        }
    }
}
