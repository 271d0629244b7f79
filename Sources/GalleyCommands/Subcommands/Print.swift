import ArgumentParser
import Foundation

package struct Print: ParsableCommand {
    package init() {}

    package static let configuration = CommandConfiguration(
        commandName: "print",
        abstract: "Typeset one article as a new, readable PDF.",
        discussion: """
            The article is set with Pango: kicker, headline, deck and byline across the top, then the \
            paragraphs, justified (Latin words hyphenated where a line needs it; Chinese lines never \
            start with closing punctuation), with the article's photos cut from the page and their \
            captions, a source line (paper, date, page, from the page furniture where found), running \
            heads and page numbers. Fonts are embedded and the text can be copied and extracted.

            Find the article ids with --list (or in `galley overlay`'s legend). Ids are p<page>-a<k>; \
            naming one makes Galley analyse that page only.

            Resource guard: a page whose content takes longer than --page-timeout to read, or holds \
            more than --max-glyphs glyphs, is skipped ("galley: page 3: skipped: …") and the exit \
            status is 1 (the article is still printed when it is on another page).
            """)

    package enum PaperOption: String, ExpressibleByArgument, CaseIterable { case a4, letter }

    @OptionGroup package var input: InputOptions

    @Option(help: ArgumentHelp("The article to print, e.g. p1-a2.", valueName: "id"))
    package var article: String?

    @Flag(help: "List the article ids with their headlines instead of printing.")
    package var list = false

    @Option(name: .shortAndLong, help: ArgumentHelp("Output PDF (default: NAME-ID.pdf in the current folder).", valueName: "path"))
    package var output: String?

    @Option(help: "Paper size: a4 or letter.")
    package var paper: PaperOption = .a4

    @Option(help: "Body text columns: 1 or 2.")
    package var columns: Int = 1

    @Flag(help: ArgumentHelp("Set a Chinese story vertically: columns top to bottom, read right to left (Pango east gravity, vertical punctuation forms).",
                             discussion: "Without it every story, vertical ones (竖排) included, is printed horizontally. Latin stories are always printed horizontally."))
    package var vertical = false

    @Option(help: "Resolution of the photos cut from the page, in dots per inch (36 to 600).")
    package var photoDpi: Double = 150

    @Option(help: ArgumentHelp("Take the articles from this galley.articles/1 JSON (from `galley articles -o`) instead of analysing the pages.",
                               valueName: "json"))
    package var layout: String?

    package func validate() throws {
        guard columns == 1 || columns == 2 else { throw ValidationError("--columns must be 1 or 2 (got \(columns))") }
        guard photoDpi >= 36 && photoDpi <= 600 else { throw ValidationError("--photo-dpi must be between 36 and 600 (got \(photoDpi))") }
        if !list && article == nil { throw ValidationError("name the article to print with --article ID, or list them with --list") }
        if list && (article != nil || output != nil) { throw ValidationError("--list prints the article ids only; leave out --article and -o") }
        if let output, (output as NSString).pathExtension.lowercased() != "pdf" {
            throw ValidationError("-o must name a .pdf file (got \(output))")
        }
    }

    package func run() throws {
        try CommandErrors.reporting { try Drawing.performer.print(self) }
    }
}
