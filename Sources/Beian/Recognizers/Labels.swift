/// The literal words recognisers look for, after normalisation (simplified, half-width).
/// Kept in one table so that the prefilter's anchors (anchors.c) can be checked against them.
enum Labels {
    static let icp: [Unicode.Scalar] = scalars("ICP")
    static let filingMark: Unicode.Scalar = "备"
    static let licenceMark: Unicode.Scalar = "证"
    static let numberMark: Unicode.Scalar = "号"

    /// 公网安备 and the prefix-less labels of public security filings (formats.md §3).
    static let publicSecurity: [Unicode.Scalar] = scalars("公网安备")
    static let publicSecurityBare: [[Unicode.Scalar]] = ["公安备案号", "公安机关备案号", "网安备案号", "公安备案"].map(scalars)

    /// News licence labels (formats.md §4): the label must precede the 10–11 digits.
    static let news: [[Unicode.Scalar]] = [
        "新闻信息服务许可证", "News Information Service License", "News Information Service Licence",
    ].map(scalars)
    /// Words that may stand between a news label and its digits.
    static let newsNumberWords: [[Unicode.Scalar]] = ["编号", "号码", "号", "No.", "No", "Number"].map(scalars)

    /// 合字: foreign-invested telecom licences.
    static let foreignInvested: [Unicode.Scalar] = scalars("合字")

    /// Chinese hotline labels start with one of these …
    static let hotlineZh: [[Unicode.Scalar]] = ["举报", "投诉"].map(scalars)
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

    static func scalars(_ text: String) -> [Unicode.Scalar] { Array(text.unicodeScalars) }
}
