using Mono.Cecil;
using Mono.Cecil.Cil;
using NetArchTest.Rules;
using Pif.Statistics;
using Pif.Web.Data;

namespace Pif.Tests;

/// <summary>
/// The layer order (DESIGN.md section 2), held by a table of modules. A new module namespace
/// fails <see cref="EveryModule_HasARowInTheTable"/> until it has a row saying which modules it may use.
/// </summary>
public sealed class ArchitectureTests
{
    private const string ModulesNamespace = "Pif.Web.Modules";

    /// <summary>Reports reads every module, and nothing reads it.</summary>
    private const string Reports = "Reports";

    /// <summary>Every module, and the modules it may use (beyond Infrastructure and Data, which every module may use).</summary>
    private static readonly Dictionary<string, string[]> ModuleTable = new(StringComparer.Ordinal)
    {
        ["Organisations"] = [],
        ["Frameworks"] = ["Organisations"],
        ["Guidance"] = [],
        ["Notifications"] = ["Organisations"],
        ["SelfEvaluations"] = ["Organisations", "Frameworks", "Guidance", "Notifications"],
        ["Evidence"] = ["Organisations", "Frameworks", "SelfEvaluations", "Notifications"],
        ["ImprovementPlans"] = ["Organisations", "Frameworks", "SelfEvaluations", "Evidence", "Notifications"],
        ["PerformanceIndicators"] = ["Organisations", "Frameworks"],
        ["NationalOutcomes"] = ["Organisations"],
        ["CaseStudies"] = ["Organisations", "Frameworks", "Guidance", "SelfEvaluations", "Evidence", "PerformanceIndicators", "ImprovementPlans", "NationalOutcomes", "Notifications"],
        ["Outcomes"] = ["Organisations", "Frameworks", "SelfEvaluations", "ImprovementPlans", "PerformanceIndicators", "NationalOutcomes", "CaseStudies"],
        [Reports] = ["Organisations", "Frameworks", "Guidance", "SelfEvaluations", "Evidence", "ImprovementPlans", "PerformanceIndicators", "NationalOutcomes", "CaseStudies", "Outcomes"],
    };

    private static System.Reflection.Assembly Web => typeof(AppDbContext).Assembly;

    public static TheoryData<string> Modules() => [.. ModuleTable.Keys.Where(m => m != Reports)];

    /// <summary>The modules named by <paramref name="namespaces"/> that have no row in the table.</summary>
    private static List<string> Unlisted(IEnumerable<string?> namespaces) =>
        [.. namespaces.OfType<string>().Where(n => n.StartsWith(ModulesNamespace + ".", StringComparison.Ordinal))
            .Select(n => n.Split('.')[3]).Distinct().Where(m => !ModuleTable.ContainsKey(m)).Order()];

    [Fact]
    public void EveryModule_HasARowInTheTable()
    {
        var unlisted = Unlisted(Web.GetTypes().Select(t => t.Namespace));
        Assert.True(unlisted.Count == 0, $"Add a row to {nameof(ModuleTable)} for {string.Join(", ", unlisted)}: which modules it may use.");
    }

    [Fact]
    public void TheTableTest_NoticesANewModule()
    {
        // The check above, given the namespaces a new module would add.
        Assert.Equal(["Widgets"], Unlisted(["Pif.Web.Modules.Frameworks", "Pif.Web.Modules.Widgets", "Pif.Web.Modules.Widgets.Parts", "Pif.Web.Pages.Widgets", null]));
        Assert.Empty(Unlisted(Web.GetTypes().Select(t => t.Namespace)));
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Module_UsesOnlyTheModulesInItsRow(string module)
    {
        var forbidden = ModuleTable.Keys.Where(m => m != module && !ModuleTable[module].Contains(m)).Select(m => $"{ModulesNamespace}.{m}").ToArray();
        var result = Types.InAssembly(Web).That().ResideInNamespace($"{ModulesNamespace}.{module}")
            .ShouldNot().HaveDependencyOnAny(forbidden)
            .GetResult();

        Assert.True(result.IsSuccessful, $"{module} may use only {string.Join(", ", ModuleTable[module].DefaultIfEmpty("no other module"))}: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void NothingDependsOnReports()
    {
        var reports = $"{ModulesNamespace}.{Reports}";
        foreach (var layer in new[] { ModulesNamespace, "Pif.Web.Infrastructure", "Pif.Web.Data", "Pif.Web.Pages" })
        {
            var result = Types.InAssembly(Web).That().ResideInNamespace(layer)
                .And().DoNotResideInNamespace(reports).And().DoNotResideInNamespace($"Pif.Web.Pages.{Reports}")
                .ShouldNot().HaveDependencyOn(reports)
                .GetResult();
            Assert.True(result.IsSuccessful, "Reports reads the other modules; nothing reads Reports: " + string.Join(", ", result.FailingTypeNames ?? []));
        }
    }

    [Fact]
    public void Infrastructure_DependsOnNoModule()
    {
        var result = Types.InAssembly(Web).That().ResideInNamespace("Pif.Web.Infrastructure")
            .ShouldNot().HaveDependencyOn(ModulesNamespace)
            .GetResult();

        Assert.True(result.IsSuccessful, "Infrastructure is used by the modules, never the other way (wire modules together in the Pif.Web namespace): " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Statistics_DependsOnNothingOfTheWebApp()
    {
        var result = Types.InAssembly(typeof(SampleSize).Assembly)
            .ShouldNot().HaveDependencyOnAny("Pif.Web", "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore")
            .GetResult();

        Assert.True(result.IsSuccessful, "Pif.Statistics must stay pure: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Modules_DoNotDependOnPages()
    {
        var result = Types.InAssembly(Web)
            .That().ResideInNamespace(ModulesNamespace)
            .ShouldNot().HaveDependencyOn("Pif.Web.Pages")
            .GetResult();

        Assert.True(result.IsSuccessful, "Modules are used by pages, never the other way: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Pages_SaveOnlyThroughServices()
    {
        // Account pages drive ASP.NET Core Identity, which saves for them; every other page asks a module's service.
        using var assembly = AssemblyDefinition.ReadAssembly(Web.Location);
        var saving = assembly.MainModule.GetTypes()
            .Where(t => OuterNamespace(t).StartsWith("Pif.Web.Pages", StringComparison.Ordinal) && !OuterNamespace(t).StartsWith("Pif.Web.Pages.Account", StringComparison.Ordinal))
            .SelectMany(t => t.Methods.Where(m => m.HasBody && m.Body.Instructions.Any(CallsSaveChanges)).Select(m => $"{t.FullName}.{m.Name}"))
            .ToList();

        Assert.True(saving.Count == 0, "Pages change data through a module's service, never by saving the DbContext themselves: " + string.Join(", ", saving));
    }

    [Fact]
    public void ThePageSaveTest_NoticesASave()
    {
        // The check above finds a save in this very method's compiled body.
        using var assembly = AssemblyDefinition.ReadAssembly(typeof(ArchitectureTests).Assembly.Location);
        var type = assembly.MainModule.GetType(typeof(ArchitectureTests).FullName);
        var method = type.Methods.Single(m => m.Name == nameof(SavesForTheTestOfTheTest));
        Assert.Contains(method.Body.Instructions, CallsSaveChanges);
    }

    private static Task<int> SavesForTheTestOfTheTest(AppDbContext db) => db.SaveChangesAsync();

    /// <summary>
    /// Every type that writes past the change tracker (bulk updates and deletes, raw SQL), and why what
    /// <see cref="Pif.Web.Infrastructure.Caching.DataCache"/> keeps stays true when it does (docs/adr/0012).
    /// </summary>
    private static readonly Dictionary<string, string> WritesPastTheTracker = new(StringComparer.Ordinal)
    {
        ["Pif.Web.Data.DataChanges"] = "the stamp itself",
        ["Pif.Web.Data.DatabaseMigrator"] = "runs before the app serves",
        ["Pif.Web.Data.BackupCommands"] = "a restore is refused while Pif serves the database",
        ["Pif.Web.Modules.Organisations.Accounts.UserSessions"] = "quiet: sessions",
        ["Pif.Web.Modules.Organisations.Accounts.KeptForms"] = "quiet: kept forms",
        ["Pif.Web.Modules.Organisations.Accounts.HeldSecrets"] = "quiet: held secrets",
        ["Pif.Web.Modules.Notifications.NotificationsService"] = "stamps after marking read; the e-mail settings change only e-mail state, which nothing kept shows",
        ["Pif.Web.Modules.Notifications.NotificationMailer"] = "e-mail state only, which nothing kept shows",
        ["Pif.Web.Modules.Notifications.WeeklyDigest"] = "e-mail state only, which nothing kept shows",
        ["Pif.Web.Modules.Notifications.NotificationCleanup"] = "stamps after deleting old notifications",
        ["Pif.Web.Infrastructure.Exports.ExportCleanup"] = "quiet: export jobs",
        ["Pif.Web.Infrastructure.Exports.ExportWorker"] = "quiet: export jobs",
        ["Pif.Web.Infrastructure.OnceOnly.OnceOnlyFilter"] = "quiet: posted tokens",
        ["Pif.Web.Modules.Evidence.EvidenceService"] = "in the transaction of an audited save, which stamps",
        ["Pif.Web.Modules.SelfEvaluations.SelfEvaluationRows"] = "takes the row in the transaction of an audited save, which stamps",
        ["Pif.Web.Modules.Frameworks.FrameworkVersionsService"] = "in the transaction of an audited save, which stamps",
        ["Pif.Web.Modules.Frameworks.FrameworkDraftsService"] = "in the transaction of an audited save, which stamps",
        ["Pif.Web.Modules.PerformanceIndicators.Importing.IndicatorImportsService"] = "in the transaction of an audited save, which stamps",
        ["Pif.Web.Modules.PerformanceIndicators.Importing.ImportPlan"] = "applied in the import's transaction, whose audited save stamps",
        ["Pif.Web.Modules.PerformanceIndicators.Importing.IndicatorValueWriter"] = "writes in the import's transaction, whose audited save stamps",
    };

    [Fact]
    public void WritesPastTheChangeTracker_AreEachListedWithWhyKeptDataStaysTrue()
    {
        using var assembly = AssemblyDefinition.ReadAssembly(Web.Location);
        var writers = assembly.MainModule.GetTypes()
            .Where(t => t.Methods.Any(m => m.HasBody && m.Body.Instructions.Any(IsWritePastTheTracker)))
            .Select(t => OuterType(t).FullName)
            .ToHashSet(StringComparer.Ordinal);

        var unlisted = writers.Except(WritesPastTheTracker.Keys).ToList();
        var gone = WritesPastTheTracker.Keys.Except(writers).ToList();
        Assert.True(unlisted.Count == 0, "A bulk write or raw SQL changes data without a new stamp: call DataChanges.StampAsync after it in its transaction (or save through the change tracker there), then list the type here with why: " + string.Join(", ", unlisted));
        Assert.True(gone.Count == 0, "Listed as writing past the change tracker but no longer does: " + string.Join(", ", gone));
    }

    private static bool IsWritePastTheTracker(Instruction instruction) =>
        instruction.OpCode.Code is Code.Call or Code.Callvirt
        && instruction.Operand is MethodReference { Name: var name }
        && (name.StartsWith("ExecuteUpdate", StringComparison.Ordinal) || name.StartsWith("ExecuteDelete", StringComparison.Ordinal)
            || name.StartsWith("ExecuteSql", StringComparison.Ordinal) || name == "CreateCommand");

    private static TypeDefinition OuterType(TypeDefinition type) => type.DeclaringType is { } outer ? OuterType(outer) : type;

    private static bool CallsSaveChanges(Instruction instruction) =>
        instruction.OpCode.Code is Code.Call or Code.Callvirt
        && instruction.Operand is MethodReference { Name: "SaveChangesAsync" or "SaveChanges" } method
        && (method.DeclaringType.FullName.StartsWith("Microsoft.EntityFrameworkCore.DbContext", StringComparison.Ordinal)
            || method.DeclaringType.FullName.StartsWith("Pif.Web.Data", StringComparison.Ordinal));

    private static string OuterNamespace(TypeDefinition type) => type.DeclaringType is { } outer ? OuterNamespace(outer) : type.Namespace;
}
