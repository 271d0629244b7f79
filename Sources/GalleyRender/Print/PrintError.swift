/// Why a story could not be printed.
public enum PrintError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No article has the id asked for; `valid` lists the ids there are.
    case unknownArticle(id: String, valid: [String])
    /// The analysis found no article in the pages read.
    case noArticles(source: String)
    /// The article has no text to print.
    case emptyArticle(id: String)

    public var description: String {
        switch self {
        case let .unknownArticle(id, valid):
            let list = valid.count > 40 ? valid.prefix(40).joined(separator: ", ") + ", … (\(valid.count) in all)"
                : valid.joined(separator: ", ")
            return "no article with id \"\(id)\"; the articles are: \(list) (see `galley print FILE --list`)"
        case let .noArticles(source):
            return "\(source): Galley found no articles on the pages read, so there is nothing to print"
        case let .emptyArticle(id):
            return "article \(id) has no text to print"
        }
    }
}
