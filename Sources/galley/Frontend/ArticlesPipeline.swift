import Foundation
import GalleyCore
import GalleyPoppler

/// The analysis `galley articles` and `galley eval` share: Poppler reads each page, the layout core
/// turns it into articles.
struct ArticlesPipeline {
    var analyzer = PageAnalyzer()

    /// Analyses the given pages of an open document into one output document.
    /// `progress` is told before each page: (position, count, page number).
    func run(_ document: PDFDocument, source: String, pages: [Int],
             progress: (Int, Int, Int) -> Void = { _, _, _ in }) throws -> ArticleDocument {
        var result = ArticleDocument(source: source)
        for (i, n) in pages.enumerated() {
            progress(i + 1, pages.count, n)
            let layout = analyzer.analyze(try document.page(n).content())
            result.pages.append(layout.summary)
            result.articles += layout.articles
        }
        return result
    }
}

/// Progress lines on standard error ("page 3/6…"): rewritten in place on a terminal, one line each
/// otherwise. Silent unless enabled, so standard output stays clean either way.
final class ProgressReporter {
    let enabled: Bool
    let terminal: Bool
    private var shown = false

    /// Enabled where standard error is a terminal, or where the user asked with `--progress`.
    init(requested: Bool) {
        terminal = isatty(STDERR_FILENO) != 0
        enabled = requested || terminal
    }

    func report(_ message: String) {
        guard enabled else { return }
        if terminal {
            write("\r\u{1B}[K" + message)
            shown = true
        } else {
            write(message + "\n")
        }
    }

    /// Clears the progress line on a terminal.
    func finish() {
        if shown { write("\r\u{1B}[K") }
        shown = false
    }

    private func write(_ s: String) { FileHandle.standardError.write(Data(s.utf8)) }
}

/// One-line warnings on standard error.
enum Warnings {
    static func write(_ message: String) {
        FileHandle.standardError.write(Data("galley: warning: \(message)\n".utf8))
    }
}
