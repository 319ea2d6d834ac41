import Foundation
import Testing

@testable import ModelPricing

/// Loading prices from a file in LiteLLM's `model_prices_and_context_window.json` format.
@Suite struct PriceTableLiteLLMTests {
    static let fixture = """
        {
          "sample_spec": {
            "max_tokens": "LEGACY parameter", "input_cost_per_token": 0.0, "output_cost_per_token": 0.0,
            "litellm_provider": "one of https://docs.litellm.ai/docs/providers", "mode": "one of chat"
          },
          "gpt-4o": {
            "max_tokens": 16384, "input_cost_per_token": 2.5e-06, "output_cost_per_token": 1e-05,
            "cache_read_input_token_cost": 1.25e-06, "litellm_provider": "openai", "mode": "chat",
            "supports_vision": true, "supported_endpoints": ["/v1/chat/completions"]
          },
          "claude-3-5-sonnet-20241022": {
            "input_cost_per_token": 3e-06, "output_cost_per_token": 1.5e-05,
            "cache_read_input_token_cost": 3e-07, "cache_creation_input_token_cost": 3.75e-06,
            "litellm_provider": "anthropic", "mode": "chat"
          },
          "gemini/gemini-2.5-flash": {
            "input_cost_per_token": 3e-07, "output_cost_per_token": 2.5e-06, "litellm_provider": "gemini"
          },
          "text-embedding-3-small": {"input_cost_per_token": 2e-08, "litellm_provider": "openai", "mode": "embedding"},
          "dall-e-3": {"litellm_provider": "openai", "mode": "image_generation", "input_cost_per_pixel": 1e-08},
          "some-free-model": {"input_cost_per_token": 0, "output_cost_per_token": 0, "cache_read_input_token_cost": null}
        }
        """

    func load(_ json: String) throws(PriceFileError) -> PriceTable {
        try PriceTable(liteLLMJSON: Data(json.utf8), fileName: "prices.json")
    }

    @Test func readsCostsPerTokenAsCostsPerMillion() throws {
        let table = try load(Self.fixture)
        #expect(table.count == 5)
        #expect(
            table.entry(forModel: "gpt-4o")
                == PriceEntry(
                    model: "gpt-4o", provider: "openai",
                    price: ModelPrice(inputPerMillion: 2.5, outputPerMillion: 10, cacheReadPerMillion: 1.25)))
        #expect(
            table.entry(forModel: "claude-3-5-sonnet-20241022")?.price
                == ModelPrice(
                    inputPerMillion: 3, outputPerMillion: 15, cacheReadPerMillion: 0.3, cacheWritePerMillion: 3.75,
                    cacheAccounting: .separateFromInput))
        #expect(
            table.entry(forModel: "text-embedding-3-small")?.price
                == ModelPrice(inputPerMillion: 0.02, outputPerMillion: 0))
        #expect(table.entry(forModel: "some-free-model")?.price == .free)
    }

    @Test func skipsTheSampleSpecAndEntriesWithoutTokenCosts() throws {
        let table = try load(Self.fixture)
        #expect(table.entry(forModel: "sample_spec") == nil)
        #expect(table.entry(forModel: "dall-e-3") == nil)
    }

    @Test func providerQualifiedKeysResolve() throws {
        let table = try load(Self.fixture)
        #expect(table.entry(forModel: "gemini-2.5-flash", provider: "gemini")?.model == "gemini/gemini-2.5-flash")
        #expect(table.entry(forModel: "gemini/gemini-2.5-flash-preview-05-20")?.model == "gemini/gemini-2.5-flash")
        #expect(table.entry(forModel: "gemini-2.5-flash") == nil)
    }

    @Test func loadsFromAFile() throws {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("litellm-\(UUID().uuidString).json").path
        try Data(Self.fixture.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try PriceTable(liteLLMFileAtPath: path).count == 5)
    }

    @Test func missingFileIsAnError() {
        do {
            _ = try PriceTable(liteLLMFileAtPath: "/nonexistent/prices.json")
            Issue.record("a missing file was loaded")
        } catch {
            #expect(error.fileName == "/nonexistent/prices.json")
            #expect(error.message.hasPrefix("cannot read the file: "))
        }
    }

    @Test func invalidJSONIsAnError() {
        do {
            _ = try load("{\"gpt-4o\": ")
            Issue.record("invalid JSON was loaded")
        } catch {
            #expect(error.message.hasPrefix("not valid JSON: "))
        }
    }

    @Test(arguments: [
        ("[]", "prices.json: the top level must be an object of model names"),
        ("{\"m\": 1}", "prices.json: entry 'm' must be an object"),
        (
            "{\"m\": {\"input_cost_per_token\": \"0.1\"}}",
            "prices.json: entry 'm': 'input_cost_per_token' must be a non-negative number"
        ),
        (
            "{\"m\": {\"input_cost_per_token\": 1e-06, \"output_cost_per_token\": -1e-06}}",
            "prices.json: entry 'm': 'output_cost_per_token' must be a non-negative number"
        ),
        (
            "{\"m\": {\"input_cost_per_token\": true}}",
            "prices.json: entry 'm': 'input_cost_per_token' must be a non-negative number"
        ),
        (
            "{\"m\": {\"input_cost_per_token\": 1e-06, \"cache_read_input_token_cost\": []}}",
            "prices.json: entry 'm': 'cache_read_input_token_cost' must be a non-negative number"
        ),
    ])
    func rejectsMalformedFiles(_ json: String, _ expected: String) {
        do {
            _ = try load(json)
            Issue.record("loaded")
        } catch {
            #expect(error.description == expected)
        }
    }
}
