using StatefulManifests.Rules;
using StatefulManifests.Samples;
using StatefulManifests.Tests.Support;
using StatefulManifests.Yaml;
using Xunit.Abstractions;

namespace StatefulManifests.Samples.Tests;

/// <summary>
/// Every sample renders, validates clean, matches its golden YAML byte for byte, reads back into the same model
/// and is accepted by kubectl's strict schema validation. Set STATEFULMANIFESTS_UPDATE_GOLDEN=1 to rewrite the golden files after an
/// intended change (then review the diff).
/// </summary>
public sealed class SampleTests(ITestOutputHelper output)
{
    public static TheoryData<string> Names => [.. SampleCatalog.All.Select(s => s.Name)];

    private static StatefulSetBuilder Sample(string name) => SampleCatalog.All.Single(s => s.Name == name).Builder;

    private static string GoldenPath(string name) =>
        Path.Combine(SharedFiles.RepositoryRoot, "tests", "StatefulManifests.Samples.Tests", "Golden", name + ".yaml");

    [Theory]
    [MemberData(nameof(Names))]
    public void Sample_has_no_validation_errors(string name)
    {
        Assert.Empty(Sample(name).Build().Validate());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Sample_has_no_lint_warnings_but_those_it_suppresses(string name)
    {
        var findings = WorkloadLinter.Lint(Sample(name).Build())
            .Where(f => f.Severity >= FindingSeverity.Warning && !SuppressedInSource(name).Contains(f.RuleId))
            .ToList();

        Assert.True(findings.Count == 0, string.Join("\n", findings.Select(f => f.RuleId + ": " + f.Message)));
    }

    // The [SuppressMessage] attributes on the declarations (the compiler drops them from metadata, so they are listed
    // here); each must still be needed, or the suppression is stale.
    private static IReadOnlyList<string> SuppressedInSource(string name) => name switch
    {
        "web" => ["SM3001", "SM3005"],
        _ => [],
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Suppressions_in_the_samples_are_still_needed(string name)
    {
        var found = WorkloadLinter.Lint(Sample(name).Build()).Select(f => f.RuleId).ToHashSet(StringComparer.Ordinal);

        Assert.All(SuppressedInSource(name), id => Assert.Contains(id, found));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Sample_plain_yaml_lints_as_the_workload_does(string name)
    {
        // The linter on the rendered YAML (owned objects paired with their set) finds what it finds on the workload.
        var fromYaml = ManifestLinter.LintText(Sample(name).Render(), name + ".yaml").Select(f => f.RuleId).Order(StringComparer.Ordinal);
        var fromWorkload = WorkloadLinter.Lint(Sample(name).Build()).Select(f => f.RuleId).Order(StringComparer.Ordinal);

        Assert.Equal(fromWorkload, fromYaml);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Sample_renders_its_golden_yaml(string name)
    {
        var yaml = Sample(name).Render();
        var golden = GoldenPath(name);
        if (Environment.GetEnvironmentVariable("STATEFULMANIFESTS_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(golden, yaml);
        }

        Assert.True(File.Exists(golden), "golden file missing: run the tests once with STATEFULMANIFESTS_UPDATE_GOLDEN=1 and review it");
        Assert.Equal(File.ReadAllText(golden), yaml);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Sample_yaml_reads_back_into_the_same_model(string name)
    {
        var workload = Sample(name).Build();
        var read = ManifestYaml.Read(workload.ToYaml(), name + ".yaml");

        Assert.Empty(read.Errors);
        Assert.Equal(workload.Documents, read.Documents);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Sample_yaml_passes_kubectl_strict_validation(string name)
    {
        if (SharedFiles.Missing(SharedFiles.KubectlValidate, output, "kubectl-validate (../shared/tools) with kubectl on PATH"))
        {
            return;
        }

        if (KubectlValidate.Yaml(Sample(name).Render(), output) is var (exitCode, text))
        {
            Assert.True(exitCode == 0, "kubectl-validate rejected the sample:\n" + text);
        }
    }
}
