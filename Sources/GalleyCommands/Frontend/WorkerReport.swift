import Foundation

/// What a batch worker (`galley articles FILE -o OUT` started by a batch) tells the batch besides
/// its output: one line on standard output, `galley-worker: pages N`, written only where the batch
/// set `GALLEY_BATCH_WORKER` in its environment and the output went to a file.
enum WorkerReport {
    static let variable = "GALLEY_BATCH_WORKER"
    static let prefix = "galley-worker: pages "

    /// Writes the line, where this process is a batch's worker writing to a file.
    static func write(pages: Int, output: String?) {
        guard output != nil, ProcessInfo.processInfo.environment[variable] != nil else { return }
        FileHandle.standardOutput.write(Data("\(prefix)\(pages)\n".utf8))
    }

    /// The pages a worker reported, or nil.
    static func pages(in stdout: String) -> Int? {
        stdout.split(separator: "\n").lazy.compactMap { line in
            line.hasPrefix(prefix) ? Int(line.dropFirst(prefix.count)) : nil
        }.first
    }
}
