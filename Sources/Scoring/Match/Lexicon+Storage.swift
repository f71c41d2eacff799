extension Lexicon {
    /// What `Lexicon.init` compiles, immutable and shared by every copy of the lexicon (and every thread).
    ///
    /// Why a class: the scorers keep a lexicon inline, and the optimiser copies a scorer (`memcpy`) to
    /// call each of its non-mutating rule helpers from the scoring loop. With these fields stored in
    /// the struct each copy moved 700 bytes; behind one reference it moves eight. Reading a field
    /// (`lexicon.entries[i]`, `lexicon.model.cues[c]`) loads it from here without copying the rest.
    @usableFromInline final class Storage: Sendable {
        @usableFromInline let model: Model
        @usableFromInline let codes: [String]
        @usableFromInline let entries: [Entry]
        let automaton: Automaton
        let patternEntry: [Int32]
        let prefixes: [(bytes: [UInt8], mark: Model.Affix.Mark)]
        let suffixes: [[UInt8]]
        let joins: [(bytes: [UInt8], isSeries: Bool)]
        let bareForms: Set<[UInt8]>
        let slotClosings: [Int: [(cue: Int, closings: [[UInt8]])]]
        let finder: TokenFinder
        @usableFromInline let tone: ToneLexicon

        init(
            model: Model, codes: [String], entries: [Entry], automaton: Automaton, patternEntry: [Int32],
            prefixes: [(bytes: [UInt8], mark: Model.Affix.Mark)], suffixes: [[UInt8]],
            joins: [(bytes: [UInt8], isSeries: Bool)], bareForms: Set<[UInt8]>,
            slotClosings: [Int: [(cue: Int, closings: [[UInt8]])]], finder: TokenFinder, tone: ToneLexicon
        ) {
            self.model = model
            self.codes = codes
            self.entries = entries
            self.automaton = automaton
            self.patternEntry = patternEntry
            self.prefixes = prefixes
            self.suffixes = suffixes
            self.joins = joins
            self.bareForms = bareForms
            self.slotClosings = slotClosings
            self.finder = finder
            self.tone = tone
        }

        /// `other` with another model (`replacingParameters`: no pattern depends on what changes).
        convenience init(_ other: Storage, model: Model) {
            self.init(
                model: model, codes: other.codes, entries: other.entries, automaton: other.automaton,
                patternEntry: other.patternEntry, prefixes: other.prefixes, suffixes: other.suffixes,
                joins: other.joins, bareForms: other.bareForms, slotClosings: other.slotClosings,
                finder: other.finder, tone: other.tone)
        }
    }
}
