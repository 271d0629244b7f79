import Foundation
import GalleyCore

/// Passes an interrupt (SIGINT, SIGTERM, SIGHUP) of the batch on to its running workers as SIGTERM,
/// so each removes its temporary file before it ends, then lets the signal end the batch as it
/// would have (through the temporary-file cleanup of `TemporaryFiles`, which is installed first).
///
/// The handler reads a fixed table of process ids and calls `kill`, both safe in a signal handler.
enum ChildSignals {
    static let capacity = 256
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    nonisolated(unsafe) static let pids: UnsafeMutablePointer<pid_t> = {
        let table = UnsafeMutablePointer<pid_t>.allocate(capacity: capacity)
        table.initialize(repeating: 0, count: capacity)
        return table
    }()
    /// The handlers found when these were installed, by signal number (at most 64 signals).
    nonisolated(unsafe) static let previous: UnsafeMutablePointer<sigaction> = {
        let table = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
        table.initialize(repeating: sigaction(), count: 65)
        return table
    }()
    nonisolated(unsafe) static var installed = false

    static func add(_ pid: pid_t) {
        if let slot = (0..<capacity).first(where: { pids[$0] == 0 }) { pids[slot] = pid }
    }

    static func remove(_ pid: pid_t) {
        for i in 0..<capacity where pids[i] == pid { pids[i] = 0 }
    }

    /// Installs the handlers once, for signals not ignored.
    static func install() {
        guard !installed else { return }
        installed = true
        TemporaryFiles.install()
        _ = pids
        for sig in signals {
            var old = sigaction()
            guard sigaction(sig, nil, &old) == 0 else { continue }
            #if canImport(Glibc)
            let ignored = unsafeBitCast(old.__sigaction_handler.sa_handler, to: Int.self) == 1  // SIG_IGN
            #else
            let ignored = unsafeBitCast(old.__sigaction_u.__sa_handler, to: Int.self) == 1  // SIG_IGN
            #endif
            guard !ignored else { continue }
            previous[Int(sig)] = old
            let handler: @convention(c) (Int32) -> Void = { sig in
                for i in 0..<ChildSignals.capacity where ChildSignals.pids[i] > 0 {
                    kill(ChildSignals.pids[i], SIGTERM)
                }
                // The handler found before (TemporaryFiles': it removes files, then ends the process), or
                // the default action.
                sigaction(sig, ChildSignals.previous + Int(sig), nil)
                raise(sig)
            }
            var action = sigaction()
            #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = handler
            #else
            action.__sigaction_u.__sa_handler = handler
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(sig, &action, nil)
        }
    }
}
