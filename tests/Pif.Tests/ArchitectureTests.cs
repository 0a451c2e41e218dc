using NetArchTest.Rules;
using Pif.Statistics;
using Pif.Web.Data;

namespace Pif.Tests;

public sealed class ArchitectureTests
{
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
        var result = Types.InAssembly(typeof(AppDbContext).Assembly)
            .That().ResideInNamespace("Pif.Web.Modules")
            .ShouldNot().HaveDependencyOn("Pif.Web.Pages")
            .GetResult();

        Assert.True(result.IsSuccessful, "Modules are used by pages, never the other way: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Theory]
    [InlineData("Pif.Web.Modules.Organisations", new[] { "Pif.Web.Modules.Frameworks", "Pif.Web.Modules.SelfEvaluations", "Pif.Web.Modules.Evidence" })]
    [InlineData("Pif.Web.Modules.Frameworks", new[] { "Pif.Web.Modules.SelfEvaluations", "Pif.Web.Modules.Evidence" })]
    [InlineData("Pif.Web.Modules.SelfEvaluations", new[] { "Pif.Web.Modules.Evidence" })]
    public void Module_DoesNotDependOnTheModulesBuiltOnIt(string module, string[] later)
    {
        var result = Types.InAssembly(typeof(AppDbContext).Assembly)
            .That().ResideInNamespace(module)
            .ShouldNot().HaveDependencyOnAny(later)
            .GetResult();

        Assert.True(result.IsSuccessful, $"{module} is used by {string.Join(", ", later)}, never the other way: " + string.Join(", ", result.FailingTypeNames ?? []));
    }
}
