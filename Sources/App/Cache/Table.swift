/// The tables whose writes the read cache watches. Each has a row in `table_versions` that a
/// database trigger bumps on every insert, update and delete — whoever writes: this process,
/// another instance, the CLI or a plain SQL statement.
///
/// Not watched (no cached read depends on them, and they are written on nearly every request or
/// write): sessions (`persist_entries`), sign-in attempts and the audit log.
enum Table: String, CaseIterable, Sendable {
    case actionPlans = "action_plans"
    case actionUpdates = "action_updates"
    case apiTokens = "api_tokens"
    case assessments
    case assessmentVersions = "assessment_versions"
    case benchmarkSettings = "benchmark_settings"
    case capacityOffers = "capacity_offers"
    case capacityRequests = "capacity_requests"
    case cities
    case cityFacts = "city_facts"
    case cityForecasts = "city_forecasts"
    case cityProgrammes = "city_programmes"
    case cityTargets = "city_targets"
    case customFactors = "custom_factors"
    case frameworks
    case frameworkEditions = "framework_editions"
    case inventories
    case inventoryLines = "inventory_lines"
    case inventoryVersions = "inventory_versions"
    case knowledgeItems = "knowledge_items"
    case knowledgeVersions = "knowledge_versions"
    case membershipApplications = "membership_applications"
    case mitigationActions = "mitigation_actions"
    case organisations
    case peerGroups = "peer_groups"
    case programmes
    case reportedEmissions = "reported_emissions"
    case reviewAssignments = "review_assignments"
    case reviewConflicts = "review_conflicts"
    case reviewDocuments = "review_documents"
    case reviewMarkHistory = "review_mark_history"
    case reviewMarks = "review_marks"
    case reviewRecommendationUpdates = "review_recommendation_updates"
    case reviewRecommendations = "review_recommendations"
    case reviewReplies = "review_replies"
    case reviewReports = "review_reports"
    case reviewRequests = "review_requests"
    case searchDocuments = "search_documents"
    case searchTerms = "search_terms"
    case setupTokens = "setup_tokens"
    case storedFiles = "stored_files"
    case users

    /// Tables deliberately left without a version trigger (see above), and the operations tables no
    /// page is made from: job leases (written by background jobs every tick), the mail queue and mail
    /// preferences (read only by pages rendered per request: the account's and the secretariat's).
    static let unwatched: Set<String> = [
        "persist_entries", "login_attempts", "audit_entries", "job_leases", "mail_messages", "mail_preferences",
    ]
}
