import Dispatch

/// The model compiled for matching: one automaton over every country form, false friend, cue,
/// modifier and relational slot, with what each pattern means.
///
/// Built once per run (`Lexicon(model:)`) and read by every worker; matching a segment allocates
/// nothing but the token buffer the caller passes in.
public struct Lexicon: Sendable {
    /// What a matched pattern stands for.
    public enum Kind: Sendable, Equatable {
        /// A form naming the country with this index into `codes`.
        case country(Int)
        /// A one-character form that names its country only in a pairing (中美, 对华, 日方).
        case bare(Int)
        case falseFriend
        /// Index into `model.cues`.
        case cue(Int)
        /// Index into `model.modifiers`.
        case modifier(Int)
        /// The text before `{X}` in a relational cue (index into `model.cues`).
        case slotOpen(Int)

        /// Ties between matches of the same span go to the lower rank: a false friend hides a country.
        var rank: Int {
            switch self {
            case .falseFriend: 0
            case .country: 1
            case .bare: 2
            case .cue: 3
            case .modifier: 4
            case .slotOpen: 5
            }
        }
    }

    public struct Entry: Sendable {
        public var kind: Kind
        /// The form as written in the model, for evidence.
        public var text: String
        /// For case-sensitive forms: the exact bytes to compare.
        var exact: [UInt8]?
        var latinStart: Bool
        var latinEnd: Bool
        /// A Latin term ending in `*`: the match extends over the rest of the word.
        var wildcard: Bool

        /// Ties between matches of one span: by kind, and a term written out in full beats a
        /// wildcard that grew to the same word (`increasingly` the intensifier, not `increas*`).
        var rank: Int { kind.rank + (wildcard ? 8 : 0) }
    }

    /// A resolved match in a segment: byte range and entry.
    public struct Token: Sendable, Equatable {
        public var start: Int
        public var end: Int
        public var entry: Int
    }

    /// Everything compiled, behind one reference (`Lexicon+Storage`): a lexicon is a pointer wide, so
    /// the scorers that hold one copy eight bytes, not 700, whenever the optimiser copies them.
    @usableFromInline var storage: Storage

    /// The public fields are `@inlinable`: called from another module as plain getters, each would
    /// copy the whole value (a `Model`, a `ToneLexicon`) out of the storage to read one field of it.
    public internal(set) var model: Model {
        @inlinable get { storage.model }
        set { storage = Storage(storage, model: newValue) }
    }
    /// Country codes, sorted; `Kind.country(i)` indexes this.
    @inlinable public var codes: [String] { storage.codes }
    @inlinable public var entries: [Entry] { storage.entries }
    var automaton: Automaton { storage.automaton }
    /// Pattern id → entry index (several spellings, e.g. traditional variants, share an entry).
    var patternEntry: [Int32] { storage.patternEntry }
    /// Pairing prefixes and suffixes as bytes.
    var prefixes: [(bytes: [UInt8], mark: Model.Affix.Mark)] { storage.prefixes }
    var suffixes: [[UInt8]] { storage.suffixes }
    /// List joins (和, 、, "and", ","), lower-cased bytes; `series` ones join only inside a closed list.
    var joins: [(bytes: [UInt8], isSeries: Bool)] { storage.joins }
    /// The bytes of every bare form, to tell when a longer form begins or ends with one (欧|美企, 中|美国).
    var bareForms: Set<[UInt8]> { storage.bareForms }
    /// For each cue with `{X}`, every spelling of the text after `{X}`, found by bytes after the object.
    /// Keyed by the first cue with a given opening text; every cue sharing that opening, in file order.
    var slotClosings: [Int: [(cue: Int, closings: [[UInt8]])]] { storage.slotClosings }
    /// The automaton and the per-pattern checks, flattened for `tokens(in:into:)`.
    var finder: TokenFinder { storage.finder }
    /// The general sentiment layer's words and rules, matched by their own automaton.
    @inlinable public var tone: ToneLexicon { storage.tone }

    public var patternCount: Int { patternEntry.count }
    public var stateCount: Int { automaton.stateCount }
    /// The bytes of every pattern, added up: what the automaton's memory grows with.
    public var patternBytes: Int { automaton.patternLength.prefix(patternEntry.count).reduce(0) { $0 + Int($1) } }
    /// The automaton's tables, in bytes.
    public var memoryBytes: Int { automaton.memoryBytes }

    public init(model: Model) {
        // The tone automaton is independent of this one: build it on another core meanwhile.
        // Its patterns come first: this automaton holds the Latin ones too (`Lexicon+ToneWalk`).
        let toneBuild = ToneBuild()
        let group = DispatchGroup()
        let patternsReady = DispatchSemaphore(value: 0)
        DispatchQueue.global().async(group: group) {
            let patterns = ToneLexicon.patterns(of: model.tone)
            toneBuild.patterns = patterns
            patternsReady.signal()
            toneBuild.lexicon = ToneLexicon(model: model, patterns: patterns)
        }
        let codes = Array(model.countryCodes).sorted()
        let codeIndex = Dictionary(uniqueKeysWithValues: codes.enumerated().map { ($1, $0) })

        var traditional: [Unicode.Scalar: [Unicode.Scalar]] = [:]
        for (from, to) in model.variants {
            if let f = from.unicodeScalars.first, let t = to.unicodeScalars.first {
                traditional[t, default: []].append(f)
            }
        }

        var entries: [Entry] = []
        var slotClosings: [Int: [(cue: Int, closings: [[UInt8]])]] = [:]
        var slotOpenings: [String: Int] = [:]
        var patterns: [[UInt8]] = []
        var patternEntry: [Int32] = []

        func add(_ text: String, _ kind: Kind, caseSensitive: Bool = false) {
            guard let (entry, form) = Lexicon.entry(text, kind, caseSensitive: caseSensitive) else { return }
            let entryIndex = Int32(entries.count)
            entries.append(entry)
            for spelling in Lexicon.spellings(of: form, traditional: traditional) {
                patterns.append(Lexicon.lowercasedASCII(spelling))
                patternEntry.append(entryIndex)
            }
        }

        for form in model.countries {
            guard let index = codeIndex[form.code] else { continue }
            add(form.form, form.kind == .bare ? .bare(index) : .country(index), caseSensitive: form.caseSensitive)
        }
        for form in model.falseFriends { add(form, .falseFriend) }
        for (index, cue) in model.cues.enumerated() {
            if cue.term.containsUTF8("{X}") {
                let parts = cue.term.components(separatedBy: "{X}")
                let closings = Lexicon.spellings(of: parts[1], traditional: traditional).map { Array($0.utf8) }
                // 向{X}提交 and 向{X}申请 share one opening pattern; the closing text tells them apart.
                if let first = slotOpenings[parts[0]] {
                    slotClosings[first]?.append((index, closings))
                } else {
                    slotOpenings[parts[0]] = index
                    add(parts[0], .slotOpen(index))
                    slotClosings[index] = [(index, closings)]
                }
            } else {
                add(cue.term, .cue(index))
            }
        }
        for (index, modifier) in model.modifiers.enumerated() { add(modifier.term, .modifier(index)) }

        patternsReady.wait()
        let tonePatterns = toneBuild.patterns ?? ToneLexicon.patterns(of: model.tone)
        let (automaton, finder) = Lexicon.compile(patterns, patternEntry, entries, tone: tonePatterns)
        let prefixes = model.prefixes.flatMap { affix in
            Lexicon.spellings(of: affix.text, traditional: traditional).map { (Array($0.utf8), affix.mark) }
        }
        let suffixes = model.suffixes.flatMap {
            Lexicon.spellings(of: $0.text, traditional: traditional).map { Array($0.utf8) }
        }
        let joins = model.joins.flatMap { join in
            Lexicon.spellings(of: join.text, traditional: traditional).map { spelling in
                (Lexicon.lowercasedASCII(spelling), join.isSeries)
            }
        }
        group.wait()
        let bareForms = Set(
            model.countries.filter { $0.kind == .bare }.flatMap {
                Lexicon.spellings(of: $0.form, traditional: traditional).map { Array($0.utf8) }
            })
        storage = Storage(
            model: model, codes: codes, entries: entries, automaton: automaton, patternEntry: patternEntry,
            prefixes: prefixes, suffixes: suffixes, joins: joins, bareForms: bareForms, slotClosings: slotClosings,
            finder: finder, tone: toneBuild.lexicon ?? ToneLexicon(model: model, patterns: tonePatterns))
    }

    /// The entry of a model term and the text to match (a trailing Latin `*` taken off), or nil for an
    /// empty term.
    static func entry(_ text: String, _ kind: Kind, caseSensitive: Bool = false) -> (Entry, String)? {
        var form = text
        var wildcard = false
        // Bytes: for an all-ASCII form, ending in `*` is the same question as `hasSuffix("*")`.
        if form.utf8.last == 0x2A && form.utf8.allSatisfy({ $0 < 0x80 }) {
            wildcard = true
            form.removeLast()
        }
        let bytes = Array(form.utf8)
        guard let first = bytes.first, let last = bytes.last else { return nil }
        let entry = Entry(
            kind: kind, text: text, exact: caseSensitive ? bytes : nil, latinStart: ByteScan.isWordByte(first),
            latinEnd: ByteScan.isWordByte(last), wildcard: wildcard)
        return (entry, form)
    }

    /// The UTF-8 bytes of `text` with ASCII capitals lowered: how patterns and joins are stored, so
    /// they compare with the case-folded text.
    static func lowercasedASCII(_ text: String) -> [UInt8] {
        text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }
    }

    /// Every spelling of `form` with traditional characters in place of simplified ones: at most `limit`
    /// (beyond that, further characters keep their simplified form only), so a model written in
    /// simplified Chinese also matches traditional text.
    static func spellings(
        of form: String, traditional: [Unicode.Scalar: [Unicode.Scalar]], limit: Int = 64
    ) -> [String] {
        var results = [""]
        // Most forms (every English one) have no character with a Traditional variant: one spelling.
        guard form.unicodeScalars.contains(where: { traditional[$0] != nil }) else { return [form] }
        for scalar in form.unicodeScalars {
            let options = [scalar] + (traditional[scalar] ?? [])
            if options.count == 1 || results.count * options.count > limit {
                results = results.map { $0 + String(scalar) }
            } else {
                results = results.flatMap { prefix in options.map { prefix + String($0) } }
            }
        }
        return results
    }

    /// Finds the tokens of `bytes`: every match that passes its word-boundary and case checks, with
    /// overlaps resolved leftmost-longest (ties by `Kind.rank`). `tokens` is cleared first.
    public func tokens(in bytes: UnsafeBufferPointer<UInt8>, into tokens: inout [Token]) {
        finder.tokens(in: bytes, into: &tokens)
    }
}

/// Carries the tone lexicon built on another thread back to `Lexicon.init` (read after `wait()`), and
/// before it the tone patterns (read after the semaphore's `wait()`).
private final class ToneBuild: @unchecked Sendable {
    var patterns: ToneLexicon.Patterns?
    var lexicon: ToneLexicon?
}
