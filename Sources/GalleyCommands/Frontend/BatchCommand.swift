import ArgumentParser
import Foundation
import GalleyCore

/// `galley articles INPUT… -o OUTDIR`: every PDF of the inputs read by a `galley articles` worker
/// process of its own, at most `-j` at once, each output written (atomically) under OUTDIR, each
/// document's end recorded in OUTDIR/manifest.jsonl.
struct BatchCommand {
    var inputs: [String]
    var pages: PageSelection?
    var password: String?
    var format: Articles.Format
    var outputFolder: String
    var options: BatchSettings
    var progress: Bool

    /// Whether `galley articles` was asked for a batch: several inputs, a folder, or a batch-only
    /// option. One PDF with `-o` is no batch, whatever -o names (a folder is refused, as it always was).
    static func wanted(inputs: [String], options: BatchSettings) -> Bool {
        inputs.count > 1 || options.given || inputs.contains(where: isFolder)
    }

    static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// The extension of each output, by format.
    static func outputExtension(_ format: Articles.Format) -> String {
        ["json": "json", "text": "txt", "markdown": "md"][format.rawValue] ?? "xml"
    }

    func run() throws {
        if inputs.contains("-") { throw CommandFailure("standard input (-) can only be read alone, with -o naming a file") }
        // (METS and multi-page PAGE write a folder a document; a batch writes one file per input.)
        if format == .mets || format == .page {
            throw CommandFailure("a batch writes json, text, markdown or alto (one file per input); run --format \(format.rawValue) on one PDF at a time")
        }
        try prepareFolder()
        let jobs = try BatchInputs.jobs(inputs, outputExtension: Self.outputExtension(format))
        let manifest = BatchManifest(outputFolder: outputFolder)
        let previous = options.resume ? manifest.previousRows() : [:]
        if !options.resume { try manifest.reset() }

        var rows: [ManifestRow?] = Array(repeating: nil, count: jobs.count)
        var toRun: [Int] = []
        var claimed: [String: String] = [:]
        for (i, job) in jobs.enumerated() {
            let output = outputPath(job)
            let size = Self.size(job.input)
            if let other = claimed.updateValue(job.input, forKey: job.relativeOutput) {
                rows[i] = ManifestRow(path: job.input, size: size, status: .failed,
                                      error: "its output \(output) is also the output of \(other); rename one of them",
                                      outputs: [], seconds: 0)
                continue
            }
            if options.resume, let row = Self.resumable(job.input, output: output, previous: previous[job.input]) {
                rows[i] = row
                continue
            }
            do {
                try makeFolders(for: job)
            } catch {
                rows[i] = ManifestRow(path: job.input, size: size, status: .failed, error: "\(error)", outputs: [], seconds: 0)
                continue
            }
            toRun.append(i)
        }

        let report = BatchProgress(total: jobs.count, requested: progress, quiet: options.quiet)
        for row in rows.compactMap({ $0 }) {
            if row.status == .skipped { manifest.append(row) }
            if row.status == .failed { report.failure("\(row.path): \(row.error ?? "failed")") }
            report.done(row)
        }

        let pool = WorkerPool(executable: try Self.galleyExecutable(),
                              limits: .init(jobs: options.jobs ?? ProcessInfo.processInfo.activeProcessorCount,
                                            timeout: options.timeout > 0 ? options.timeout : nil,
                                            memoryMegabytes: options.memoryLimit > 0 ? options.memoryLimit : nil),
                              environment: [WorkerReport.variable: "1"])
        try pool.run(toRun, arguments: { workerArguments(jobs[$0]) }) { i, pid, outcome in
            let job = jobs[i]
            let row = record(job, outcome)
            if row.status != .ok { Self.removeTemporaryFiles(of: outputPath(job), pid: pid) }
            rows[i] = row
            manifest.append(row)
            if row.status == .failed || row.status == .timeout {
                // The worker's message names the file already where it says what is wrong with it.
                let message = BatchProgress.firstLine(row.error ?? "failed")
                report.failure(message.hasPrefix(job.input) ? message : "\(job.input): \(message)")
            }
            report.done(row)
        }
        report.finish()
        let all = rows.compactMap { $0 }
        try manifest.rewrite(all)
        summarize(all, seconds: report.elapsed)
        if all.contains(where: { $0.status == .failed || $0.status == .timeout }) { throw ExitCode(1) }
    }

    /// OUTDIR made where missing (its parent must exist, as for `-o FILE`); refused where it is a file.
    private func prepareFolder() throws {
        var info = stat()
        if stat(outputFolder, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else {
                throw CommandFailure("cannot write to \(outputFolder): it is a file; several inputs need -o naming a folder")
            }
        } else if mkdir(outputFolder, 0o777) != 0 {
            throw CommandFailure("cannot make the output folder \(outputFolder): \(String(cString: strerror(errno)))")
        }
        guard access(outputFolder, W_OK) == 0 else { throw CommandFailure("cannot write to \(outputFolder): the folder is not writable") }
    }

    /// The folders of `job`'s output below OUTDIR, made where missing; a folder there that is a
    /// symbolic link is refused, so that no output lands outside OUTDIR.
    func makeFolders(for job: BatchJob) throws {
        var folder = outputFolder
        for part in job.relativeOutput.split(separator: "/").dropLast() {
            folder = BatchInputs.join(folder, String(part))
            var info = stat()
            if lstat(folder, &info) == 0 {
                guard info.st_mode & S_IFMT == S_IFDIR else {
                    throw CommandFailure("cannot write below \(folder): it is \(info.st_mode & S_IFMT == S_IFLNK ? "a symbolic link" : "no folder"); outputs stay inside \(outputFolder)")
                }
            } else if mkdir(folder, 0o777) != 0 && errno != EEXIST {
                throw CommandFailure("cannot make the folder \(folder): \(String(cString: strerror(errno)))")
            }
        }
    }

    func outputPath(_ job: BatchJob) -> String { BatchInputs.join(outputFolder, job.relativeOutput) }

    /// The command line of the worker that reads `job`.
    func workerArguments(_ job: BatchJob) -> [String] {
        // A name the command line would take for an option or a command is given as ./NAME.
        let input = job.input.hasPrefix("-") || job.input == "help" ? "./" + job.input : job.input
        var arguments = ["articles", input, "--format", format.rawValue, "-o", outputPath(job)]
        if let from = pages?.from {
            arguments += ["-f", "\(from)"]
        } else if let pages {
            arguments += ["--pages", pages.argument]
        }
        if let password { arguments += ["--password", password] }
        return arguments
    }

    /// The manifest row of a finished worker (its output's folders are made before it starts).
    func record(_ job: BatchJob, _ outcome: WorkerOutcome) -> ManifestRow {
        let output = outputPath(job)
        var row = ManifestRow(path: job.input, size: Self.size(job.input), pages: WorkerReport.pages(in: outcome.stdout),
                              status: .failed, error: nil, outputs: [], seconds: outcome.seconds, hash: InputHash.of(file: job.input))
        // The worker's own lines, without its "galley: " and "error: "; warnings only where nothing
        // else says why (a page without a text layer).
        let lines = outcome.stderr.split(separator: "\n").map { line in
            var s = line.hasPrefix("galley: ") ? line.dropFirst(8) : line
            if s.hasPrefix("error: ") { s = s.dropFirst(7) }
            return String(s)
        }
        let errors = lines.filter { !$0.hasPrefix("warning: ") }
        let messages = (errors.isEmpty ? lines : errors).joined(separator: "\n")
        switch outcome.end {
        case .exited(0):
            row.status = .ok
        case let .exited(code):
            row.error = messages.isEmpty ? "the worker exited with status \(code)" : messages
        case let .signalled(sig):
            row.error = "the worker crashed or was killed (signal \(sig), \(String(cString: strsignal(sig))))"
        case let .timedOut(seconds):
            row.status = .timeout
            row.error = "took longer than \(JSONLiteral.number(seconds)) s (--timeout)"
        case let .outOfMemory(megabytes):
            row.error = "used more than \(megabytes) MB of memory (--memory-limit)"
        case let .notStarted(reason):
            row.error = reason
        }
        // Exit 0, or 1 (some pages skipped or without text): the output was written; 2 writes none, so a
        // file there is an earlier run's.
        if outcome.end == .exited(0) || outcome.end == .exited(1), FileManager.default.fileExists(atPath: output) {
            row.outputs = [output]
        }
        return row
    }

    /// A skipped row where the input's output is up to date: newer than the input, or the input's
    /// hash is the one recorded with status ok. A document that failed last time is read again.
    static func resumable(_ input: String, output: String, previous: ManifestRow?) -> ManifestRow? {
        if let previous, previous.status == .failed || previous.status == .timeout { return nil }
        var out = stat(), source = stat()
        guard stat(output, &out) == 0, stat(input, &source) == 0 else { return nil }
        let newer = (out.st_mtim.tv_sec, out.st_mtim.tv_nsec) > (source.st_mtim.tv_sec, source.st_mtim.tv_nsec)
        let hash = InputHash.of(file: input)
        guard newer || (previous != nil && previous?.hash == hash) else { return nil }
        return ManifestRow(path: input, size: Int(source.st_size), pages: previous?.pages, status: .skipped,
                           error: nil, outputs: [output], seconds: 0, hash: hash)
    }

    /// Removes what a worker ended before its rename may have left: `.NAME.PID-*.tmp` beside its output.
    static func removeTemporaryFiles(of output: String, pid: pid_t) {
        let folder = AtomicFile.folder(of: output)
        let name = String(output.split(separator: "/").last ?? "")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for n in names where n.hasPrefix(".\(name).\(pid)-") && n.hasSuffix(".tmp") {
            unlink(BatchInputs.join(folder, n))
        }
    }

    static func size(_ path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : 0
    }

    /// The summary on standard error: counts, pages per second, and where the manifest is.
    func summarize(_ rows: [ManifestRow], seconds: Double) {
        let count = { (s: ManifestRow.Status) in rows.filter { $0.status == s }.count }
        let failed = count(.failed) + count(.timeout)
        guard failed > 0 || !options.quiet else { return }
        let pages = rows.filter { $0.status == .ok }.reduce(0) { $0 + ($1.pages ?? 0) }
        var line = "galley: \(rows.count) document\(rows.count == 1 ? "" : "s"): \(count(.ok)) ok"
        if count(.skipped) > 0 { line += ", \(count(.skipped)) skipped (up to date)" }
        if failed > 0 { line += ", \(failed) failed" + (count(.timeout) > 0 ? " (\(count(.timeout)) timed out)" : "") }
        line += "; \(pages) page\(pages == 1 ? "" : "s")"
            + String(format: " in %.1f s (%.1f pages/s)", seconds, seconds > 0 ? Double(pages) / seconds : 0)
        line += failed > 0 ? "; see \(BatchManifest(outputFolder: outputFolder).path)" : ""
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// This program (the worker is `galley articles` on one document).
    static func galleyExecutable() throws -> String {
        if let me = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return me }
        let me = CommandLine.arguments[0]
        guard me.contains("/") else { throw CommandFailure("cannot find the galley executable to start workers (run it by its path)") }
        return me
    }
}

extension PageSelection {
    /// The selection written back as `--pages` takes it: `1,3-5`.
    var argument: String {
        ranges.map { $0.count == 1 ? "\($0.lowerBound)" : "\($0.lowerBound)-\($0.upperBound)" }.joined(separator: ",")
    }
}
