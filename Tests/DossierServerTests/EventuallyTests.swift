import Testing

/// The polling helper the server tests wait with.
@Suite struct EventuallyTests {
    @Test func aConditionThatNeverHoldsEndsFalse() async {
        #expect(await eventually(0.2) { false } == false)
    }

    @Test func aConditionThatComesToHoldEndsTrueAtOnce() async {
        var calls = 0
        #expect(await eventually(5) { calls += 1; return calls == 3 })
        #expect(calls == 3)
    }
}
