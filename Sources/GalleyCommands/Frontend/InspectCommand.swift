import Foundation
import GalleyCore
import GalleyPoppler

/// What `galley inspect` does: read the pages and write what extraction sees, as text or JSON.
struct InspectCommand {
    var input: PageInput
    var format: Inspect.Format
    var noRules: Bool

    func run() throws {
        let document = try input.open()
        let numbers = try PageRange.resolve(input.pages, count: document.pageCount)
        // A page that cannot be read is reported on standard error and skipped (in JSON it is listed
        // with a warning saying why, so the document stays whole); the others are written, and the
        // exit status is 1.
        var failed = 0
        func read(_ n: Int) -> PageContent? {
            do {
                return try document.page(n).content(findRules: !noRules)
            } catch {
                let failure = PageFailure(document: document, page: n, error: error)
                failure.report()
                failed += 1
                guard format == .json else { return nil }
                return PageContent(number: n, width: failure.size?.width ?? 0, height: failure.size?.height ?? 0,
                                   warnings: [failure.warning])
            }
        }
        let out = StandardOutput()
        switch format {
        case .text:
            for n in numbers {
                guard let page = read(n) else { continue }
                out.write(InspectReport.text(for: page))
            }
        case .json:
            // Pages are written as they are read: never the whole document's glyphs at once.
            out.write("{\"source\":\(JSONLiteral.string(input.file)),\"pages\":[")
            var written = 0
            for n in numbers {
                guard let page = read(n) else { continue }
                out.write((written > 0 ? "," : "") + InspectReport.json(for: page))
                written += 1
            }
            out.write("]}\n")
        }
        if failed > 0 { throw PagesSkipped(count: failed) }
    }
}
