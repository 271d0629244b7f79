import GalleyPoppler

/// The plain command lines of the reading commands, read without ArgumentParser.
///
/// ArgumentParser reads a command's options by reflection (`Mirror`, dynamic casts, generic
/// metadata looked up by name): on a one-page run of `galley articles` that is 14 M instructions,
/// more than a tenth of the run and as much as poppler's start-up. `galley articles FILE` and
/// `galley inspect FILE` with their options written out plainly (`--format json`, `-o out.json`,
/// `--pages 1,3-5`, `-f 2 -l 3`, flags) are read here instead and carried out exactly as the parsed commands
/// would carry them out. Anything else (help, `--version`, `--format=json`, an option given twice,
/// a value that starts with `-` or is not valid, an unknown option, another command) is left to
/// ArgumentParser, which accepts or rejects it with its own messages.
enum QuickCommandLine {
    /// A command read from `arguments` (the program's arguments without its name), or nil where
    /// ArgumentParser must read them.
    static func command(_ arguments: [String]) -> (() throws -> Void)? {
        guard let name = arguments.first else { return nil }
        var reader = Reader(arguments: arguments.dropFirst())
        switch name {
        case "articles":
            var format = Articles.Format.json
            var output: String?
            var progress = false, timings = false
            while let token = reader.next() {
                switch token {
                case "--format":
                    guard let value = reader.value(once: token), let f = Articles.Format(rawValue: value) else { return nil }
                    format = f
                case "-o", "--output":
                    // -o and --output are one option: either, once.
                    guard let value = reader.value(once: "--output") else { return nil }
                    output = value
                case "--progress":
                    guard reader.flag(once: token) else { return nil }
                    progress = true
                case "--timings":
                    guard reader.flag(once: token) else { return nil }
                    timings = true
                default:
                    guard reader.input(token) else { return nil }
                }
            }
            guard let input = reader.pageInput() else { return nil }
            return {
                try CommandErrors.reporting {
                    try ArticlesCommand(input: input, format: format, output: output, progress: progress,
                                        timings: timings).run()
                }
            }
        case "inspect":
            var format = Inspect.Format.text
            var noRules = false
            while let token = reader.next() {
                switch token {
                case "--format":
                    guard let value = reader.value(once: token), let f = Inspect.Format(rawValue: value) else { return nil }
                    format = f
                case "--no-rules":
                    guard reader.flag(once: token) else { return nil }
                    noRules = true
                default:
                    guard reader.input(token) else { return nil }
                }
            }
            guard let input = reader.pageInput() else { return nil }
            return {
                try CommandErrors.reporting {
                    try InspectCommand(input: input, format: format, noRules: noRules).run()
                }
            }
        default:
            return nil
        }
    }

    /// Walks the arguments after the command's name; what every reading command shares (the file,
    /// --pages, --password) is read here.
    private struct Reader {
        var arguments: ArraySlice<String>
        var seen: Set<String> = []
        var file: String?
        var pages: PageSelection?
        var first: Int?, last: Int?
        var password: String?
        var pageTimeout = PageLimits.standard.seconds ?? 0
        var maxGlyphs = PageLimits.standard.maxGlyphs ?? 0

        mutating func next() -> String? { arguments.popFirst() }

        /// The value after option `name`, the first time it is given; nil where it is missing, looks
        /// like an option or the option was given before.
        mutating func value(once name: String) -> String? {
            guard seen.insert(name).inserted, let value = arguments.popFirst(), !value.isEmpty,
                  !value.hasPrefix("-") else { return nil }
            return value
        }

        mutating func flag(once name: String) -> Bool { seen.insert(name).inserted }

        /// The file, --pages, --password, --page-timeout or --max-glyphs; false for anything else.
        mutating func input(_ token: String) -> Bool {
            switch token {
            case "--pages":
                guard let value = value(once: token), let selection = PageSelection(argument: value) else { return false }
                pages = selection
            case "-f", "-l":
                guard let value = value(once: token), let n = Int(value) else { return false }
                if token == "-f" { first = n } else { last = n }
            case "--password":
                guard let value = value(once: token) else { return false }
                password = value
            case "--page-timeout":
                guard let value = value(once: token), let seconds = Double(value), seconds >= 0, seconds.isFinite else {
                    return false
                }
                pageTimeout = seconds
            case "--max-glyphs":
                guard let value = value(once: token), let n = Int(value), n >= 0 else { return false }
                maxGlyphs = n
            default:
                // The one positional argument: the PDF (`-`: standard input). "help" is left to ArgumentParser.
                guard file == nil, !token.isEmpty, !token.hasPrefix("-") || token == StandardInputPDF.name,
                      token != "help" else { return false }
                file = token
            }
            return true
        }

        /// The input read; nil where ArgumentParser must say what is wrong (-f with --pages, -f 0, …).
        func pageInput() -> PageInput? {
            guard let file, let selection = try? PageSelection.combine(pages: pages, first: first, last: last) else { return nil }
            return PageInput(file: file, pages: selection, password: password,
                             limits: PageInput.limits(seconds: pageTimeout, glyphs: maxGlyphs))
        }
    }
}

extension Galley {
    /// Runs the command line: the plain forms of `galley articles` and `galley inspect` through
    /// `QuickCommandLine`, everything else through ArgumentParser. Errors end the program as
    /// ArgumentParser ends it (message, exit status), except usage errors: see `UsageError`.
    package static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            if let command = QuickCommandLine.command(arguments) {
                try command()
            } else {
                var command = try parseAsRoot(arguments)
                try command.run()
            }
        } catch {
            UsageError.exit(with: error)
        }
    }
}
