import AuthLabCLI
import Testing

@Suite("ValueParser")
struct ValueParserTests {
    @Test("durations: bare seconds and s/m/h/d units, combined; bad input is nil")
    func durations() {
        #expect(ValueParser.seconds("900") == 900)
        #expect(ValueParser.seconds("30s") == 30)
        #expect(ValueParser.seconds("15m") == 900)
        #expect(ValueParser.seconds("1h") == 3600)
        #expect(ValueParser.seconds("1h30m") == 5400)
        #expect(ValueParser.seconds("7d") == 604_800)
        for bad in [
            "", "-5", "1.5h", "h", "15x", "1h30", " 5", "9999999999999999999", "99999999999999999d",
        ] {
            #expect(ValueParser.seconds(bad) == nil, "\(bad)")
        }
    }

    @Test("integers parse within range and never trap")
    func integers() {
        #expect(ValueParser.int("8080", in: 1...65535) == 8080)
        #expect(ValueParser.int("0", in: 1...65535) == nil)
        #expect(ValueParser.int("99999999999999999999999") == nil)
        #expect(ValueParser.int("12a") == nil)
        #expect(ValueParser.int("-3") == -3)
    }

    @Test("booleans accept exactly the documented words")
    func booleans() {
        #expect(ValueParser.bool("YES") == true)
        #expect(ValueParser.bool("0") == false)
        #expect(ValueParser.bool("on") == nil)
        #expect(ValueParser.bool("") == nil)
    }
}
