using System.Text.Json;
using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Tests.SelfEvaluations;

/// <summary>
/// The typed snapshots of a QI's history write the JSON the audit log has always held, and the history
/// reads rows written before they existed. The literals are rows exactly as the first release wrote them.
/// </summary>
public sealed class QiHistoryTests
{
    private static readonly Guid Morag = Guid.Parse("0192a0c4-1111-7000-8000-000000000001");
    private static readonly Guid Iain = Guid.Parse("0192a0c4-2222-7000-8000-000000000002");

    private static string Name(Guid? id) => id == Morag ? "Morag" : id == Iain ? "Iain" : "Someone who has left";

    [Fact]
    public void Snapshots_WriteTheNamesTheAuditLogHasAlwaysHeld()
    {
        var record = new EvaluationRecord { QiEvaluationId = Guid.NewGuid(), Kind = RecordKind.Contribution, HowAreWeDoing = "Well", Grade = 5, Confidence = EvidenceConfidence.High };
        record.Items.Add(new RecordItem { Kind = ItemKind.AreaForImprovement, Text = "Reviews", Position = 0 });

        Assert.Equal(
            """{"strengths":[],"areasForImprovement":["Reviews"],"HowAreWeDoing":"Well","HowDoWeKnow":null,"WhatNext":null,"Grade":5,"Rationale":null,"confidence":"High","IsComplete":false,"GradeReason":null}""",
            Write(RecordSnapshot.Of(record)));
        Assert.Equal($$$"""{"from":"{{{Morag}}}","record":{"strengths":[],"areasForImprovement":["Reviews"],"HowAreWeDoing":"Well","HowDoWeKnow":null,"WhatNext":null,"Grade":5,"Rationale":null,"confidence":"High","IsComplete":false,"GradeReason":null}}""",
            Write(new AgreedStartedSnapshot(Morag, RecordSnapshot.Of(record))));
        Assert.Equal($$"""{"assignees":["{{Morag}}"]}""", Write(new AssigneesSnapshot([Morag])));
        Assert.Equal("""{"kind":"Challenge","Text":"Why 5?"}""", Write(new CommentSnapshot("Challenge", "Why 5?")));
        Assert.Equal("""{"Agrees":false,"Grade":3,"Reasons":"Too few audits"}""", Write(new DecisionSnapshot(false, 3, "Too few audits")));
        Assert.Equal("""{"Agrees":true,"Grade":4,"Reasons":null,"carriedFrom":1}""", Write(new DecisionSnapshot(true, 4, null, 1)));
        Assert.Equal("""{"state":"InProgress"}""", Write(StateSnapshot.Of(SelfEvaluationState.InProgress)));
        Assert.Equal("""{"state":"InProgress","reason":"More evidence"}""", Write(StateSnapshot.Of(SelfEvaluationState.InProgress, "More evidence")));
    }

    [Fact]
    public void Describe_RowsWrittenBeforeTheSnapshots_InWords()
    {
        const string first = """{"strengths":[],"areasForImprovement":[],"HowAreWeDoing":null,"HowDoWeKnow":null,"WhatNext":null,"Grade":null,"Rationale":null,"confidence":null,"IsComplete":false,"GradeReason":null}""";
        const string saved = """{"strengths":["Timely reviews"],"areasForImprovement":[],"HowAreWeDoing":"We are doing well","HowDoWeKnow":null,"WhatNext":null,"Grade":5,"Rationale":null,"confidence":"High","IsComplete":true,"GradeReason":null}""";
        const string graded = """{"strengths":["Timely reviews"],"areasForImprovement":[],"HowAreWeDoing":"We are doing well","HowDoWeKnow":null,"WhatNext":null,"Grade":4,"Rationale":null,"confidence":"High","IsComplete":true,"GradeReason":null}""";

        Assert.Equal(("Saved their contribution", "strengths, areas for improvement, how are we doing, grade, confidence, complete"), QiHistory.Describe("contribution.saved", null, saved, Name));
        Assert.Equal(("Saved their contribution", "strengths, how are we doing, grade (none to 5), confidence (none to High), complete (no to yes)"), QiHistory.Describe("contribution.saved", first, saved, Name));
        Assert.Equal(("Saved the agreed record", "grade (5 to 4)"), QiHistory.Describe("agreed.saved", saved, graded, Name));
        Assert.Equal(("Saved the agreed record", "No change"), QiHistory.Describe("agreed.saved", saved, saved, Name));
        Assert.Equal(("Started the agreed record from a contribution", "started from the contribution of Iain"),
            QiHistory.Describe("agreed.started", null, $$$"""{"from":"{{{Iain}}}","record":{{{saved}}}}""", Name));
        Assert.Equal(("Changed who writes on this quality indicator", "added Iain; removed Morag"),
            QiHistory.Describe("qi.assigned", $$"""{"assignees":["{{Morag}}"]}""", $$"""{"assignees":["{{Iain}}"]}""", Name));
        Assert.Equal(("Wrote in the support and challenge thread", "Challenge: Why 5? \u2026 the audits say 3"),
            QiHistory.Describe("comment.added", null, """{"kind":"Challenge","Text":"Why 5? \u2026 the audits say 3"}""", Name));
        Assert.Equal(("Recorded the validation decision", "validated a different grade: 3"), QiHistory.Describe("decision.recorded", null, """{"Agrees":false,"Grade":3,"Reasons":"Too few audits"}""", Name));
        Assert.Equal(("Recorded the validation decision", "agreed with the council's grade of 4, carried forward from submission 1"),
            QiHistory.Describe("decision.recorded", null, """{"Agrees":true,"Grade":4,"Reasons":null,"carriedFrom":1}""", Name));
        Assert.Equal(("Changed the state of the self-evaluation", "Submitted to In progress because: More evidence"),
            QiHistory.Describe("self-evaluation.state-changed", """{"state":"Submitted"}""", """{"state":"InProgress","reason":"More evidence"}""", Name));
        Assert.Null(QiHistory.Describe("evidence.linked", null, """{"evidence":"Staff survey"}""", Name));
    }

    [Fact]
    public void Describe_ARowOfAnotherShape_SaysWhatHappenedWithoutTheDetail()
    {
        Assert.Equal(("Wrote in the support and challenge thread", ""), QiHistory.Describe("comment.added", null, "[1, 2]", Name));
        Assert.Equal(("Changed the state of the self-evaluation", "none to unknown"), QiHistory.Describe("self-evaluation.state-changed", null, """{"state":"Lost"}""", Name));
    }

    private static string Write(object snapshot) => JsonSerializer.Serialize(snapshot, snapshot.GetType());
}
