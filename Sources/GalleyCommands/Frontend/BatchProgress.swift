import Foundation

/// The progress of a batch on standard error: on a terminal one bar rewritten in place (documents and
/// pages done, pages per second, time left, failures), elsewhere one plain line per document.
/// Shown on a terminal or where `--progress` asks; `--quiet` silences it.
final class BatchProgress {
    enum Style { case bar, lines, none }

    let style: Style
    let total: Int
    let quiet: Bool
    private(set) var documents = 0
    private(set) var pages = 0
    private(set) var failures = 0
    private let start = ContinuousClock.now
    private var lastDraw: ContinuousClock.Instant?
    private var shown = false

    init(total: Int, requested: Bool, quiet: Bool, terminal: Bool = isatty(STDERR_FILENO) != 0) {
        self.total = total
        self.quiet = quiet
        style = quiet ? .none : terminal ? .bar : requested ? .lines : .none
    }

    var elapsed: Double { WorkerPool.seconds(start.duration(to: .now)) }

    /// Counts one document done (skipped ones too), with its pages and whether it failed.
    func done(_ row: ManifestRow) {
        documents += 1
        pages += row.pages ?? 0
        if row.status == .failed || row.status == .timeout { failures += 1 }
        switch style {
        case .bar: draw(force: documents == total)
        case .lines:
            let detail = row.error.map { ": " + Self.firstLine($0) } ?? ""
            write("galley: [\(documents)/\(total)] \(row.status.rawValue) \(row.path) (\(row.pages.map { "\($0) page\($0 == 1 ? "" : "s"), " } ?? "")"
                  + String(format: "%.2f s)", row.seconds) + detail + "\n")
        case .none: break
        }
    }

    /// The bar's text: `[#####.....] 12/30 documents, 14 pages, 6.1 pages/s, ETA 0:04, 1 failed`.
    func bar(width: Int = 24) -> String {
        let fraction = total == 0 ? 1 : Double(documents) / Double(total)
        let filled = Int((fraction * Double(width)).rounded(.down))
        let rate = elapsed > 0 ? Double(pages) / elapsed : 0
        var text = "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] "
        text += "\(documents)/\(total) documents, \(pages) pages, " + String(format: "%.1f pages/s", rate)
        if documents > 0 && documents < total {
            let left = elapsed / Double(documents) * Double(total - documents)
            text += ", ETA " + Self.clock(left)
        }
        return text + ", \(failures) failed"
    }

    /// Redraws the bar at most ten times a second (always for the last document).
    private func draw(force: Bool) {
        let now = ContinuousClock.now
        if !force, let lastDraw, lastDraw.duration(to: now) < .milliseconds(100) { return }
        lastDraw = now
        write("\r\u{1B}[K" + bar())
        shown = true
    }

    /// Reports a failure on its own line (above the bar on a terminal; in plain lines the document's
    /// line says it already). Silent with `--quiet`.
    func failure(_ message: String) {
        switch style {
        case .bar:
            write("\r\u{1B}[Kgalley: \(message)\n")
            shown = false
            draw(force: true)
        case .none where !quiet: write("galley: \(message)\n")
        default: break
        }
    }

    /// Ends the bar's line.
    func finish() {
        if shown { write("\n") }
        shown = false
    }

    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%d:%02d", s / 60, s % 60)
    }

    static func firstLine(_ s: String) -> String { String(s.split(separator: "\n").first ?? "") }

    private func write(_ s: String) { FileHandle.standardError.write(Data(s.utf8)) }
}
