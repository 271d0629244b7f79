import Foundation
import GalleyCore

/// An output file written under a temporary name beside its final path and moved into place only when
/// it is complete, so a failed run never leaves a partial file where the user asked for one.
struct PendingFile {
    /// Where the file ends up.
    let finalPath: String
    /// Where it is written meanwhile: a hidden file in the same directory (a rename never crosses devices).
    let tempPath: String

    /// Checks that `path` can be written: its directory exists and is writable, and it is not a directory.
    init(finalPath path: String) throws {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent().path
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
            throw RenderError.cannotWrite(path: path, reason: "it is a directory")
        }
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
            throw RenderError.cannotWrite(path: path, reason: "the directory \(dir) does not exist")
        }
        guard FileManager.default.isWritableFile(atPath: dir) else {
            throw RenderError.cannotWrite(path: path, reason: "the directory \(dir) is not writable")
        }
        finalPath = path
        tempPath = AtomicFile.temporaryPath(for: path)
        // Removed if the process is interrupted before the file is moved into place.
        TemporaryFiles.register(tempPath)
    }

    /// Moves the finished temporary file to its final path, replacing any older file there.
    func commit() throws {
        guard rename(tempPath, finalPath) == 0 else {
            let reason = String(cString: strerror(errno))
            discard()
            throw RenderError.cannotWrite(path: finalPath, reason: reason)
        }
        TemporaryFiles.forget(tempPath)
    }

    /// Removes the temporary file, if any.
    func discard() {
        unlink(tempPath)
        TemporaryFiles.forget(tempPath)
    }
}

/// Several output files that appear together or not at all.
struct PendingFiles {
    private(set) var files: [PendingFile] = []

    mutating func add(_ path: String) throws -> PendingFile {
        let f = try PendingFile(finalPath: path)
        files.append(f)
        return f
    }

    func commitAll() throws {
        for (i, f) in files.enumerated() {
            do { try f.commit() } catch {
                for rest in files[(i + 1)...] { rest.discard() }
                throw error
            }
        }
    }

    func discardAll() { files.forEach { $0.discard() } }
}
