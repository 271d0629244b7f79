import Foundation

/// Writes a file all at once: into a temporary file in the same folder, then renamed over the
/// destination, so a reader never sees a partial file and an error leaves no file behind.
public enum AtomicFile {
    /// Why an output file could not be written.
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        case folderMissing(path: String, folder: String)
        case isDirectory(path: String)
        case notWritable(path: String, reason: String)

        public var description: String {
            switch self {
            case let .folderMissing(path, folder): return "cannot write \(path): folder \(folder) does not exist"
            case let .isDirectory(path): return "cannot write \(path): it is a folder"
            case let .notWritable(path, reason): return "cannot write \(path): \(reason)"
            }
        }
    }

    /// Checks, before any work is done, that `path` can be written: its folder exists and is writable,
    /// and the path is not a folder.
    public static func checkWritable(_ path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
            throw Failure.isDirectory(path: path)
        }
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDir), isDir.boolValue else {
            throw Failure.folderMissing(path: path, folder: folder)
        }
        guard FileManager.default.isWritableFile(atPath: folder) else {
            throw Failure.notWritable(path: path, reason: "folder \(folder) is not writable")
        }
    }

    /// Writes `data` to `path`, replacing any file there.
    public static func write(_ data: Data, to path: String) throws {
        try checkWritable(path)
        let url = URL(fileURLWithPath: path)
        let temp = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0 ... .max)).tmp")
        do {
            try data.write(to: temp, options: .withoutOverwriting)
        } catch {
            try? FileManager.default.removeItem(at: temp)
            throw Failure.notWritable(path: path, reason: Self.reason(error))
        }
        if rename(temp.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temp)
            throw Failure.notWritable(path: path, reason: reason)
        }
    }

    static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return ns.localizedDescription
    }
}
