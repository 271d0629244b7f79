import ArgumentParser
import Foundation
import GalleyCore

/// What `galley report` does: a batch of `galley articles` (JSON) into DIR/files, then the overlays
/// and printed articles drawn by `galley-render` workers from those JSON files, then DIR/index.html.
struct ReportCommand {
    var inputs: [String]
    var folder: String
    var jobs: Int?
    var dpi: Double
    var progress: Bool
    var quiet: Bool

    /// Where the report's files go, inside its folder.
    static let filesFolder = "files"

    func run() throws {
        try prepare(folder)
        let files = BatchInputs.join(folder, Self.filesFolder)
        var settings = BatchSettings()
        settings.jobs = jobs
        settings.quiet = quiet
        var failed = false
        do {
            try BatchCommand(inputs: inputs, format: .json, outputFolder: files, options: settings, progress: progress).run()
        } catch let code as ExitCode where code == ExitCode(1) {
            // Failed documents are in the manifest; the report lists them.
            failed = true
        }
        let rows = try Self.rows(BatchManifest(outputFolder: files))
        var documents = rows.map { ReportDocument(row: $0, folder: folder) }
        failed = try draw(&documents) || failed
        let html = ReportPage(documents: documents).html()
        let index = BatchInputs.join(folder, "index.html")
        try AtomicFile.write(Data(html.utf8), to: index)
        if !quiet { FileHandle.standardOutput.write(Data("\(index)\n".utf8)) }
        if failed { throw ExitCode(1) }
    }

    private func prepare(_ path: String) throws {
        var info = stat()
        if stat(path, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else { throw CommandFailure("cannot write the report to \(path): it is a file") }
        } else if mkdir(path, 0o777) != 0 {
            throw CommandFailure("cannot make the report folder \(path): \(String(cString: strerror(errno)))")
        }
    }

    static func rows(_ manifest: BatchManifest) throws -> [ManifestRow] {
        guard let data = FileManager.default.contents(atPath: manifest.path) else {
            throw CommandFailure("the batch wrote no manifest at \(manifest.path)")
        }
        let decoder = JSONDecoder()
        return try data.split(separator: UInt8(ascii: "\n")).map { try decoder.decode(ManifestRow.self, from: Data($0)) }
    }

    /// Draws every document's overlay and prints each of its articles, workers `-j` at once; what
    /// could not be made is noted on its document. True when something failed.
    private func draw(_ documents: inout [ReportDocument]) throws -> Bool {
        struct Task { var document: Int; var arguments: [String]; var what: String }
        var tasks: [Task] = []
        for (d, document) in documents.enumerated() {
            guard let json = document.jsonPath, document.articles != nil else { continue }
            tasks.append(Task(document: d, arguments: ["overlay", document.input, "--layout", json, "--dpi", JSONLiteral.number(dpi),
                                                       "-o", document.overlayBase], what: "overlay"))
            for article in document.articles?.articles ?? [] {
                tasks.append(Task(document: d, arguments: ["print", document.input, "--article", article.id, "--layout", json,
                                                           "-o", document.printPath(article.id)], what: "print \(article.id)"))
            }
        }
        let render = Drawing.executablePath()
        guard FileManager.default.isExecutableFile(atPath: render) else {
            throw CommandFailure("\(Drawing.executableName) is missing: it draws the report's overlays and prints and belongs beside galley (looked for \(render))")
        }
        let pool = WorkerPool(executable: render, limits: .init(jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
                                                                timeout: 120, memoryMegabytes: 4096))
        let bar = BatchProgress(total: tasks.count, requested: progress, quiet: quiet)
        var failed = false
        try pool.run(Array(tasks.indices), arguments: { tasks[$0].arguments }) { i, _, outcome in
            let task = tasks[i]
            var row = ManifestRow(path: "\(documents[task.document].input): \(task.what)", size: 0, status: .ok,
                                  outputs: [], seconds: outcome.seconds)
            if outcome.end != .exited(0) {
                let why = outcome.stderr.split(separator: "\n").last.map(String.init) ?? "\(outcome.end)"
                row.status = .failed
                row.error = why
                documents[task.document].problems.append("\(task.what) failed: \(why)")
                failed = true
            } else if task.what == "overlay" {
                documents[task.document].overlayDrawn = true
            } else {
                documents[task.document].printed.insert(String(task.what.dropFirst("print ".count)))
            }
            bar.done(row)
        }
        bar.finish()
        return failed
    }
}

/// One document of the report: its manifest row, its articles, and the files made for it.
struct ReportDocument {
    var row: ManifestRow
    /// Its files' paths without extension, relative to the report folder: `files/sub/b`.
    var base: String
    var folder: String
    var articles: ArticleDocument?
    var overlayDrawn = false
    var printed: Set<String> = []
    /// What went wrong with it besides its pages' warnings.
    var problems: [String] = []

    init(row: ManifestRow, folder: String) {
        self.row = row
        self.folder = folder
        let files = BatchInputs.join(folder, ReportCommand.filesFolder) + "/"
        let output = row.outputs.first ?? ""
        let relative = output.hasPrefix(files) ? String(output.dropFirst(files.count)) : ""
        // A document that failed has no output, and nothing is drawn for it.
        base = ReportCommand.filesFolder + "/" + relative.dropLast(".json".count)
        if let output = row.outputs.first, let data = FileManager.default.contents(atPath: output) {
            articles = try? JSONDecoder().decode(ArticleDocument.self, from: data)
        }
        if row.status == .failed || row.status == .timeout {
            // The worker's message names the file; the report names it already.
            var why = row.error ?? ""
            if why.hasPrefix(row.path + ": ") { why = String(why.dropFirst(row.path.count + 2)) }
            problems.append("\(row.status.rawValue): \(why)")
        }
    }

    var input: String { row.path }
    var jsonPath: String? { row.outputs.first }
    var overlayBase: String { BatchInputs.join(folder, base + "-overlay.png") }
    func printPath(_ id: String) -> String { BatchInputs.join(folder, base + "-" + id + ".pdf") }

    /// The overlay of page `n`, relative to the report folder, as `galley overlay` names it.
    func overlay(page n: Int) -> String {
        OverlayOutput(input: input, output: base + "-overlay.png").pngPath(page: n, count: articles?.pages.count ?? 1)
    }
}
