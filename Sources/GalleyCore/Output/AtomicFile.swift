import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file all at once: into a temporary file in the same folder, then renamed over the
/// destination, so a reader never sees a partial file and an error leaves no file behind. The
/// temporary file is removed too when the process is interrupted (SIGINT, SIGTERM, SIGHUP) while
/// it is being written.
///
/// Paths are taken as the file system resolves them, never rewritten as text: `zz/../x.json` is
/// written in the folder `zz/..`, which exists only where `zz` does.
public enum AtomicFile {
    /// Why an output file could not be written.
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        case folderMissing(path: String, folder: String)
        case isDirectory(path: String)
        case notWritable(path: String, reason: String)
        /// The output is the input file itself (the same file, by any name).
        case isInput(path: String)
        /// The output exists and is no regular file: a FIFO, a device or a socket.
        case notRegularFile(path: String, kind: String)

        public var description: String {
            switch self {
            case let .folderMissing(path, folder): return "cannot write \(path): folder \(folder) does not exist"
            case let .isDirectory(path): return "cannot write \(path): it is a folder"
            case let .notWritable(path, reason): return "cannot write \(path): \(reason)"
            case let .isInput(path): return "cannot write \(path): it is the input file; choose another output"
            case let .notRegularFile(path, kind):
                return "cannot write \(path): it is \(kind), not a regular file"
            }
        }
    }

    /// The folder `path` is in, as written: everything before its last slash ("." for a bare name).
    /// Not normalised: `zz/..` stays `zz/..` so the file system decides whether it exists.
    public static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let folder = String(path[..<slash])
        return folder.isEmpty ? "/" : folder
    }

    /// A fresh name for the temporary file that becomes `path`: hidden, in the same folder (as the file
    /// system resolves it), unique to this process and this call.
    public static func temporaryPath(for path: String) -> String {
        let folder = Self.folder(of: path)
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return (folder == "/" ? "" : folder) + "/.\(name).\(getpid())-\(UInt32.random(in: 0 ... .max)).tmp"
    }

    /// Checks, before any work is done, that `path` can be written: its folder exists and is writable,
    /// the path is not a folder, a FIFO, a device or a socket, and it is not the file `input` (the
    /// same file under any name: a link, `./`, another path).
    public static func checkWritable(_ path: String, input: String? = nil) throws {
        guard !path.isEmpty else { throw Failure.notWritable(path: path, reason: "the path is empty") }
        if path.hasSuffix("/") { throw Failure.isDirectory(path: path) }
        var target = stat()
        if stat(path, &target) == 0 {
            switch target.st_mode & S_IFMT {
            case S_IFREG: break
            case S_IFDIR: throw Failure.isDirectory(path: path)
            case S_IFIFO: throw Failure.notRegularFile(path: path, kind: "a FIFO")
            case S_IFCHR, S_IFBLK: throw Failure.notRegularFile(path: path, kind: "a device")
            case S_IFSOCK: throw Failure.notRegularFile(path: path, kind: "a socket")
            default: throw Failure.notRegularFile(path: path, kind: "a special file")
            }
            var source = stat()
            if let input, stat(input, &source) == 0, source.st_dev == target.st_dev, source.st_ino == target.st_ino {
                throw Failure.isInput(path: path)
            }
        }
        let folder = Self.folder(of: path)
        var info = stat()
        guard stat(folder, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            throw Failure.folderMissing(path: path, folder: folder)
        }
        guard access(folder, W_OK) == 0 else {
            throw Failure.notWritable(path: path, reason: "folder \(folder) is not writable")
        }
    }

    /// Writes `data` to `path`, replacing any regular file there (see `checkWritable` for what is
    /// refused, `input` included).
    public static func write(_ data: Data, to path: String, input: String? = nil) throws {
        try checkWritable(path, input: input)
        let temp = temporaryPath(for: path)
        TemporaryFiles.register(temp)
        defer { TemporaryFiles.forget(temp) }
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw Failure.notWritable(path: path, reason: String(cString: strerror(errno))) }
        var failure: Int32 = 0
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < raw.count {
                let n = posixWrite(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += n
            }
        }
        if close(fd) != 0 && failure == 0 { failure = errno }
        if failure != 0 {
            unlink(temp)
            throw Failure.notWritable(path: path, reason: String(cString: strerror(failure)))
        }
        if let pause = ProcessInfo.processInfo.environment["GALLEY_TEST_PAUSE_BEFORE_RENAME"], let seconds = Double(pause) {
            // For the tests of interruption only: holds the temporary file in place for a while.
            Thread.sleep(forTimeInterval: seconds)
        }
        if rename(temp, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temp)
            throw Failure.notWritable(path: path, reason: reason)
        }
    }
}

/// `write(2)`, out of reach of `AtomicFile.write`'s name.
private func posixWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, bytes, count)
}

/// Temporary files being written, removed by the handlers of SIGINT, SIGTERM and SIGHUP before
/// the signal ends the process as it would have without them: `AtomicFile` and the renderers'
/// pending files register theirs until they are renamed or removed.
///
/// The handler only reads a fixed table of C strings and calls `unlink`, both safe in a signal
/// handler; registering (on the thread that writes, under a lock) allocates. Up to 4,096 files at
/// once are tracked; beyond that a file is written as before, without this cleanup.
public enum TemporaryFiles {
    static let capacity = 4096
    nonisolated(unsafe) static let slots: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let table = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
        table.initialize(repeating: nil, count: capacity)
        return table
    }()
    nonisolated(unsafe) static var installed = false
    static let lock = NSLock()

    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// Makes `path` a file to remove if the process is interrupted.
    public static func register(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        install()
        guard let slot = (0..<capacity).first(where: { slots[$0] == nil }) else { return }
        slots[slot] = strdup(path)
    }

    /// Forgets `path` (renamed into place or removed).
    public static func forget(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        for i in 0..<capacity {
            guard let p = slots[i], strcmp(p, path) == 0 else { continue }
            // Out of the table before it is freed: the handler never reads a freed string.
            slots[i] = nil
            free(p)
            return
        }
    }

    /// Installs the handlers once, for the signals whose action is still the default (a signal the
    /// caller ignores, as `nohup` ignores SIGHUP, stays ignored). Called by `register`; a program that
    /// installs handlers of its own that chain to these calls it first.
    public static func install() {
        guard !installed else { return }
        installed = true
        _ = slots
        for sig in signals {
            var old = sigaction()
            let handler: @convention(c) (Int32) -> Void = { sig in
                for i in 0..<TemporaryFiles.capacity {
                    if let p = TemporaryFiles.slots[i] { unlink(p) }
                }
                signal(sig, SIG_DFL)
                raise(sig)
            }
            var action = sigaction()
            #if canImport(Glibc)
            guard sigaction(sig, nil, &old) == 0, old.__sigaction_handler.sa_handler == nil else { continue }
            action.__sigaction_handler.sa_handler = handler
            #else
            guard sigaction(sig, nil, &old) == 0, old.__sigaction_u.__sa_handler == nil else { continue }
            action.__sigaction_u.__sa_handler = handler
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(sig, &action, nil)
            // A blocked signal would wait until the file is renamed; a blocked mask is inherited by
            // accident (Foundation's `Process` passes on its thread's), so these are unblocked.
            var set = sigset_t()
            sigemptyset(&set)
            sigaddset(&set, sig)
            pthread_sigmask(SIG_UNBLOCK, &set, nil)
        }
    }
}
