/// A glob as ripgrep's `-g` reads it: `*` any run of characters but `/`, `**` any run including
/// `/`, `?` one character, `[abc]`, `[a-z]`, `[!abc]` one of (or none of) a set, `{a,b}`
/// either. A glob without `/` matches a file's name at any depth; with one, the path relative
/// to the folder being walked (a leading `/` only anchors it). `!` before a glob excludes.
/// Case counts, as in ripgrep.
struct Glob {
    let pattern: [Character]
    let matchesName: Bool
    /// Written with a trailing `/`: matches folders only.
    let foldersOnly: Bool

    init(_ text: String) {
        var body = text
        foldersOnly = body.hasSuffix("/")
        if foldersOnly { body.removeLast() }
        if body.hasPrefix("/") { body.removeFirst() }
        matchesName = !body.contains("/") && !text.hasPrefix("/")
        pattern = Array(body)
    }

    /// Whether the file at `relativePath` (components joined by `/`) matches: by its name, or
    /// by the path. With `orFolders`, a match of a folder it lies in counts too (how `!` globs
    /// exclude whole folders: `!node_modules`, `!drafts/`).
    func matches(_ relativePath: String, orFolders: Bool = false) -> Bool {
        let components = relativePath.split(separator: "/").map(String.init)
        var subjects: [String] = []
        if matchesName {
            subjects = foldersOnly ? Array(components.dropLast()) : (orFolders ? components : Array(components.suffix(1)))
        } else {
            let prefixes = (1...max(1, components.count)).map { components.prefix($0).joined(separator: "/") }
            subjects = foldersOnly ? Array(prefixes.dropLast()) : (orFolders ? prefixes : [relativePath])
        }
        let patterns = Self.expand(pattern)
        return subjects.contains { subject in patterns.contains { Self.match($0, 0, Array(subject), 0) } }
    }

    /// `{a,b}` alternatives expanded into plain patterns (nested braces too).
    static func expand(_ pattern: [Character]) -> [[Character]] {
        guard let open = pattern.firstIndex(of: "{") else { return [pattern] }
        var depth = 0, close: Int?
        var commas: [Int] = []
        for index in open..<pattern.count {
            switch pattern[index] {
            case "{": depth += 1
            case "}":
                depth -= 1
                if depth == 0 { close = index }
            case "," where depth == 1: commas.append(index)
            default: break
            }
            if close != nil { break }
        }
        guard let close else { return [pattern] }
        let bounds = [open] + commas + [close]
        let prefix = Array(pattern[..<open]), suffix = Array(pattern[(close + 1)...])
        return (0..<bounds.count - 1).flatMap { part in
            expand(prefix + Array(pattern[(bounds[part] + 1)..<bounds[part + 1]]) + suffix)
        }
    }

    private static func match(_ p: [Character], _ pi: Int, _ s: [Character], _ si: Int) -> Bool {
        if pi == p.count { return si == s.count }
        switch p[pi] {
        case "*":
            if pi + 1 < p.count, p[pi + 1] == "*" {
                // `**/` also matches no folder at all.
                let next = pi + 2
                if next < p.count, p[next] == "/" {
                    if match(p, next + 1, s, si) { return true }
                }
                for end in si...s.count where match(p, next, s, end) { return true }
                return false
            }
            var end = si
            while true {
                if match(p, pi + 1, s, end) { return true }
                guard end < s.count, s[end] != "/" else { return false }
                end += 1
            }
        case "?":
            return si < s.count && s[si] != "/" && match(p, pi + 1, s, si + 1)
        case "[":
            guard si < s.count, let (matched, next) = matchSet(p, pi, s[si]) else {
                return si < s.count && s[si] == "[" && match(p, pi + 1, s, si + 1)
            }
            return matched && match(p, next, s, si + 1)
        case "\\" where pi + 1 < p.count:
            return si < s.count && s[si] == p[pi + 1] && match(p, pi + 2, s, si + 1)
        default:
            return si < s.count && s[si] == p[pi] && match(p, pi + 1, s, si + 1)
        }
    }

    /// Whether `c` is in the set opening at `start`, and the index past the set; nil if unclosed.
    private static func matchSet(_ p: [Character], _ start: Int, _ c: Character) -> (Bool, Int)? {
        var index = start + 1
        var negated = false
        if index < p.count, p[index] == "!" || p[index] == "^" {
            negated = true
            index += 1
        }
        var found = false
        var first = true
        while index < p.count, p[index] != "]" || first {
            first = false
            if index + 2 < p.count, p[index + 1] == "-", p[index + 2] != "]" {
                if p[index] <= c && c <= p[index + 2] { found = true }
                index += 3
            } else {
                if p[index] == c { found = true }
                index += 1
            }
        }
        guard index < p.count else { return nil }
        return (found != negated && c != "/", index + 1)
    }
}

/// Which files of a walked folder are read: the positive globs if any, else the defaults (all
/// files when there are none), less what a `!` glob excludes.
struct FileSelection {
    let include: [Glob]
    let exclude: [Glob]
    /// File name endings read when no positive glob is given (lower case); nil for every file.
    let defaultSuffixes: [String]?

    /// The files `beian check` reads in a folder by default: pages and templates.
    static let pageSuffixes = [".html", ".htm", ".shtml", ".xhtml", ".php", ".jsp", ".asp", ".aspx", ".vue", ".jsx",
                               ".tsx", ".erb", ".twig", ".hbs", ".njk", ".liquid", ".ftl", ".tpl", ".tmpl"]

    init(globs: [String], defaultSuffixes: [String]?) {
        include = globs.filter { !$0.hasPrefix("!") }.map(Glob.init)
        exclude = globs.filter { $0.hasPrefix("!") }.map { Glob(String($0.dropFirst())) }
        self.defaultSuffixes = defaultSuffixes
    }

    func selects(_ relativePath: String) -> Bool {
        if exclude.contains(where: { $0.matches(relativePath, orFolders: true) }) { return false }
        if !include.isEmpty { return include.contains { $0.matches(relativePath) } }
        guard let defaultSuffixes else { return true }
        let lower = relativePath.lowercased()
        return defaultSuffixes.contains { lower.hasSuffix($0) }
    }
}
