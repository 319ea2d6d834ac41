import Foundation
import Testing

@testable import ConfigYAML

/// Every document of `Corpus/valid` must parse to exactly what PyYAML's `yaml.safe_load` gives,
/// types included (int 1, float 1.0 and "1" differ).
@Suite struct PyYAMLDifferentialTests {
    /// Loads each file with PyYAML and prints one line of tagged JSON per file (see `TaggedJSON`).
    static let pythonScript = """
        import json, struct, sys
        try:
            import yaml
        except ImportError:
            sys.stderr.write("PyYAML is not installed: pip install pyyaml\\n")
            sys.exit(3)
        def tag(v):
            if v is None: return {"null": None}
            if isinstance(v, bool): return {"bool": v}
            if isinstance(v, int): return {"int": str(v)}
            if isinstance(v, float): return {"float": struct.pack(">d", v).hex()}
            if isinstance(v, str): return {"str": v}
            if isinstance(v, list): return {"seq": [tag(x) for x in v]}
            if isinstance(v, dict): return {"map": [[tag(k), tag(x)] for k, x in v.items()]}
            return {"unsupported": type(v).__name__}
        for path in sys.argv[1:]:
            try:
                with open(path, "rb") as f:
                    value = tag(yaml.load(f, Loader=yaml.SafeLoader))
            except Exception as e:
                value = {"pyyaml_error": str(e)}
            print(json.dumps(value, ensure_ascii=True, separators=(",", ":")))
        """

    static func corpusFiles() throws -> [URL] {
        let directory = try #require(Bundle.module.url(forResource: "Corpus", withExtension: nil))
            .appendingPathComponent("valid")
        return try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "yaml" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// Runs PyYAML over `files`; fails the test (never skips) when python3 or PyYAML is missing.
    static func pyYAMLRenderings(of files: [URL]) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", pythonScript] + files.map(\.path)
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errorData, as: UTF8.self)
            Issue.record(
                "python3 with PyYAML is required for this test (status \(process.terminationStatus)): \(message)")
            return []
        }
        return String(decoding: outputData, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test func corpusHasAtLeastThirtyDocuments() throws {
        #expect(try Self.corpusFiles().count >= 30)
    }

    @Test func everyValidDocumentMatchesPyYAML() throws {
        let files = try Self.corpusFiles()
        let expected = try Self.pyYAMLRenderings(of: files)
        try #require(expected.count == files.count, "PyYAML printed \(expected.count) lines for \(files.count) files")
        for (file, pyYAML) in zip(files, expected) {
            let bytes = try Data(contentsOf: file)
            let ours: String
            do {
                ours = TaggedJSON.render(try YAMLParser.parse(utf8: bytes, fileName: file.lastPathComponent))
            } catch {
                Issue.record("\(error)")
                continue
            }
            #expect(ours == pyYAML, "\(file.lastPathComponent)")
        }
    }
}
