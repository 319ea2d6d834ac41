import LLMCostExporter

#if canImport(Glibc)
    import Glibc
#endif

exit(ExporterMain.run(arguments: Array(CommandLine.arguments.dropFirst())))
