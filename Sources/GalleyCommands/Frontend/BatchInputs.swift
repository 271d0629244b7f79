import Foundation

/// One document of a batch: the PDF to read and where its output goes, relative to OUTDIR.
struct BatchJob: Sendable, Equatable {
    /// The PDF as the user named it or as it was found in a named folder.
    var input: String
    /// The output's path inside OUTDIR: plain components only (no `..`, no leading `/`).
    var relativeOutput: String
}

/// Why the inputs of a batch cannot be listed.
enum BatchInputError: Error, Equatable, CustomStringConvertible {
    case missing(path: String)
    case notPDF(path: String)
    case unreadableFolder(path: String, reason: String)
    case noPDF(folders: [String])

    var description: String {
        switch self {
        case let .missing(path): return "cannot read \(path): no such file or folder"
        case let .notPDF(path): return "cannot read \(path): it is neither a folder nor a file"
        case let .unreadableFolder(path, reason): return "cannot read folder \(path): \(reason)"
        case let .noPDF(folders): return "no PDF found in \(folders.joined(separator: ", ")) (folders are searched for *.pdf)"
        }
    }
}

/// Lists the documents of a batch: each input a PDF (output named after it, at the top of OUTDIR)
/// or a folder searched recursively for `*.pdf` (outputs mirror the folders below it). Symbolic links
/// to folders are not followed (no loops, nothing outside the named folder); links to files are read.
/// Output paths are built from names the folder walk met, never from the input text, so none can leave
/// OUTDIR (`../x.pdf` gives `x.json`).
enum BatchInputs {
    static func jobs(_ inputs: [String], outputExtension: String) throws -> [BatchJob] {
        var jobs: [BatchJob] = []
        var emptyFolders: [String] = []
        for input in inputs {
            var info = stat()
            guard stat(input, &info) == 0 else { throw BatchInputError.missing(path: input) }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                let found = try pdfs(in: input, below: "")
                if found.isEmpty { emptyFolders.append(input) }
                jobs += found.map { BatchJob(input: join(input, $0), relativeOutput: outputName($0, outputExtension)) }
            case S_IFREG:
                let name = String(input.split(separator: "/").last ?? Substring(input))
                jobs.append(BatchJob(input: input, relativeOutput: outputName(name, outputExtension)))
            default:
                throw BatchInputError.notPDF(path: input)
            }
        }
        if jobs.isEmpty && !emptyFolders.isEmpty { throw BatchInputError.noPDF(folders: emptyFolders) }
        return jobs
    }

    /// The PDFs below `folder`, as paths relative to it, sorted by name within each folder.
    static func pdfs(in folder: String, below relative: String) throws -> [String] {
        let path = relative.isEmpty ? folder : join(folder, relative)
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
        } catch {
            throw BatchInputError.unreadableFolder(path: path, reason: (error as NSError).localizedDescription)
        }
        var found: [String] = []
        for name in names where !name.hasPrefix(".") {
            let sub = relative.isEmpty ? name : relative + "/" + name
            var link = stat()
            guard lstat(join(folder, sub), &link) == 0 else { continue }
            switch link.st_mode & S_IFMT {
            case S_IFDIR: found += try pdfs(in: folder, below: sub)
            case S_IFREG, S_IFLNK:
                guard name.lowercased().hasSuffix(".pdf") else { continue }
                // A link is read when it leads to a regular file.
                var target = stat()
                if stat(join(folder, sub), &target) == 0, target.st_mode & S_IFMT == S_IFREG { found.append(sub) }
            default: continue
            }
        }
        return found
    }

    /// `x/y.pdf` becomes `x/y.json`: the last extension replaced (or added).
    static func outputName(_ relative: String, _ ext: String) -> String {
        var parts = relative.split(separator: "/").map(String.init).filter { $0 != "." && $0 != ".." && !$0.isEmpty }
        var last = parts.popLast() ?? "document"
        if let dot = last.lastIndex(of: "."), dot != last.startIndex { last = String(last[..<dot]) }
        return (parts + [last + "." + ext]).joined(separator: "/")
    }

    static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}
