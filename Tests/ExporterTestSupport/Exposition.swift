/// One scrape in the Prometheus text format (or OpenMetrics), parsed into its samples.
///
/// Only what the scenario tests read: sample lines, and `# TYPE` lines to find the
/// histograms. Label values are unescaped (`\\`, `\"`, `\n`).
package struct Exposition {
    /// A label name and its unescaped value.
    package struct Label: Equatable {
        /// The label name.
        package var name: String
        /// The unescaped value.
        package var value: String
    }

    /// One sample line.
    package struct Sample: Equatable {
        /// The metric name, with any `_bucket`, `_count` or `_sum` suffix.
        package var name: String
        /// The labels in the order served.
        package var labels: [Label]
        /// The sample value.
        package var value: Double

        /// The value of the label `name`, if the sample has it.
        package func label(_ name: String) -> String? {
            labels.first { $0.name == name }?.value
        }

        /// The labels other than `le`, rendered: what a histogram's bucket shares with its `_count`.
        package var seriesLabelsWithoutBucket: String {
            labels.filter { $0.name != "le" }.map { "\($0.name)=\"\($0.value)\"" }.joined(separator: ",")
        }
    }

    /// A line that is neither a comment, nor blank, nor a sample.
    package struct ParseError: Error, CustomStringConvertible {
        /// The offending line.
        package var line: String
        /// The line, quoted in a sentence.
        package var description: String { "not a sample line: \(line)" }
    }

    /// The text as served.
    package let text: String
    /// Every sample, in the order served.
    package let samples: [Sample]
    /// The names of the families declared `# TYPE name histogram`.
    package let histogramNames: [String]

    /// Parses `text`.
    ///
    /// - Throws: `ParseError` for a line that is not a sample.
    package init(parsing text: String) throws(ParseError) {
        var samples: [Sample] = []
        var histogramNames: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("#") {
                let words = line.split(separator: " ")
                if words.count == 4, words[1] == "TYPE", words[3] == "histogram" {
                    histogramNames.append(String(words[2]))
                }
                continue
            }
            guard let sample = Self.sample(in: Substring(line)) else {
                throw ParseError(line: String(line))
            }
            samples.append(sample)
        }
        self.text = text
        self.samples = samples
        self.histogramNames = histogramNames
    }

    /// The samples called `name`.
    package func samples(named name: String) -> [Sample] {
        samples.filter { $0.name == name }
    }

    /// The value of the one sample called `name`, or `nil` unless there is exactly one.
    package func value(_ name: String) -> Double? {
        let found = samples(named: name)
        return found.count == 1 ? found[0].value : nil
    }

    /// The sum of every sample called `name`.
    package func sum(_ name: String) -> Double {
        samples(named: name).reduce(0) { $0 + $1.value }
    }

    /// Each histogram series whose `+Inf` bucket differs from its `_count`, described.
    package func histogramMismatches() -> [String] {
        histogramNames.flatMap { name -> [String] in
            var infinityBuckets: [String: Double] = [:]
            for bucket in samples(named: name + "_bucket") where bucket.label("le") == "+Inf" {
                infinityBuckets[bucket.seriesLabelsWithoutBucket] = bucket.value
            }
            var mismatches: [String] = []
            for count in samples(named: name + "_count") {
                let series = count.seriesLabelsWithoutBucket
                let infinity = infinityBuckets.removeValue(forKey: series)
                if infinity != count.value {
                    mismatches.append(
                        "\(name){\(series)}: +Inf bucket \(infinity.map { "\($0)" } ?? "missing"), _count \(count.value)"
                    )
                }
            }
            return mismatches
                + infinityBuckets.keys.sorted().map { "\(name){\($0)}: +Inf bucket without _count" }
        }
    }

    /// Parses `name{label="value",…} value`, or `nil` when the line is not that.
    private static func sample(in line: Substring) -> Sample? {
        var rest = line[...]
        let nameEnd = rest.firstIndex { $0 == "{" || $0 == " " } ?? rest.endIndex
        let name = String(rest[..<nameEnd])
        rest = rest[nameEnd...]
        var labels: [Label] = []
        if rest.first == "{" {
            rest = rest.dropFirst()
            while rest.first != "}" {
                guard let equals = rest.firstIndex(of: "=") else { return nil }
                let labelName = String(rest[..<equals])
                rest = rest[rest.index(after: equals)...]
                guard rest.first == "\"", let (value, after) = quotedValue(rest.dropFirst()) else {
                    return nil
                }
                labels.append(Label(name: labelName, value: value))
                rest = after
                if rest.first == "," { rest = rest.dropFirst() }
                guard !rest.isEmpty else { return nil }
            }
            rest = rest.dropFirst()
        }
        guard rest.first == " " else { return nil }
        // A timestamp, if any, follows the value after one more space.
        let valueText = rest.dropFirst().split(separator: " ").first.map(String.init) ?? ""
        guard !name.isEmpty, let value = Double(valueText) else { return nil }
        return Sample(name: name, labels: labels, value: value)
    }

    /// Reads a label value up to its closing quote, unescaping it.
    ///
    /// - Returns: The value and what follows the closing quote, or `nil` when it never closes.
    private static func quotedValue(_ text: Substring) -> (String, Substring)? {
        var value = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "\"" { return (value, text[text.index(after: index)...]) }
            if character == "\\" {
                index = text.index(after: index)
                guard index < text.endIndex else { return nil }
                value.append(text[index] == "n" ? "\n" : text[index])
            } else {
                value.append(character)
            }
            index = text.index(after: index)
        }
        return nil
    }
}
