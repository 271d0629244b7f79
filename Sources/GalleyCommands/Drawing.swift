import Foundation

/// Who carries out the drawing subcommands (overlay, print, make-samples).
///
/// `galley` does not link Cairo, Pango or poppler-glib: loading those thirty-odd shared libraries
/// would cost every `galley articles` run several milliseconds, more than a small page's analysis.
/// So `galley` parses and checks a drawing subcommand, then hands the same command line to
/// `galley-render`, installed in the same folder, which links them, sets `performer` to itself and
/// parses the command line again with the same commands.
package protocol DrawingPerformer {
    func overlay(_ command: Overlay) throws
    func print(_ command: Print) throws
    func makeSamples(_ command: MakeSamples) throws
}

package enum Drawing {
    /// Set once by `galley-render`'s entry point before parsing; never changed afterwards.
    nonisolated(unsafe) package static var performer: DrawingPerformer = HandOver()

    /// The name of the executable that draws.
    static let executableName = "galley-render"

    /// Replaces this process with `galley-render`, given the same arguments.
    struct HandOver: DrawingPerformer {
        func overlay(_ command: Overlay) throws { try handOver() }
        func print(_ command: Print) throws { try handOver() }
        func makeSamples(_ command: MakeSamples) throws { try handOver() }

        func handOver() throws {
            let path = Drawing.executablePath()
            guard FileManager.default.isExecutableFile(atPath: path) else {
                throw CommandFailure("\(Drawing.executableName) is missing: it draws overlays, prints and samples and belongs beside galley (looked for \(path)); build both with scripts/setup.sh or `swift build`")
            }
            var arguments = CommandLine.arguments
            arguments[0] = path
            let argv = arguments.map { strdup($0) } + [nil]
            execv(path, argv)
            let reason = String(cString: strerror(errno))
            throw CommandFailure("cannot start \(path): \(reason)")
        }
    }

    /// `galley-render` in the folder of the running executable.
    static func executablePath() -> String {
        let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: me).deletingLastPathComponent().appendingPathComponent(executableName).path
    }
}
