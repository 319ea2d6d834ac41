/// Why a budget, or the ledger holding budgets, could not be created.
///
/// Every case is a user mistake in the configuration (or an unusable clock reading), never
/// a programmer error; `description` is a sentence naming the budget that the user can act on.
public enum BudgetError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The budget's name is empty.
    case emptyName
    /// The amount is not a finite number above zero.
    case invalidAmount(budget: String, amount: Double)
    /// Foundation knows no time zone by this identifier.
    case unknownTimeZone(budget: String, identifier: String)
    /// Two budgets share a name; the name is the `budget` label, so it must be unique.
    case duplicateName(String)
    /// The clock reading is not finite or lies outside the years 1 to 9999.
    case unusableNow(Double)

    /// A one-sentence explanation naming the offending budget and value.
    public var description: String {
        switch self {
        case .emptyName:
            "a budget needs a non-empty name"
        case .invalidAmount(let budget, let amount):
            "budget \"\(budget)\": the amount must be a finite number of USD above 0, not \(amount)"
        case .unknownTimeZone(let budget, let identifier):
            "budget \"\(budget)\": unknown time zone \"\(identifier)\" (use an IANA name such as Europe/Berlin)"
        case .duplicateName(let name):
            "budget \"\(name)\" is defined more than once; budget names must be unique"
        case .unusableNow(let now):
            "the clock reading \(now) is not a usable time"
        }
    }
}
