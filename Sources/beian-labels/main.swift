// Writes Sources/CBeianScan/labels.generated.h, the byte scanner's label tables, from the label
// table (Labels.table in Sources/Beian/Recognizers/Labels.swift). Run by hand after editing
// that table, from the package root:
//
//     swift run beian-labels Sources/CBeianScan/labels.generated.h
//
// GB18030 and Big5 codes come from ICU's converters (the ones Beian decodes with), through
// CBeianICU; a character a converter cannot encode and decode back is left out.
import Beian
import CBeianICU
import CBeianScan
import Foundation

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("beian-labels: \(message)\n".utf8))
    exit(1)
}

// MARK: Reading the table

/// A label character's anchor rule, gathered over every row that names it.
struct LabelRule {
    let label: Unicode.Scalar
    var predecessors: [Unicode.Scalar] = []
    /// ASCII letters that may precede it (upper case; both cases and full width are accepted).
    var letters: [Unicode.Scalar] = []
    /// Characters that must stand before the predecessor; empty when none is asked for.
    var seconds: [Unicode.Scalar] = []
    var hotline = false
}

func isASCIILetter(_ s: Unicode.Scalar) -> Bool { (0x41...0x5A).contains(s.value) || (0x61...0x7A).contains(s.value) }
func upper(_ s: Unicode.Scalar) -> Unicode.Scalar { Unicode.Scalar(s.value & ~0x20)! }
func fullwidth(_ s: Unicode.Scalar) -> Unicode.Scalar { Unicode.Scalar(s.value + 0xFEE0)! }
func forms(_ s: Unicode.Scalar) -> [Unicode.Scalar] { [s] + (Labels.characterVariants[s] ?? []) }
func appendNew<T: Equatable>(_ values: [T], to list: inout [T]) {
    for value in values where !list.contains(value) { list.append(value) }
}

var rules: [LabelRule] = []
struct EnglishWord {
    let word: String
    let rule: Labels.EnglishRule
    let prefix: Int
}
var englishWords: [EnglishWord] = []

for row in Labels.table {
    if row.minimumDigits < Int(BEIAN_MINIMUM_DIGITS) {
        fail("\(row.text): \(row.minimumDigits) digits, below BEIAN_MINIMUM_DIGITS, which the byte scanner asks of every number")
    }
    for anchor in row.anchors {
        switch anchor {
        case .character(let context):
            let scalars = Array(context.unicodeScalars)
            guard (2...3).contains(scalars.count), let label = scalars.last else {
                fail("\(row.text): an anchor is a label character after one or two others, not \(context)")
            }
            guard (0x4E00...0x9FFF).contains(label.value) else {
                fail("\(row.text): the label character \(label) is no ideograph of three UTF-8 bytes (E4–E9 …)")
            }
            let previous = scalars[scalars.count - 2]
            var rule = rules.first { $0.label == label } ?? LabelRule(label: label)
            if isASCIILetter(previous) {
                appendNew([upper(previous)], to: &rule.letters)
            } else {
                appendNew(forms(previous), to: &rule.predecessors)
            }
            if scalars.count == 3 { appendNew(forms(scalars[0]), to: &rule.seconds) }
            rule.hotline = rule.hotline || row.kinds.contains(.hotline)
            if let index = rules.firstIndex(where: { $0.label == label }) { rules[index] = rule } else { rules.append(rule) }
        case .word(let word, let rule, let prefix):
            if !englishWords.contains(where: { $0.word == word }) {
                englishWords.append(EnglishWord(word: word, rule: rule, prefix: prefix))
            }
        }
    }
}
for rule in rules where !rule.seconds.isEmpty && !rule.letters.isEmpty {
    fail("\(rule.label): a label character with a character before its predecessor takes no letter before it")
}

/// Every form of each label character, with its rule.
let labelForms: [(scalar: Unicode.Scalar, rule: LabelRule)] = rules.flatMap { rule in forms(rule.label).map { ($0, rule) } }

func utf8(_ s: Unicode.Scalar) -> [UInt8] { Array(String(s).utf8) }
func hex(_ value: UInt32, _ digits: Int = 4) -> String {
    let text = String(value, radix: 16, uppercase: true)
    return "0x" + String(repeating: "0", count: max(0, digits - text.count)) + text
}
func hexByte(_ value: UInt8) -> String { hex(UInt32(value), 2) }
func cString(_ bytes: [UInt8]) -> String {
    "\"" + bytes.map { byte -> String in
        if (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte) || byte == 0x2D || byte == 0x26 {
            return String(UnicodeScalar(byte))
        }
        return "\\x" + String(byte, radix: 16, uppercase: true)
    }.joined() + "\""
}
func names(_ scalars: [Unicode.Scalar]) -> String { scalars.map(String.init).joined(separator: " ") }
func cases(_ scalars: [Unicode.Scalar]) -> String { scalars.map { "case \(hex($0.value)):" }.joined(separator: " ") }

// MARK: ICU

func encode(_ scalar: Unicode.Scalar, _ charset: String) -> [UInt8]? {
    let source = utf8(scalar)
    var out = [UInt8](repeating: 0, count: 16)
    var status: Int32 = 0
    let length = beian_convert(charset, "UTF-8", source, Int32(source.count), &out, Int32(out.count), &status)
    guard status <= 0, length > 0 else { return nil }
    let encoded = Array(out[0..<Int(length)])
    var back = [UInt8](repeating: 0, count: 16)
    status = 0
    let decoded = beian_convert("UTF-8", charset, encoded, length, &back, Int32(back.count), &status)
    guard status <= 0, Array(back[0..<Int(decoded)]) == source else { return nil }
    return encoded
}

/// The two-byte code of `scalar` in `charset`, or nil when it has none (not encodable, or
/// four bytes long in GB18030).
func pairCode(_ scalar: Unicode.Scalar, _ charset: String) -> UInt16? {
    guard let bytes = encode(scalar, charset), bytes.count == 2 else { return nil }
    return UInt16(bytes[0]) << 8 | UInt16(bytes[1])
}

// MARK: Nibble buckets

/// Groups items (per position a set of bytes, nil for any byte) into `count` buckets so that
/// the nibble products (low nibbles × high nibbles, per position) accept few byte sequences
/// beyond the items: greedy, then single moves while they help. Deterministic.
func buckets(_ items: [[Set<UInt8>?]], count: Int) -> [[Int]] {
    func cost(_ members: [Int]) -> Int {
        guard let first = members.first else { return 0 }
        var product = 1
        for position in items[first].indices {
            var lows = Set<UInt8>(), highs = Set<UInt8>()
            var any = false
            for member in members {
                guard let bytes = items[member][position] else { any = true; break }
                for byte in bytes { lows.insert(byte & 15); highs.insert(byte >> 4) }
            }
            product *= any ? 256 : lows.count * highs.count
        }
        return product
    }
    var groups = [[Int]](repeating: [], count: count)
    for item in items.indices {
        let best = groups.indices.min { a, b in
            (cost(groups[a] + [item]) - cost(groups[a]), a) < (cost(groups[b] + [item]) - cost(groups[b]), b)
        }!
        groups[best].append(item)
    }
    var improved = true
    while improved {
        improved = false
        for from in groups.indices {
            for item in groups[from] {
                let rest = groups[from].filter { $0 != item }
                for to in groups.indices where to != from {
                    let before = cost(groups[from]) + cost(groups[to])
                    let after = cost(rest) + cost((groups[to] + [item]).sorted())
                    if after < before {
                        groups[from] = rest
                        groups[to] = (groups[to] + [item]).sorted()
                        improved = true
                        break
                    }
                }
                if improved { break }
            }
            if improved { break }
        }
    }
    return groups.filter { !$0.isEmpty }
}

// MARK: Writing

var out = ""
@MainActor func line(_ text: String = "") { out += text + "\n" }

line("// GENERATED by `swift run beian-labels Sources/CBeianScan/labels.generated.h` from the label")
line("// table (Labels.table, Sources/Beian/Recognizers/Labels.swift); do not edit. docs/labels.md says how")
line("// to add a label. Included by the scanner's C files after the helpers it names (halfwidth, UNKNOWN_CHAR).")
line("#ifndef BEIAN_LABELS_GENERATED_H")
line("#define BEIAN_LABELS_GENERATED_H")
line()

// Label characters.
line("// MARK: Label characters (UTF-8)")
line()
line("/// The label characters: \(names(labelForms.map(\.scalar))).")
line("#define LABEL_CHAR_CASES \(cases(labelForms.map(\.scalar)))")
line("static const int32_t label_chars[] = {\(labelForms.map { hex($0.scalar.value) }.joined(separator: ", "))};")
let leads = Set(labelForms.map { utf8($0.scalar)[0] })
line("/// The lead bytes of label characters in UTF-8 lie in [LABEL_LEAD_FIRST, LABEL_LEAD_LAST].")
line("#define LABEL_LEAD_FIRST \(hexByte(leads.min()!))")
line("#define LABEL_LEAD_LAST \(hexByte(leads.max()!))")
line()

line("/// Whether `previous` can stand before the label character `label` in some label (UNKNOWN_CHAR,")
line("/// a reference not decoded, always can). Letters: either case, half- or full-width.")
line("static inline __attribute__((always_inline)) int label_accepts(int32_t label, int32_t previous) {")
line("    if (previous == UNKNOWN_CHAR) return 1;")
if rules.contains(where: { !$0.letters.isEmpty }) { line("    int32_t p = halfwidth(previous);") }
line("    switch (label) {")
for rule in rules {
    var tests: [String] = []
    for letter in rule.letters { tests += ["p == '\(letter)'", "p == '\(Character(Unicode.Scalar(letter.value | 0x20)!))'"] }
    tests += rule.predecessors.map { "previous == \(hex($0.value))" }
    line("    \(cases(forms(rule.label)))  // \(names(forms(rule.label))) after \(names(rule.letters + rule.predecessors))")
    line("        return \(tests.joined(separator: " || "));")
}
line("    default:")
line("        return 0;")
line("    }")
line("}")
line()
let hotlineRules = rules.filter(\.hotline)
line("/// Label characters of hotline labels (\(names(hotlineRules.flatMap { forms($0.label) }))): only hotline words may follow, or a number stand before.")
line("#define HOTLINE_LABEL_CASES \(cases(hotlineRules.flatMap { forms($0.label) }))")
let secondRules = rules.filter { !$0.seconds.isEmpty }
line("/// Label characters whose predecessor needs another character before it (\(secondRules.map { "\(names($0.seconds)) before \(names($0.predecessors)) before \(names(forms($0.label)))" }.joined(separator: "; "))).")
line("#define LABEL_SECOND_CASES \(cases(secondRules.flatMap { forms($0.label) }))")
line("/// Whether `second` may stand before the predecessor of `label` (a LABEL_SECOND_CASES character).")
line("static inline int label_second_accepts(int32_t label, int32_t second) {")
line("    if (second == UNKNOWN_CHAR) return 1;")
line("    switch (label) {")
for rule in secondRules {
    line("    \(cases(forms(rule.label)))")
    line("        return \(rule.seconds.map { "second == \(hex($0.value))" }.joined(separator: " || "));")
}
line("    default:")
line("        return 1;")
line("    }")
line("}")
line()

// UTF-8 byte tests.
line("/// Whether the three bytes c x y are a label character in UTF-8.")
line("static inline __attribute__((always_inline)) int label_utf8(uint8_t c, uint8_t x, uint8_t y) {")
line("    switch (c) {")
for lead in leads.sorted() {
    let here = labelForms.map { utf8($0.scalar) }.filter { $0[0] == lead }
    var seconds: [UInt8] = []
    appendNew(here.map { $0[1] }, to: &seconds)
    let tests = seconds.map { x -> String in
        let ys = here.filter { $0[1] == x }.map { $0[2] }
        let yTest = ys.count == 1 ? "y == \(hexByte(ys[0]))" : "(" + ys.map { "y == \(hexByte($0))" }.joined(separator: " || ") + ")"
        return "(x == \(hexByte(x)) && \(yTest))"
    }
    let which = labelForms.map(\.scalar).filter { utf8($0)[0] == lead }
    line("    case \(hexByte(lead)): return \(tests.joined(separator: " || "));  // \(names(which))")
}
line("    default: return 0;")
line("    }")
line("}")
line()

// Predecessors, in UTF-8.
var ideographPredecessors: [Unicode.Scalar] = []
for rule in rules { appendNew(rule.predecessors.filter { $0.value >= 0x3400 }, to: &ideographPredecessors) }
line("/// Every ideograph `label_accepts` allows before some label character, in UTF-8. The AVX2")
line("/// loop drops label characters after any other ideograph without a call (as `quick_reject`")
line("/// would); `beian_anchors_self_check` holds this list to `label_accepts`.")
line("static const char *const label_predecessors[] = {\(ideographPredecessors.map { cString(utf8($0)) }.joined(separator: ", "))};")
line()

// Set 0 buckets.
let labelItems: [[Set<UInt8>?]] = labelForms.map { form in utf8(form.scalar).map { Set([$0]) } }
let labelGroups = buckets(labelItems, count: 7)
line("/// The AVX2 loop's nibble buckets for label characters (set 0, buckets 0–\(labelGroups.count - 1)): per bucket the")
line("/// bytes at positions 0, 1 and 2, grouped so that their nibble products add few other sequences.")
line("#define LABEL_BUCKETS \(labelGroups.count)")
line("static const char *const label_buckets[LABEL_BUCKETS][3] = {")
for group in labelGroups {
    var columns: [[UInt8]] = [[], [], []]
    for member in group { for position in 0..<3 { appendNew([utf8(labelForms[member].scalar)[position]], to: &columns[position]) } }
    line("    {\(columns.map(cString).joined(separator: ", "))},  // \(names(group.map { labelForms[$0].scalar }))")
}
line("};")
line()

// English words.
line("// MARK: English anchor words")
line()
line("enum { RULE_PHONE_WORD, RULE_AFTER_SERVICE, RULE_ICP, RULE_NONE };")
line("/// The English anchor words (any case, half- or full-width letters) and what each needs (verify).")
line("static const char *const english_words[] = {\(englishWords.map { "\"\($0.word)\"" }.joined(separator: ", "))};")
line("static const int english_word_rules[] = {\(englishWords.map(\.rule.rawValue).joined(separator: ", "))};")
struct Prefix: Equatable { let bytes: [UInt8]; let rule: Labels.EnglishRule }
var prefixes: [Prefix] = []
appendNew(englishWords.map { Prefix(bytes: Array($0.word.utf8.prefix($0.prefix)), rule: $0.rule) }, to: &prefixes)
func prefixTest(_ bytes: [UInt8]) -> String {
    bytes.enumerated().map { "f\($0.offset) == '\(Character(Unicode.Scalar($0.element)))'" }.joined(separator: " && ")
}
line("/// Whether an English anchor word may start at `i` in UTF-8, judged from the first bytes as")
line("/// written (`fK` = b[i + K] | 0x20): \(prefixes.map { String(decoding: $0.bytes, as: UTF8.self) }.joined(separator: ", ")). ICP right before")
line("/// an ideograph (ICP备) leaves no room for English label words.")
line("static inline __attribute__((always_inline)) int english_utf8_start(uint8_t f0, uint8_t f1, uint8_t f2, uint8_t f3, uint8_t b3) {")
let utf8Tests = prefixes.map { prefix -> String in
    let test = prefixTest(prefix.bytes)
    return prefix.rule == .icp ? "(\(test) && !(b3 >= 0xE4 && b3 <= 0xE9))" : "(\(test))"
}
line("    return \(utf8Tests.joined(separator: " ||\n           "));")
line("}")
// The legacy walk compares letters only (a dash may be full-width there).
var legacyPrefixes: [Prefix] = []
appendNew(prefixes.map { Prefix(bytes: Array($0.bytes.prefix { isASCIILetter(Unicode.Scalar($0)) }), rule: $0.rule) }, to: &legacyPrefixes)
line("/// The rule of the English anchor word whose first letters stand at `i` of a GB18030 or Big5")
line("/// page (as english_utf8_start, letters only), or -1.")
line("static inline int english_legacy_rule(uint8_t f0, uint8_t f1, uint8_t f2, uint8_t f3) {")
line("    (void)f3;")
for prefix in legacyPrefixes { line("    if (\(prefixTest(prefix.bytes))) return \(prefix.rule.rawValue);") }
line("    return -1;")
line("}")
var pairs: [[UInt8]] = []
appendNew(englishWords.map { Array($0.word.utf8.prefix(2)) }, to: &pairs)
line("/// Whether the ASCII letters c, d may begin an English anchor word (its first two letters).")
line("static inline int ascii_word_start(uint8_t c, uint8_t d) {")
line("    c |= 0x20;")
line("    d |= 0x20;")
line("    return \(pairs.map { "(c == '\(Character(Unicode.Scalar($0[0])))' && d == '\(Character(Unicode.Scalar($0[1])))')" }.joined(separator: " || "));")
line("}")
var firstLetters: [UInt8] = []
appendNew(pairs.map { $0[0] }, to: &firstLetters)
line("/// The ASCII bytes that may start a legacy candidate: - & and the words' first letters.")
line("#define LEGACY_START_BYTES \"-&\(String(decoding: firstLetters.flatMap { [$0, $0 & ~0x20] }, as: UTF8.self))\"")
// Legacy ASCII buckets: by second letter.
var bySecond: [UInt8: [UInt8]] = [:]
var secondOrder: [UInt8] = []
for pair in pairs {
    if bySecond[pair[1]] == nil { secondOrder.append(pair[1]) }
    bySecond[pair[1], default: []].append(pair[0])
}
if secondOrder.count > 7 { fail("more than 7 second letters among English words: the legacy AVX2 walk has 7 buckets for them") }
line("/// The legacy AVX2 walk's buckets for English words (1 + k): first letters, then the second letter.")
line("#define ENGLISH_PAIR_BUCKETS \(secondOrder.count)")
line("static const char *const english_pair_buckets[ENGLISH_PAIR_BUCKETS][2] = {\(secondOrder.map { "{\(cString(bySecond[$0]!)), \(cString([$0]))}" }.joined(separator: ", "))};")
line()

// Set 1 buckets 4–7: English prefixes, each letter in both cases.
let englishItems: [[Set<UInt8>?]] = prefixes.map { prefix in
    (0..<4).map { position -> Set<UInt8>? in
        guard position < prefix.bytes.count else { return nil }
        let byte = prefix.bytes[position]
        return isASCIILetter(Unicode.Scalar(byte)) ? [byte, byte & ~0x20] : [byte]
    }
}
let englishGroups = buckets(englishItems, count: 4)
line("/// The AVX2 loop's nibble buckets for English words (set 1, buckets 4–7): per bucket the bytes")
line("/// at positions 0–3 (NULL: any byte).")
line("#define ENGLISH_BUCKETS \(englishGroups.count)")
line("static const char *const english_buckets[ENGLISH_BUCKETS][4] = {")
for group in englishGroups {
    let columns = (0..<4).map { position -> String in
        var bytes: [UInt8] = []
        for member in group {
            guard let set = englishItems[member][position] else { return "NULL" }
            appendNew(set.sorted(by: >), to: &bytes)
        }
        return cString(bytes)
    }
    line("    {\(columns.joined(separator: ", "))},  // \(group.map { String(decoding: prefixes[$0].bytes, as: UTF8.self) }.joined(separator: " "))")
}
line("};")
line()

// ICP words and phone words.
let icpWords = Labels.icpFilingWords.union(Labels.icpLicenceWords).union(Labels.icpNeutralWords).sorted()
line("/// English label words ICPRecognizer reads between \"ICP\" and the number (Labels.icp*Words).")
line("static const char *const icp_words[] = {\(icpWords.map { "\"\($0)\"" }.joined(separator: ", "))};")
let phoneAll = Labels.phoneWordsEn.map { String(String.UnicodeScalarView($0)).lowercased() }
let phoneWords = phoneAll.filter { word in !phoneAll.contains { $0 != word && word.hasPrefix($0) } }
line("/// Telephone words an English hotline label needs in its sentence (Labels.phoneWordsEn, each")
line("/// without the words another starts: \"tel\" covers telephone).")
line("static const char *const phone_words[] = {\(phoneWords.map { "\"\($0)\"" }.joined(separator: ", "))};")
var phoneFirsts: [UInt8] = []
appendNew(phoneWords.map { $0.utf8.first! }, to: &phoneFirsts)
if phoneFirsts.count > 4 { fail("phone words start with more than 4 letters: skip_non_phone_starts compares 4") }
while phoneFirsts.count < 4 { phoneFirsts.append(phoneFirsts[0]) }
line("/// Their first letters (lower case), for skip_non_phone_starts.")
for (k, letter) in phoneFirsts.enumerated() { line("#define PHONE_FIRST_\(k) '\(Character(Unicode.Scalar(letter)))'") }
line()

// Hotline words.
var hotlineChars: [Unicode.Scalar] = []
var hotlineLetters: [Unicode.Scalar] = []
for row in Labels.table where row.group == .hotlineZhWords {
    for scalar in row.text.unicodeScalars {
        if isASCIILetter(scalar) { appendNew([upper(scalar)], to: &hotlineLetters) } else { appendNew(forms(scalar), to: &hotlineChars) }
    }
}
line("/// Characters of the words allowed between 举报/投诉 and the number (Labels.hotlineZhWords):")
line("/// \(names(hotlineChars)); and their letters (either case, half- or full-width).")
line("#define HOTLINE_CHAR_CASES \(cases(hotlineChars))")
line("static inline int hotline_letter(int32_t half) {")
line("    return \(hotlineLetters.map { "half == '\($0)' || half == '\(Character(Unicode.Scalar($0.value | 0x20)!))'" }.joined(separator: " || "));")
line("}")
line()

// Legacy encodings.
line("// MARK: GB18030 and Big5 (ICU's converters)")
line()
let families = [("gb18030", "GB18030"), ("big5", "Big5")]
// GB18030 encodes every character: the walk reads only two-byte label codes, so a label
// character or predecessor of four bytes would never be found there.
for rule in rules {
    for scalar in forms(rule.label) + rule.predecessors + rule.seconds where pairCode(scalar, "GB18030") == nil {
        fail("\(scalar) (\(rule.label)'s rule) has no two-byte GB18030 code: the legacy walk could not find it")
    }
}
var previousMax = 1
for (_, charset) in families {
    for rule in rules {
        let codes = (rule.predecessors + rule.letters.flatMap { [fullwidth($0), fullwidth(Unicode.Scalar($0.value | 0x20)!)] }).compactMap { pairCode($0, charset) }
        previousMax = max(previousMax, codes.count)
    }
}
line("/// Two-byte codes of a label character and of the characters that may precede it. `icp`: \"P\"")
line("/// may precede it (ICP备, ICP证). `second`: when set, the character that must stand before the")
line("/// matched predecessor (用 before 代 before 码). `hotline`: only hotline label words may follow.")
line("typedef struct { uint16_t label; int icp; uint16_t previous[\(previousMax)]; uint16_t second; int hotline; } LegacyLabel;")
for (name, charset) in families {
    line("static const LegacyLabel \(name)_labels[] = {")
    for (scalar, rule) in labelForms {
        guard let code = pairCode(scalar, charset) else { continue }
        let previousScalars = rule.letters.flatMap { [fullwidth($0), fullwidth(Unicode.Scalar($0.value | 0x20)!)] } + rule.predecessors
        let kept = previousScalars.filter { pairCode($0, charset) != nil }
        let previous = kept.map { hex(UInt32(pairCode($0, charset)!)) }
        let seconds = rule.seconds.compactMap { pairCode($0, charset) }
        if seconds.count > 1 { fail("\(scalar): more than one character before its predecessor in \(charset)") }
        if !rule.seconds.isEmpty && seconds.isEmpty { continue }
        line("    {\(hex(UInt32(code))), \(rule.letters.isEmpty ? 0 : 1), {\(previous.joined(separator: ", "))}, \(seconds.first.map { hex(UInt32($0)) } ?? "0"), \(rule.hotline ? 1 : 0)},  // \(scalar) after \(names(kept))\(seconds.isEmpty ? "" : " after " + names(rule.seconds))")
    }
    line("};")
    let hotline = (hotlineChars + ["：" as Unicode.Scalar]).filter { pairCode($0, charset) != nil }
    line("/// The hotline words' characters and the full-width colon: \(names(hotline)).")
    line("static const uint16_t \(name)_hotline_chars[] = {\(hotline.map { hex(UInt32(pairCode($0, charset)!)) }.joined(separator: ", "))};")
}
// Dashes other than "-" (Labels.dashes, which TextView reads as "-").
let dashes = Labels.dashes
line("/// \"-\" and the dash look-alikes of Labels.dashes, which TextView reads as \"-\".")
line("static inline int is_dash(int32_t cp) {")
line("    return cp == '-' || \(dashes.map { "cp == \(hex($0.value))" }.joined(separator: " || "));")
line("}")
for (name, charset) in families {
    let kept = dashes.filter { pairCode($0, charset) != nil }
    line("/// Two-byte dashes in \(charset): \(kept.map { hex($0.value) }.joined(separator: " ")).")
    line("static const uint16_t \(name)_dashes[] = {\(kept.map { hex(UInt32(pairCode($0, charset)!)) }.joined(separator: ", "))};")
}
line()

line("#endif")

guard CommandLine.arguments.count == 2 else { fail("usage: beian-labels OUTPUT.h") }
do {
    try out.write(toFile: CommandLine.arguments[1], atomically: true, encoding: .utf8)
} catch {
    fail("cannot write \(CommandLine.arguments[1]): \(error)")
}
