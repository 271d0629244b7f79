import ArgumentParser
import GalleyPoppler

/// A set of 1-based page numbers written like `1,3-5`.
package struct PageSelection: ExpressibleByArgument, Sendable {
    package var ranges: [ClosedRange<Int>]

    /// Pages from this one to the last (`-f N` without `-l`); nil where the ranges say it all.
    package var from: Int?

    package init?(argument: String) {
        guard let selection = try? Self.parse(argument) else { return nil }
        self = selection
    }

    init(ranges: [ClosedRange<Int>], from: Int? = nil) { self.ranges = ranges; self.from = from }

    /// Why a page list cannot be read.
    package struct Invalid: Error, CustomStringConvertible {
        package var description: String
    }

    /// Reads `1,3-5`; a bad list is refused saying why (`0`: pages count from 1).
    package static func parse(_ argument: String) throws -> PageSelection {
        var ranges: [ClosedRange<Int>] = []
        for part in argument.split(separator: ",", omittingEmptySubsequences: false) {
            let bounds = part.split(separator: "-", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            let numbers = bounds.map { Int($0) }
            guard (1...2).contains(bounds.count), numbers.allSatisfy({ $0 != nil }) else {
                throw Invalid(description: "'\(part)' is not a page number or range; write pages like 1,3-5")
            }
            let a = numbers[0]!, b = numbers.last!!
            guard a >= 1, b >= 1 else { throw Invalid(description: "pages count from 1") }
            guard a <= b else { throw Invalid(description: "the range \(part) ends before it starts") }
            ranges.append(a...b)
        }
        return PageSelection(ranges: ranges)
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

    @Option(help: ArgumentHelp("Pages to read, e.g. 1,3-5 (default: all).", valueName: "list"), transform: PageSelection.parse)
    package var pages: PageSelection?

    @Option(name: .customShort("f"), help: ArgumentHelp("First page to read (as pdftotext's -f).", valueName: "n"))
    package var firstPage: Int?

    @Option(name: .customShort("l"), help: ArgumentHelp("Last page to read (as pdftotext's -l).", valueName: "n"))
    package var lastPage: Int?

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
        _ = try selection
        guard pageTimeout >= 0, pageTimeout.isFinite else { throw ValidationError("--page-timeout must be 0 or more seconds") }
        guard maxGlyphs >= 0 else { throw ValidationError("--max-glyphs must be 0 or more") }
    }

    /// The pages asked for, by --pages or by -f and -l; nil for all.
    package var selection: PageSelection? {
        get throws { try PageSelection.combine(pages: pages, first: firstPage, last: lastPage) }
    }
}

extension PageSelection {
    /// `--pages`, or the range `-f N -l M` (either alone: from N to the end, from 1 to M).
    package static func combine(pages: PageSelection?, first: Int?, last: Int?) throws -> PageSelection? {
        guard first != nil || last != nil else { return pages }
        guard pages == nil else { throw ValidationError("give the pages either with --pages or with -f and -l, not both") }
        if let first, first < 1 { throw ValidationError("-f \(first): pages count from 1") }
        if let last, last < 1 { throw ValidationError("-l \(last): pages count from 1") }
        if let last, let first, last < first { throw ValidationError("-l \(last) comes before -f \(first)") }
        if let last { return PageSelection(ranges: [(first ?? 1)...last]) }
        return PageSelection(ranges: [], from: first)
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
        // `validate()` has checked the selection.
        self.init(file: options.file, pages: (try? options.selection) ?? nil, password: options.password,
                  limits: PageInput.limits(seconds: options.pageTimeout, glyphs: options.maxGlyphs))
    }

    /// The limits of `--page-timeout` and `--max-glyphs` (0: none).
    package static func limits(seconds: Double, glyphs: Int) -> PageLimits {
        PageLimits(seconds: seconds > 0 ? seconds : nil, maxGlyphs: glyphs > 0 ? glyphs : nil)
    }

    /// Opens the file (`-`: standard input) with the password and the page limits given.
    package func open() throws -> PDFDocument {
        let document = try StandardInputPDF.open(self)
        document.limits = limits
        return document
    }
}

import Foundation
