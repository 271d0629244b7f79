import ArgumentParser
import Foundation

package struct Overlay: ParsableCommand {
    package init() {}

    package static let configuration = CommandConfiguration(
        commandName: "overlay",
        abstract: "Draw Galley's reading of each page over the page: articles, blocks, reading order, columns.",
        discussion: """
            Each article is tinted in its own colour and numbered (the legend lists the numbers with the \
            article ids `galley print` takes); each block is outlined and labelled with its role (kicker, \
            headline, deck, byline, body, caption, photo); numbered arrows show the reading path from \
            block to block. Text columns are dashed, separators solid grey, page furniture (header, \
            folio, ads) greyed and hatched. Text stays readable under the colours.

            Output: PNG (one file per page: NAME-overlay.png for one page, NAME-overlay-3.png for page 3 \
            of several) or PDF (one page per page) when -o ends in .pdf. Files appear only when every \
            page is drawn; the written paths are printed.

            Resource guard: a page whose content takes longer than --page-timeout to read, or holds \
            more than --max-glyphs glyphs, is skipped ("galley: page 3: skipped: …"), the other pages \
            are drawn and the exit status is 1.
            """)

    @OptionGroup package var input: InputOptions

    @Option(name: .shortAndLong, help: ArgumentHelp(
        "Output file, .png or .pdf (default: NAME-overlay.png in the current folder). With several pages, PNG names get -PAGE before .png.",
        valueName: "path"))
    package var output: String?

    @Option(help: "Resolution of the page image in dots per inch (18 to 600).")
    package var dpi: Double = 100

    @Option(help: ArgumentHelp("Draw the articles of this galley.articles/1 JSON (from `galley articles -o`) instead of analysing the pages.",
                               valueName: "json"))
    package var layout: String?

    @Flag(inversion: .prefixedNo, help: "Draw the legend (article ids and colours, what the marks mean) in the emptiest spot of the page.")
    package var legend = true

    @Flag(help: "Show progress (page 3/6…) on standard error even when it is not a terminal.")
    package var progress = false

    package func validate() throws {
        guard dpi >= 18 && dpi <= 600 else { throw ValidationError("--dpi must be between 18 and 600 (got \(dpi))") }
        if let output, OverlayOutput.Format(path: output) == nil {
            throw ValidationError("-o must name a .png or .pdf file (got \(output))")
        }
    }

    package func run() throws {
        try CommandErrors.reporting { try Drawing.performer.overlay(self) }
    }
}
