import ArgumentParser
import Foundation
import GalleyCore
import GalleyPoppler

struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what Galley reads from a PDF: page sizes, glyphs, fonts, images and rules.",
        discussion: """
            Text output summarises each page: its size, glyph count, the fonts and sizes used, images \
            and rules. JSON output adds every glyph with its box, font, size, weight, colour and \
            writing direction. Coordinates are points, origin top-left, y down.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var input: InputOptions

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Flag(help: "Skip looking for rules and frames (faster: no page render).")
    var noRules = false

    func run() throws {
        try CommandErrors.reporting {
            let document = try PDFDocument(path: input.file, password: input.password)
            let numbers = try PageRange.resolve(input.pages, count: document.pageCount)
            // A page that cannot be read stops the command before anything is written, so the output
            // is never a half-written JSON document.
            for n in numbers where !(try document.page(n).hasArea) { throw ExtractionError.zeroSizePage(page: n) }
            let out = StandardOutput()
            switch format {
            case .text:
                for n in numbers {
                    let page = try document.page(n).content(findRules: !noRules)
                    out.write(InspectReport.text(for: page))
                }
            case .json:
                // Pages are written as they are read: never the whole document's glyphs at once.
                out.write("{\"source\":\(JSONText.quote(input.file)),\"pages\":[")
                for (i, n) in numbers.enumerated() {
                    let page = try document.page(n).content(findRules: !noRules)
                    out.write((i > 0 ? "," : "") + InspectReport.json(for: page))
                }
                out.write("]}\n")
            }
        }
    }
}
