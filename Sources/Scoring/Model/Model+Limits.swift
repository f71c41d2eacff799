/// Bounds the loader enforces, so no model file can make the automaton huge or a score not a number.
extension Model {
    /// The longest term (country form, cue, modifier, false friend, join, …), in UTF-8 bytes: about 85
    /// Chinese characters or 256 Latin letters. The longest term of the shipped model is 22 characters.
    public static let maxTermBytes = 256
}
