import ArgumentParser
import Foundation

/// How `galley` ends on an error. A usage error (an unknown option, a missing or invalid value,
/// options that do not go together) is one line on standard error, `galley: error: …` saying why,
/// and exit status 2, as every other error that stops a command; help and `--version` are printed
/// as ArgumentParser prints them, and other exit statuses are kept.
enum UsageError {
    static func exit(with error: Error) -> Never {
        guard Galley.exitCode(for: error) == .validationFailure else { Galley.exit(withError: error) }
        FileHandle.standardError.write(Data("galley: error: \(line(for: error))\n".utf8))
        Galley.exit(withError: ExitCode(2))
    }

    /// ArgumentParser's message, its first line only, starting in lower case as Galley's own errors do.
    static func line(for error: Error) -> String {
        let message = Galley.message(for: error)
        let first = message.split(separator: "\n").first.map(String.init) ?? message
        let trimmed = first.hasPrefix("Error: ") ? String(first.dropFirst(7)) : first
        return trimmed.prefix(1).lowercased() + trimmed.dropFirst()
    }
}
