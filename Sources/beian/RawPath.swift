#if canImport(Glibc)
import Glibc
#endif

/// A path as the system names it: bytes that need not be UTF-8, and the name shown for it
/// (the bytes read as UTF-8, an invalid byte as U+FFFD). `a\xff.txt` is opened as it is and
/// reported as `a\u{FFFD}.txt`.
struct RawPath: Hashable, Sendable {
    let bytes: [UInt8]

    init(bytes: [UInt8]) { self.bytes = bytes }

    /// A path given as text (valid UTF-8 by construction).
    init(_ text: String) { bytes = Array(text.utf8) }

    var display: String { String(decoding: bytes, as: UTF8.self) }
    var isStandardInput: Bool { bytes == [UInt8(ascii: "-")] }

    /// `name` under this folder.
    func appending(_ name: [UInt8]) -> RawPath {
        RawPath(bytes: bytes.last == UInt8(ascii: "/") ? bytes + name : bytes + [UInt8(ascii: "/")] + name)
    }

    /// Calls `body` with the path as a C string.
    func withCString<T>(_ body: (UnsafePointer<CChar>) -> T) -> T {
        (bytes + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) }
        }
    }

    /// The raw command-line argument that ArgumentParser received as `argument`. Arguments
    /// reach Swift decoded, an invalid byte as U+FFFD; the process's own argv still holds the
    /// bytes. Each raw argument is used once, in order, so two names that decode alike keep
    /// their own bytes.
    static func arguments(_ parsed: [String]) -> [RawPath] {
        var unused: [String: [[UInt8]]] = [:]
        for index in 1..<Int(CommandLine.argc) {
            guard let pointer = CommandLine.unsafeArgv[index] else { continue }
            let raw = Array(UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self),
                                                count: strlen(pointer)))
            unused[String(decoding: raw, as: UTF8.self), default: []].append(raw)
        }
        return parsed.map { argument in
            guard var candidates = unused[argument], !candidates.isEmpty else { return RawPath(argument) }
            let raw = candidates.removeFirst()
            unused[argument] = candidates
            return RawPath(bytes: raw)
        }
    }

    /// The names in the folder at this path, as bytes, sorted; nil with errno set when it
    /// cannot be listed.
    func entries() -> [[UInt8]]? {
        guard let folder = withCString({ opendir($0) }) else { return nil }
        defer { closedir(folder) }
        var names: [[UInt8]] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                Array(raw.prefix { $0 != 0 })
            }
            if name == [UInt8(ascii: ".")] || name == [UInt8(ascii: "."), UInt8(ascii: ".")] { continue }
            names.append(name)
        }
        return names.sorted { $0.lexicographicallyPrecedes($1) }
    }
}
