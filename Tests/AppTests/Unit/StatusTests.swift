import Testing

@testable import App

@Suite struct StatusTests {
    @Test func interpolatedStatus_isSpelledAsTheDatabaseSpellsIt() {
        #expect("action_status.\(ActionStatus.inProgress)" == "action_status.in_progress")
        #expect("knowledge.state.\(KnowledgeState.inReview)" == "knowledge.state.in_review")
    }

    @Test func capacityRequest_reportsOnlyMoveForward_andNeverMatch() {
        #expect(CapacityRequestStatus.matched.mayReport(.delivered))
        #expect(CapacityRequestStatus.matched.mayReport(.closed))
        #expect(CapacityRequestStatus.delivered.mayReport(.closed))
        #expect(!CapacityRequestStatus.delivered.mayReport(.matched))
        #expect(!CapacityRequestStatus.open.mayReport(.matched))
        #expect(!CapacityRequestStatus.closed.mayReport(.delivered))
        #expect(!CapacityRequestStatus.delivered.mayReport(.delivered))
    }

    @Test func unknownStoredText_readsAsTheSafestStatus() {
        let organisation = Organisation()
        organisation.statusRaw = "unheard-of"
        #expect(organisation.status == .listed)
        let item = KnowledgeItem()
        item.stateRaw = "unheard-of"
        #expect(item.state == .draft)
    }
}
