import Scoring
import Testing

/// The byte classes every matcher and rule asks about, checked on all 256 bytes against their ranges.
@Suite("ByteScan: byte classes")
struct ByteScanTests {
    @Test("letters are A-Z and a-z, word bytes those and 0-9, nothing else")
    func classesOfEveryByte() {
        for value in 0...255 {
            let b = UInt8(value)
            let letter = (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b)
            #expect(ByteScan.isLetter(b) == letter, "\(value)")
            #expect(ByteScan.isWordByte(b) == (letter || (0x30...0x39).contains(b)), "\(value)")
        }
    }
}
