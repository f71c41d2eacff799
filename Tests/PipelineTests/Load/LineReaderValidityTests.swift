import Testing

@testable import Pipeline

/// A file read whole in the reader's first sample and valid as UTF-8 marks its lines known valid, so the
/// parser skips their own check; any other file leaves every line to be checked.
@Suite("LineReader: lines known valid only when the whole file was checked")
struct LineReaderValidityTests {
    static func lines(_ bytes: [UInt8], chunkSize: Int = LineReader.chunkBytes) throws -> [Line] {
        var reader = LineReader(bytes: bytes, chunkSize: chunkSize)
        var lines: [Line] = []
        while let line = try reader.next(path: "-") { lines.append(line) }
        return lines
    }

    @Test("a valid file: every line known valid, in any chunk size")
    func validFile() throws {
        let text = Array("稀土 rare earths\r\n第二行 “quoted”\nlast line without end".utf8)
        for chunk in [1, 7, 4096] {
            let lines = try LineReaderValidityTests.lines(text, chunkSize: chunk)
            #expect(lines.count == 3 && lines.allSatisfy(\.isKnownValid))
        }
    }

    @Test("one damaged line: no line known valid, and that line fails its own check")
    func damagedLine() throws {
        let text = Array("good line\n".utf8) + [0x62, 0xC3, 0x28, 0x0A] + Array("稀土\n".utf8)
        let lines = try LineReaderValidityTests.lines(text)
        #expect(lines.count == 3 && !lines.contains(where: \.isKnownValid))
        #expect(!UTF8Bytes.isValid(lines[1].bytes))
    }

    @Test("a file longer than the first sample: its lines are checked one by one")
    func longFile() throws {
        let line = Array(String(repeating: "稀土 rare earths ", count: 20).utf8) + [0x0A]
        let text = Array((0..<400).map { _ in line }.joined())
        #expect(text.count > 65536)
        let lines = try LineReaderValidityTests.lines(text)
        #expect(lines.count == 400 && !lines.contains(where: \.isKnownValid))
    }
}
