import ArgumentParser
import GalleyPoppler

/// A set of 1-based page numbers written like `1,3-5`.
package struct PageSelection: ExpressibleByArgument, Sendable {
    package var ranges: [ClosedRange<Int>]

    package init?(argument: String) {
        var ranges: [ClosedRange<Int>] = []
        for part in argument.split(separator: ",", omittingEmptySubsequences: false) {
            let bounds = part.split(separator: "-", omittingEmptySubsequences: false).map {
                Int($0.trimmingCharacters(in: .whitespaces))
            }
            switch bounds.count {
            case 1:
                guard let a = bounds[0], a >= 1 else { return nil }
                ranges.append(a...a)
            case 2:
                guard let a = bounds[0], let b = bounds[1], a >= 1, a <= b else { return nil }
                ranges.append(a...b)
            default: return nil
            }
        }
        guard !ranges.isEmpty else { return nil }
        self.ranges = ranges
    }

    /// The selected pages in ascending order, without repeats.
    package var pages: [Int] { Array(Set(ranges.flatMap { Array($0) })).sorted() }

    package static var defaultValueDescription: String { "all" }
}

/// Options shared by every command that reads a PDF.
package struct InputOptions: ParsableArguments {
    package init() {}

    @Argument(help: "The PDF file to read.")
    package var file: String

    @Option(help: ArgumentHelp("Pages to read, e.g. 1,3-5 (default: all).", valueName: "list"))
    package var pages: PageSelection?

    @Option(help: "Password of an encrypted PDF.")
    package var password: String?

    @Option(help: ArgumentHelp("""
        Seconds one page's content may take to read; a page that takes longer is skipped with a warning \
        ("page 3 skipped: …") and the exit status is 1. 0: no limit.
        """, valueName: "seconds"))
    package var pageTimeout: Double = PageLimits.standard.seconds ?? 0

    @Option(help: ArgumentHelp("""
        Glyphs one page may hold (which bounds its memory: about 250 bytes a glyph); a page with more is \
        skipped with a warning and the exit status is 1. 0: no limit.
        """, valueName: "n"))
    package var maxGlyphs: Int = PageLimits.standard.maxGlyphs ?? 0

    package mutating func validate() throws {
        guard pageTimeout >= 0, pageTimeout.isFinite else { throw ValidationError("--page-timeout must be 0 or more seconds") }
        guard maxGlyphs >= 0 else { throw ValidationError("--max-glyphs must be 0 or more") }
    }
}

/// The values of `InputOptions`, as a plain struct: what the reading commands carry out, however
/// the command line was read (see `QuickCommandLine`).
package struct PageInput: Sendable {
    package var file: String
    package var pages: PageSelection?
    package var password: String?
    package var limits: PageLimits

    package init(file: String, pages: PageSelection? = nil, password: String? = nil, limits: PageLimits = .standard) {
        self.file = file; self.pages = pages; self.password = password; self.limits = limits
    }

    package init(_ options: InputOptions) {
        self.init(file: options.file, pages: options.pages, password: options.password,
                  limits: PageInput.limits(seconds: options.pageTimeout, glyphs: options.maxGlyphs))
    }

    /// The limits of `--page-timeout` and `--max-glyphs` (0: none).
    package static func limits(seconds: Double, glyphs: Int) -> PageLimits {
        PageLimits(seconds: seconds > 0 ? seconds : nil, maxGlyphs: glyphs > 0 ? glyphs : nil)
    }

    /// Opens the file with the password and the page limits given.
    package func open() throws -> PDFDocument {
        let document = try PDFDocument(path: file, password: password)
        document.limits = limits
        return document
    }
}

import Foundation
