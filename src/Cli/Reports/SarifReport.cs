using System.Text;
using System.Text.Json;
using StatefulManifests.Rules;

namespace StatefulManifests.Cli.Reports;

/// <summary>
/// SARIF 2.1.0: one run of the <c>StatefulManifests</c> driver, with the metadata of every rule it reports (title,
/// help link, default level) and one result per finding, located by file URI (see <see cref="SarifArtifactUri"/>), line
/// and column, so GitHub code scanning and other viewers show it on the line.
/// </summary>
internal static class SarifReport
{
    /// <summary>The schema the output follows.</summary>
    public const string Schema = "https://json.schemastore.org/sarif-2.1.0.json";

    /// <summary>Writes <paramref name="report"/>.</summary>
    public static void Write(LintReport report, TextWriter output) => Write(report, output, Environment.CurrentDirectory);

    /// <summary>Writes <paramref name="report"/>, naming files under <paramref name="workingDirectory"/> relative to it.</summary>
    public static void Write(LintReport report, TextWriter output, string workingDirectory)
    {
        var rules = report.Findings.Select(f => f.RuleId).Distinct(StringComparer.Ordinal).OrderBy(id => id, StringComparer.Ordinal).ToList();
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", Schema);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            WriteTool(json, rules);
            var artifacts = report.Findings.Select(f => f.Position?.File).OfType<string>().Distinct(StringComparer.Ordinal)
                .ToDictionary(file => file, file => SarifArtifactUri.For(file, workingDirectory), StringComparer.Ordinal);
            if (artifacts.Values.Any(a => a.BaseId is not null))
            {
                json.WriteStartObject("originalUriBaseIds");
                json.WriteStartObject(SarifArtifactUri.SourceRoot);
                json.WriteString("uri", SarifArtifactUri.BaseUri(workingDirectory));
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteStartArray("results");
            foreach (var finding in report.Findings)
            {
                WriteResult(json, finding, rules.IndexOf(finding.RuleId), artifacts);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteTool(Utf8JsonWriter json, IReadOnlyList<string> rules)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "StatefulManifests");
        json.WriteString("informationUri", "https://github.com/statefulmanifests/statefulmanifests");
        json.WriteString("semanticVersion", typeof(SarifReport).Assembly.GetName().Version!.ToString(3));
        json.WriteStartArray("rules");
        foreach (var id in rules)
        {
            var rule = RuleCatalog.Find(id);
            json.WriteStartObject();
            json.WriteString("id", id);
            if (rule is not null)
            {
                json.WriteStartObject("shortDescription");
                json.WriteString("text", rule.Title);
                json.WriteEndObject();
                json.WriteString("helpUri", rule.HelpLink);
                json.WriteStartObject("defaultConfiguration");
                json.WriteString("level", Level(rule.DefaultSeverity));
                json.WriteEndObject();
                json.WriteStartObject("properties");
                json.WriteString("category", rule.CategoryName);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, Finding finding, int ruleIndex, IReadOnlyDictionary<string, SarifArtifactUri> artifacts)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.RuleId);
        json.WriteNumber("ruleIndex", ruleIndex);
        json.WriteString("level", Level(finding.Severity));
        json.WriteStartObject("message");
        json.WriteString("text", finding.Message);
        json.WriteEndObject();
        if (finding.Position is { } position)
        {
            json.WriteStartArray("locations");
            json.WriteStartObject();
            json.WriteStartObject("physicalLocation");
            json.WriteStartObject("artifactLocation");
            var artifact = artifacts[position.File];
            json.WriteString("uri", artifact.Uri);
            if (artifact.BaseId is { } baseId)
            {
                json.WriteString("uriBaseId", baseId);
            }

            json.WriteEndObject();
            json.WriteStartObject("region");
            json.WriteNumber("startLine", Math.Max(1, position.Line));
            json.WriteNumber("startColumn", Math.Max(1, position.Column));
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static string Level(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Error => "error",
        FindingSeverity.Warning => "warning",
        _ => "note",
    };
}
