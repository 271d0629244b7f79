import Foundation
import GalleyCore
import GalleyPoppler

/// The analysis `galley articles` and `galley eval` share: Poppler reads each page, the layout core
/// turns it into articles.
struct ArticlesPipeline {
    var analyzer = PageAnalyzer()

    /// Analyses the given pages of an open document into one output document.
    /// `progress` is told before each page: (position, count, page number); `timed`, after each
    /// page, how long its extraction and layout took; `read`, each page's content as extracted;
    /// `analysed`, each page's content with its layout and the stages' trace.
    /// A page that cannot be read stops the run with its error, unless `failed` is given: it is then
    /// told of the failure, the page is listed with a warning saying why it was skipped (and without
    /// columns, furniture or articles), and the other pages are read.
    func run(_ document: PDFDocument, source: String, pages: [Int],
             progress: (Int, Int, Int) -> Void = { _, _, _ in },
             timed: (PageTimings) -> Void = { _ in },
             read: (PageContent) -> Void = { _ in },
             analysed: (PageContent, PageLayout, PageAnalyzer.Trace) -> Void = { _, _, _ in },
             failed: ((PageFailure) -> Void)? = nil) throws -> ArticleDocument {
        var result = ArticleDocument(source: source)
        let clock = ContinuousClock()
        for (i, n) in pages.enumerated() {
            progress(i + 1, pages.count, n)
            let content: PageContent, extraction: ExtractionTimings
            do {
                (content, extraction) = try document.page(n).timedContent()
            } catch {
                guard let failed else { throw error }
                let failure = PageFailure(document: document, page: n, error: error)
                failed(failure)
                result.pages.append(PageSummary(number: n, width: failure.size?.width ?? 0,
                                                height: failure.size?.height ?? 0, warnings: [failure.warning]))
                continue
            }
            read(content)
            let start = clock.now
            let (layout, trace) = analyzer.analyzeWithTrace(content)
            let (s, attos) = start.duration(to: clock.now).components
            timed(PageTimings(page: n, extraction: extraction, layout: Double(s) + Double(attos) * 1e-18,
                              drawing: trace.drawing))
            analysed(content, layout, trace)
            result.pages.append(layout.summary)
            result.articles += layout.articles
        }
        return result
    }
}

/// A page that could not be read, in a run that goes on with the other pages.
package struct PageFailure: Error, CustomStringConvertible {
    package var page: Int
    /// Why, as a phrase after "page N: skipped: ".
    var reason: String
    /// The page's size where it could be read (a zero-size page), nil otherwise.
    var size: (width: Double, height: Double)?

    package init(document: PDFDocument, page: Int, error: Error) {
        self.page = page
        // Only a size that can be written as a number (an implausible one is the failure itself).
        size = (try? document.page(page)).flatMap { $0.hasPlausibleSize ? $0.size : nil }
        switch error {
        case ExtractionError.zeroSizePage: reason = "the page has zero size"
        case let ExtractionError.implausibleSize(_, width, height):
            reason = "the page's size, \(width) x \(height) pt, is larger than any page (at most \(Int(PDFPage.maximumSide)) pt a side)"
        case ExtractionError.damaged: reason = "the page is damaged and cannot be read"
        case let ExtractionError.readingTimedOut(_, seconds):
            reason = "reading it took longer than \(ExtractionError.number(seconds)) s (--page-timeout)"
        case let ExtractionError.tooManyGlyphs(_, limit): reason = "it has more than \(limit) glyphs (--max-glyphs)"
        default: reason = "\(error)"
        }
    }

    /// The line for standard error, after "galley: ".
    package var description: String { "page \(page): skipped: \(reason)" }

    /// The warning the output lists on the page.
    var warning: String { "page \(page) skipped: \(reason)" }

    /// Writes the failure to standard error: "galley: page 3: skipped: the page has zero size".
    package func report() {
        FileHandle.standardError.write(Data("galley: \(description)\n".utf8))
    }
}

/// How long one page took: Poppler's passes and the layout analysis (`PageAnalyzer.analyze` as a
/// whole), in seconds.
struct PageTimings {
    var page: Int
    var extraction: ExtractionTimings
    var layout: Double
    /// What the page's drawing order was found to be worth (nil for a sum over pages).
    var drawing: DrawingOrder.Evidence? = nil

    var total: Double { extraction.total + layout }

    /// One line for standard error, in milliseconds:
    /// "page 3: read 8.1 ms, glyphs 1.2 ms, rules 0.2 ms, layout 10.4 ms, total 19.9 ms; drawing order
    /// 0.93 coherent, trusted".
    var line: String {
        func ms(_ s: Double) -> String { String(format: "%.1f ms", s * 1000) }
        let e = extraction
        var line = "page \(page): read \(ms(e.read)), glyphs \(ms(e.glyphs)), rules \(ms(e.rules)), "
            + "layout \(ms(layout)), total \(ms(total))"
        if let d = drawing {
            line += String(format: "; drawing order %.2f coherent, ", d.coherence) + (d.trusted ? "trusted" : "not trusted")
        }
        return line
    }

    /// The sum over several pages (page 0).
    static func sum(_ all: [PageTimings]) -> PageTimings {
        var e = ExtractionTimings()
        for t in all { e.read += t.extraction.read; e.glyphs += t.extraction.glyphs; e.rules += t.extraction.rules }
        return PageTimings(page: 0, extraction: e, layout: all.reduce(0) { $0 + $1.layout })
    }
}

/// Progress lines on standard error ("page 3/6…"): rewritten in place on a terminal, one line each
/// otherwise. Silent unless enabled, so standard output stays clean either way.
package final class ProgressReporter {
    let enabled: Bool
    let terminal: Bool
    private var shown = false

    /// Enabled where standard error is a terminal, or where the user asked with `--progress`.
    package init(requested: Bool) {
        terminal = isatty(STDERR_FILENO) != 0
        enabled = requested || terminal
    }

    package func report(_ message: String) {
        guard enabled else { return }
        if terminal {
            write("\r\u{1B}[K" + message)
            shown = true
        } else {
            write(message + "\n")
        }
    }

    /// Clears the progress line on a terminal.
    package func finish() {
        if shown { write("\r\u{1B}[K") }
        shown = false
    }

    private func write(_ s: String) { FileHandle.standardError.write(Data(s.utf8)) }
}

/// One-line warnings on standard error.
package enum Warnings {
    package static func write(_ message: String) {
        FileHandle.standardError.write(Data("galley: warning: \(message)\n".utf8))
    }
}
