#if canImport(Glibc)
import Glibc
#endif
import LLMCostExporter

exit(ExporterMain.run(arguments: Array(CommandLine.arguments.dropFirst())))
