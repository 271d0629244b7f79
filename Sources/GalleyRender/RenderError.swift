/// Why drawing or writing an output failed.
public enum RenderError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Cairo refused to create or finish a surface.
    case cairo(what: String, status: String)
    /// The output file could not be written.
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .cairo(let what, let status): return "cannot \(what): cairo says \(status)"
        case .cannotWrite(let path, let reason): return "\(path): cannot write (\(reason))"
        }
    }
}
