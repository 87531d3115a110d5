using StatefulManifests.Rules;

namespace StatefulManifests.Cli.Reports;

/// <summary>
/// Compiler-style text: <c>file(line,col): warning SM4001: message</c>, findings grouped per file in input order,
/// then the summary. Severities are coloured when the output is a terminal (and <c>NO_COLOR</c> is not set).
/// </summary>
internal static class TextReport
{
    /// <summary>Writes <paramref name="report"/>.</summary>
    public static void Write(LintReport report, TextWriter output)
    {
        var colour = !Console.IsOutputRedirected && ReferenceEquals(output, Console.Out) && Environment.GetEnvironmentVariable("NO_COLOR") is null;
        var order = report.Inputs.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i, StringComparer.Ordinal);
        foreach (var file in report.Findings.GroupBy(f => f.Position?.File ?? string.Empty).OrderBy(g => order.TryGetValue(g.Key, out var i) ? i : int.MaxValue))
        {
            foreach (var finding in file)
            {
                var where = finding.Position is { } p ? p + ": " : string.Empty;
                output.WriteLine(where + Severity(finding.Severity, colour) + " " + finding.RuleId + ": " + finding.Message + " (" + RuleCatalog.Find(finding.RuleId)?.HelpLink + ")");
            }
        }

        output.WriteLine(report.Summary);
    }

    private static string Severity(FindingSeverity severity, bool colour)
    {
        var name = LintReport.SeverityName(severity);
        if (!colour)
        {
            return name;
        }

        var code = severity switch
        {
            FindingSeverity.Error => "31",
            FindingSeverity.Warning => "33",
            _ => "36",
        };
        return "\u001b[" + code + "m" + name + "\u001b[0m";
    }
}
