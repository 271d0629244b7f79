import GalleyCommands

// `galley-render`: the `galley` command line with the drawing subcommands (overlay, print,
// make-samples) carried out here. `galley` hands those to this executable; run directly, it
// accepts every subcommand.
Drawing.performer = RenderPerformer()
Galley.main()
