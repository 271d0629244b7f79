import Foundation

/// Runs the built `galley` executable in a child process, for tests of the command line.
///
/// The binary is found, in order: `$GALLEY_BIN`; next to the test bundle (SwiftPM puts the test runner
/// and the executables in the same products folder, e.g. `.build/debug/`); in the folders above the
/// test bundle (macOS `.xctest` bundles). Standard output and error go to temporary files, so a child
/// writing a lot to both never blocks.
enum CLIRunner {
    struct NotFound: Error, CustomStringConvertible {
        var searched: [String]
        var description: String {
            "galley binary not found (build it with `swift build`, or set GALLEY_BIN); looked in: "
                + searched.joined(separator: ", ")
        }
    }

    /// The repository root (this file is Tests/GalleyCLITests/CLIRunner.swift).
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared` next to the repository: the team's read-only data, absent on a user's clone.
    static let sharedFolder: URL = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")

    /// True where `../shared/<sub>` exists.
    static func hasShared(_ sub: String) -> Bool {
        FileManager.default.fileExists(atPath: sharedFolder.appendingPathComponent(sub).path)
    }

    static func shared(_ sub: String) -> String { sharedFolder.appendingPathComponent(sub).path }

    static func galleyPath() throws -> String {
        if let env = ProcessInfo.processInfo.environment["GALLEY_BIN"], !env.isEmpty { return env }
        var searched: [String] = []
        var folder = (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0]))
            .deletingLastPathComponent()
        for _ in 0..<5 {
            let candidate = folder.appendingPathComponent("galley").path
            searched.append(candidate)
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        throw NotFound(searched: searched)
    }

    /// Runs `galley` with `arguments` in the repository root (or `directory`), with `input` as
    /// standard input; returns the exit status and everything written to standard output and error.
    static func run(_ arguments: [String], input: Data? = nil, directory: URL? = nil,
                    environment: [String: String]? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
        let r = try runData(arguments, input: input, directory: directory, environment: environment)
        return (r.status, String(decoding: r.stdout, as: UTF8.self), String(decoding: r.stderr, as: UTF8.self))
    }

    /// As `run`, with standard output and error as bytes.
    static func runData(_ arguments: [String], input: Data? = nil, directory: URL? = nil,
                        environment: [String: String]? = nil) throws -> (status: Int32, stdout: Data, stderr: Data) {
        try runProgram(galleyPath(), arguments, input: input, directory: directory, environment: environment)
    }

    /// Runs any program (found on PATH where `program` has no slash), e.g. python3 or pdftotext.
    static func runProgram(_ program: String, _ arguments: [String], input: Data? = nil, directory: URL? = nil,
                           environment: [String: String]? = nil) throws -> (status: Int32, stdout: Data, stderr: Data) {
        let process = Process()
        if program.contains("/") {
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [program] + arguments
        }
        process.currentDirectoryURL = directory ?? repositoryRoot
        if let environment {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let temp = FileManager.default.temporaryDirectory.appendingPathComponent("galley-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: temp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: temp) }
        let outURL = temp.appendingPathComponent("stdout"), errURL = temp.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        if let input {
            let inURL = temp.appendingPathComponent("stdin")
            try input.write(to: inURL)
            process.standardInput = try FileHandle(forReadingFrom: inURL)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        try process.run()
        process.waitUntilExit()
        try out.close(); try err.close()
        return (process.terminationStatus, try Data(contentsOf: outURL), try Data(contentsOf: errURL))
    }

    /// True where `program` can be run from PATH.
    static func available(_ program: String, probe: [String] = ["--version"]) -> Bool {
        (try? runProgram(program, probe).status) == 0
    }

    /// A fresh temporary folder; remove it with `FileManager.removeItem` when done.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("galley-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
