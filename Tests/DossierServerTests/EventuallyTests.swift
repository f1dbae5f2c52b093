import Testing

/// The polling helper the server tests wait with.
@Suite struct EventuallyTests {
    @Test func aConditionThatNeverHoldsEndsFalse() async {
        #expect(await eventually(0.2) { false } == false)
    }

    /// True on the second call: one poll and the check after the time is up, when the test pool
    /// is starved past the cap (other tests run beside this one, on two threads).
    @Test func aConditionThatComesToHoldEndsTrueAtOnce() async {
        var calls = 0
        #expect(await eventually(5) { calls += 1; return calls == 2 })
        #expect(calls == 2)
    }
}
