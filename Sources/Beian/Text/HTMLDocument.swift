import CBeianScan
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What Beian needs to know of HTML: whether a document is HTML, and which links surround
/// which bytes (for the MIIT-link and record-code checks).
enum HTMLDocument {
    /// How much of the start of a document decides whether it is HTML.
    static let sniffLength = 65_536

    private static let markers: [StaticString] = [
        "<html", "<!doctype", "<body", "<head", "<div", "<p>", "<p ", "<a ", "<span", "<br", "<footer", "<meta",
        "<li", "<td", "<table", "<ul",
    ]

    /// Whether the document looks like HTML: one of the common tags appears near its start.
    static func looksLikeHTML(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let limit = min(bytes.count, sniffLength)
        var index = 0
        while index < limit {
            if bytes[index] == UInt8(ascii: "<") {
                for marker in markers where bytesMatchFoldingCase(bytes, at: index, marker, limit: limit) { return true }
            }
            index += 1
        }
        return false
    }

    /// A link: the bytes from its start tag to its end tag, and its href.
    struct Link {
        let range: Range<Int>
        let href: String
    }

    /// Every `<a href=…>…</a>` in the document, in order. Links do not nest in HTML, so a new
    /// `<a` also ends the previous link.
    static func links(in bytes: UnsafeBufferPointer<UInt8>) -> [Link] {
        var links: [Link] = []
        var open: (start: Int, href: String)?
        var index = 0
        let count = bytes.count
        while index < count {
            guard bytes[index] == UInt8(ascii: "<"), index + 2 < count else {
                index += 1
                continue
            }
            let next = bytes[index + 1] | 0x20
            if next == UInt8(ascii: "a"), !isASCIIAlphanumeric(bytes[index + 2]) {
                if let current = open { links.append(Link(range: current.start..<index, href: current.href)) }
                guard let tag = TextView.tag(bytes, at: index, limit: count) else {
                    open = nil
                    index += 1
                    continue
                }
                open = (index, attribute("href", in: bytes, range: index..<index + tag.length) ?? "")
                index += tag.length
                continue
            }
            if bytes[index + 1] == UInt8(ascii: "/"), index + 3 < count, bytes[index + 2] | 0x20 == UInt8(ascii: "a"),
               !isASCIIAlphanumeric(bytes[index + 3]) {
                if let current = open {
                    links.append(Link(range: current.start..<index + 3, href: current.href))
                    open = nil
                }
            }
            index += 1
        }
        if let current = open { links.append(Link(range: current.start..<count, href: current.href)) }
        return links
    }

    /// Whether an `<a` start tag (or something that ends a link like one) begins at `index`.
    static func isLinkStart(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        index + 2 < bytes.count && bytes[index] == UInt8(ascii: "<") && bytes[index + 1] | 0x20 == UInt8(ascii: "a")
            && !isASCIIAlphanumeric(bytes[index + 2])
    }

    /// Whether an `</a` end tag begins at `index`.
    static func isLinkEnd(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        index + 3 < bytes.count && bytes[index] == UInt8(ascii: "<") && bytes[index + 1] == UInt8(ascii: "/")
            && bytes[index + 2] | 0x20 == UInt8(ascii: "a") && !isASCIIAlphanumeric(bytes[index + 3])
    }

    /// Finds the link around each of a series of byte ranges, given in increasing order, by
    /// reading only the bytes near them: what `links(in:)` would say, without reading the
    /// whole document. Each search backwards stops where the previous one started, or after
    /// `reach` bytes (a longer link is not seen).
    struct LinkLocator {
        /// How far before an identifier its link's start tag is looked for.
        static let reach = 16_384
        let bytes: UnsafeBufferPointer<UInt8>
        /// Backward searches stop here; `openAtSearchFloor` is the link open at this point.
        private var searchFloor = 0
        private var openAtSearchFloor: Int?
        private var lastLink: Link?

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        mutating func link(around range: Range<Int>) -> Link? {
            let floor = max(searchFloor, range.lowerBound - Self.reach)
            var open = floor == searchFloor ? openAtSearchFloor : nil
            var end = range.lowerBound
            // Each "<" before the identifier, nearest first, found 16 bytes at a time.
            while end > floor, case let index = beian_last_index_of(bytes.baseAddress!, floor, end, UInt8(ascii: "<")), index >= 0 {
                if isLinkStart(bytes, at: index) {
                    open = TextView.tag(bytes, at: index, limit: bytes.count) != nil ? index : nil
                    break
                }
                if isLinkEnd(bytes, at: index) {
                    open = nil
                    break
                }
                end = index
            }
            searchFloor = max(searchFloor, range.lowerBound)
            openAtSearchFloor = open
            guard let start = open else { return nil }
            let link = lastLink?.range.lowerBound == start ? lastLink! : link(startingAt: start)
            lastLink = link
            return range.upperBound <= link.range.upperBound ? link : nil
        }

        /// The link whose start tag begins at `start`: it ends at the next `</a` or `<a`.
        private func link(startingAt start: Int) -> Link {
            let tagLength = TextView.tag(bytes, at: start, limit: bytes.count)?.length ?? 2
            let href = HTMLDocument.attribute("href", in: bytes, range: start..<start + tagLength) ?? ""
            var cursor = start + tagLength
            while cursor < bytes.count {
                guard let found = memchr(bytes.baseAddress! + cursor, Int32(UInt8(ascii: "<")), bytes.count - cursor) else { break }
                cursor = bytes.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if isLinkEnd(bytes, at: cursor) { return Link(range: start..<cursor + 3, href: href) }
                if isLinkStart(bytes, at: cursor) { return Link(range: start..<cursor, href: href) }
                cursor += 1
            }
            return Link(range: start..<bytes.count, href: href)
        }
    }

    /// The value of `name="…"` (or '…', or unquoted) inside a tag, entities left as they are
    /// except `&amp;`.
    static func attribute(_ name: String, in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> String? {
        let tag = Array(bytes[range])
        let lower = tag.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        let key = Array(name.utf8)
        var index = 0
        while index + key.count < lower.count {
            if lower[index..<index + key.count].elementsEqual(key), index > 0, lower[index - 1] == 0x20 || lower[index - 1] == 0x09 || lower[index - 1] == 0x0A {
                var cursor = index + key.count
                while cursor < tag.count, tag[cursor] == 0x20 { cursor += 1 }
                guard cursor < tag.count, tag[cursor] == UInt8(ascii: "=") else { index += 1; continue }
                cursor += 1
                while cursor < tag.count, tag[cursor] == 0x20 { cursor += 1 }
                guard cursor < tag.count else { return nil }
                let quote = tag[cursor]
                var valueStart = cursor
                var valueEnd: Int
                if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                    valueStart += 1
                    valueEnd = valueStart
                    while valueEnd < tag.count, tag[valueEnd] != quote { valueEnd += 1 }
                } else {
                    valueEnd = valueStart
                    while valueEnd < tag.count, tag[valueEnd] != 0x20, tag[valueEnd] != UInt8(ascii: ">") { valueEnd += 1 }
                }
                let value = String(decoding: tag[valueStart..<valueEnd], as: UTF8.self)
                return value.replacingAmpersandEntities()
            }
            index += 1
        }
        return nil
    }
}

private extension String {
    func replacingAmpersandEntities() -> String {
        guard contains("&") else { return self }
        var scalars = Array(unicodeScalars)
        var index = 0
        while index + 4 < scalars.count {
            if scalars[index] == "&", String(String.UnicodeScalarView(scalars[index..<index + 5])) == "&amp;" {
                scalars.removeSubrange(index + 1..<index + 5)
            }
            index += 1
        }
        return String(String.UnicodeScalarView(scalars))
    }
}
