using StatefulManifests.Rules;

namespace StatefulManifests.Cli.Lint;

/// <summary>
/// A project's lint settings (<c>.statefulmanifests.yaml</c>): rules turned off or given another severity for every
/// input, and the default threshold. Per-object opt-outs stay in the <c>statefulmanifests/ignore</c> annotation.
/// </summary>
/// <param name="Source">The file it was read from, or null for the defaults.</param>
/// <param name="MinSeverity">The threshold when <c>--min-severity</c> is not given.</param>
/// <param name="Severities">Rule ID → its severity in this project; null = off.</param>
internal sealed record LintConfig(string? Source, FindingSeverity? MinSeverity, IReadOnlyDictionary<string, FindingSeverity?> Severities)
{
    /// <summary>The file name looked for in the working directory and its parents.</summary>
    public const string FileName = ".statefulmanifests.yaml";

    /// <summary>No settings: every rule at its default severity.</summary>
    public static LintConfig Defaults { get; } = new(null, null, new Dictionary<string, FindingSeverity?>(StringComparer.OrdinalIgnoreCase));

    /// <summary>The findings with this project's severities; findings of rules turned off are dropped.</summary>
    public IEnumerable<Finding> Apply(IEnumerable<Finding> findings)
    {
        foreach (var finding in findings)
        {
            if (!Severities.TryGetValue(finding.RuleId, out var severity))
            {
                yield return finding;
            }
            else if (severity is { } changed)
            {
                yield return finding with { Severity = changed };
            }
        }
    }
}
