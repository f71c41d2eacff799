import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A parsed XML element (SVG or XHTML), so tests check the structure of a chart, not its bytes.
final class XMLTree {
    let name: String
    let attributes: [String: String]
    var children: [XMLTree] = []
    var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// Every element below this one (itself included), in document order.
    var all: [XMLTree] { [self] + children.flatMap(\.all) }

    func elements(_ name: String, class wanted: String? = nil) -> [XMLTree] {
        all.filter { element in
            guard element.name == name else { return false }
            guard let wanted else { return true }
            return (element.attributes["class"] ?? "").split(separator: " ").contains { $0 == wanted }
        }
    }

    /// All text below this element, concatenated.
    var allText: String { text + children.map(\.allText).joined() }

    func number(_ attribute: String) -> Double? { attributes[attribute].flatMap(Double.init) }

    /// Parses `text`; throws when it is not well-formed XML (an unescaped `<` or `&` from the input would be).
    static func parse(_ text: String) throws -> XMLTree {
        let builder = Builder()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw ParseError(description: parser.parserError.map { "\($0)" } ?? "no root element")
        }
        return root
    }

    struct ParseError: Error, CustomStringConvertible { var description: String }

    private final class Builder: NSObject, XMLParserDelegate {
        var stack: [XMLTree] = []
        var root: XMLTree?

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            let element = XMLTree(name: name, attributes: attributes)
            stack.last?.children.append(element)
            if root == nil { root = element }
            stack.append(element)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }
    }
}
