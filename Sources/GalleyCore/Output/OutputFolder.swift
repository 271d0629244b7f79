import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a set of files into a folder, for the outputs that are more than one file (METS with its
/// ALTO files, PAGE XML for several pages).
///
/// The folder (and the subfolders the files name) is made where it is missing; every file is written
/// whole (`AtomicFile`), in the order given, so the file listed last (the METS file, which names the
/// others) exists only where the others are complete. Where a file cannot be written, the files
/// already written and the folders made are removed again: the set is written whole or not at all.
public enum OutputFolder {
    /// Why an output folder cannot be written.
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        /// The path exists and is no folder.
        case notFolder(path: String)
        case parentMissing(path: String, parent: String)
        case notWritable(path: String, reason: String)

        public var description: String {
            switch self {
            case let .notFolder(path): return "cannot write into \(path): it is a file, not a folder"
            case let .parentMissing(path, parent): return "cannot make folder \(path): folder \(parent) does not exist"
            case let .notWritable(path, reason): return "cannot write into \(path): \(reason)"
            }
        }
    }

    /// Checks, before any work is done, that files can be written into `path`: an existing, writable
    /// folder, or a name in an existing, writable folder.
    public static func check(_ path: String) throws {
        guard !path.isEmpty else { throw Failure.notWritable(path: path, reason: "the path is empty") }
        var info = stat()
        if stat(path, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else { throw Failure.notFolder(path: path) }
            guard access(path, W_OK) == 0 else { throw Failure.notWritable(path: path, reason: "the folder is not writable") }
            return
        }
        let trimmed = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
        let parent = AtomicFile.folder(of: trimmed)
        guard stat(parent, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            throw Failure.parentMissing(path: path, parent: parent)
        }
        guard access(parent, W_OK) == 0 else {
            throw Failure.notWritable(path: path, reason: "folder \(parent) is not writable")
        }
    }

    /// Writes `files` (paths relative to `folder`, with their contents) in order; `input` is never
    /// overwritten (see `AtomicFile.checkWritable`).
    public static func write(_ files: [(path: String, data: Data)], to folder: String, input: String? = nil) throws {
        try check(folder)
        var made: [String] = []
        var written: [String] = []
        func undo() {
            for f in written { unlink(f) }
            for d in made.reversed() { rmdir(d) }
        }
        do {
            for file in files {
                let path = (folder.hasSuffix("/") ? folder : folder + "/") + file.path
                try makeFolders(for: path, below: folder, made: &made)
                try AtomicFile.write(file.data, to: path, input: input)
                written.append(path)
            }
        } catch {
            undo()
            throw error
        }
    }

    /// Makes `folder` and the folders between it and `path`'s file where they are missing.
    static func makeFolders(for path: String, below folder: String, made: inout [String]) throws {
        var needed: [String] = []
        var f = AtomicFile.folder(of: path)
        var info = stat()
        while stat(f, &info) != 0 {
            needed.insert(f, at: 0)
            guard f != folder, f.count > folder.count else { break }
            f = AtomicFile.folder(of: f)
        }
        for d in needed {
            guard mkdir(d, 0o777) == 0 || errno == EEXIST else {
                throw Failure.notWritable(path: d, reason: String(cString: strerror(errno)))
            }
            made.append(d)
        }
    }
}
