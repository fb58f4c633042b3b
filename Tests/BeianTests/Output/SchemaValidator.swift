import Foundation

/// A JSON Schema validator for the keywords Beian's schema uses (draft 2020-12 subset:
/// $ref to $defs, oneOf, type, const, enum, required, properties, additionalProperties,
/// items, minItems, minimum, minLength, pattern). An unknown keyword fails loudly, so the schema cannot
/// outgrow the validator unnoticed.
struct SchemaValidator {
    let root: [String: Any]

    static let known: Set<String> = [
        "$schema", "$id", "title", "$defs", "$ref", "oneOf", "type", "const", "enum", "required", "properties",
        "additionalProperties", "items", "minItems", "minimum", "minLength", "pattern",
    ]

    func errors(_ value: Any, _ schema: [String: Any], path: String = "$") -> [String] {
        var errors: [String] = []
        for key in schema.keys where !Self.known.contains(key) { errors.append("\(path): unsupported keyword \(key)") }
        if let ref = schema["$ref"] as? String {
            let name = String(ref.dropFirst("#/$defs/".count))
            guard let defs = root["$defs"] as? [String: Any], let target = defs[name] as? [String: Any] else {
                return ["\(path): unresolved \(ref)"]
            }
            errors += self.errors(value, target, path: path)
        }
        if let options = schema["oneOf"] as? [[String: Any]] {
            let passing = options.filter { self.errors(value, $0, path: path).isEmpty }.count
            if passing != 1 { errors.append("\(path): matches \(passing) of oneOf") }
        }
        if let type = schema["type"] {
            let types = (type as? [String]) ?? [type as! String]
            if !types.contains(where: { Self.matches(value, type: $0) }) { errors.append("\(path): not \(types)") }
        }
        if let constant = schema["const"], !Self.equal(value, constant) { errors.append("\(path): not \(constant)") }
        if let options = schema["enum"] as? [Any], !options.contains(where: { Self.equal(value, $0) }) {
            errors.append("\(path): \(value) not in enum")
        }
        if let object = value as? [String: Any] {
            for key in schema["required"] as? [String] ?? [] where object[key] == nil { errors.append("\(path): missing \(key)") }
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for (key, member) in object {
                if let sub = properties[key] as? [String: Any] {
                    errors += self.errors(member, sub, path: "\(path).\(key)")
                } else if schema["additionalProperties"] as? Bool == false {
                    errors.append("\(path): unexpected \(key)")
                }
            }
        }
        if let array = value as? [Any], let minItems = schema["minItems"] as? Int, array.count < minItems {
            errors.append("\(path): fewer than \(minItems) items")
        }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (index, item) in array.enumerated() { errors += self.errors(item, items, path: "\(path)[\(index)]") }
        }
        if let number = value as? NSNumber, !Self.isBool(value), let minimum = schema["minimum"] as? Int, number.intValue < minimum {
            errors.append("\(path): below \(minimum)")
        }
        if let string = value as? String {
            if let minLength = schema["minLength"] as? Int, string.count < minLength { errors.append("\(path): shorter than \(minLength)") }
            if let pattern = schema["pattern"] as? String, string.range(of: pattern, options: .regularExpression) == nil {
                errors.append("\(path): \(string) does not match \(pattern)")
            }
        }
        return errors
    }

    static func isBool(_ value: Any) -> Bool {
        guard let number = value as? NSNumber else { return false }
        return String(cString: number.objCType) == "c"
    }

    static func matches(_ value: Any, type: String) -> Bool {
        switch type {
        case "null": return value is NSNull
        case "boolean": return isBool(value)
        case "integer": return !isBool(value) && (value as? NSNumber).map { $0.doubleValue == $0.doubleValue.rounded() } == true
        case "string": return value is String
        case "array": return value is [Any]
        case "object": return value is [String: Any]
        default: return false
        }
    }

    static func equal(_ a: Any, _ b: Any) -> Bool {
        if a is NSNull || b is NSNull { return a is NSNull && b is NSNull }
        if isBool(a) != isBool(b) { return false }
        return (a as? NSObject)?.isEqual(b) == true
    }
}
