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
                                  range: range, isHTML: html)
    }

    /// Any rendering.
    public static let rendering = Gen<Rendering>.case

    /// Identifiers of any kind in any rendering.
    public static func rendered(in province: Province? = nil) -> Generator<RenderedIdentifier, some SendableSequenceType> {
        zip(identifier(in: province), rendering).map { render($0, as: $1) }
    }

    // MARK: Character forms

    /// An ICP or public security identifier as English footers print it (formats.md §7).
    static func english(_ identifier: SampleIdentifier) -> String {
        let place = identifier.province.map { $0.en + " " } ?? ""
        let site = identifier.text.split(separator: "-").dropFirst().first.map { "-\($0)" } ?? ""
        switch identifier.kind {
        case .icpFiling: return "\(place)ICP Filing No. \(identifier.number)\(site)"
        case .icpLicence: return "\(place)ICP License No. \(identifier.number)"
        default: return "\(place)Public Network Security No. \(identifier.number)"
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
