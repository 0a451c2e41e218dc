using System.Collections.Concurrent;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Pif.Testing;
using Pif.Web.Data;
using Pif.Web.Modules.SelfEvaluations;
using static Pif.Testing.EvaluationSteps;
using static Pif.Tests.Evidence.EvidenceSteps;

namespace Pif.Tests.Operations;

/// <summary>Backup and restore of a SQLite database, while people write.</summary>
[Trait("Database", "Sqlite")]
public sealed class BackupTests
{
    [Fact]
    public async Task Backup_TakenWhileContributionsAndFilesAreWritten_RestoresEveryCommittedRowAndFileByteForByte()
    {
        await using var factory = new PifWebFactory();
        var lead = await AsAsync(factory, Lead);
        var id = await StartAsync(factory, "Backup while writing");
        var qi = (await PrepareAsync(factory, id, "2.1"))["2.1"];
        var contributor = await AsAsync(factory, Contributor1);
        var committed = new ConcurrentBag<int>();
        using var stop = new CancellationTokenSource();

        var writer = Task.Run(async () =>
        {
            for (var round = 0; !stop.IsCancellationRequested && round < 200; round++)
            {
                var added = await AddAsync(contributor, $"Backup round {round}", "Document", ($"round-{round}.txt", Content(round)));
                var saved = await ContributeAsync(contributor, id, qi, 4, complete: false, text: $"Round {round}", stamp: await StampAsync(contributor, id, qi));
                Assert.Matches("^/evidence/[0-9a-f-]{36}$", added.RequestMessage!.RequestUri!.AbsolutePath);
                Assert.True(saved.IsSuccessStatusCode);
                committed.Add(round);
            }
        }, TestContext.Current.CancellationToken);
        while (committed.Count < 3 && !writer.IsCompleted)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.False(writer.IsFaulted, writer.Exception?.ToString());

        var before = committed.ToArray();
        var backup = Path.Combine(Path.GetTempPath(), $"pif-backup-{Guid.NewGuid():N}.db");
        var output = new StringWriter();
        var code = await BackupCommands.BackupFileAsync(factory.Database.SqlitePath!, backup, output);
        var during = committed.Count;
        for (var wait = 0; committed.Count <= during && wait < 300 && !writer.IsCompleted; wait++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        await stop.CancelAsync();
        await writer;

        Assert.True(code == 0, output.ToString());
        Assert.True(committed.Count > during, "The writer kept writing while and after the backup ran.");
        var restoredPath = Path.Combine(Path.GetTempPath(), $"pif-restored-{Guid.NewGuid():N}.db");
        Assert.Equal(0, await BackupCommands.RestoreFileAsync(restoredPath, backup, new StringWriter()));
        await using var restored = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={restoredPath};Pooling=False").Options);

        var items = await restored.EvidenceItems.Where(e => e.Title.StartsWith("Backup round ")).Select(e => new { e.Title, Files = e.Files.Select(f => f.Id).ToList() }).ToListAsync(TestContext.Current.CancellationToken);
        var rounds = items.Select(i => int.Parse(i.Title["Backup round ".Length..], System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        Assert.Superset(before.ToHashSet(), rounds);
        foreach (var item in items)
        {
            var round = int.Parse(item.Title["Backup round ".Length..], System.Globalization.CultureInfo.InvariantCulture);
            var file = Assert.Single(item.Files);
            var bytes = (await restored.FileChunks.Where(c => c.FileId == file).OrderBy(c => c.Index).Select(c => c.Data).ToListAsync(TestContext.Current.CancellationToken)).SelectMany(d => d).ToArray();
            Assert.Equal(Content(round), bytes);
        }

        var text = await restored.EvaluationRecords.Where(r => r.QiEvaluationId == qi && r.Kind == RecordKind.Contribution).Select(r => r.HowAreWeDoing).SingleAsync(TestContext.Current.CancellationToken);
        Assert.True(int.Parse(text!["Round ".Length..], System.Globalization.CultureInfo.InvariantCulture) >= before.Max(), $"The restored contribution says {text}, older than round {before.Max()}.");
        Assert.Contains(backup, File.ReadAllText(factory.Database.SqlitePath + ".last-backup"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_OverADatabasePifIsServing_IsRefused_AndNothingChanges()
    {
        await using var factory = new PifWebFactory();
        _ = factory.Server;
        var backup = Path.Combine(Path.GetTempPath(), $"pif-backup-{Guid.NewGuid():N}.db");
        Assert.Equal(0, await BackupCommands.BackupFileAsync(factory.Database.SqlitePath!, backup, new StringWriter()));
        var output = new StringWriter();

        var code = await BackupCommands.RestoreFileAsync(factory.Database.SqlitePath!, backup, output);
        var again = await BackupCommands.BackupFileAsync(factory.Database.SqlitePath!, backup, new StringWriter());

        Assert.Equal(1, code);
        Assert.Contains("Pif is serving", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, again);
    }

    /// <summary>The version token of the contributor's form now, so each save follows the last.</summary>
    private static async Task<string> StampAsync(HttpClient contributor, Guid id, Guid qi) =>
        System.Text.RegularExpressions.Regex.Match(await contributor.GetStringAsync($"/self-evaluations/{id}/qis/{qi}"), "name=\"Form.Stamp\" value=\"([^\"]*)\"") is { Success: true } match
            ? System.Net.WebUtility.HtmlDecode(match.Groups[1].Value)
            : "";

    /// <summary>A file of about 300 KB whose bytes say which round wrote it.</summary>
    private static byte[] Content(int round) =>
        Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat($"Round {round} of the backup test. ", 10_000)));
}
