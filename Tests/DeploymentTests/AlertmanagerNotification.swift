import Foundation

/// The JSON body Alertmanager's webhook receiver POSTs: one notification for one alert group
/// (webhook format version 4), reduced to the fields the end-to-end test checks.
struct AlertmanagerNotification: Decodable, Sendable {
    /// One alert of the group.
    struct Alert: Decodable, Sendable {
        /// `firing` or `resolved`.
        var status: String
        var labels: [String: String]
        var annotations: [String: String]
    }

    /// The payload format version; this decoding is written for `"4"`.
    var version: String
    /// The name of the receiver in `alertmanager.yml` that sent it.
    var receiver: String
    /// `firing` when at least one alert of the group fires, else `resolved`.
    var status: String
    var alerts: [Alert]

    /// Decodes one webhook body.
    ///
    /// - Throws: `DecodingError` when the body is not a notification of this shape.
    init(body: Data) throws {
        self = try JSONDecoder().decode(Self.self, from: body)
    }
}
