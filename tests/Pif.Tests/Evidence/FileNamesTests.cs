using Pif.Web.Modules.Evidence;

namespace Pif.Tests.Evidence;

public sealed class FileNamesTests
{
    [Theory]
    [InlineData("report.pdf", "report.pdf")]
    [InlineData("C:\\Users\\me\\Documents\\Survey 2026.docx", "Survey 2026.docx")]
    [InlineData("../../etc/passwd.txt", "passwd.txt")]
    [InlineData("plan<final>?.pdf", "plan_final__.pdf")]
    [InlineData("invoice\u202Efdp.exe", "invoice_fdp.exe")]
    [InlineData("line\nbreak.csv", "line_break.csv")]
    [InlineData("...", "file")]
    [InlineData("<>.pdf", "__.pdf")]
    public void Sanitise_KeepsTheLastPartWithoutHiddenOrReservedCharacters(string name, string expected)
    {
        Assert.Equal(expected, FileNames.Sanitise(name));
    }

    [Fact]
    public void Sanitise_ShortensALongNameButKeepsItsExtension()
    {
        var name = FileNames.Sanitise(new string('a', 300) + ".xlsx");

        Assert.Equal(EvidenceFile.NameMaxLength, name.Length);
        Assert.EndsWith(".xlsx", name, StringComparison.Ordinal);
    }
}
