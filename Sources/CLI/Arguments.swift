/// A small command-line parser: `--flag`, `--option value` / `--option=value`, and positionals.
struct Arguments {
    var positionals: [String] = []
    var options: [String: String] = [:]
    var flags: Set<String> = []

    struct UsageError: Error, CustomStringConvertible {
        var description: String
    }

    /// Parses `arguments` knowing which names take a value; anything else starting with `--` is an error.
    init(_ arguments: [String], options valued: Set<String>, flags known: Set<String>) throws {
        var i = 0
        var onlyPositionals = false
        while i < arguments.count {
            let arg = arguments[i]
            i += 1
            if onlyPositionals || arg == "-" || !arg.hasPrefix("-") {
                positionals.append(arg)
                continue
            }
            if arg == "--" { onlyPositionals = true; continue }
            var name = arg
            var value: String?
            if let eq = arg.firstIndex(of: "=") {
                name = String(arg[..<eq])
                value = String(arg[arg.index(after: eq)...])
            }
            if valued.contains(name) {
                if value == nil {
                    guard i < arguments.count else { throw UsageError(description: "\(name) needs a value") }
                    value = arguments[i]
                    i += 1
                }
                // A second value would silently replace the first (--only A --only B evaluated B alone).
                guard options[name] == nil else {
                    throw UsageError(
                        description:
                            "\(name) given twice — give it once (--only takes several files separated by commas)")
                }
                options[name] = value
            } else if known.contains(name), value == nil {
                flags.insert(name)
            } else {
                throw UsageError(description: "unknown option \(arg)")
            }
        }
    }

    /// A whole number in `range`, or `nil` when the option is absent.
    func int(_ name: String, in range: ClosedRange<Int> = 0...Int.max) throws -> Int? {
        guard let text = options[name] else { return nil }
        guard let value = Int(text), range.contains(value) else {
            let bounds =
                range.upperBound == Int.max
                ? "\(range.lowerBound) or more" : "from \(range.lowerBound) to \(range.upperBound)"
            throw UsageError(description: "\(name) takes a whole number \(bounds), not `\(text)`")
        }
        return value
    }
}
