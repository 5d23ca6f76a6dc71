/// An ordered, multi-valued list of header fields with case-insensitive names.
public struct HTTPHeaders: Sendable, Equatable, Sequence, ExpressibleByDictionaryLiteral {
    /// One header line; `value` holds ISO-8859-1 scalars when the bytes were not UTF-8.
    public struct Field: Sendable, Equatable {
        public var name: String
        public var value: String
        /// True when `value` was decoded byte-per-scalar because the bytes were not UTF-8.
        public var isLatin1: Bool

        public init(name: String, value: String, isLatin1: Bool = false) {
            self.name = name
            self.value = value
            self.isLatin1 = isLatin1
        }

        /// The exact bytes of the value as received (or as they will be sent).
        public var valueBytes: [UInt8] {
            HeaderText.bytes(of: value, isLatin1: isLatin1)
        }
    }

    public private(set) var fields: [Field]

    public init() {
        fields = []
    }

    public init(_ pairs: [(String, String)]) {
        fields = pairs.map { Field(name: $0.0, value: $0.1) }
    }

    public init(dictionaryLiteral elements: (String, String)...) {
        fields = elements.map { Field(name: $0.0, value: $0.1) }
    }

    public var count: Int { fields.count }
    public var isEmpty: Bool { fields.isEmpty }

    public func makeIterator() -> IndexingIterator<[Field]> {
        fields.makeIterator()
    }

    /// Appends a field, keeping any existing ones of the same name.
    public mutating func add(name: String, value: String) {
        fields.append(Field(name: name, value: value))
    }

    /// Appends a field as received (possibly Latin-1 decoded).
    public mutating func add(_ field: Field) {
        fields.append(field)
    }

    /// Removes every field called `name`, then appends one with `value`.
    public mutating func replaceOrAdd(name: String, value: String) {
        remove(name: name)
        fields.append(Field(name: name, value: value))
    }

    /// Removes every field called `name`.
    public mutating func remove(name: String) {
        fields.removeAll { HeaderText.namesEqual($0.name, name) }
    }

    /// The first value of `name`, if any.
    public subscript(name: String) -> String? {
        for field in fields where HeaderText.namesEqual(field.name, name) {
            return field.value
        }
        return nil
    }

    /// Every value of `name`, in the order received.
    public func values(for name: String) -> [String] {
        fields.lazy.filter { HeaderText.namesEqual($0.name, name) }.map(\.value)
    }

    /// Whether at least one field is called `name`.
    public func contains(_ name: String) -> Bool {
        fields.contains { HeaderText.namesEqual($0.name, name) }
    }
}
