import GalleyCommands
import GalleyRender

/// Carries out the drawing subcommands `galley` parsed.
struct RenderPerformer: DrawingPerformer {
    func overlay(_ c: Overlay) throws {
        try OverlayCommand(input: c.input, output: c.output, dpi: c.dpi, layoutPath: c.layout, legend: c.legend,
                           progress: c.progress).run()
    }

    func print(_ c: Print) throws {
        let options = PrintOptions(paper: c.paper == .a4 ? .a4 : .letter, columns: c.columns, vertical: c.vertical)
        try PrintCommand(input: c.input, articleID: c.article, list: c.list, output: c.output, options: options,
                         photoDPI: c.photoDpi, layoutPath: c.layout).run()
    }

    func makeSamples(_ c: MakeSamples) throws {
        let written = try SampleBook.make(into: c.directory, only: c.only.isEmpty ? nil : c.only)
        for file in written { Swift.print(file) }
    }
}
