import Foundation

/// One line of an input file: its bytes without the line end, and where it stands.
public struct Line: Sendable {
    public var number: Int
    public var bytes: [UInt8]
    /// Longer than the limit: `bytes` is empty and `length` says how long it was.
    public var tooLong: Bool
    public var length: Int
    /// For a line over the limit: its first bytes (up to 64), so the format can still be told from it.
    public var head: [UInt8] = []
    /// Known to be valid UTF-8: its whole file was checked when the reader started, so a reader
    /// need not check the line again.
    public var isKnownValid = false

    /// The line as text, or `nil` when it is not valid UTF-8.
    public var text: String? { String(validating: bytes, as: UTF8.self) }

    public var isBlank: Bool {
        bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }
}

/// Reads a file descriptor in large chunks and hands out lines, so memory stays bounded whatever the
/// file size: a line over `maxLineBytes` is skipped and reported, never held.
///
/// Strips a UTF-8 BOM and the CR of CRLF line ends. A file that is not UTF-8 but decodes as GB18030
/// (a Chinese Windows export) is transcoded first, up to `maxTranscodeBytes`.
public struct LineReader {
    public static let defaultMaxLineBytes = 4 << 20
    public static let chunkBytes = 1 << 20
    static let maxTranscodeBytes = 64 << 20
    static let sniffBytes = 65536
    static let minInvalidForTranscode = 16

    public enum Encoding: String, Sendable { case utf8 = "UTF-8", gb18030 = "GB18030" }

    /// The descriptor read (`read(2)`, whose errors carry `errno`), or nil for in-memory input.
    let fd: Int32?
    let maxLineBytes: Int
    /// In-memory input (tests, fuzzing), served `chunkSize` bytes at a time as a file would be.
    private var memory: [UInt8] = []
    private var memoryOffset = 0
    private var chunkSize = LineReader.chunkBytes
    public private(set) var encoding: Encoding = .utf8
    private var buffer: [UInt8] = []
    private var position = 0
    private var eof = false
    private var lineNumber = 0
    private var started = false
    private var skipping = false
    private var skippedLength = 0
    private var skippedHead: [UInt8] = []
    private var pushback: [Line] = []
    /// The whole input was in the first sample and is valid UTF-8 (`start`): every line is.
    private var allValid = false

    public init(handle: FileHandle, maxLineBytes: Int = LineReader.defaultMaxLineBytes) {
        self.init(fd: handle.fileDescriptor, maxLineBytes: maxLineBytes)
    }

    public init(fd: Int32, maxLineBytes: Int = LineReader.defaultMaxLineBytes) {
        self.fd = fd
        self.maxLineBytes = maxLineBytes
    }

    /// Reads `bytes` through the same code paths as a file, `chunkSize` bytes per read.
    init(bytes: [UInt8], maxLineBytes: Int = LineReader.defaultMaxLineBytes, chunkSize: Int = LineReader.chunkBytes) {
        fd = nil
        self.maxLineBytes = maxLineBytes
        memory = bytes
        self.chunkSize = max(1, chunkSize)
    }

    /// The text of a read error: `errno`'s (`is a directory`, `input/output error`).
    struct ReadError: Error, CustomStringConvertible { var description: String }

    private mutating func fill() throws {
        if position > 0 {
            buffer.removeSubrange(0..<position)
            position = 0
        }
        guard !eof else { return }
        guard let fd else {
            let count = min(chunkSize, memory.count - memoryOffset)
            if count == 0 {
                eof = true
            } else {
                buffer.append(contentsOf: memory[memoryOffset..<(memoryOffset + count)])
            }
            memoryOffset += count
            return
        }
        // read(2) into scratch memory: only the pages it writes are touched (a small file costs one
        // page, not a 1 MiB fill), and its errors carry errno.
        let scratch = UnsafeMutableRawPointer.allocate(byteCount: LineReader.chunkBytes, alignment: 16)
        defer { scratch.deallocate() }
        var got = 0
        repeat { got = read(fd, scratch, LineReader.chunkBytes) } while got < 0 && errno == EINTR
        guard got >= 0 else { throw ReadError(description: String(cString: strerror(errno)).lowercased()) }
        buffer.append(contentsOf: UnsafeRawBufferPointer(start: scratch, count: got))
        if got == 0 { eof = true }
    }

    /// Reads the first chunk and decides the encoding; throws `.binary` or `.encoding` for inputs
    /// that are not text.
    private mutating func start(path: String) throws(LoadError) {
        started = true
        // Sniff the same amount whatever one read returns (a pipe may hand over a few bytes at a time).
        repeat {
            do { try fill() } catch { throw .unreadable(path: path, reason: "\(error)") }
        } while !eof && buffer.count < LineReader.sniffBytes + 3
        if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        let sample = buffer[position..<min(buffer.count, position + 65536)]
        if sample.starts(with: [0xFF, 0xFE]) || sample.starts(with: [0xFE, 0xFF]) {
            throw .encoding(path: path, found: "UTF-16")  // before the NUL test: UTF-16 text is full of NULs
        }
        if sample.withUnsafeBufferPointer({ buffer in
            guard let base = buffer.baseAddress, buffer.count > 0 else { return false }
            return memchr(base, 0, buffer.count) != nil
        }) {
            throw .binary(path: path)
        }
        let whole = eof && buffer.count - position <= 65536
        // Valid UTF-8 has no invalid byte, so the census below would keep it as UTF-8: one strict
        // pass decides that and, when the sample is the whole input, spares every line its own check.
        if sample.withUnsafeBufferPointer({ UTF8Bytes.isValid($0) }) {
            allValid = whole
            return
        }
        let (valid, invalid) = LineReader.utf8Census(sample, atEnd: whole)
        // GB18030 Chinese shows ~3.5 invalid bytes per accidental valid sequence; damaged UTF-8 far
        // fewer. Damaged records of a UTF-8 file are rejected one by one, not taken for GB18030.
        guard invalid >= LineReader.minInvalidForTranscode && invalid > 2 * valid else { return }
        // Mostly invalid as UTF-8: try GB18030 for the whole file.
        var all = Array(buffer[position...])
        buffer.removeAll()  // `all` holds it now: a refill must not append it a second time
        position = 0
        while !eof {
            do { try fill() } catch { throw .unreadable(path: path, reason: "\(error)") }
            all.append(contentsOf: buffer)
            buffer.removeAll()
            if all.count > LineReader.maxTranscodeBytes {
                throw .encoding(path: path, found: "GB18030 or another non-UTF-8 encoding")
            }
        }
        let gb18030 = String.Encoding(rawValue: 0x8000_0632)
        guard let text = String(data: Data(all), encoding: gb18030) else {
            throw .encoding(path: path, found: "an unknown non-UTF-8 encoding")
        }
        buffer = Array(text.utf8)
        position = 0
        encoding = .gb18030
    }

    /// Counts valid multi-byte UTF-8 sequences and invalid bytes in `bytes`.
    static func utf8Census(_ bytes: ArraySlice<UInt8>, atEnd: Bool) -> (valid: Int, invalid: Int) {
        bytes.withUnsafeBufferPointer { utf8Census($0, atEnd: atEnd) }
    }

    static func utf8Census(_ bytes: UnsafeBufferPointer<UInt8>, atEnd: Bool) -> (valid: Int, invalid: Int) {
        guard let base = bytes.baseAddress else { return (0, 0) }
        let end = bytes.count
        var valid = 0, invalid = 0
        var i = 0
        while i < end {
            // ASCII eight bytes at a time.
            if i &+ 8 <= end && UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i &+= 8
                continue
            }
            let b = base[i]
            if b < 0x80 { i += 1; continue }
            let need = b >= 0xF0 && b <= 0xF4 ? 3 : b >= 0xE0 ? 2 : b >= 0xC2 && b < 0xE0 ? 1 : -1
            if need < 0 { invalid += 1; i += 1; continue }
            if i + need >= end {
                if atEnd { invalid += 1 }
                break
            }
            var ok = true
            for k in 1...need where base[i + k] & 0xC0 != 0x80 { ok = false }
            if ok { valid += 1; i += need + 1 } else { invalid += 1; i += 1 }
        }
        return (valid, invalid)
    }

    /// The index of the first `\n` at or after `from` (`memchr`, not a loop over the bytes).
    @inline(__always)
    static func firstNewline(in buffer: [UInt8], from: Int) -> Int? {
        buffer.withUnsafeBufferPointer { b -> Int? in
            guard let base = b.baseAddress, from < b.count,
                let found = memchr(base + from, 0x0A, b.count - from)
            else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// Puts lines back, to be returned again before any new line.
    public mutating func unread(_ lines: [Line]) { pushback = lines + pushback }

    /// The next line, or `nil` at the end of the input.
    public mutating func next(path: String) throws(LoadError) -> Line? {
        if !pushback.isEmpty { return pushback.removeFirst() }
        if !started { try start(path: path) }
        while true {
            if let newline = LineReader.firstNewline(in: buffer, from: position) {
                lineNumber += 1
                if skipping || newline - position > maxLineBytes {
                    let length = skippedLength + (newline - position)
                    let head = skipping ? skippedHead : Array(buffer[position..<min(newline, position + 64)])
                    skipping = false
                    skippedLength = 0
                    position = newline + 1
                    return Line(number: lineNumber, bytes: [], tooLong: true, length: length, head: head)
                }
                var end = newline
                if end > position && buffer[end - 1] == 0x0D { end -= 1 }
                let line = Line(
                    number: lineNumber, bytes: Array(buffer[position..<end]), tooLong: false,
                    length: end - position, isKnownValid: allValid)
                position = newline + 1
                return line
            }
            let pending = buffer.count - position
            if pending > maxLineBytes || (skipping && pending > 0) {
                if !skipping { skippedHead = Array(buffer[position..<min(buffer.count, position + 64)]) }
                skippedLength += pending
                skipping = true
                position = buffer.count
            }
            if eof {
                if skipping {
                    lineNumber += 1
                    skipping = false
                    return Line(number: lineNumber, bytes: [], tooLong: true, length: skippedLength, head: skippedHead)
                }
                guard position < buffer.count else { return nil }
                lineNumber += 1
                var end = buffer.count
                if buffer[end - 1] == 0x0D { end -= 1 }
                let line = Line(
                    number: lineNumber, bytes: Array(buffer[position..<end]), tooLong: false,
                    length: end - position, isKnownValid: allValid)
                position = buffer.count
                return line
            }
            do { try fill() } catch { throw .unreadable(path: path, reason: "\(error)") }
        }
    }
}
