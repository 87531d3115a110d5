using StatefulManifests.Rules;

namespace StatefulManifests.Tests.Rules;

/// <summary>Assertions on findings that print every finding when they fail.</summary>
internal static class FindingAssert
{
    /// <summary>Asserts exactly one finding of <paramref name="id"/>, at <paramref name="path"/>, with <paramref name="message"/>.</summary>
    public static Finding Single(IReadOnlyList<Finding> findings, string id, string path, string message, FindingSubject subject = FindingSubject.StatefulSet)
    {
        var matching = findings.Where(f => f.RuleId == id).ToList();
        Assert.True(matching.Count == 1, $"expected one {id}, got {matching.Count}:\n{Dump(findings)}");
        var finding = matching[0];
        Assert.Equal(path, finding.Path.ToString());
        Assert.Equal(message, finding.Message);
        Assert.Equal(subject, finding.Subject);
        Assert.Equal(RuleCatalog.Find(id)!.DefaultSeverity, finding.Severity);
        Assert.Equal(path, finding.Arguments[0]);
        return finding;
    }

    /// <summary>Asserts no finding of <paramref name="id"/>.</summary>
    public static void None(IReadOnlyList<Finding> findings, string id) =>
        Assert.True(findings.All(f => f.RuleId != id), $"expected no {id}:\n{Dump(findings)}");

    /// <summary>The findings of one rule.</summary>
    public static List<Finding> Of(IReadOnlyList<Finding> findings, string id) => findings.Where(f => f.RuleId == id).ToList();

    public static string Dump(IEnumerable<Finding> findings) => string.Join("\n", findings.Select(f => "  " + f.Subject + " " + f));
}
