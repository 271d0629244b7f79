import Foundation
import GalleyCore

/// What happened to one input of a batch: a line of `OUTDIR/manifest.jsonl`.
struct ManifestRow: Codable, Equatable, Sendable {
    enum Status: String, Codable, Sendable { case ok, failed, timeout, skipped }

    var path: String
    var size: Int
    /// Pages read; nil where the document could not be read at all.
    var pages: Int?
    var status: Status
    /// Why it failed (the worker's error lines, a signal, the time or memory limit); nil when ok.
    var error: String?
    /// The outputs written, as paths under OUTDIR (as the batch was told OUTDIR).
    var outputs: [String]
    var seconds: Double
    /// A hash of the input's bytes (`fnv1a64:` and 16 hex digits), which `--resume` compares.
    var hash: String?

    /// One line of JSON, keys in a fixed order, without the newline.
    var jsonLine: String {
        func optional(_ s: String?) -> String { s.map(JSONLiteral.string) ?? "null" }
        return "{\"path\":\(JSONLiteral.string(path)),\"size\":\(size),\"pages\":\(pages.map(String.init) ?? "null"),"
            + "\"status\":\"\(status.rawValue)\",\"error\":\(optional(error)),"
            + "\"outputs\":[\(outputs.map(JSONLiteral.string).joined(separator: ","))],"
            + "\"seconds\":\(String(format: "%.3f", seconds)),\"hash\":\(optional(hash))}"
    }
}

/// `OUTDIR/manifest.jsonl`: rows appended as documents finish (so an interrupted batch keeps what it
/// did), then rewritten whole, one row per input in input order, when the batch ends.
struct BatchManifest {
    static let fileName = "manifest.jsonl"
    let path: String

    init(outputFolder: String) { path = BatchInputs.join(outputFolder, Self.fileName) }

    /// The rows of an earlier run, the last row of each input winning; lines that do not parse
    /// (cut short by a kill) are passed over.
    func previousRows() -> [String: ManifestRow] {
        guard let data = FileManager.default.contents(atPath: path) else { return [:] }
        var rows: [String: ManifestRow] = [:]
        let decoder = JSONDecoder()
        for line in data.split(separator: UInt8(ascii: "\n")) {
            if let row = try? decoder.decode(ManifestRow.self, from: Data(line)) { rows[row.path] = row }
        }
        return rows
    }

    /// Empties the manifest (a batch without --resume starts a new one).
    func reset() throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw AtomicFile.Failure.notWritable(path: path, reason: String(cString: strerror(errno))) }
        close(fd)
    }

    /// Appends one row (one `write`, so a row is whole or absent).
    func append(_ row: ManifestRow) {
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return }
        defer { close(fd) }
        let line = Array((row.jsonLine + "\n").utf8)
        _ = line.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    }

    /// Replaces the manifest with `rows`, atomically.
    func rewrite(_ rows: [ManifestRow]) throws {
        let text = rows.map { $0.jsonLine + "\n" }.joined()
        try AtomicFile.write(Data(text.utf8), to: path)
    }
}

/// FNV-1a, 64 bits, over a file's bytes: enough to tell whether an input changed since it was read.
enum InputHash {
    static func of(file path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            for byte in chunk {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            }
        }
        let hex = String(hash, radix: 16)
        return "fnv1a64:" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}
