import Foundation
import Testing

/// `galley overlay` from the outside: sizes, names, formats, several pages, and errors.
/// Uses the project's own sample pages, so it runs on a fresh clone.
@Suite struct OverlayCLITests {
    static let sample = CLIRunner.repositoryRoot.appendingPathComponent("Samples/en-front.pdf").path
    static let zhSample = CLIRunner.repositoryRoot.appendingPathComponent("Samples/zh-front.pdf").path
    static let samplesPresent = FileManager.default.fileExists(atPath: sample) && FileManager.default.fileExists(atPath: zhSample)

    /// Width and height from a PNG file's header.
    static func pngSize(_ path: String) throws -> (width: Int, height: Int) {
        let d = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(d.count > 24 && d.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "\(path) is not a PNG")
        func be32(_ at: Int) -> Int { d[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (be32(16), be32(20))
    }

    @Test(.enabled(if: samplesPresent, "skipped: Samples/ has not been generated"))
    func pngIsThePageSizeTimesTheResolution() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("page.png").path
        let r = try CLIRunner.run(["overlay", Self.sample, "-o", out, "--dpi", "50"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == out + "\n")
        let size = try Self.pngSize(out)
        // en-front is 792 x 1224 pt.
        #expect(size.width == Int((792.0 * 50 / 72).rounded(.up)) && size.height == Int((1224.0 * 50 / 72).rounded(.up)))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["page.png"], "no temporary files left")
    }

    @Test(.enabled(if: samplesPresent, "skipped: Samples/ has not been generated"))
    func defaultNameIsBesideTheWorkingFolder() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let r = try CLIRunner.run(["overlay", Self.sample, "--dpi", "20"], directory: folder)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("en-front-overlay.png").path))
    }

    @Test(.enabled(if: samplesPresent && CLIRunner.available("pdfunite", probe: ["-v"]), "skipped: Samples/ or pdfunite missing"))
    func severalPagesGiveOnePNGEachOrOnePDF() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let two = folder.appendingPathComponent("two.pdf").path
        #expect(try CLIRunner.runProgram("pdfunite", [Self.sample, Self.zhSample, two]).status == 0)
        let png = folder.appendingPathComponent("o.png").path
        let r = try CLIRunner.run(["overlay", two, "-o", png, "--dpi", "20"])
        #expect(r.status == 0, "\(r.stderr)")
        let first = folder.appendingPathComponent("o-1.png").path, second = folder.appendingPathComponent("o-2.png").path
        #expect(r.stdout == "\(first)\n\(second)\n")
        #expect(try Self.pngSize(first).width == Int((792.0 * 20 / 72).rounded(.up)))
        let pdf = folder.appendingPathComponent("o.pdf").path
        #expect(try CLIRunner.run(["overlay", two, "-o", pdf, "--dpi", "20"]).status == 0)
        let info = try CLIRunner.run(["inspect", pdf, "--no-rules"])
        #expect(info.stdout.contains("page 1: 792 x 1224 pt") && info.stdout.contains("page 2: "), "\(info.stdout)")
    }

    @Test(.enabled(if: samplesPresent, "skipped: Samples/ has not been generated"))
    func badRequestsFailClearlyAndWriteNothing() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("x.png").path
        let range = try CLIRunner.run(["overlay", Self.sample, "--pages", "3", "-o", out])
        #expect(range.status == 2 && range.stderr.contains("page 3 does not exist"), "\(range.stderr)")
        let unwritable = try CLIRunner.run(["overlay", Self.sample, "-o", folder.appendingPathComponent("no/such/x.png").path])
        #expect(unwritable.status == 2 && unwritable.stderr.contains("cannot write"), "\(unwritable.stderr)")
        let format = try CLIRunner.run(["overlay", Self.sample, "-o", folder.appendingPathComponent("x.jpg").path])
        #expect(format.status != 0 && format.stderr.contains(".png or .pdf"))
        let dpi = try CLIRunner.run(["overlay", Self.sample, "--dpi", "5000", "-o", out])
        #expect(dpi.status != 0 && dpi.stderr.contains("--dpi"))
        let missing = try CLIRunner.run(["overlay", folder.appendingPathComponent("none.pdf").path, "-o", out])
        #expect(missing.status == 2 && missing.stderr.contains("no such file"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}

/// `galley` hands the drawing subcommands to `galley-render` beside it; without it, a clear error.
@Suite struct RenderHandOverTests {
    @Test func bothExecutablesTellTheirVersion() throws {
        let galley = try CLIRunner.run(["--version"])
        #expect(galley.status == 0 && galley.stdout.hasPrefix("galley "), "\(galley.stdout)")
        let render = URL(fileURLWithPath: try CLIRunner.galleyPath()).deletingLastPathComponent()
            .appendingPathComponent("galley-render").path
        let r = try CLIRunner.runProgram(render, ["--version"])
        #expect(r.status == 0 && String(decoding: r.stdout, as: UTF8.self) == galley.stdout)
    }

    @Test(.enabled(if: OverlayCLITests.samplesPresent, "skipped: Samples/ has not been generated"))
    func missingRenderExecutableIsNamedInTheError() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A copy of `galley` alone in a folder: articles work, overlay cannot.
        let lonely = folder.appendingPathComponent("galley").path
        try FileManager.default.copyItem(atPath: try CLIRunner.galleyPath(), toPath: lonely)
        let articles = try CLIRunner.runProgram(lonely, ["articles", OverlayCLITests.sample, "--format", "text"])
        #expect(articles.status == 0 && !articles.stdout.isEmpty)
        let out = folder.appendingPathComponent("page.png").path
        let r = try CLIRunner.runProgram(lonely, ["overlay", OverlayCLITests.sample, "-o", out])
        let stderr = String(decoding: r.stderr, as: UTF8.self)
        #expect(r.status == 2)
        #expect(stderr.contains("galley-render is missing") && stderr.contains(folder.lastPathComponent), "\(stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test(.enabled(if: OverlayCLITests.samplesPresent, "skipped: Samples/ has not been generated"))
    func renderExecutableAcceptsTheSameCommandLine() throws {
        let render = URL(fileURLWithPath: try CLIRunner.galleyPath()).deletingLastPathComponent()
            .appendingPathComponent("galley-render").path
        let r = try CLIRunner.runProgram(render, ["print", OverlayCLITests.sample, "--list"])
        #expect(r.status == 0)
        let listed = String(decoding: r.stdout, as: UTF8.self)
        let viaGalley = try CLIRunner.run(["print", OverlayCLITests.sample, "--list"])
        #expect(viaGalley.status == 0 && viaGalley.stdout == listed && listed.contains("p1-a1"))
    }
}
