import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A small client for the parts of the Prometheus HTTP API the live tests use.
package struct PrometheusAPI: Sendable {
    /// The outcome of one `/api/v1/query`.
    package enum QueryOutcome: Equatable, Sendable {
        /// Prometheus answered with `resultType` and this many series (1 for a scalar).
        case result(type: String, seriesCount: Int)
        /// Prometheus refused the query (`errorType: error`) or answered with something else.
        case failed(String)
    }

    /// One loaded rule, as `/api/v1/rules` reports it.
    package struct Rule: Sendable {
        /// The alert's or recording rule's name.
        package var name: String
        /// `alerting` or `recording`.
        package var type: String
        /// The rule's PromQL expression.
        package var query: String
        /// `ok`, `err` or `unknown` (not evaluated yet).
        package var health: String
        /// Why its last evaluation failed, if it did.
        package var lastError: String?
    }

    /// `http://host:port` of the Prometheus server (or of any HTTP server, for `status(of:)`).
    package var baseURL: URL

    /// Creates a client for the server at `baseURL`.
    package init(baseURL: URL) {
        self.baseURL = baseURL
    }

    /// The HTTP status of `GET path`, or `nil` when nothing answers.
    package func status(of path: String) async -> Int? {
        guard let (_, response) = try? await URLSession.shared.data(from: baseURL.appendingPathComponent(path)) else {
            return nil
        }
        return (response as? HTTPURLResponse)?.statusCode
    }

    /// Evaluates `promql` as an instant query at the current time.
    package func query(_ promql: String) async -> QueryOutcome {
        guard let url = queryURL(promql) else { return .failed("cannot build a URL for the query") }
        let body: [String: Any]
        do {
            let (data, _) = try await URLSession.shared.data(from: url)
            guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                return .failed("the answer is not a JSON object")
            }
            body = object
        } catch {
            return .failed("request failed: \(error)")
        }
        guard body["status"] as? String == "success", let data = body["data"] as? [String: Any],
            let type = data["resultType"] as? String
        else {
            return .failed("\(body["errorType"] ?? "error"): \(body["error"] ?? "no error text")")
        }
        switch (type, data["result"]) {
        // A scalar or string result is one `[time, "value"]` pair, not a list of series.
        case ("scalar", .some), ("string", .some): return .result(type: type, seriesCount: 1)
        case (_, let series as [Any]): return .result(type: type, seriesCount: series.count)
        default: return .failed("the answer has no result list")
        }
    }

    /// The scalar or single-sample value of `promql`, or `nil` when it has none.
    package func value(of promql: String) async -> Double? {
        guard let url = queryURL(promql), let (data, _) = try? await URLSession.shared.data(from: url),
            let body = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let result = (body["data"] as? [String: Any])?["result"] as? [[String: Any]],
            let sample = result.first?["value"] as? [Any], sample.count == 2, let text = sample[1] as? String
        else { return nil }
        return Double(text)
    }

    /// The `/api/v1/query` URL for `promql`, every character but letters and digits
    /// percent-encoded (`+` would otherwise reach Prometheus as a space).
    private func queryURL(_ promql: String) -> URL? {
        guard let encoded = promql.addingPercentEncoding(withAllowedCharacters: .alphanumerics) else { return nil }
        return URL(string: baseURL.appendingPathComponent("api/v1/query").absoluteString + "?query=" + encoded)
    }

    /// The URLs of the Alertmanagers Prometheus currently sends alerts to, or `nil` when the
    /// API does not answer.
    package func activeAlertmanagers() async -> [String]? {
        let url = baseURL.appendingPathComponent("api/v1/alertmanagers")
        guard let (data, _) = try? await URLSession.shared.data(from: url),
            let body = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let active = (body["data"] as? [String: Any])?["activeAlertmanagers"] as? [[String: Any]]
        else { return nil }
        return active.compactMap { $0["url"] as? String }
    }

    /// Every rule Prometheus has loaded, or `nil` when the API does not answer.
    package func rules() async -> [Rule]? {
        guard let (data, _) = try? await URLSession.shared.data(from: baseURL.appendingPathComponent("api/v1/rules")),
            let body = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let groups = (body["data"] as? [String: Any])?["groups"] as? [[String: Any]]
        else { return nil }
        return groups.flatMap { group in
            ((group["rules"] as? [[String: Any]]) ?? []).map { rule in
                Rule(
                    name: rule["name"] as? String ?? "",
                    type: rule["type"] as? String ?? "",
                    query: rule["query"] as? String ?? "",
                    health: rule["health"] as? String ?? "",
                    lastError: rule["lastError"] as? String
                )
            }
        }
    }
}
