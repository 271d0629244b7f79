import ArgumentParser

struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score the article analysis against ground truth in a folder.",
        discussion: """
            Finds every PDF page in DIR that has a ground truth: NAME.json next to NAME.pdf (page 1), or \
            X-pNN.json next to X_Npages.pdf (page NN), in the format of ../shared/devset (see its \
            README). Each page is analysed as `galley articles` does and scored with the metrics of \
            score.py, reimplemented in Swift:

              junction   body-line pairs found joined in the output (reading order)
              colbreak   the same, for pairs that cross a column break
              headfirst  articles whose headline directly precedes their body
              complete   per true article, body characters in one predicted article
              pure       per predicted article, characters from its main true one
              artF1      harmonic mean of complete and pure
              headline   true articles whose matched prediction has their headline
              leak       furniture (header, folio, ads) found in articles: lower is
                         better
              drawn      the baseline: junction of the page's text in the order
                         the PDF draws it (pdftotext -raw), scored the same way

            All are shares from 0 to 1.

            Pages are grouped as score.py decides: zh where a headline holds a CJK ideograph, latin \
            otherwise; means are given per group and over all pages. A page that cannot be read is \
            scored as an empty prediction, reported, and makes the exit status 1.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: ArgumentHelp("Folder with PDFs and their ground-truth JSON.", valueName: "dir"))
    var folder: String

    @Option(help: "Output format: text (a table) or json.")
    var format: Format = .text

    @Option(help: ArgumentHelp("Only pages whose name contains this text, e.g. zh- or en-101.", valueName: "text"))
    var only: String?

    @Flag(help: "Show progress (page 3/30…) on standard error even when it is not a terminal.")
    var progress = false

    func run() throws {
        try CommandErrors.reporting {
            try EvalCommand(folder: folder, format: format, only: only, progress: progress).run()
        }
    }
}
