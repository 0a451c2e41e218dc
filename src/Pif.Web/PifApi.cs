using Pif.Web.Infrastructure;
using Pif.Web.Modules.CaseStudies;
using Pif.Web.Modules.Evidence;
using Pif.Web.Modules.Frameworks;
using Pif.Web.Modules.ImprovementPlans;
using Pif.Web.Modules.NationalOutcomes;
using Pif.Web.Modules.Notifications;
using Pif.Web.Modules.Organisations.ApiKeys;
using Pif.Web.Modules.Outcomes;
using Pif.Web.Modules.PerformanceIndicators;
using Pif.Web.Modules.PerformanceIndicators.Analysis;
using Pif.Web.Modules.Reports;
using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Web;

/// <summary>Every module's API under /api/v1, behind an API key (or the sign-in cookie for reading).</summary>
public static class PifApi
{
    public static WebApplication MapPifApi(this WebApplication app)
    {
        var api = app.MapApiGroup(ApiKeysSetup.ApiPolicy);
        api.MapOrganisationsApi();
        api.MapFrameworksApi();
        api.MapSelfEvaluationsApi();
        api.MapEvidenceApi();
        api.MapImprovementPlansApi();
        api.MapPerformanceIndicatorsApi();
        api.MapIndicatorAnalysisApi();
        api.MapNationalOutcomesApi();
        api.MapCaseStudiesApi();
        api.MapOutcomesApi();
        api.MapReportsApi();
        api.MapNotificationsApi();
        return app;
    }
}
