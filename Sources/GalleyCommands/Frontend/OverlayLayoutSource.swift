import Foundation
import GalleyCore
import GalleyPoppler

/// Where the overlay and print commands get each page's layout: from the analysis, as it stands, or
/// from a galley.articles/1 JSON saved earlier (`--layout`).
package struct LayoutSource {
    /// Why a saved layout cannot be used.
    struct SavedLayoutError: Error, CustomStringConvertible {
        let path: String
        let reason: String
        var description: String { "\(path): cannot use as a layout (\(reason))" }
    }

    let saved: ArticleDocument?
    var analyzer = PageAnalyzer()

    package init(jsonPath: String?) throws {
        guard let jsonPath else { saved = nil; return }
        guard let data = FileManager.default.contents(atPath: jsonPath) else {
            throw SavedLayoutError(path: jsonPath, reason: "no such file, or it cannot be read")
        }
        do {
            let doc = try JSONDecoder().decode(ArticleDocument.self, from: data)
            guard doc.schema == "galley.articles/1" else {
                throw SavedLayoutError(path: jsonPath, reason: "schema is \(doc.schema), expected galley.articles/1")
            }
            saved = doc
        } catch let e as SavedLayoutError {
            throw e
        } catch {
            throw SavedLayoutError(path: jsonPath, reason: "not galley.articles/1 JSON: \(Self.explain(error))")
        }
    }

    /// The layout of `page`: analysed now, or the saved articles with a block on that page.
    package func layout(of page: PDFPage) throws -> PageLayout {
        guard let saved else { return analyzer.analyze(try page.content()) }
        let size = page.size
        let summary = saved.pages.first { $0.number == page.number }
            ?? PageSummary(number: page.number, width: size.width, height: size.height)
        let articles = saved.articles.filter { $0.blocks.contains { $0.page == page.number } }
        return PageLayout(summary: summary, articles: articles)
    }

    static func explain(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let ctx):
            return "missing \"\(key.stringValue)\" at \(ctx.codingPath.map(\.stringValue).joined(separator: "."))"
        case DecodingError.typeMismatch(_, let ctx), DecodingError.valueNotFound(_, let ctx), DecodingError.dataCorrupted(let ctx):
            return "\(ctx.debugDescription) at \(ctx.codingPath.map(\.stringValue).joined(separator: "."))"
        default:
            return "\(error)"
        }
    }
}
