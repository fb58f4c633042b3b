import CBeianScan

/// The labels recognisers look for and the byte scanner anchors on, written once.
///
/// Recognisers read `text` (normalised: simplified, half-width) from the lists below, which are
/// views of `table`. The byte scanner (Sources/CBeianScan) reads raw bytes, so it needs each label's
/// anchor (a label character and what may precede it, or an English word) in every form a page
/// may write it: those tables are generated from `table` and `characterVariants` into
/// `Sources/CBeianScan/labels.generated.h` by `swift run beian-labels` (docs/labels.md).
package enum Labels {
    // MARK: The table

    /// The lists recognisers read; each row belongs to one.
    package enum Group: CaseIterable, Sendable {
        case icp
        case publicSecurity, publicSecurityBare, publicSecurityMisspelt, policeBureau, policeFilingWords
        case publicSecurityEnglish, publicSecurityPinyin, publicSecurityTails
        case news
        case hotlineZh, hotlineZhWords, hotlineEn
        case culture, broadcast, publishing, publishingOld, publishingName
        case drugBusiness, audiovisual, religious, algorithm, uscc
    }

    /// How the byte scanner finds a label in raw bytes.
    package enum Anchor: Sendable, Equatable {
        /// The last character of `context` (备 证 报 …) after the ones before it, gaps allowed
        /// between: "安备" is 备 after 安, "用代码" is 码 after 代 after 用. An ASCII letter before
        /// the label character stands for both cases and the full-width forms ("P备": ICP备).
        case character(String)
        /// An English word (any case, half- or full-width letters), with the check it needs.
        /// `prefix`: how many of its first characters the byte scanner compares as written
        /// before it decodes the word (fewer let mixed-width spellings through: "repｏrt").
        case word(String, EnglishRule, prefix: Int = 4)
    }

    /// What the byte scanner asks of an English anchor word besides a number after it.
    package enum EnglishRule: String, Sendable {
        /// A telephone word (`phoneWordsEn`) in the same window: report, complain, tip-off.
        case phoneWord = "RULE_PHONE_WORD"
        /// Right after "Service": the news label's "Service Licence".
        case afterService = "RULE_AFTER_SERVICE"
        /// Not inside a word; then only gaps, : - . # and `icpWords` before the number.
        case icp = "RULE_ICP"
        /// Nothing more.
        case none = "RULE_NONE"
    }

    /// One label: its normalised text, the list it belongs to, the kinds whose recogniser starts
    /// reading at it, how the byte scanner finds it (none for words that only follow another
    /// label), and the fewest digits of the number after it.
    package struct Row: Sendable {
        package let text: String
        package let group: Group
        package let kinds: [Kind]
        package let anchors: [Anchor]
        /// At least `BEIAN_MINIMUM_DIGITS`, which the byte scanner asks of every number.
        package let minimumDigits: Int

        init(_ text: String, _ group: Group, _ kinds: [Kind], anchors: [Anchor] = [],
             minimumDigits: Int = Int(BEIAN_MINIMUM_DIGITS)) {
            self.text = text
            self.group = group
            self.kinds = kinds
            self.anchors = anchors
            self.minimumDigits = minimumDigits
        }
    }

    /// Every label, in the order recognisers try them within a list (longest first where one
    /// is a prefix of another).
    package static let table: [Row] = [
        // ICP备, ICP证 and English footers' ICP (formats.md §2, §7).
        Row("ICP", .icp, [.icpFiling, .icpLicence], anchors: [.character("P备"), .character("P证"), .word("icp", .icp, prefix: 3)]),
        // 公网安备 and the prefix-less labels of public security filings (formats.md §3).
        Row("公网安备", .publicSecurity, [.publicSecurityFiling], anchors: [.character("安备")]),
        Row("公安备案号", .publicSecurityBare, [.publicSecurityFiling], anchors: [.character("安备")]),
        Row("公安机关备案号", .publicSecurityBare, [.publicSecurityFiling], anchors: [.character("关备")]),
        Row("网安备案号", .publicSecurityBare, [.publicSecurityFiling], anchors: [.character("安备")]),
        Row("公安备案", .publicSecurityBare, [.publicSecurityFiling], anchors: [.character("安备")]),
        // Misspellings of 公网安备 that real footers print (found, with `malformed_label`).
        Row("公网备", .publicSecurityMisspelt, [.publicSecurityFiling], anchors: [.character("网备")]),
        Row("公安网备", .publicSecurityMisspelt, [.publicSecurityFiling], anchors: [.character("网备")]),
        Row("网安备", .publicSecurityMisspelt, [.publicSecurityFiling], anchors: [.character("安备")]),
        // What may follow 公网安备 or a misspelling of it (公网安备案号).
        Row("案号", .publicSecurityTails, []),
        Row("编号", .publicSecurityTails, []),
        Row("案", .publicSecurityTails, []),
        Row("号", .publicSecurityTails, []),
        // City police filings from before the national platform name the bureau:
        // 北京市公安局朝阳分局备案编号110105006009, …公安局网警支队备案：…, 文保网安备案号：….
        // Their anchor is 备 after the end of the bureau's name (分局, 支队, 网安).
        Row("公安局", .policeBureau, [.publicSecurityFiling],
            anchors: [.character("局备"), .character("队备"), .character("安备")]),
        Row("备案编号", .policeFilingWords, []),
        Row("备案号", .policeFilingWords, []),
        Row("备案", .policeFilingWords, []),
        // English labels (formats.md §7): "Beijing Public Network Security No. 11011302007815",
        // "Shanghai Police No. 31011502406720"; and the pinyin "Zhe Gong Wang An Bei …", read
        // with any spacing.
        Row("Public Network Security", .publicSecurityEnglish, [.publicSecurityFiling], anchors: [.word("security", .none)]),
        Row("Public Security", .publicSecurityEnglish, [.publicSecurityFiling], anchors: [.word("security", .none)]),
        Row("Police", .publicSecurityEnglish, [.publicSecurityFiling], anchors: [.word("police", .none)]),
        // The Public Security Bureau's initials: "Guangdong PSB Record No. 44030002008220".
        Row("PSB", .publicSecurityEnglish, [.publicSecurityFiling], anchors: [.word("psb", .none, prefix: 3)]),
        Row("GongWangAnBei", .publicSecurityPinyin, [.publicSecurityFiling], anchors: [.word("gong", .none)]),
        // News licence labels (formats.md §4): the label must precede the 10–11 digits.
        Row("新闻信息服务许可证", .news, [.newsLicence], anchors: [.character("可证")]),
        Row("News Information Service License", .news, [.newsLicence], anchors: [.word("license", .afterService)]),
        Row("News Information Service Licence", .news, [.newsLicence], anchors: [.word("licence", .afterService)]),
        // Chinese hotline labels start with 举报 or 投诉 …
        Row("举报", .hotlineZh, [.hotline], anchors: [.character("举报")]),
        Row("投诉", .hotlineZh, [.hotline], anchors: [.character("投诉")]),
        // … followed by any of these words, before the number.
        Row("受理", .hotlineZhWords, []),
        Row("中心", .hotlineZhWords, []),
        Row("专用", .hotlineZhWords, []),
        Row("电话号码", .hotlineZhWords, []),
        Row("电话", .hotlineZhWords, []),
        Row("热线", .hotlineZhWords, []),
        Row("专线", .hotlineZhWords, []),
        Row("号码", .hotlineZhWords, []),
        Row("Tel", .hotlineZhWords, []),
        Row("TEL", .hotlineZhWords, []),
        // English hotline labels: a reporting word and, in the same sentence, a telephone word.
        Row("report", .hotlineEn, [.hotline], anchors: [.word("report", .phoneWord, prefix: 3)]),
        Row("complain", .hotlineEn, [.hotline], anchors: [.word("complain", .phoneWord)]),
        Row("tip-off", .hotlineEn, [.hotline], anchors: [.word("tip-off", .phoneWord)]),
        // Other footer licences (formats.md §6). 网文 of 京网文〔2020〕….
        Row("网文", .culture, [.cultureLicence], anchors: [.character("网文")]),
        // 字第 of （沪）字第1248号.
        Row("字第", .broadcast, [.broadcastLicence], anchors: [.character("字第")]),
        // 网出证 of （署）网出证（粤）字第054号, its predecessor 新出网证（京）字172号, and the licence's
        // name written where 网出证 would stand: 网络出版服务许可证（京）字121号.
        Row("网出证", .publishing, [.publishingLicence], anchors: [.character("出证")]),
        Row("新出网证", .publishingOld, [.publishingLicence], anchors: [.character("网证")]),
        Row("网络出版服务许可证", .publishingName, [.publishingLicence], anchors: [.character("可证")]),
        // 经营性 of (京)-经营性-2017-0020.
        Row("经营性", .drugBusiness, [.drugInfoCertificate], anchors: [.character("营性")]),
        // Labels the 7-digit audio-visual licence needs.
        Row("视听节目许可证", .audiovisual, [.audiovisualLicence], anchors: [.character("可证")]),
        Row("网络视听许可证", .audiovisual, [.audiovisualLicence], anchors: [.character("可证")]),
        Row("视听许可证", .audiovisual, [.audiovisualLicence], anchors: [.character("可证")]),
        // The religious information licence's label (京（2022）0000043 needs it).
        Row("宗教信息服务许可证", .religious, [.religiousInfoLicence], anchors: [.character("可证")]),
        // 网信算备 of algorithm filings.
        Row("网信算备", .algorithm, [.algorithmFiling], anchors: [.character("算备")]),
        // USCC labels, longest first; all end in 信用代码 or 执照 (+ 号 words). 证券代码 is a
        // stock code: 码 needs 用 before 代.
        Row("统一社会信用代码", .uscc, [.uscc], anchors: [.character("用代码")]),
        Row("社会信用代码", .uscc, [.uscc], anchors: [.character("用代码")]),
        Row("信用代码", .uscc, [.uscc], anchors: [.character("用代码")]),
        Row("营业执照注册号", .uscc, [.uscc], anchors: [.character("执照")]),
        Row("营业执照编号", .uscc, [.uscc], anchors: [.character("执照")]),
        Row("营业执照号码", .uscc, [.uscc], anchors: [.character("执照")]),
        Row("营业执照号", .uscc, [.uscc], anchors: [.character("执照")]),
        Row("营业执照", .uscc, [.uscc], anchors: [.character("执照")]),
    ]

    /// The dash look-alikes footers print where "-" belongs (粤B2－20090059, 20009753—2): TextView
    /// reads them as "-", and the byte scanner's `is_dash` and its GB18030 and Big5 dash codes are
    /// generated from this list.
    package static let dashes: [Unicode.Scalar] = [
        "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}", "\u{FE63}", "\u{FF0D}",
    ]

    /// The traditional and Japanese forms of the characters anchors use, as pages write them
    /// (TextView shows them simplified; the byte scanner sees them as written).
    package static let characterVariants: [Unicode.Scalar: [Unicode.Scalar]] = [
        "备": ["備"], "证": ["證", "証"], "报": ["報"], "诉": ["訴"], "码": ["碼"],
        "关": ["關", "関"], "网": ["網"], "队": ["隊"], "执": ["執"], "营": ["營"], "举": ["舉", "擧"],
        "专": ["專"], "电": ["電"], "话": ["話"], "号": ["號"], "热": ["熱"], "线": ["線", "綫"],
    ]

    /// The texts of one list, in table order.
    package static func texts(_ group: Group) -> [[Unicode.Scalar]] {
        table.filter { $0.group == group }.map { scalars($0.text) }
    }

    /// The scalars a label of `groups` may start with in a TextView (an ASCII letter in
    /// either case): the recognisers' first-character dispatch.
    package static func firstScalars(of groups: Group...) -> FirstScalars {
        FirstScalars(table.filter { groups.contains($0.group) }.compactMap(\.text.unicodeScalars.first))
    }

    /// The scalars labels may start with, from `firstScalars(of:)`. Recognisers ask it of every
    /// scalar they pass, so most answers come from one bit test.
    package struct FirstScalars: Sendable {
        /// Bit `value & 63` is set for each scalar's value: a clear bit rules a scalar out.
        private let bits: UInt64
        private let values: [UInt32]

        init(_ scalars: [Unicode.Scalar]) {
            var values: [UInt32] = []
            for scalar in scalars {
                var forms = [scalar.value]
                if (0x41...0x5A).contains(scalar.value) || (0x61...0x7A).contains(scalar.value) {
                    forms = [scalar.value | 0x20, scalar.value & ~0x20]  // an ASCII letter: both cases
                }
                for value in forms where !values.contains(value) { values.append(value) }
            }
            self.values = values
            bits = values.reduce(0) { $0 | 1 << ($1 & 63) }
        }

        /// The scalars, each ASCII letter in both cases: what `Recognizers.dispatch` is built from.
        package var scalars: [Unicode.Scalar] { values.compactMap(Unicode.Scalar.init) }

        @inline(__always)
        package func contains(_ scalar: Unicode.Scalar) -> Bool {
            guard bits & 1 << (scalar.value & 63) != 0 else { return false }
            return values.contains(scalar.value)
        }
    }

    // MARK: The lists recognisers read

    static let icp: [Unicode.Scalar] = texts(.icp)[0]
    /// Joke and virtual registries that print ICP-like numbers (萌ICP备20220417号 from
    /// icp.gov.moe, Moe-ICP, NyaICP, 喵喵ICP): never ICP filings (`virtual_registry`). The
    /// Chinese marks stand right before ICP; the Latin ones are words before it.
    static let virtualRegistryMarks: Set<Unicode.Scalar> = ["萌", "喵"]
    static let virtualRegistryWords: Set<String> = ["moe", "nya", "meow"]
    static let filingMark: Unicode.Scalar = "备"
    static let licenceMark: Unicode.Scalar = "证"
    static let numberMark: Unicode.Scalar = "号"

    static let publicSecurity: [Unicode.Scalar] = texts(.publicSecurity)[0]
    static let publicSecurityBare: [[Unicode.Scalar]] = texts(.publicSecurityBare)
    static let publicSecurityMisspelt: [[Unicode.Scalar]] = texts(.publicSecurityMisspelt)
    static let publicSecurityTails: [[Unicode.Scalar]] = texts(.publicSecurityTails)
    static let policeBureau: [Unicode.Scalar] = texts(.policeBureau)[0]
    static let policeFilingWords: [[Unicode.Scalar]] = texts(.policeFilingWords)
    static let publicSecurityEnglish: [[Unicode.Scalar]] = texts(.publicSecurityEnglish)
    /// The pinyin label's syllables (Gong, Wang, An, Bei: its text cut before each capital),
    /// which may stand apart (Gong Wang An Bei, Gongwang Anbei) but are not cut inside: the byte
    /// scanner anchors on the whole first syllable.
    static let publicSecurityPinyin: [[Unicode.Scalar]] = texts(.publicSecurityPinyin)[0].reduce(into: []) { syllables, scalar in
        if syllables.isEmpty || (0x41...0x5A).contains(scalar.value) { syllables.append([]) }
        syllables[syllables.count - 1].append(scalar)
    }
    /// Words between an English public security label and its number.
    static let publicSecurityEnglishWords: Set<String> = ["filing", "record", "registration", "beian", "no", "number"]

    static let news: [[Unicode.Scalar]] = texts(.news)
    /// Words that may stand between a news label and its digits.
    static let newsNumberWords: [[Unicode.Scalar]] = ["编号", "号码", "号", "No.", "No", "Number"].map(scalars)

    /// 合字: foreign-invested telecom licences.
    static let foreignInvested: [Unicode.Scalar] = scalars("合字")

    static let hotlineZh: [[Unicode.Scalar]] = texts(.hotlineZh)
    /// 举报: the one label a short number may stand before (12377举报).
    static let report: [Unicode.Scalar] = hotlineZh[0]
    /// Domains whose complaint lines are no internet reporting hotline, when they stand right
    /// before 投诉/举报: 全国旅游投诉电话：12345, 消费投诉, 售后投诉 ….
    static let otherComplaintDomains: [[Unicode.Scalar]] = ["旅游", "消费", "价格", "质量", "售后", "客服"].map(scalars)
    /// Words after 举报 that make a short number before it part of a name (12380举报网,
    /// 12321举报中心), not a hotline.
    static let reportingCentreWords: [[Unicode.Scalar]] = ["网", "中心", "平台", "受理中心"].map(scalars)
    static let hotlineZhWords: [[Unicode.Scalar]] = texts(.hotlineZhWords)
    static let hotlineEn: [[Unicode.Scalar]] = texts(.hotlineEn)
    /// … and, within the same sentence, a telephone word.
    package static let phoneWordsEn: [[Unicode.Scalar]] = ["hotline", "telephone", "phone", "calling", "call", "tel"].map(scalars)
    /// Words that join two numbers of one hotline field.
    static let phoneJoiners: [[Unicode.Scalar]] = ["､", "、", "/", ",", "或", "or", ";"].map(scalars)
    /// Extension markers after a phone number ("-N" extensions are read as a dash-separated group).
    static let phoneExtension: [[Unicode.Scalar]] = ["转", "ext.", "ext"].map(scalars)

    /// Words English footers put between "ICP" and the number (formats.md §7): "Beijing ICP
    /// prepared NO.16065310-3", "ICP License No. 030173", "Zhe ICP Bei 123456", "ICP Filing No.".
    /// The first set makes a filing, the second a licence; the third leaves it to the length.
    /// The byte scanner reads their union (generated).
    package static let icpFilingWords: Set<String> = ["bei", "prepared", "filing", "record", "recordal", "beian"]
    package static let icpLicenceWords: Set<String> = ["zheng"]
    package static let icpNeutralWords: Set<String> = ["license", "licence", "certificate", "no", "number", "registration"]

    // MARK: Other footer licences (formats.md §6)

    static let culture: [Unicode.Scalar] = texts(.culture)[0]
    /// 许字 in older culture licences (滇网文许字【2014】…).
    static let cultureOldWord: [Unicode.Scalar] = scalars("许字")
    static let broadcast: [Unicode.Scalar] = texts(.broadcast)[0]
    static let publishing: [Unicode.Scalar] = texts(.publishing)[0]
    static let publishingOld: [Unicode.Scalar] = texts(.publishingOld)[0]
    static let publishingName: [Unicode.Scalar] = texts(.publishingName)[0]
    /// Issuers in the brackets of a programme production licence that name no province: the
    /// national radio and TV administration (（广媒）字第172号, people.cn).
    static let nationalBroadcastIssuers: Set<String> = ["广媒"]
    static let character: Unicode.Scalar = "字"
    static let ordinal: Unicode.Scalar = "第"
    static let drugBusiness: [Unicode.Scalar] = texts(.drugBusiness)[0]
    /// 非 of 非经营性.
    static let nonCommercial: Unicode.Scalar = "非"
    static let audiovisual: [[Unicode.Scalar]] = texts(.audiovisual)
    static let religious: [Unicode.Scalar] = texts(.religious)[0]
    static let algorithm: [Unicode.Scalar] = texts(.algorithm)[0]
    static let uscc: [[Unicode.Scalar]] = texts(.uscc)
    /// Words between a licence label and its number.
    static let numberWords: [[Unicode.Scalar]] = ["编号", "号码", "号", "No.", "No"].map(scalars)

    static func scalars(_ text: String) -> [Unicode.Scalar] { Array(text.unicodeScalars) }
}
