import Beian
import Foundation
import PropertyBased

/// The ways a page may print an identifier. Every rendering keeps what Beian reports: the
/// same kind, number and province, at the byte range `RenderedIdentifier.range`.
public enum Rendering: String, Sendable, CaseIterable {
    /// As generated: simplified, half-width.
    case plain
    /// Letters, digits and dashes in full-width forms (ＩＣＰ１２３－).
    case fullWidth
    /// Traditional characters (粵ICP備…號, 舉報電話).
    case traditional
    /// Stray spaces between the parts (京 ICP 备 12345678 号).
    case spaced
    /// Character references for label characters and spaces (&#22791;, &nbsp;).
    case entities
    /// HTML tags around and inside (<span>京<b>ICP</b>备…</span>).
    case tagged
    /// Run together with neighbouring words, no space either side.
    case runTogether
    /// Traditional text served as Big5 bytes.
    case big5
    /// Served as GB18030 (GBK) bytes.
    case gbk
    /// In English: labels for hotlines and news licences, the whole identifier for ICP filings
    /// and licences and public security filings ("Beijing ICP Filing No. 12345678-1"); plain otherwise.
    case englishLabel
    /// HTML source that breaks and indents lines between the parts (京公网安备⏎␣␣␣␣11010802027341⏎␣␣␣␣号):
    /// ICP, public security, culture and algorithm filings; plain otherwise.
    case lineBroken
    /// Tags between the parts, as footers print them: `<br>`, `</a> <a href=…>`, `<img …>`
    /// (沪公网安备<br>31010102006431号); the kinds of `lineBroken`, plain otherwise.
    case tagsBetween
    /// The licence's name right before a bracket: 网上传播视听节目许可证（0106168）,
    /// 广播电视节目制作经营许可证（京）字第03889号, 互联网药品信息服务资格证书（粤）-经营性-…;
    /// plain for kinds printed otherwise.
    case bracketedLabel
    /// Every dash as another dash pages print: em dash (drug certificates), en dash (telecom
    /// licences), full-width hyphen (others).
    case dashes
    /// In a `title` attribute of a link: found with context `attribute`.
    case attribute
    /// Inside an HTML comment: found with context `comment`.
    case comment
    /// Inside a string of a `<script>`: found with context `script`.
    case script
    /// A page saved as UTF-8 that still declares `<meta charset="gb2312">` (read as UTF-8, with
    /// `charset_mismatch`).
    case transcoded
}

/// An identifier rendered into a small document: its bytes, their encoding, and where in
/// them the identifier lies (what Beian must report as `start..<end`).
public struct RenderedIdentifier: Sendable, CustomStringConvertible {
    public let identifier: SampleIdentifier
    public let rendering: Rendering
    public let bytes: [UInt8]
    /// "UTF-8", "GB18030" or "Big5".
    public let encoding: String
    public let range: Range<Int>
    /// Whether the document should be read as HTML (tags and references are only decoded there).
    public let isHTML: Bool
    /// Where the identifier stands, as Beian must report it.
    public let context: FindingContext

    public var description: String {
        "\(rendering.rawValue) [\(encoding)] \(range): " + (encoding == "UTF-8" ? String(decoding: bytes, as: UTF8.self) : identifier.description)
    }
}

extension BeianGen {
    /// Words put before and after a rendered identifier, so that it never starts or ends the
    /// document. They hold no label, digit or province abbreviation.
    static let before = "版权所有：示例公司。"
    static let after = "。联系我们"

    /// Renders `identifier` as `rendering`.
    public static func render(_ identifier: SampleIdentifier, as rendering: Rendering) -> RenderedIdentifier {
        var label = identifier.label
        var text = identifier.text
        var prefix = before + " "
        var suffix = " " + after
        var html = false
        var encoding = "UTF-8"
        var context = FindingContext.text
        switch rendering {
        case .plain:
            break
        case .fullWidth:
            text = fullWidth(text)
        case .traditional, .big5:
            label = traditional(label)
            text = traditional(text)
            prefix = traditional(prefix)
            suffix = traditional(suffix)
            if rendering == .big5 { encoding = "Big5" }
        case .spaced:
            text = text.replacingFirst("ICP", with: " ICP ").replacingFirst("公网安备", with: "公网安备 ")
                .replacingFirst("号", with: " 号")
            if text.hasPrefix(" ") { text.removeFirst() }
        case .entities:
            html = true
            text = text.replacingFirst("备", with: "&#22791;").replacingFirst("证", with: "&#x8bc1;")
                .replacingFirst("号", with: "&#21495;")
            label = label.replacingFirst("：", with: "：&nbsp;")
        case .tagged:
            html = true
            text = text.replacingFirst("ICP", with: "<b>ICP</b>").replacingFirst("公网安备", with: "<span>公网安备</span>")
            prefix = "<div class=\"footer\"><p>" + before + " "
            suffix = " " + after + "</p></div>"
            if identifier.kind == .icpFiling || identifier.kind == .icpLicence {
                // In HTML an ICP filing belongs in a link to the MIIT system (Decree 33).
                prefix += "<a href=\"https://beian.miit.gov.cn/\">"
                suffix = "</a>" + suffix
            }
        case .runTogether:
            prefix = before
            suffix = after
        case .gbk:
            encoding = "GB18030"
        case .englishLabel:
            switch identifier.kind {
            case .hotline: label = "Report hotline: "
            case .newsLicence: label = "Internet News Information Service License No. "
            case .icpFiling, .icpLicence, .publicSecurityFiling:
                text = english(identifier)
            default: break
            }
        case .lineBroken:
            html = true
            text = betweenParts(identifier, "\n                ")
        case .tagsBetween:
            html = true
            text = betweenParts(identifier, "<br>", "</a> <a href=\"#\">", "<img src=\"i.png\">")
        case .bracketedLabel:
            if let name = bracketedName[identifier.kind] {
                label = name
                if identifier.kind == .audiovisualLicence {
                    label += "（"
                    suffix = "）" + suffix
                }
            }
        case .dashes:
            let dash = identifier.kind == .drugInfoCertificate ? "—" : identifier.kind == .telecomLicence ? "–" : "－"
            text = text.replacingOccurrences(of: "-", with: dash)
        case .attribute:
            html = true
            context = .attribute
            prefix = "<p>" + before + " <a href=\"#\" title=\""
            suffix = "\">链接</a> " + after + "</p>"
        case .comment:
            html = true
            context = .comment
            prefix = "<p>" + before + "</p>\n<!-- <p>"
            suffix = "</p> -->\n<p>" + after + "</p>"
        case .script:
            html = true
            context = .script
            prefix = "<p>" + before + "</p><script>var footer = \""
            suffix = "\";</script><p>" + after + "</p>"
        case .transcoded:
            html = true
            prefix = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body><p>"
                + before + " "
            suffix = " " + after + "</p></body></html>"
        }
        let head = prefix + label
        let whole = head + text + suffix
        let bytes: [UInt8]
        let range: Range<Int>
        if encoding == "UTF-8" {
            bytes = Array(whole.utf8)
            range = head.utf8.count..<(head.utf8.count + text.utf8.count)
        } else {
            let start = TextEncoding.encode(head, as: encoding)?.count ?? 0
            let length = TextEncoding.encode(text, as: encoding)?.count ?? 0
            bytes = TextEncoding.encode(whole, as: encoding) ?? []
            range = start..<(start + length)
        }
        return RenderedIdentifier(identifier: identifier, rendering: rendering, bytes: bytes, encoding: encoding,
                                  range: range, isHTML: html, context: context)
    }

    /// Any rendering.
    public static let rendering = Gen<Rendering>.case

    /// Identifiers of any kind in any rendering.
    public static func rendered(in province: Province? = nil) -> Generator<RenderedIdentifier, some SendableSequenceType> {
        zip(identifier(in: province), rendering).map { render($0, as: $1) }
    }

    // MARK: Field forms

    /// The names licences print right before a bracket (the field issue's "label plus bracket").
    static let bracketedName: [Kind: String] = [
        .audiovisualLicence: "网上传播视听节目许可证", .broadcastLicence: "广播电视节目制作经营许可证",
        .drugInfoCertificate: "互联网药品信息服务资格证书",
    ]

    /// `identifier`'s text with `gaps` (used in turn) between its parts: after the province and
    /// the label, before 号. Kinds whose parts do not split so are left as they are.
    static func betweenParts(_ identifier: SampleIdentifier, _ gaps: String...) -> String {
        var text = identifier.text
        var turn = 0
        func next() -> String {
            defer { turn += 1 }
            return gaps[turn % gaps.count]
        }
        switch identifier.kind {
        case .icpFiling, .icpLicence:
            let mark = identifier.kind == .icpFiling ? "备" : "证"
            text = text.replacingFirst("ICP", with: next() + "ICP").replacingFirst("ICP" + mark, with: "ICP" + mark + next())
        case .publicSecurityFiling:
            text = text.replacingFirst("公网安备", with: "公网安备" + next())
        case .cultureLicence:
            text = text.replacingFirst("网文", with: "网文" + next())
        case .algorithmFiling:
            text = text.replacingFirst("网信算备", with: "网信算备" + next())
        default:
            return text
        }
        if let mark = text.range(of: "号", options: .backwards) {
            text.replaceSubrange(mark, with: next() + "号")
        }
        return text
    }

    // MARK: Character forms

    /// An ICP or public security identifier as English footers print it (formats.md §7).
    static func english(_ identifier: SampleIdentifier) -> String {
        let place = identifier.province.map { $0.en + " " } ?? ""
        let site = identifier.text.split(separator: "-").dropFirst().first.map { "-\($0)" } ?? ""
        switch identifier.kind {
        case .icpFiling: return "\(place)ICP Filing No. \(identifier.number)\(site)"
        case .icpLicence: return "\(place)ICP License No. \(identifier.number)"
        default:
            // Both English labels, chosen by the number so that every run covers each.
            let label = identifier.number.last.map { $0.wholeNumberValue ?? 0 }.map { $0 % 2 == 0 } == true
                ? "Public Network Security No." : "PSB Record No."
            return "\(place)\(label) \(identifier.number)"
        }
    }

    static func fullWidth(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            switch scalar.value {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: Unicode.Scalar(scalar.value + 0xFEE0)!
            case 0x2D: "－"
            default: scalar
            }
        }))
    }

    /// Traditional forms of the characters labels and abbreviations use.
    static let traditionalForms: [Character: Character] = [
        "备": "備", "号": "號", "证": "證", "网": "網", "违": "違", "举": "舉", "报": "報", "电": "電", "话": "話",
        "联": "聯", "闻": "聞", "务": "務", "许": "許", "经": "經", "营": "營", "业": "業", "权": "權", "们": "們",
        "晋": "晉", "粤": "粵", "沪": "滬", "苏": "蘇", "辽": "遼", "闽": "閩", "鲁": "魯", "赣": "贛",
        "贵": "貴", "陕": "陝", "宁": "寧", "琼": "瓊", "云": "雲", "陇": "隴", "黔": "黔",
        "统": "統", "会": "會", "码": "碼", "络": "絡", "传": "傳", "视": "視", "听": "聽", "节": "節", "总": "總",
        "执": "執", "广": "廣", "药": "藥", "资": "資", "书": "書",
    ]

    static func traditional(_ text: String) -> String {
        String(text.map { traditionalForms[$0] ?? $0 })
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
