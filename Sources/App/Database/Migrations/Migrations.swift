import FluentKit

/// The one ordered, append-only list of migrations for SQLite and PostgreSQL alike.
/// Never edit a migration that has landed; add a new one.
enum AppMigrations {
    static let all: [any Migration] = [
        M001_CreateCities(),
        M002_CreateCityFacts(),
        M003_CreateProgrammes(),
        M004_CreateOrganisations(),
        M005_CreateUsers(),
        M006_CreateMembershipApplications(),
        M007_CreateTokens(),
        M008_CreateSessionsAndLoginAttempts(),
        M009_CreateAuditEntries(),
        M010_CreateInventories(),
        M011_CreateCustomFactors(),
        M012_CreateTargets(),
        M013_CreateActions(),
        M014_AddVersionMissingCells(),
        M015_AddRegistryStampIndexes(),
        M016_CreateKnowledge(),
        M017_CreateCapacityBuilding(),
        M018_AddPhotosAndPlanEvents(),
        M019_CreateTableVersions(),
        M020_AddSessionUser(),
        M021_CreateFrameworksAndAssessments(),
        M022_AddVersionFiguresAndFactBasis(),
        M025_CreateReviewRequests(),
        M026_CreateReviewAssignments(),
        M027_CreateReviewMarks(),
        M028_CreateReviewReplies(),
        M029_CreateReviewReports(),
        M030_CreateJobLeases(),
        M031_CreateMailMessages(),
        M032_CreateMailPreferences(),
        M033_AddApplicationLocale(),
        M040_AddLinePollutantColumns(),
        M041_AddInventoryKind(),
        M042_AddInventoryAirEdition(),
        M043_AddActionEnergyAvoided(),
        M044_AddRecommendationRespondedAt(),
    ]
}
