using System.Text.Json;
using NJsonSchema;
using StatefulManifests.Cli.Tests.Support;
using StatefulManifests.Tests.Support;
using Xunit.Abstractions;

namespace StatefulManifests.Cli.Tests;

/// <summary>
/// <c>lint --format sarif</c> checked by the SARIF standard's own tools: the OASIS 2.1.0 JSON schema (with NJsonSchema)
/// and Microsoft's SARIF Multitool <c>validate</c>, whose rules (URI forms, rule metadata, region values) are the
/// ones code-scanning ingestion trips over. Inputs come in every way the tool names them: relative to the working
/// directory, absolute outside it, and standard input.
/// </summary>
public sealed class SarifValidationTests(ITestOutputHelper output) : IDisposable
{
    private const string ManyFindings = """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: Web
        spec:
          serviceName: web
          replicas: -1
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: other
            spec:
              containers:
              - name: web
                image: nginx:latest
                securityContext:
                  privileged: true
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          ports:
          - port: 80
        """;

    private readonly string workspace = Directory.CreateTempSubdirectory("statefulmanifests-sarif-").FullName;

    [Fact]
    public async Task Sarif_output_is_valid_against_the_2_1_0_schema_and_the_multitool()
    {
        if (SharedFiles.Missing(SarifMultitool.Folder, output, "the SARIF Multitool (" + SarifMultitool.Unavailable + ")"))
        {
            return;
        }

        var sarif = LintToSarif();
        var schema = await JsonSchema.FromFileAsync(SarifMultitool.SchemaFile);
        var schemaErrors = schema.Validate(File.ReadAllText(sarif));
        Assert.True(schemaErrors.Count == 0, "schema errors:\n" + string.Join('\n', schemaErrors.Select(e => e.Path + ": " + e.Kind)));

        var (exitCode, report) = SarifMultitool.Validate(sarif);
        output.WriteLine(report);
        Assert.Equal(0, exitCode);
        Assert.DoesNotMatch(@"(error|warning) SARIF\d+", report);
    }

    [Fact]
    public void Files_under_the_working_directory_are_relative_to_the_source_root_and_others_absolute()
    {
        using var log = JsonDocument.Parse(File.ReadAllText(LintToSarif()));
        var run = log.RootElement.GetProperty("runs")[0];
        Assert.Equal(
            new Uri(Path.Combine(workspace, "repo") + Path.DirectorySeparatorChar).AbsoluteUri,
            run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString());
        var named = run.GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation"))
            .Select(a => (Uri: a.GetProperty("uri").GetString(), Base: a.TryGetProperty("uriBaseId", out var b) ? b.GetString() : null))
            .Distinct()
            .OrderBy(a => a.Uri, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(
            new (string?, string?)[]
            {
                (new Uri(Path.Combine(workspace, "elsewhere", "outside.yaml")).AbsoluteUri, null),
                ("manifests/with%20space.yaml", "%SRCROOT%"),
                ("stdin", null),
            },
            named);
    }

    /// <summary>Lints the three inputs from <c>repo/</c> and returns the SARIF file written.</summary>
    private string LintToSarif()
    {
        var repo = Path.Combine(workspace, "repo");
        Directory.CreateDirectory(Path.Combine(repo, "manifests"));
        Directory.CreateDirectory(Path.Combine(workspace, "elsewhere"));
        File.WriteAllText(Path.Combine(repo, "manifests", "with space.yaml"), ManyFindings);
        var outside = Path.Combine(workspace, "elsewhere", "outside.yaml");
        File.WriteAllText(outside, ManyFindings.Replace("name: Web", "name: api", StringComparison.Ordinal));
        var run = Tool.Run(output, ["lint", Path.Combine("manifests", "with space.yaml"), outside, "-", "--format", "sarif"], ManyFindings.Replace("name: Web", "name: db", StringComparison.Ordinal), repo);
        Assert.Equal(1, run.ExitCode);
        var sarif = Path.Combine(workspace, "lint.sarif");
        File.WriteAllText(sarif, run.Stdout);
        return sarif;
    }

    public void Dispose() => Directory.Delete(workspace, recursive: true);
}
