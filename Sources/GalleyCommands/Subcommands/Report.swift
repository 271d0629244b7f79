import ArgumentParser

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write an HTML report of whole issues: every page's overlay, articles and warnings.",
        discussion: """
            Reads every PDF of the inputs (PDFs, or folders searched for *.pdf) as a batch of \
            `galley articles` workers, draws each page's overlay and prints each article as a PDF \
            (with galley-render, beside galley), and writes DIR/index.html: static files only, no \
            server and nothing from the internet. Open it in a browser.

            Per document and page: the overlay image, the list of articles (headline, first words, how \
            many blocks of each role), and for each article its full text and a link to its printed \
            PDF. Pages to look at are listed at the top: a warning (no text layer, dropped glyphs), a \
            document that failed (from DIR/files/manifest.jsonl), an overlay or print that could not be \
            made. Keys: j, n or the right arrow go to the next page; k, p or the left arrow to the \
            previous one.

            Exit status: 0 when every document, overlay and print was made; 1 when some failed (the \
            report says which); 2 for bad usage or when DIR cannot be written.
            """)

    @Argument(help: ArgumentHelp("PDFs or folders to report on.", valueName: "input"))
    var inputs: [String]

    @Option(name: .shortAndLong, help: ArgumentHelp("The report's folder: DIR/index.html and DIR/files/.", valueName: "dir"))
    var output: String

    @Option(name: [.customShort("j"), .customLong("jobs")],
            help: ArgumentHelp("Documents read (and pages drawn) at once (default: the number of cores).", valueName: "n"))
    var jobs: Int?

    @Option(help: "Resolution of the overlay images in dots per inch (18 to 300).")
    var dpi: Double = 60

    @Flag(help: "Show progress even when standard error is not a terminal.")
    var progress = false

    @Flag(help: "No progress lines; only the summary when something failed.")
    var quiet = false

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("name the PDFs or folders to report on") }
        if let jobs, jobs < 1 { throw ValidationError("-j must be at least 1 (got \(jobs))") }
        guard dpi >= 18 && dpi <= 300 else { throw ValidationError("--dpi must be between 18 and 300 (got \(dpi))") }
    }

    func run() throws {
        try CommandErrors.reporting {
            try ReportCommand(inputs: inputs, folder: output, jobs: jobs, dpi: dpi, progress: progress, quiet: quiet).run()
        }
    }
}
