import Foundation
import Testing

/// `galley articles INPUT… -o OUTDIR`: batches of documents, each in a worker process of its own.
@Suite("galley articles: batches")
struct BatchCLITests {
    static let samples = CLIRunner.repositoryRoot.appendingPathComponent("Samples")

    /// A folder `in/` with two sample pages (one in a subfolder) and a file that is no PDF.
    static func archive() throws -> URL {
        let folder = try CLIRunner.temporaryFolder()
        let fm = FileManager.default
        try fm.createDirectory(at: folder.appendingPathComponent("in/sub"), withIntermediateDirectories: true)
        try fm.copyItem(at: samples.appendingPathComponent("zh-front.pdf"), to: folder.appendingPathComponent("in/a.pdf"))
        try fm.copyItem(at: samples.appendingPathComponent("en-brief.pdf"), to: folder.appendingPathComponent("in/sub/b.pdf"))
        try Data("not a pdf\n".utf8).write(to: folder.appendingPathComponent("in/sub/bad.pdf"))
        return folder
    }

    static func manifest(_ folder: URL) throws -> [[String: Any]] {
        let text = try String(contentsOf: folder.appendingPathComponent("manifest.jsonl"), encoding: .utf8)
        return try text.split(separator: "\n").map {
            try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    /// Every file below `folder`, hidden ones included, as relative paths.
    static func files(_ folder: URL) -> [String] {
        let e = FileManager.default.enumerator(atPath: folder.path)
        var out: [String] = []
        while let p = e?.nextObject() as? String {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(p).path, isDirectory: &isDir), !isDir.boolValue {
                out.append(p)
            }
        }
        return out.sorted()
    }

    @Test("a folder's PDFs each get an output mirroring the folders, byte-identical to a run on the PDF alone; a bad one is recorded and the batch exits 1")
    func folderBatch() throws {
        let folder = try Self.archive()
        defer { try? FileManager.default.removeItem(at: folder) }
        let r = try CLIRunner.run(["articles", "in", "-o", "out", "-j", "2", "--format", "text"], directory: folder)
        #expect(r.status == 1, "exit \(r.status): \(r.stderr)")
        #expect(Self.files(folder.appendingPathComponent("out")) == ["a.txt", "manifest.jsonl", "sub/b.txt"])
        let summary = r.stderr.split(separator: "\n").last ?? ""
        #expect(summary.contains("3 documents: 2 ok, 1 failed") && summary.contains("see out/manifest.jsonl"), "\(r.stderr)")
        for (pdf, out) in [("in/a.pdf", "out/a.txt"), ("in/sub/b.pdf", "out/sub/b.txt")] {
            let alone = try CLIRunner.runData(["articles", pdf, "--format", "text"], directory: folder)
            #expect(alone.status == 0)
            #expect(try Data(contentsOf: folder.appendingPathComponent(out)) == alone.stdout, "\(out) differs from a run on \(pdf)")
        }
        let rows = try Self.manifest(folder.appendingPathComponent("out"))
        #expect(rows.map { $0["path"] as? String } == ["in/a.pdf", "in/sub/b.pdf", "in/sub/bad.pdf"])
        #expect(rows.map { $0["status"] as? String } == ["ok", "ok", "failed"])
        #expect(rows[0]["pages"] as? Int == 1 && rows[0]["outputs"] as? [String] == ["out/a.txt"])
        let size = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("in/a.pdf").path)[.size] as? Int
        #expect(rows[0]["size"] as? Int == size)
        #expect((rows[2]["error"] as? String)?.contains("not a PDF") == true, "\(rows[2])")
        #expect(rows[2]["outputs"] as? [String] == [])
        #expect(rows.allSatisfy { ($0["seconds"] as? Double ?? -1) >= 0 && ($0["hash"] as? String)?.hasPrefix("fnv1a64:") == true })
    }

    @Test("--resume skips what is up to date and reads again what failed or changed")
    func resume() throws {
        let folder = try Self.archive()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.removeItem(at: folder.appendingPathComponent("in/sub/bad.pdf"))
        let first = try CLIRunner.run(["articles", "in", "-o", "out", "--progress"], directory: folder)
        #expect(first.status == 0, "\(first.stderr)")
        // Not a terminal: --progress gives one plain line per document, then the summary.
        let lines = first.stderr.split(separator: "\n")
        #expect(lines.count == 3 && lines[0].hasPrefix("galley: [1/2] ok in/") && lines[1].hasPrefix("galley: [2/2] ok in/"), "\(first.stderr)")
        #expect(lines.last?.hasPrefix("galley: 2 documents: 2 ok; 2 pages in ") == true)
        #expect(try CLIRunner.run(["articles", "in", "-o", "quiet", "--quiet"], directory: folder).stderr.isEmpty)
        let again = try CLIRunner.run(["articles", "in", "-o", "out", "--resume"], directory: folder)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try Self.manifest(folder.appendingPathComponent("out")).map { $0["status"] as? String } == ["skipped", "skipped"])
        // An input touched but unchanged (now newer than its output) is still skipped: its hash is the one recorded.
        Thread.sleep(forTimeInterval: 0.05)
        try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: folder.appendingPathComponent("in/sub/b.pdf").path)
        let touched = try CLIRunner.run(["articles", "in", "-o", "out", "--resume"], directory: folder)
        #expect(touched.status == 0)
        #expect(try Self.manifest(folder.appendingPathComponent("out")).map { $0["status"] as? String } == ["skipped", "skipped"])
        // A changed input is read again: its output is now older than it.
        Thread.sleep(forTimeInterval: 0.05)
        let a = folder.appendingPathComponent("in/a.pdf")
        try FileManager.default.removeItem(at: a)
        try FileManager.default.copyItem(at: Self.samples.appendingPathComponent("en-metro.pdf"), to: a)
        let changed = try CLIRunner.run(["articles", "in", "-o", "out", "--resume"], directory: folder)
        #expect(changed.status == 0)
        let rows = try Self.manifest(folder.appendingPathComponent("out"))
        #expect(rows.map { $0["status"] as? String } == ["ok", "skipped"])
        let alone = try CLIRunner.runData(["articles", "in/a.pdf"], directory: folder)
        #expect(try Data(contentsOf: folder.appendingPathComponent("out/a.json")) == alone.stdout)
    }

    @Test("an interrupted batch leaves no partial output and no temporary file; --resume then finishes it")
    func interruptedBatch() throws {
        let folder = try Self.archive()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.removeItem(at: folder.appendingPathComponent("in/sub/bad.pdf"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try CLIRunner.galleyPath())
        process.arguments = ["articles", "in", "-o", "out", "-j", "2", "--quiet"]
        process.currentDirectoryURL = folder
        // Each worker holds its output in its temporary file for 5 s before renaming it.
        process.environment = ProcessInfo.processInfo.environment.merging(["GALLEY_TEST_PAUSE_BEFORE_RENAME": "5"]) { $1 }
        try process.run()
        let out = folder.appendingPathComponent("out")
        let deadline = Date().addingTimeInterval(20)
        while Self.files(out).filter({ $0.hasSuffix(".tmp") }).count < 2 && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        #expect(Self.files(out).filter { $0.hasSuffix(".tmp") }.count == 2, "\(Self.files(out))")
        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        Thread.sleep(forTimeInterval: 0.5)
        #expect(Self.files(out) == ["manifest.jsonl"], "\(Self.files(out))")
        let resumed = try CLIRunner.run(["articles", "in", "-o", "out", "--resume"], directory: folder)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(Self.files(out) == ["a.json", "manifest.jsonl", "sub/b.json"])
    }

    @Test("a worker that runs too long, grows too large or crashes is recorded, and the others go on")
    func isolation() throws {
        let folder = try Self.archive()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Too long: each worker pauses 3 s before its rename, past a 0.5 s limit.
        let slow = try CLIRunner.run(["articles", "in/a.pdf", "-o", "slow", "--timeout", "0.5"], directory: folder,
                                     environment: ["GALLEY_TEST_PAUSE_BEFORE_RENAME": "3"])
        #expect(slow.status == 1)
        let slowRows = try Self.manifest(folder.appendingPathComponent("slow"))
        #expect(slowRows.map { $0["status"] as? String } == ["timeout"])
        #expect(Self.files(folder.appendingPathComponent("slow")) == ["manifest.jsonl"])
        // Too large: no worker fits in 1 MB (each stays 1 s, long enough to be measured).
        let large = try CLIRunner.run(["articles", "in", "-o", "large", "--memory-limit", "1"], directory: folder,
                                      environment: ["GALLEY_TEST_PAUSE_BEFORE_RENAME": "1"])
        #expect(large.status == 1)
        let largeRows = try Self.manifest(folder.appendingPathComponent("large"))
        #expect(largeRows.allSatisfy { $0["status"] as? String == "failed" && ($0["error"] as? String)?.contains("memory") == true }, "\(largeRows)")
        // A crash: one worker is killed (SIGKILL, which no handler catches) while it waits to rename its output.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try CLIRunner.galleyPath())
        process.arguments = ["articles", "in/a.pdf", "in/sub/b.pdf", "-o", "crash", "-j", "1", "--quiet"]
        process.currentDirectoryURL = folder
        process.environment = ProcessInfo.processInfo.environment.merging(["GALLEY_TEST_PAUSE_BEFORE_RENAME": "1"]) { $1 }
        try process.run()
        var child: Int32 = 0
        let deadline = Date().addingTimeInterval(20)
        while child == 0 && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
            let tmp = Self.files(folder.appendingPathComponent("crash")).first { $0.hasPrefix(".a.json.") }
            // The temporary file is named .a.json.PID-N.tmp after the worker's process id.
            child = tmp.flatMap { Int32($0.dropFirst(".a.json.".count).prefix { $0.isNumber }) } ?? 0
        }
        try #require(child > 0, "the first worker never started")
        kill(child, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        let rows = try Self.manifest(folder.appendingPathComponent("crash"))
        #expect(rows.map { $0["status"] as? String } == ["failed", "ok"])
        #expect((rows[0]["error"] as? String)?.contains("crashed or was killed (signal 9") == true, "\(rows[0])")
        #expect(Self.files(folder.appendingPathComponent("crash")) == ["b.json", "manifest.jsonl"])
    }

    @Test("no output leaves OUTDIR: ../x.pdf is written as OUTDIR/x.json, a link inside OUTDIR is not followed")
    func outputsStayInside() throws {
        let folder = try Self.archive()
        defer { try? FileManager.default.removeItem(at: folder) }
        let work = folder.appendingPathComponent("in/sub")
        let r = try CLIRunner.run(["articles", "../a.pdf", "b.pdf", "-o", "../../out"], directory: work)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(Self.files(folder.appendingPathComponent("out")) == ["a.json", "b.json", "manifest.jsonl"])
        // OUTDIR/sub is a link to a folder outside: the output below it is refused.
        let outside = folder.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        let linked = folder.appendingPathComponent("linked")
        try FileManager.default.createDirectory(at: linked, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: linked.appendingPathComponent("sub"), withDestinationURL: outside)
        let l = try CLIRunner.run(["articles", "in", "-o", "linked"], directory: folder)
        #expect(l.status == 1)
        #expect(Self.files(outside).isEmpty, "\(Self.files(outside))")
        let rows = try Self.manifest(linked)
        #expect((rows[1]["error"] as? String)?.contains("symbolic link") == true, "\(rows)")
    }

    @Test("several inputs without -o, or -o naming a file, are usage errors: one line, exit 2")
    func usage() throws {
        let folder = try Self.archive()
        defer { try? FileManager.default.removeItem(at: folder) }
        let none = try CLIRunner.run(["articles", "in/a.pdf", "in/sub/b.pdf"], directory: folder)
        #expect(none.status == 2 && none.stderr.hasPrefix("galley: error: ") && none.stderr.split(separator: "\n").count == 1, "\(none.stderr)")
        let file = try CLIRunner.run(["articles", "in", "-o", "in/a.pdf"], directory: folder)
        #expect(file.status == 2 && file.stderr.contains("it is a file"), "\(file.stderr)")
        #expect(try CLIRunner.run(["articles", "in", "-o", "out", "-j", "0"], directory: folder).status == 2)
    }
}
