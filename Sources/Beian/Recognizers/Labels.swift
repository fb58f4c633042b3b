/// The literal words recognisers look for, after normalisation (simplified, half-width).
/// Kept in one table so that the prefilter's anchors (anchors.c) can be checked against them.
enum Labels {
    static let icp: [Unicode.Scalar] = scalars("ICP")
    /// Joke and virtual registries that print ICP-like numbers (萌ICP备20220417号 from
    /// icp.gov.moe, Moe-ICP, NyaICP, 喵喵ICP): never ICP filings (`virtual_registry`). The
    /// Chinese marks stand right before ICP; the Latin ones are words before it.
    static let virtualRegistryMarks: Set<Unicode.Scalar> = ["萌", "喵"]
    static let virtualRegistryWords: Set<String> = ["moe", "nya", "meow"]
    static let filingMark: Unicode.Scalar = "备"
    static let licenceMark: Unicode.Scalar = "证"
    static let numberMark: Unicode.Scalar = "号"

    /// 公网安备 and the prefix-less labels of public security filings (formats.md §3).
    static let publicSecurity: [Unicode.Scalar] = scalars("公网安备")
    static let publicSecurityBare: [[Unicode.Scalar]] = ["公安备案号", "公安机关备案号", "网安备案号", "公安备案"].map(scalars)
    /// Misspellings of 公网安备 that real footers print (found, with `malformed_label`).
    static let publicSecurityMisspelt: [[Unicode.Scalar]] = ["公网备", "公安网备", "网安备"].map(scalars)
    /// City police filings from before the national platform name the bureau:
    /// 北京市公安局朝阳分局备案编号110105006009, …公安局网警支队备案：…, 文保网安备案号：….
    static let policeBureau: [Unicode.Scalar] = scalars("公安局")
    static let policeFilingWords: [[Unicode.Scalar]] = ["备案编号", "备案号", "备案"].map(scalars)

    /// News licence labels (formats.md §4): the label must precede the 10–11 digits.
    static let news: [[Unicode.Scalar]] = [
        "新闻信息服务许可证", "News Information Service License", "News Information Service Licence",
    ].map(scalars)
    /// Words that may stand between a news label and its digits.
    static let newsNumberWords: [[Unicode.Scalar]] = ["编号", "号码", "号", "No.", "No", "Number"].map(scalars)

    /// 合字: foreign-invested telecom licences.
    static let foreignInvested: [Unicode.Scalar] = scalars("合字")

    /// Chinese hotline labels start with one of these …
    static let hotlineZh: [[Unicode.Scalar]] = [report, scalars("投诉")]
    /// 举报: the one label a short number may stand before (12377举报).
    static let report: [Unicode.Scalar] = scalars("举报")
    /// Domains whose complaint lines are no internet reporting hotline, when they stand right
    /// before 投诉/举报: 全国旅游投诉电话：12345, 消费投诉, 售后投诉 ….
    static let otherComplaintDomains: [[Unicode.Scalar]] = ["旅游", "消费", "价格", "质量", "售后", "客服"].map(scalars)
    /// Words after 举报 that make a short number before it part of a name (12380举报网,
    /// 12321举报中心), not a hotline.
    static let reportingCentreWords: [[Unicode.Scalar]] = ["网", "中心", "平台", "受理中心"].map(scalars)
    /// … followed by any of these words, before the number.
    static let hotlineZhWords: [[Unicode.Scalar]] = [
        "受理", "中心", "专用", "电话号码", "电话", "热线", "专线", "号码", "Tel", "TEL",
    ].map(scalars)
    /// English hotline labels: a reporting word …
    static let hotlineEn: [[Unicode.Scalar]] = ["report", "complain", "tip-off"].map(scalars)
    /// … and, within the same sentence, a telephone word.
    static let phoneWordsEn: [[Unicode.Scalar]] = ["hotline", "telephone", "phone", "calling", "call", "tel"].map(scalars)
    /// Words that join two numbers of one hotline field.
    static let phoneJoiners: [[Unicode.Scalar]] = ["､", "、", "/", ",", "或", "or", ";"].map(scalars)
    /// Extension markers after a phone number ("-N" extensions are read as a dash-separated group).
    static let phoneExtension: [[Unicode.Scalar]] = ["转", "ext.", "ext"].map(scalars)

    /// Words English footers put between "ICP" and the number (formats.md §7): "Beijing ICP
    /// prepared NO.16065310-3", "ICP License No. 030173", "Zhe ICP Bei 123456", "ICP Filing No.".
    /// The first set makes a filing, the second a licence; the third leaves it to the length.
    /// anchors.c lists the same words (icp_words).
    static let icpFilingWords: Set<String> = ["bei", "prepared", "filing", "record", "recordal", "beian"]
    static let icpLicenceWords: Set<String> = ["zheng"]
    static let icpNeutralWords: Set<String> = ["license", "licence", "certificate", "no", "number", "registration"]

    // MARK: Other footer licences (formats.md §6)

    /// 网文 of 京网文〔2020〕…, and 许字 in older ones (滇网文许字【2014】…).
    static let culture: [Unicode.Scalar] = scalars("网文")
    static let cultureOldWord: [Unicode.Scalar] = scalars("许字")
    /// 字第 of （沪）字第1248号.
    static let broadcast: [Unicode.Scalar] = scalars("字第")
    /// 网出证 of （署）网出证（粤）字第054号, and its predecessor 新出网证（京）字172号.
    static let publishing: [Unicode.Scalar] = scalars("网出证")
    static let publishingOld: [Unicode.Scalar] = scalars("新出网证")
    /// The licence's name, written where 网出证 would stand: 网络出版服务许可证（京）字121号.
    static let publishingName: [Unicode.Scalar] = scalars("网络出版服务许可证")
    /// Issuers in the brackets of a programme production licence that name no province: the
    /// national radio and TV administration (（广媒）字第172号, people.cn).
    static let nationalBroadcastIssuers: Set<String> = ["广媒"]
    static let character: Unicode.Scalar = "字"
    static let ordinal: Unicode.Scalar = "第"
    /// 经营性 of (京)-经营性-2017-0020, after 非 in 非经营性.
    static let drugBusiness: [Unicode.Scalar] = scalars("经营性")
    static let nonCommercial: Unicode.Scalar = "非"
    /// Labels the 7-digit audio-visual licence needs.
    static let audiovisual: [[Unicode.Scalar]] = ["视听节目许可证", "网络视听许可证", "视听许可证"].map(scalars)
    /// The religious information licence's label (京（2022）0000043 needs it).
    static let religious: [Unicode.Scalar] = scalars("宗教信息服务许可证")
    /// 网信算备 of algorithm filings.
    static let algorithm: [Unicode.Scalar] = scalars("网信算备")
    /// USCC labels, longest first; all end in 代码 or 执照 (+ 号 words), the prefilter's anchors.
    static let uscc: [[Unicode.Scalar]] = [
        "统一社会信用代码", "社会信用代码", "信用代码", "营业执照注册号", "营业执照编号", "营业执照号码", "营业执照号", "营业执照",
    ].map(scalars)
    /// Words between a licence label and its number.
    static let numberWords: [[Unicode.Scalar]] = ["编号", "号码", "号", "No.", "No"].map(scalars)

    static func scalars(_ text: String) -> [Unicode.Scalar] { Array(text.unicodeScalars) }
}
