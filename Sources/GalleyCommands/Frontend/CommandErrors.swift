import ArgumentParser
import Foundation
import GalleyPoppler

/// Turns the library's typed errors (and any other thrown error) into one clear line on standard error and a non-zero exit.
package enum CommandErrors {
    package static func reporting(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as ExitCode {
            throw error
        } catch let error as ValidationError {
            throw error
        } catch is PagesSkipped, is PagesWithoutTextLayer {
            // Each skipped page was reported as it was met; the other pages were output.
            throw ExitCode(1)
        } catch {
            // Every library error (ExtractionError, RenderError, …) describes what failed and why.
            FileHandle.standardError.write(Data("galley: error: \(error)\n".utf8))
            throw ExitCode(2)
        }
    }
}

/// Some pages could not be read and were skipped (each reported on standard error); the others
/// were output. Exit status 1.
package struct PagesSkipped: Error {
    package var count: Int
    package init(count: Int) { self.count = count }
}

/// Some pages are scans without a text layer (each reported with a warning that suggests OCR):
/// what could be read was output. Exit status 1.
struct PagesWithoutTextLayer: Error {
    var count: Int
}

/// A command-line failure, described in one sentence.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Checks a page selection against the document and lists the pages to read.
package enum PageRange {
    package static func resolve(_ selection: PageSelection?, count: Int) throws -> [Int] {
        guard let selection else { return Array(1...max(1, count)).filter { $0 <= count } }
        var pages = selection.pages
        if let from = selection.from {
            guard from <= count else { throw ExtractionError.pageOutOfRange(page: from, count: count) }
            pages = Array(Set(pages + Array(from...count))).sorted()
        }
        if let bad = pages.first(where: { $0 > count }) {
            throw ExtractionError.pageOutOfRange(page: bad, count: count)
        }
        return pages
    }
}

/// Buffered writes to standard output.
package final class StandardOutput {
    package init() {}
    package func write(_ s: String) { FileHandle.standardOutput.write(Data(s.utf8)) }
}
