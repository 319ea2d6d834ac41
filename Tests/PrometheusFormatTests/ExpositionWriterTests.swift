import Testing

@testable import PrometheusFormat

struct ExpositionWriterTests {
    private let requests = MetricFamily(name: "app_requests_total", help: "Requests.", type: .counter)
    private let latency = MetricFamily(name: "app_latency_seconds", help: "Latency.", type: .histogram, unit: "seconds")

    @Test func writesCounterWithHelpAndTypeOnce() {
        var writer = ExpositionWriter(format: .text)
        writer.beginFamily(requests)
        writer.writeSample(LabelSet([("code", "200")]), UInt64(3))
        writer.writeSample(LabelSet([("code", "500")]), UInt64(1))
        #expect(
            text(writer.finish()) == """
                # HELP app_requests_total Requests.
                # TYPE app_requests_total counter
                app_requests_total{code="200"} 3
                app_requests_total{code="500"} 1

                """)
    }

    @Test func escapesLabelValuesAndHelp() {
        let family = MetricFamily(name: "app_info", help: "Back\\slash and\nnewline \"quoted\".", type: .gauge)
        var writer = ExpositionWriter(format: .text)
        writer.beginFamily(family)
        writer.writeSample(LabelSet([("path", "C:\\dir\n\"x\"")]), extraLabel: ("le", "a\"b"), 1.5)
        #expect(
            text(writer.finish()) == """
                # HELP app_info Back\\\\slash and\\nnewline "quoted".
                # TYPE app_info gauge
                app_info{path="C:\\\\dir\\n\\"x\\"",le="a\\"b"} 1.5

                """)
    }

    @Test func writesCumulativeHistogramWithInfEqualToCount() {
        var writer = ExpositionWriter(format: .text)
        writer.beginFamily(latency)
        writer.writeHistogram(
            LabelSet([("model", "m")]),
            upperBounds: [0.1, 1, 10],
            bucketCounts: [2, 0, 3],
            count: 6,
            sum: 31.25
        )
        #expect(
            text(writer.finish()) == """
                # HELP app_latency_seconds Latency.
                # TYPE app_latency_seconds histogram
                app_latency_seconds_bucket{model="m",le="0.1"} 2
                app_latency_seconds_bucket{model="m",le="1"} 2
                app_latency_seconds_bucket{model="m",le="10"} 5
                app_latency_seconds_bucket{model="m",le="+Inf"} 6
                app_latency_seconds_sum{model="m"} 31.25
                app_latency_seconds_count{model="m"} 6

                """)
    }

    @Test func histogramWithoutLabelsHasOnlyLe() {
        var writer = ExpositionWriter(format: .text)
        writer.beginFamily(latency)
        writer.writeHistogram(.empty, upperBounds: [1], bucketCounts: [1], count: 1, sum: 0.5)
        #expect(
            text(writer.finish()).contains(
                "app_latency_seconds_bucket{le=\"1\"} 1\napp_latency_seconds_bucket{le=\"+Inf\"} 1\napp_latency_seconds_sum 0.5\n"
            ))
    }

    @Test func openMetricsNamesCountersWithoutTotalAndEndsWithEOF() {
        let bytes = ExpositionWriter.render(
            [
                FamilySamples(latency) {
                    $0.writeHistogram(.empty, upperBounds: [], bucketCounts: [], count: 0, sum: 0)
                },
                FamilySamples(requests) { $0.writeSample(.empty, UInt64(2)) },
            ],
            format: .openMetrics
        )
        #expect(
            text(bytes) == """
                # HELP app_latency_seconds Latency.
                # TYPE app_latency_seconds histogram
                # UNIT app_latency_seconds seconds
                app_latency_seconds_bucket{le="+Inf"} 0
                app_latency_seconds_sum 0
                app_latency_seconds_count 0
                # HELP app_requests Requests.
                # TYPE app_requests counter
                app_requests_total 2
                # EOF

                """)
    }

    @Test func renderSortsFamiliesByName() {
        let bytes = ExpositionWriter.render(
            [
                FamilySamples(requests) { $0.writeSample(.empty, UInt64(1)) },
                FamilySamples(latency) { _ in },
            ],
            format: .text
        )
        let typeLines = text(bytes).split(separator: "\n").filter { $0.hasPrefix("# TYPE") }
        #expect(typeLines == ["# TYPE app_latency_seconds histogram", "# TYPE app_requests_total counter"])
    }

    @Test func constantLabelsComeFirstOnEverySample() {
        var writer = ExpositionWriter(format: .text, constantLabels: LabelSet([("app", "check\"out")]))
        writer.beginFamily(latency)
        writer.writeHistogram(.empty, upperBounds: [1], bucketCounts: [0], count: 0, sum: 0)
        writer.writeHistogram(LabelSet([("model", "m")]), upperBounds: [], bucketCounts: [], count: 1, sum: 2)
        let samples = text(writer.finish()).split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(
            samples == [
                "app_latency_seconds_bucket{app=\"check\\\"out\",le=\"1\"} 0",
                "app_latency_seconds_bucket{app=\"check\\\"out\",le=\"+Inf\"} 0",
                "app_latency_seconds_sum{app=\"check\\\"out\"} 0",
                "app_latency_seconds_count{app=\"check\\\"out\"} 0",
                "app_latency_seconds_bucket{app=\"check\\\"out\",model=\"m\",le=\"+Inf\"} 1",
                "app_latency_seconds_sum{app=\"check\\\"out\",model=\"m\"} 2",
                "app_latency_seconds_count{app=\"check\\\"out\",model=\"m\"} 1",
            ])
    }

    @Test func contentTypesAreExact() {
        #expect(ExpositionFormat.text.contentType == "text/plain; version=0.0.4; charset=utf-8")
        #expect(
            ExpositionFormat.openMetrics.contentType == "application/openmetrics-text; version=1.0.0; charset=utf-8")
    }

    private func text(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}
