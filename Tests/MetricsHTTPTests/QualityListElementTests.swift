import Testing

@testable import MetricsHTTP

@Suite struct QualityListElementTests {
    @Test func elementsKeepParametersBeforeQAndDropAcceptExtensions() {
        let elements = QualityListElement.parse(" text/html ; level=1 ; q=0.5 ; ext=x , gzip,,*;q=0")
        #expect(
            elements == [
                QualityListElement(value: "text/html", parameters: [.init(name: "level", value: "1")], quality: 0.5),
                QualityListElement(value: "gzip", parameters: [], quality: 1),
                QualityListElement(value: "*", parameters: [], quality: 0),
            ]
        )
    }

    @Test(arguments: [
        ("0", 0.0), ("0.", 0.0), ("0.5", 0.5), ("0.125", 0.125), ("1", 1.0), ("1.", 1.0), ("1.000", 1.0),
    ])
    func qValuesFollowTheGrammar(text: String, expected: Double) {
        #expect(QualityListElement.parse("a;q=\(text)").map(\.quality) == [expected])
    }

    @Test func theQParameterNameIsCaseInsensitive() {
        #expect(QualityListElement.parse("a;Q=0.25").map(\.quality) == [0.25])
    }

    @Test(arguments: ["2", "1.1", "0.1234", "-0.5", ".5", "x", ""])
    func invalidQValuesDropTheElement(text: String) {
        #expect(QualityListElement.parse("a;q=\(text), b").map(\.value) == ["b"])
    }
}
