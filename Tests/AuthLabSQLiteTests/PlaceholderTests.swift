import Testing

@Test("the package builds and the test runner runs")
func packageBuilds() {
    #expect(1 + 1 == 2)
}
