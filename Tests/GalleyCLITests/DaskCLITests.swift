import Foundation
import Testing

/// `python/` (galley-dask): the same batch on a Dask LocalCluster of 2 workers as `galley articles
/// INPUT… -o OUTDIR` on this machine, byte for byte.
@Suite(.enabled(if: CLIRunner.hasShared("devset/zh-101.pdf"), "skipped: ../shared/devset is absent"))
struct DaskCLITests {
    static let daskAvailable = (try? CLIRunner.runProgram("python3", ["-c", "import dask.bag, distributed"]).status) == 0

    /// The manifest's rows without their `seconds` (the one field that differs from run to run).
    static func rows(_ folder: URL) throws -> [NSDictionary] {
        let text = try String(contentsOf: folder.appendingPathComponent("manifest.jsonl"), encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            let row = try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            return row.filter { $0.key != "seconds" && $0.key != "outputs" } as NSDictionary
        }
    }

    @Test(.enabled(if: daskAvailable, "skipped: python3 with dask and distributed is not installed (pip install ./python)"))
    func daskBatchMatchesTheCommandLineBatch() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The devset pages, and one file that is no PDF.
        let input = folder.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: CLIRunner.shared("devset")) where name.hasSuffix(".pdf") {
            try FileManager.default.createSymbolicLink(atPath: input.appendingPathComponent(name).path,
                                                       withDestinationPath: CLIRunner.shared("devset/\(name)"))
        }
        try Data("no pdf".utf8).write(to: input.appendingPathComponent("broken.pdf"))
        let galley = try CLIRunner.galleyPath()
        let cli = try CLIRunner.run(["articles", "in", "-o", "cli", "-j", "2", "--quiet"], directory: folder)
        #expect(cli.status == 1, "\(cli.stderr)")
        let python = CLIRunner.repositoryRoot.appendingPathComponent("python").path
        let dask = try CLIRunner.runProgram("python3", ["-m", "galley_dask", "in", "-o", "dask", "--local-workers", "2",
                                                        "--galley", galley, "--quiet"],
                                            directory: folder, environment: ["PYTHONPATH": python])
        let daskErr = String(decoding: dask.stderr, as: UTF8.self)
        #expect(dask.status == 1, "\(daskErr)")
        #expect(daskErr.contains("31 documents: 30 ok, 1 failed"), "\(daskErr.suffix(500))")
        // Every output the same bytes; the manifests the same rows (but for their times and folders).
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("cli").path).sorted()
        #expect(names.count == 31)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("dask").path).sorted() == names)
        for name in names where name != "manifest.jsonl" {
            let a = try Data(contentsOf: folder.appendingPathComponent("cli/\(name)"))
            let b = try Data(contentsOf: folder.appendingPathComponent("dask/\(name)"))
            #expect(a == b, "\(name) differs")
        }
        #expect(try Self.rows(folder.appendingPathComponent("dask")) == Self.rows(folder.appendingPathComponent("cli")))
        // Resumed, everything that worked is skipped and the broken file is tried again.
        let again = try CLIRunner.runProgram("python3", ["-m", "galley_dask", "in", "-o", "dask", "--local-workers", "2",
                                                         "--galley", galley, "--quiet", "--resume"],
                                             directory: folder, environment: ["PYTHONPATH": python])
        #expect(again.status == 1)
        let statuses = try Self.rows(folder.appendingPathComponent("dask")).map { $0["status"] as? String }
        #expect(statuses.filter { $0 == "skipped" }.count == 30 && statuses.filter { $0 == "failed" }.count == 1)
    }
}
