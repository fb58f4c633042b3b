/// How English and pinyin footers name provinces (formats.md §7): English names as
/// ProvinceTable spells them, their common variants, and the toneless pinyin of each
/// abbreviation character ("Jing ICP Bei" = 京ICP备). Five syllables fit two provinces.
enum ProvinceSpellings {
    /// Lower-cased spellings of province names to GB/T 2260 codes, besides ProvinceTable's `en`.
    static let nameVariants: [String: String] = [
        "innermongolia": "15", "mongolia": "15", "neimenggu": "15", "neimongol": "15",
        "xizang": "54", "tibet": "54",
    ]

    /// Toneless pinyin of the abbreviation characters (ProvinceTable's, alternates included).
    /// Jin (津 晋), Ji (冀 吉), Yu (豫 渝), Gui (桂 贵) and Gan (甘 赣) fit two provinces.
    static let abbreviations: [String: [Character]] = [
        "jing": ["京"], "jin": ["津", "晋"], "ji": ["冀", "吉"], "meng": ["蒙"], "liao": ["辽"], "hei": ["黑"],
        "hu": ["沪"], "su": ["苏"], "zhe": ["浙"], "wan": ["皖"], "min": ["闽"], "gan": ["甘", "赣"], "lu": ["鲁"],
        "yu": ["豫", "渝"], "e": ["鄂"], "xiang": ["湘"], "yue": ["粤"], "gui": ["桂", "贵"], "qiong": ["琼"],
        "shu": ["蜀"], "chuan": ["川"], "qian": ["黔"], "dian": ["滇"], "zang": ["藏"], "shan": ["陕"], "long": ["陇"],
        "qing": ["青"], "ning": ["宁"], "xin": ["新"],
    ]

    /// The provinces a word names: one for a name or an unambiguous syllable, two for an
    /// ambiguous syllable, none otherwise. Case is ignored ("ZheJiang", "BEIJING").
    static func provinces(named word: String) -> [Province] {
        if let province = province(fullName: word) { return [province] }
        return (abbreviations[word.lowercased()] ?? []).compactMap { Province(abbreviation: $0) }
    }

    /// Only full names (Beijing, Zhejiang), for places where a bare syllable would be noise
    /// ("…, Shanghai", "by Jiangsu Communications Administration").
    static func province(fullName word: String) -> Province? {
        let key = word.lowercased()
        if let row = ProvinceTable.rows.firstIndex(where: { $0.en.lowercased().replacingSpaces == key }) {
            return Province(row: row)
        }
        return nameVariants[key].flatMap { Province(code: $0) }
    }
}

private extension String {
    var replacingSpaces: String { String(filter { $0 != " " }) }
}

extension ProvinceSpellings {
    /// The `ambiguous_province` warning for a syllable that fits `candidates`.
    static func ambiguity(_ syllable: String, _ candidates: [Province]) -> Issue {
        let zh = candidates.map { "\($0.abbreviation)（\($0.zh)）" }.joined(separator: "或")
        let en = candidates.map { "\($0.abbreviation) (\($0.en))" }.joined(separator: " or ")
        return Issue(.ambiguousProvince, .warning,
                     zh: "拼音「\(syllable)」可指\(zh)，无法确定省份",
                     en: "the pinyin \u{201C}\(syllable)\u{201D} may stand for \(en); the province is uncertain")
    }
}

extension TextView {
    /// The province named by the English or pinyin word(s) just before `index` ("Beijing",
    /// "Inner Mongolia", "Guang Dong", "Jin"): the provinces it fits and where the name starts.
    func provinceNamed(before index: Int) -> (provinces: [Province], start: Int)? {
        guard let word = wordBefore(index) else { return nil }
        // A name written in two words: Inner Mongolia, Guang Dong, Zhe Jiang.
        if let previous = wordBefore(word.start), let joined = ProvinceSpellings.province(fullName: previous.word + word.word) {
            return ([joined], previous.start)
        }
        let provinces = ProvinceSpellings.provinces(named: word.word)
        guard !provinces.isEmpty else { return nil }
        return (provinces, word.start)
    }
}
