import Beian
#if canImport(Glibc)
import Glibc
#endif

/// Expands the paths of `check` and `scan`: files and `-` as given, folders walked (as
/// `InputWalker` walks them; `.gitignore` is not consulted, built sites live in ignored
/// folders) and their files kept when `selection` selects their path relative to the folder.
struct SiteWalker {
    let languages: [Language]
    let selection: FileSelection
    /// Called for a path that cannot be read or listed (reported on standard error already).
    let onError: () -> Void

    /// The inputs, and the folders in which nothing was selected.
    func expand(_ paths: [RawPath]) -> (files: [RawPath], emptyFolders: [RawPath]) {
        var files: [RawPath] = []
        var empty: [RawPath] = []
        let walker = InputWalker(languages: languages, onError: onError)
        for path in paths {
            var info = stat()
            // Files, `-` and paths that cannot be read go through as given: reading them says why.
            guard !path.isStandardInput, path.withCString({ stat($0, &info) }) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
                files.append(path)
                continue
            }
            let prefix = path.bytes.last == UInt8(ascii: "/") ? path.bytes : path.bytes + [UInt8(ascii: "/")]
            let selected = walker.expand([path]).filter { file in
                let relative = file.bytes.starts(with: prefix) ? Array(file.bytes.dropFirst(prefix.count)) : file.bytes
                return selection.selects(String(decoding: relative, as: UTF8.self))
            }
            if selected.isEmpty { empty.append(path) }
            files += selected
        }
        return (files, empty)
    }

    /// What is said of a folder with no page to check.
    static func emptyFolderMessage(_ folder: String) -> Bilingual {
        Bilingual(zh: "\(folder) 中没有要检查的页面（默认的页面扩展名和 --glob 均未匹配）",
                  en: "no page to check in \(folder) (neither the default page extensions nor --glob matched a file)")
    }
}
