/// The lines of a generated Swift array literal's items: each item as given (with its comma),
/// wrapped before 110 columns, indented under the declaration.
func generatedListLines(_ items: [String]) -> [String] {
    var lines: [String] = []
    var line = "       "
    for item in items {
        if line.count + item.count > 110 {
            lines.append(line)
            line = "       "
        }
        line += item
    }
    if line.count > 7 { lines.append(line) }
    return lines
}
