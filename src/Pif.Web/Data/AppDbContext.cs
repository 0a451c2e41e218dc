using EFCore.NamingConventions.Internal;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Infrastructure.Exports;
using Pif.Web.Modules.CaseStudies;
using Pif.Web.Modules.Evidence;
using Pif.Web.Modules.Frameworks;
using Pif.Web.Modules.ImprovementPlans;
using Pif.Web.Modules.NationalOutcomes;
using Pif.Web.Modules.Notifications;
using Pif.Web.Modules.Organisations;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.Organisations.ApiKeys;
using Pif.Web.Modules.Organisations.Audit;
using Pif.Web.Modules.Outcomes;
using Pif.Web.Modules.PerformanceIndicators;
using Pif.Web.Modules.PerformanceIndicators.Analysis;
using Pif.Web.Modules.PerformanceIndicators.CareRegister;
using Pif.Web.Modules.PerformanceIndicators.Importing;
using Pif.Web.Modules.PerformanceIndicators.Targets;
using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Web.Data;

/// <summary>
/// The whole model. Each provider has an empty subclass that owns its own migrations,
/// so SQLite and PostgreSQL can each have the schema that suits them.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : IdentityUserContext<PifUser, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<OrganisationAlias> OrganisationAliases => Set<OrganisationAlias>();

    public DbSet<Membership> Memberships => Set<Membership>();

    public DbSet<LinkInspectorAssignment> LinkInspectorAssignments => Set<LinkInspectorAssignment>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<UserSession> UserSessions => Set<UserSession>();

    public DbSet<HeldSecret> HeldSecrets => Set<HeldSecret>();

    public DbSet<KeptForm> KeptForms => Set<KeptForm>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Framework> Frameworks => Set<Framework>();

    public DbSet<FrameworkVersion> FrameworkVersions => Set<FrameworkVersion>();

    public DbSet<FrameworkGroup> FrameworkGroups => Set<FrameworkGroup>();

    public DbSet<QualityIndicator> QualityIndicators => Set<QualityIndicator>();

    public DbSet<QiTheme> QiThemes => Set<QiTheme>();

    public DbSet<QiIllustration> QiIllustrations => Set<QiIllustration>();

    public DbSet<ChallengeQuestion> ChallengeQuestions => Set<ChallengeQuestion>();

    public DbSet<SuggestedEvidence> SuggestedEvidence => Set<SuggestedEvidence>();

    public DbSet<FrameworkMapping> FrameworkMappings => Set<FrameworkMapping>();

    public DbSet<EvaluationScale> EvaluationScales => Set<EvaluationScale>();

    public DbSet<ScaleLevel> ScaleLevels => Set<ScaleLevel>();

    public DbSet<SelfEvaluation> SelfEvaluations => Set<SelfEvaluation>();

    public DbSet<QiEvaluation> QiEvaluations => Set<QiEvaluation>();

    public DbSet<QiAssignment> QiAssignments => Set<QiAssignment>();

    public DbSet<EvaluationRecord> EvaluationRecords => Set<EvaluationRecord>();

    public DbSet<RecordItem> RecordItems => Set<RecordItem>();

    public DbSet<QiComment> QiComments => Set<QiComment>();

    public DbSet<ValidationDecision> ValidationDecisions => Set<ValidationDecision>();

    public DbSet<QiThreadRead> QiThreadReads => Set<QiThreadRead>();

    public DbSet<Infrastructure.OnceOnly.OnceToken> OnceTokens => Set<Infrastructure.OnceOnly.OnceToken>();

    public DbSet<EvidenceItem> EvidenceItems => Set<EvidenceItem>();

    public DbSet<EvidenceFile> EvidenceFiles => Set<EvidenceFile>();

    public DbSet<FileChunk> FileChunks => Set<FileChunk>();

    public DbSet<EvidenceLink> EvidenceLinks => Set<EvidenceLink>();

    public DbSet<ImprovementPlan> ImprovementPlans => Set<ImprovementPlan>();

    public DbSet<PerformanceIndicator> PerformanceIndicators => Set<PerformanceIndicator>();

    public DbSet<IndicatorValue> IndicatorValues => Set<IndicatorValue>();

    public DbSet<FamilyGroupMembership> FamilyGroupMemberships => Set<FamilyGroupMembership>();

    public DbSet<CouncilIndicatorYear> CouncilIndicatorYears => Set<CouncilIndicatorYear>();

    public DbSet<IndicatorImport> IndicatorImports => Set<IndicatorImport>();

    public DbSet<ImportColumnMapping> ImportColumnMappings => Set<ImportColumnMapping>();

    public DbSet<SpcRebase> SpcRebases => Set<SpcRebase>();

    public DbSet<QiIndicatorLink> QiIndicatorLinks => Set<QiIndicatorLink>();

    public DbSet<RegisteredService> RegisteredServices => Set<RegisteredService>();

    public DbSet<PlanAction> PlanActions => Set<PlanAction>();

    public DbSet<ActionSource> ActionSources => Set<ActionSource>();

    public DbSet<ActionUpdate> ActionUpdates => Set<ActionUpdate>();

    public DbSet<PlanApproval> PlanApprovals => Set<PlanApproval>();

    public DbSet<Milestone> Milestones => Set<Milestone>();

    public DbSet<PdsaCycle> PdsaCycles => Set<PdsaCycle>();

    public DbSet<CaseStudy> CaseStudies => Set<CaseStudy>();

    public DbSet<CaseStudyRevision> CaseStudyRevisions => Set<CaseStudyRevision>();

    public DbSet<CaseStudyQi> CaseStudyQis => Set<CaseStudyQi>();

    public DbSet<CaseStudyIndicator> CaseStudyIndicators => Set<CaseStudyIndicator>();

    public DbSet<CaseStudyAction> CaseStudyActions => Set<CaseStudyAction>();

    public DbSet<CaseStudyEvidence> CaseStudyEvidence => Set<CaseStudyEvidence>();

    public DbSet<CaseStudyOutcome> CaseStudyOutcomes => Set<CaseStudyOutcome>();

    public DbSet<CaseStudyComment> CaseStudyComments => Set<CaseStudyComment>();

    public DbSet<CaseStudySearchEntry> CaseStudySearchEntries => Set<CaseStudySearchEntry>();

    public DbSet<OutcomeSet> OutcomeSets => Set<OutcomeSet>();

    public DbSet<NationalOutcome> NationalOutcomes => Set<NationalOutcome>();

    public DbSet<OutcomeAgreement> OutcomeAgreements => Set<OutcomeAgreement>();

    public DbSet<ExportJob> ExportJobs => Set<ExportJob>();

    public DbSet<ExportFile> ExportFiles => Set<ExportFile>();

    public DbSet<LocalOutcome> LocalOutcomes => Set<LocalOutcome>();

    public DbSet<LocalOutcomeNational> LocalOutcomeNationals => Set<LocalOutcomeNational>();

    public DbSet<LocalOutcomeIndicator> LocalOutcomeIndicators => Set<LocalOutcomeIndicator>();

    public DbSet<LocalOutcomeQi> LocalOutcomeQis => Set<LocalOutcomeQi>();

    public DbSet<LocalOutcomeAction> LocalOutcomeActions => Set<LocalOutcomeAction>();

    public DbSet<LocalOutcomeCaseStudy> LocalOutcomeCaseStudies => Set<LocalOutcomeCaseStudy>();

    public DbSet<ProgressStatement> ProgressStatements => Set<ProgressStatement>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();

    public DbSet<NotificationDelivery> NotificationDeliveries => Set<NotificationDelivery>();

    /// <summary>
    /// The naming every Pif database uses: snake_case tables and columns. The app's pooled contexts get it in their
    /// options (a pooled context may not change its options); a context made with options of its own, as the tools
    /// and tests make them, gets it here.
    /// </summary>
    public static DbContextOptionsBuilder Conventions(DbContextOptionsBuilder optionsBuilder)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);
        return optionsBuilder.Options.FindExtension<NamingConventionsOptionsExtension>() is null ? optionsBuilder.UseSnakeCaseNamingConvention() : optionsBuilder;
    }

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) => Conventions(optionsBuilder);

    /// <summary>
    /// How many times this context has given the data a new stamp; <see cref="Infrastructure.Caching.DataCache"/>
    /// reads the stamp again when it moved. It only grows, so a pooled context need not reset it.
    /// </summary>
    public int Stamps { get; private set; }

    internal void Stamped() => Stamps++;

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (DataChanges.StampIfChanged(this))
        {
            Stamped();
        }

        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (DataChanges.StampIfChanged(this))
        {
            Stamped();
        }

        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        // Ids are Guid v7 values made in the app. Telling EF they are never generated lets it
        // see a new child added to a tracked parent as an insert, not an update.
        foreach (var key in builder.Model.GetEntityTypes().Select(e => e.FindPrimaryKey()))
        {
            if (key is { Properties: [{ ClrType: var type } property] } && type == typeof(Guid))
            {
                property.ValueGenerated = Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never;
            }
        }
    }
}
