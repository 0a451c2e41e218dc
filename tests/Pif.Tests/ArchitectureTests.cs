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
}
