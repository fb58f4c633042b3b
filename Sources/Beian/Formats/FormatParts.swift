/// The parts several formats share, for their explanations: province, division and site index.
extension Explanation.Part {
    /// A part from its names, value and meaning in each language.
    static func make(_ zh: String, _ en: String, _ value: String, _ meaningZh: String, _ meaningEn: String) -> Explanation.Part {
        Explanation.Part(name: Bilingual(zh: zh, en: en), value: value, meaning: Bilingual(zh: meaningZh, en: meaningEn))
    }

    /// The province part: the province with its code, or the two a pinyin syllable may be.
    static func province(_ province: Province?, candidates: [Province]? = nil, value: String? = nil) -> Explanation.Part? {
        if let province {
            return make("省份", "province", value ?? province.abbreviation, "\(province.zh)（GB/T 2260 代码 \(province.code)）",
                        "\(province.en) (GB/T 2260 code \(province.code))")
        }
        if let candidates {
            return make("省份", "province", value ?? "?", "拼音可指" + candidates.map(\.zh).joined(separator: "或"),
                        "the pinyin may be " + candidates.map(\.en).joined(separator: " or "))
        }
        return nil
    }

    /// The GB/T 2260 division part, named in both languages.
    static func division(_ code: String?) -> Explanation.Part? {
        guard let code else { return nil }
        guard let division = Division(code: code) else {
            return make("行政区划代码", "division code", code, "GB/T 2260 中没有这个代码", "not a code in GB/T 2260")
        }
        return make("行政区划代码", "division code", code, division.names.zh, division.names.en)
    }

    /// The site index after an ICP number or licence ("-2", "-1A" for an app, "-1X" for a mini-program).
    static func site(_ site: String?) -> Explanation.Part? {
        guard let site else { return nil }
        let index = site.filter(\.isNumber)
        let zh = site.hasSuffix("A") ? "该主体下第\(index)个App" : site.hasSuffix("X") ? "该主体下第\(index)个小程序" : "该主体下第\(index)个网站"
        let en = site.hasSuffix("A") ? "the entity's app no. \(index)" : site.hasSuffix("X") ? "the entity's mini-program no. \(index)"
            : "the entity's website no. \(index)"
        return make("网站序号", "site index", "-" + site, zh, en)
    }

    /// A year-of-issue part.
    static func year(_ year: Int?, inferred: Bool = false) -> Explanation.Part? {
        guard let year else { return nil }
        return inferred ? make("年份", "year", String(year), "发证年份（据实例推断）", "year of issue (inferred from examples)")
            : make("年份", "year", String(year), "发证年份", "year of issue")
    }
}

/// Issue messages that several formats raise: one builder per message.
extension Issue {
    /// `unknown_division`: the first two digits are no province code (nor, where `central` is
    /// given, that central code).
    static func unknownDivision(_ provinceCode: String, central: String? = nil) -> Issue {
        if let central {
            return Issue(.unknownDivision, .error,
                         zh: "前两位 \(provinceCode) 既不是省级行政区划代码，也不是中央级的\(central)",
                         en: "the first two digits \(provinceCode) are neither a province code nor \(central) (central)")
        }
        return Issue(.unknownDivision, .error,
                     zh: "前两位 \(provinceCode) 不是省级行政区划代码（GB/T 2260）",
                     en: "the first two digits \(provinceCode) are no GB/T 2260 province code")
    }

    /// `malformed_label`: a label written otherwise than the usual form (公网备 for 公网安备,
    /// 备案 run into ICP备).
    static func misspeltLabel(_ written: String, usual: String) -> Issue {
        Issue(.malformedLabel, .warning, zh: "标签「\(written)」写法不规范，通常写作「\(usual)」",
              en: "the label \u{201C}\(written)\u{201D} is misspelt; the usual form is \u{201C}\(usual)\u{201D}")
    }

    /// `invalid_length` as a warning: a number (or, given `serial`, a serial) of an unusual
    /// length ("3–5", "3").
    static func unusualLength(_ digits: String, usual: String, serial: Bool = false) -> Issue {
        serial ? Issue(.invalidLength, .warning, zh: "序号 \(digits) 不是常见的\(usual)位", en: "the serial \(digits) is not the usual \(usual) digits")
            : Issue(.invalidLength, .warning, zh: "编号 \(digits) 不是常见的\(usual)位", en: "\(digits) is not the usual \(usual) digits")
    }
}

/// The English display most kinds share, piece by piece: "Chongqing " when the province is
/// known, the title ("ICP Filing No. "), the number, then "-" and the site index if any.
enum EnglishDisplay {
    static func parts(province: Province?, title: String, number: String, site: String? = nil, _ part: (String) -> Void) {
        if let province {
            part(province.en)
            part(" ")
        }
        part(title)
        part(number)
        if let site {
            part("-")
            part(site)
        }
    }
}

extension String {
    /// The parts one after another, built in one allocation. Canonical forms and displays
    /// are built for every finding; interpolation appends piece by piece and costs several
    /// times more.
    init(concatenating parts: String...) {
        var total = 0
        for part in parts { total += part.utf8.count }
        self.init(unsafeUninitializedCapacity: total) { buffer in
            var offset = 0
            for var part in parts {
                part.withUTF8 { bytes in
                    guard let base = bytes.baseAddress, let target = buffer.baseAddress else { return }
                    (target + offset).update(from: base, count: bytes.count)
                    offset += bytes.count
                }
            }
            return offset
        }
    }

    /// Whether the string's bytes are the parts' one after another.
    func isConcatenation(of parts: String...) -> Bool {
        var whole = self
        return whole.withUTF8 { bytes in
            var offset = 0
            for var part in parts {
                let matches = part.withUTF8 { part -> Bool in
                    guard offset + part.count <= bytes.count, let whole = bytes.baseAddress else { return false }
                    for index in 0..<part.count where whole[offset + index] != part[index] { return false }
                    return true
                }
                guard matches else { return false }
                offset += part.utf8.count
            }
            return offset == bytes.count
        }
    }
}
