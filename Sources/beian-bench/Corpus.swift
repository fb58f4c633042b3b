import Beian
import Foundation

/// A seeded SplitMix64: the same corpus on every machine.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// One registration the corpus planted: the ground truth the scanner is measured against.
struct Planted: Hashable {
    let kind: String
    let start: Int
    let end: Int
    let number: String
}

/// A generated page: its bytes as served, its encoding and what it contains.
struct Page {
    let name: String
    let bytes: [UInt8]
    let encoding: String
    let truth: [Planted]
}

/// Generates the benchmark corpus: HTML pages of 20–250 KB with Chinese prose, inline
/// scripts and styles, navigation, decoys that must not be found, and one footer of 1–6
/// registrations in every rendering, valid and invalid; one page in eight is served as GBK.
///
/// The ground truth is built independently of the scanner: each registration is written
/// as text before / identifier / text after, and the identifier's byte range is recorded
/// as it is encoded.
struct CorpusGenerator {
    var random: SplitMix

    init(seed: UInt64) { random = SplitMix(state: seed) }

    // MARK: Pieces of text

    /// Common words; three hold an anchor character (设备, 报道, 证明), so prose has anchors
    /// to reject at about four times the rate of real Chinese text.
    private static let proseWords = [
        "政府", "工作", "发展", "经济", "社会", "建设", "推进", "改革", "创新", "服务", "管理", "企业", "市场", "设备",
        "报道", "证明", "举办", "投资", "可以", "安全", "网络", "信息", "平台", "用户", "数据", "技术", "产品", "公司",
        "城市", "文化", "教育", "医疗", "交通", "环境", "旅游", "新闻", "记者", "表示", "会议", "活动", "项目", "资金",
        "政策", "地区", "群众", "生活", "质量", "标准", "体系", "能力", "我们", "他们", "这个", "一个", "没有", "因为",
        "所以", "但是", "已经", "现在", "今天", "时间", "问题", "情况", "方面", "进行", "提高", "加强", "实现", "重要",
        "国家", "人民", "中国", "全国", "地方", "部门", "单位", "机构", "组织", "领导", "干部", "职工", "学生", "老师",
        "学校", "医院", "家庭", "孩子", "朋友", "世界", "国际", "合作", "交流", "贸易", "金融", "银行", "价格", "收入",
        "增长", "下降", "目标", "任务", "要求", "意见", "建议", "方案", "计划", "措施", "制度", "法律", "规定", "条例",
        "研究", "分析", "调查", "统计", "结果", "影响", "作用", "关系", "历史", "未来", "传统", "现代", "科学", "自然",
        "资源", "能源", "电力", "水利", "农业", "工业", "制造", "生产", "消费", "需求", "供给", "运输", "物流", "通信",
    ]
    private static let punctuation = ["，", "，", "。", "、", "；", "：", "“", "”"]
    private static let navigation = ["首页", "新闻中心", "政务公开", "办事服务", "互动交流", "专题专栏", "关于我们", "联系我们"]
    /// Text that looks close to an identifier but is none: every one must stay unreported.
    private static let decoys = [
        "设备编号12345678", "订单号：202401011234", "证券代码：600519", "报道时间 2024-01-01", "ICP-MS 检测",
        "举报邮箱：jubao@example.com", "版本号 v2.3.1", "B2B平台", "联系电话：010-12345678", "服务热线：400-123-4567",
        "日报 2023年12月", "保证金 5000元", "准备了 123 份材料", "report 2024-05", "license: MIT 2.0",
    ]
    /// Footer text seen on real pages that is no registration: a joke registry, a reporting
    /// site's name, another domain's complaint line, a record code only in a link's URL. One
    /// footer in four has one.
    private static let footerDecoys = [
        "萌ICP备20220417号", "中组部12380举报网", "全国旅游投诉电话：12345",
        "<a href=\"http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=11010502030143\">公安备案</a>",
    ]

    private mutating func pick<T>(_ items: [T]) -> T { items.randomElement(using: &random)! }
    private mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }
    private mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &random) < p }
    private mutating func digits(_ count: Int) -> String { String((0..<count).map { _ in Character(String(int(0...9))) }) }

    private mutating func sentence() -> String {
        var text = ""
        for _ in 0..<int(6...18) {
            text += pick(Self.proseWords)
            if chance(0.1) { text += "\(int(1...2025))" }
            if chance(0.2) { text += pick(Self.punctuation) }
        }
        return text + "。"
    }

    private mutating func script() -> String {
        """
        <script>var config={id:\(int(1...99999)),ts:"2024-0\(int(1...9))-1\(int(0...9))",ver:"\(int(1...9)).\(int(0...9))"};
        function reportError(code){if(code>\(int(100...999))){console.log("report-"+code);}}
        document.querySelectorAll(".nav-item").forEach(function(e,i){e.style.marginLeft=(i*12)+"px";});</script>

        """
    }

    // MARK: Registrations

    /// Provinces used for registrations: abbreviation, traditional form, GB/T 2260 code,
    /// a county-level division in it, and a long-distance area code.
    private static let provinces: [(abbr: String, traditional: String, code: String, division: String, area: String)] = [
        ("京", "京", "11", "110105", "10"), ("沪", "滬", "31", "310115", "21"), ("粤", "粵", "44", "440305", "755"),
        ("浙", "浙", "33", "330106", "571"), ("渝", "渝", "50", "500103", "23"), ("苏", "蘇", "32", "320102", "25"),
        ("川", "川", "51", "510104", "28"), ("鲁", "魯", "37", "370102", "531"),
    ]

    /// One registration as text before it (not part of the identifier), the identifier, and
    /// the number Beian reports.
    private mutating func registration() -> (kind: String, label: String, identifier: String, number: String) {
        let province = pick(Self.provinces)
        switch int(0...9) {
        case 0, 1, 2:
            let number = chance(0.1) ? digits(7) : (chance(0.5) ? "20\(int(10...24))\(digits(6))" : "\(int(10...24))\(digits(6))")
            let site = chance(0.3) ? "-\(int(1...9))" : ""
            return ("icp_filing", pick(["", "备案号：", "ICP备案号：", "网站备案："]), "\(province.abbr)ICP备\(number)号\(site)", number)
        case 3:
            let number = digits(6)
            return ("icp_licence", pick(["", "经营许可证："]), "\(province.abbr)ICP证\(number)号", number)
        case 4, 5:
            // One in ten names a division of another province: still found, flagged.
            let division = chance(0.1) ? pick(Self.provinces).division : province.division
            let number = division + digits(8)
            return ("public_security_filing", "", "\(province.abbr)公网安备 \(number)号", number)
        case 6:
            let number = "B2-20" + String(format: "%02d", int(5...24)) + digits(4)
            return ("telecom_licence", pick(["增值电信业务经营许可证：", "经营许可证："]), "\(province.abbr)\(number)", number)
        case 7:
            let number = "\(province.code)1\(int(2005...2024))\(digits(4))"
            return ("news_licence", "互联网新闻信息服务许可证：", number, number)
        default:
            if chance(0.3) { return ("hotline", "违法和不良信息举报电话：", "12377", "12377") }
            let subscriber = province.area.count == 2 ? digits(8) : "8" + digits(7)
            return ("hotline", pick(["违法和不良信息举报电话：", "举报电话：", "投诉电话："]),
                    "0\(province.area)-\(subscriber)", "+86\(province.area)\(subscriber)")
        }
    }

    /// The identifier as a page may print it. Every rendering keeps what Beian reports.
    private mutating func render(_ identifier: String, kind: String) -> String {
        switch int(0...9) {
        case 0:  // full-width letters, digits and dashes
            return String(identifier.unicodeScalars.map { scalar -> Character in
                let value = scalar.value
                if (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || value == 0x2D {
                    return Character(Unicode.Scalar(value == 0x2D ? 0xFF0D : value + 0xFEE0)!)
                }
                return Character(scalar)
            })
        case 1:  // traditional characters
            let map: [Character: String] = ["备": "備", "号": "號", "证": "證", "网": "網", "粤": "粵", "沪": "滬", "苏": "蘇", "鲁": "魯"]
            return String(identifier.flatMap { map[$0] ?? String($0) })
        case 2:  // stray spaces between the parts
            return identifier.replacingOccurrences(of: "ICP", with: " ICP ").replacingOccurrences(of: "号", with: " 号")
                .trimmingCharacters(in: .whitespaces)
        case 3:  // character references
            return identifier.replacingOccurrences(of: "备", with: "&#22791;").replacingOccurrences(of: "号", with: "&#x53f7;")
                .replacingOccurrences(of: " ", with: "&nbsp;")
        case 4 where kind != "hotline" && kind != "news_licence":  // a tag inside
            return identifier.replacingOccurrences(of: "ICP", with: "<span>ICP</span>")
                .replacingOccurrences(of: "公网安备", with: "<b>公网安备</b>")
        case 5 where kind == "icp_filing" || kind == "icp_licence" || kind == "public_security_filing":
            // HTML source that breaks and indents lines between the parts
            return identifier.replacingOccurrences(of: "备", with: "备\n                ").replacingOccurrences(of: "证", with: "证\n    ")
                .replacingOccurrences(of: "号", with: "\n                号")
        case 6 where kind == "icp_filing" || kind == "public_security_filing":  // a line break tag between the parts
            return identifier.replacingOccurrences(of: "公网安备", with: "公网安备<br>").replacingOccurrences(of: "ICP备", with: "ICP备<br>")
        case 7 where kind == "telecom_licence":  // an en dash
            return identifier.replacingOccurrences(of: "-", with: "–")
        default:
            return identifier
        }
    }

    // MARK: Pages

    /// A page of about `size` bytes (UTF-8), with its ground truth. One page in eight is served
    /// as GBK; one in eight is UTF-8 that still declares gb2312 (transcoded when saved).
    mutating func page(index: Int, size: Int) -> Page {
        let gbk = index % 8 == 5
        let transcoded = index % 8 == 3
        let encoding = gbk ? "GBK" : "UTF-8"
        // Segments: text, and whether it is a planted identifier (kind, number).
        var segments: [(text: String, planted: (kind: String, number: String)?)] = []
        func add(_ text: String) { segments.append((text, nil)) }
        add("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"\(gbk ? "gbk" : transcoded ? "gb2312" : "utf-8")\">")
        add("<title>\(pick(Self.proseWords))\(pick(Self.proseWords))网 - 第\(index)页</title>\n")
        add("<style>.nav-item{margin:0 12px;color:#333}.footer p{line-height:1.8;font-size:12px}</style>\n")
        add(script())
        add("</head><body>\n<div class=\"nav\">")
        for item in Self.navigation { add("<a class=\"nav-item\" href=\"/\(item.unicodeScalars.count)/\(int(1...999)).html\">\(item)</a>") }
        add("</div>\n<div class=\"content\">\n")
        var written = segments.reduce(0) { $0 + $1.text.utf8.count }
        let footerReserve = 1200
        while written < size - footerReserve {
            var paragraph = "<p>"
            for _ in 0..<int(2...6) { paragraph += sentence() }
            if chance(0.3) { paragraph += pick(Self.decoys) }
            paragraph += "</p>\n"
            if chance(0.05) { paragraph += script() }
            add(paragraph)
            written += paragraph.utf8.count
        }
        add("</div>\n<div class=\"footer\"><p>版权所有 © 2024 \(pick(Self.proseWords))\(pick(Self.proseWords))有限公司")
        if chance(0.25) { add(" " + pick(Self.footerDecoys) + " ") }
        for _ in 0..<int(1...6) {
            let planted = registration()
            let gap = pick(["&nbsp;&nbsp;", " ", "<br>", "　", " | "])
            let linked = planted.kind == "icp_filing" && chance(0.7)
            // Where it stands: mostly text; else a title attribute, a comment or a script string.
            switch int(0...19) {
            case 0:
                add(gap + "<a href=\"#\" title=\"" + planted.label)
                segments.append((planted.identifier, (planted.kind, planted.number)))
                add("\">\(pick(Self.proseWords))</a>")
            case 1:
                add(gap + "<!-- " + planted.label)
                segments.append((planted.identifier, (planted.kind, planted.number)))
                add(" -->")
            case 2:
                add(gap + "<script>var footer = \"" + planted.label)
                segments.append((planted.identifier, (planted.kind, planted.number)))
                add("\";</script>")
            default:
                add(gap + planted.label)
                if linked { add("<a href=\"https://beian.miit.gov.cn/\" target=\"_blank\">") }
                segments.append((render(planted.identifier, kind: planted.kind), (planted.kind, planted.number)))
                if linked { add("</a>") }
            }
        }
        add("</p></div>\n</body></html>\n")
        // Encode segment by segment (GBK is stateless, so the pieces concatenate), recording ranges.
        var bytes: [UInt8] = []
        var truth: [Planted] = []
        for segment in segments {
            let encoded = gbk ? (TextEncoding.encode(segment.text, as: "GBK") ?? []) : Array(segment.text.utf8)
            if let planted = segment.planted {
                truth.append(Planted(kind: planted.kind, start: bytes.count, end: bytes.count + encoded.count, number: planted.number))
            }
            bytes += encoded
        }
        return Page(name: String(format: "page-%05d.html", index), bytes: bytes, encoding: encoding, truth: truth)
    }

    /// Pages until `totalBytes` is reached, sizes uniform in 20–250 KB.
    mutating func corpus(totalBytes: Int) -> [Page] {
        var pages: [Page] = []
        var total = 0
        while total < totalBytes {
            let page = page(index: pages.count, size: int(20_000...250_000))
            total += page.bytes.count
            pages.append(page)
        }
        return pages
    }
}
