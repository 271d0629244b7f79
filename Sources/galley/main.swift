import GalleyCommands

// `galley`: reading and analysis (articles, inspect, eval). The drawing subcommands (overlay,
// print, make-samples) are parsed here and carried out by `galley-render`, installed beside it.
Galley.main()
