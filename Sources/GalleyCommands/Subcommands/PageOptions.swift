import ArgumentParser

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
}

/// The values of `InputOptions`, as a plain struct: what the reading commands carry out, however
/// the command line was read (see `QuickCommandLine`).
package struct PageInput: Sendable {
    package var file: String
    package var pages: PageSelection?
    package var password: String?

    package init(file: String, pages: PageSelection? = nil, password: String? = nil) {
        self.file = file; self.pages = pages; self.password = password
    }

    package init(_ options: InputOptions) {
        self.init(file: options.file, pages: options.pages, password: options.password)
    }
}

import Foundation
