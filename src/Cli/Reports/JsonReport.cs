using System.Text;
using System.Text.Json;

namespace StatefulManifests.Cli.Reports;

/// <summary>
/// The report as one JSON object: <c>inputs</c>, <c>findings</c> (rule ID, severity, message, file, line, column,
/// field path, help link) and <c>summary</c> counts; indented, in the linter's order, so the same input gives the same bytes.
/// </summary>
internal static class JsonReport
{
    /// <summary>Writes <paramref name="report"/>.</summary>
    public static void Write(LintReport report, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartArray("inputs");
            foreach (var input in report.Inputs)
            {
                json.WriteStringValue(input);
            }

            json.WriteEndArray();
            json.WriteStartArray("findings");
            foreach (var finding in report.Findings)
            {
                json.WriteStartObject();
                json.WriteString("ruleId", finding.RuleId);
                json.WriteString("severity", LintReport.SeverityName(finding.Severity));
                json.WriteString("message", finding.Message);
                if (finding.Position is { } position)
                {
                    json.WriteString("file", position.File);
                    json.WriteNumber("line", position.Line);
                    json.WriteNumber("column", position.Column);
                }

                json.WriteString("path", finding.Path.ToString());
                json.WriteString("helpUri", Rules.RuleCatalog.Find(finding.RuleId)?.HelpLink);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("summary");
            json.WriteNumber("errors", report.Count(Rules.FindingSeverity.Error));
            json.WriteNumber("warnings", report.Count(Rules.FindingSeverity.Warning));
            json.WriteNumber("info", report.Count(Rules.FindingSeverity.Info));
            json.WriteEndObject();
            json.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
