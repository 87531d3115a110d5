using StatefulManifests.Rules;

namespace StatefulManifests.Cli.Reports;

/// <summary>The output formats of <c>lint</c>.</summary>
public enum ReportFormat
{
    /// <summary>Compiler-style lines grouped per file, then a summary.</summary>
    Text,

    /// <summary>One JSON object: inputs, findings, summary.</summary>
    Json,

    /// <summary>SARIF 2.1.0 (GitHub code scanning and other CI viewers).</summary>
    Sarif,
}

/// <summary>What one lint run found: the inputs read and the findings to report, in the linter's order.</summary>
/// <param name="Inputs">The names of the inputs read.</param>
/// <param name="Findings">The findings at or above the threshold.</param>
internal sealed record LintReport(IReadOnlyList<string> Inputs, IReadOnlyList<Finding> Findings)
{
    /// <summary>The findings of each severity.</summary>
    public int Count(FindingSeverity severity) => Findings.Count(f => f.Severity == severity);

    /// <summary>The one-line summary (<c>3 files: 1 error, 2 warnings, 0 info</c>).</summary>
    public string Summary =>
        Plural(Inputs.Count, "input") + ": " + Plural(Count(FindingSeverity.Error), "error") + ", " + Plural(Count(FindingSeverity.Warning), "warning") + ", " +
        Count(FindingSeverity.Info) + " info";

    /// <summary>The severity as the reports spell it.</summary>
    public static string SeverityName(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Error => "error",
        FindingSeverity.Warning => "warning",
        _ => "info",
    };

    private static string Plural(int count, string noun) => count + " " + noun + (count == 1 ? string.Empty : "s");
}
