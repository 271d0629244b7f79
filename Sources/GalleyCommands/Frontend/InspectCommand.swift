import Foundation
import GalleyCore
import GalleyPoppler

/// What `galley inspect` does: read the pages and write what extraction sees, as text or JSON.
struct InspectCommand {
    var input: PageInput
    var format: Inspect.Format
    var noRules: Bool

    func run() throws {
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
            out.write("{\"source\":\(JSONLiteral.string(input.file)),\"pages\":[")
            for (i, n) in numbers.enumerated() {
                let page = try document.page(n).content(findRules: !noRules)
                out.write((i > 0 ? "," : "") + InspectReport.json(for: page))
            }
            out.write("]}\n")
        }
    }
}
