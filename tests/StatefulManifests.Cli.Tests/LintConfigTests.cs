using System.Text.Json;
using StatefulManifests.Cli.Tests.Support;
using Xunit.Abstractions;

namespace StatefulManifests.Cli.Tests;

/// <summary><c>.statefulmanifests.yaml</c>: project-wide rule severities and threshold for <c>stateful lint</c>, run as a process.</summary>
public sealed class LintConfigTests(ITestOutputHelper output) : IDisposable
{
    private const string Web = """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: web
        spec:
          serviceName: web
          replicas: 3
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
              - name: web
                image: nginx:1.27
        """;

    private readonly string folder = Directory.CreateTempSubdirectory("statefulmanifests-config-").FullName;

    [Fact]
    public void The_config_in_the_working_directory_turns_rules_off_and_changes_severities_and_the_exit_code_follows()
    {
        File.WriteAllText(Path.Combine(folder, "web.yaml"), Web);
        var before = Ids(Tool.Run(output, ["lint", "web.yaml", "--format", "json", "--no-config"], workingDirectory: folder));
        Assert.Contains(("SM2006", "warning"), before);
        Assert.Contains(("SM3010", "info"), before);

        File.WriteAllText(Path.Combine(folder, ".statefulmanifests.yaml"), "rules:\n  SM2006: error\n  SM3010: off\n");
        var run = Tool.Run(output, ["lint", "web.yaml", "--format", "json"], workingDirectory: folder);
        var after = Ids(run);
        Assert.Contains(("SM2006", "error"), after);
        Assert.DoesNotContain(after, f => f.Id == "SM3010");
        Assert.Equal(before.Count - 1, after.Count); // nothing else changed

        // The threshold decides the exit code on the project's severities: only SM2006 is an error now.
        var errorsOnly = Tool.Run(output, ["lint", "web.yaml", "--min-severity", "error"], workingDirectory: folder);
        Assert.Equal(1, errorsOnly.ExitCode);
        Assert.Contains("error SM2006", errorsOnly.Stdout, StringComparison.Ordinal);
        Assert.StartsWith("1 input: 1 error, 0 warnings, 0 info", errorsOnly.Stdout.Split('\n').First(l => l.StartsWith("1 input", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_config_in_a_parent_folder_applies_and_its_min_severity_is_the_default_threshold_the_option_overrides()
    {
        var nested = Directory.CreateDirectory(Path.Combine(folder, "deploy", "prod")).FullName;
        File.WriteAllText(Path.Combine(nested, "web.yaml"), Web);
        File.WriteAllText(Path.Combine(folder, ".statefulmanifests.yaml"), "# project settings\nminSeverity: warning\n");

        var byConfig = Ids(Tool.Run(output, ["lint", "web.yaml", "--format", "json"], workingDirectory: nested));
        Assert.NotEmpty(byConfig);
        Assert.DoesNotContain(byConfig, f => f.Severity == "info");
        var byOption = Ids(Tool.Run(output, ["lint", "web.yaml", "--format", "json", "--min-severity", "info"], workingDirectory: nested));
        Assert.Contains(byOption, f => f.Severity == "info");
    }

    [Fact]
    public void An_explicit_config_file_is_used_instead_of_the_one_found()
    {
        File.WriteAllText(Path.Combine(folder, "web.yaml"), Web);
        File.WriteAllText(Path.Combine(folder, ".statefulmanifests.yaml"), "rules:\n  SM2006: off\n");
        var other = Path.Combine(folder, "ci-lint.yaml");
        File.WriteAllText(other, "rules:\n  SM2009: off\n");

        var ids = Ids(Tool.Run(output, ["lint", "web.yaml", "--format", "json", "--config", other], workingDirectory: folder));
        Assert.Contains(ids, f => f.Id == "SM2006");
        Assert.DoesNotContain(ids, f => f.Id == "SM2009");
    }

    [Fact]
    public void Every_mistake_in_the_config_is_reported_with_its_position_and_nothing_is_linted()
    {
        File.WriteAllText(Path.Combine(folder, "web.yaml"), Web);
        File.WriteAllText(Path.Combine(folder, ".statefulmanifests.yaml"), "minSeverity: loud\nrules:\n  SM9999: off\n  SM2006: never\n  sm2006: off\nignore: [SM2006]\n");

        var run = Tool.Run(output, ["lint", "web.yaml"], workingDirectory: folder);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Contains(".statefulmanifests.yaml(1,14): 'loud' is not info, warning or error", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(".statefulmanifests.yaml(3,11): unknown rule ID 'SM9999'", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(".statefulmanifests.yaml(4,11): 'never' is not off, info, warning or error", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(".statefulmanifests.yaml(5,3): duplicate key 'sm2006' (rule IDs and keys are case-insensitive)", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(".statefulmanifests.yaml(6,9): unknown key 'ignore'", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_config_that_is_not_yaml_or_missing_is_exit_code_2()
    {
        File.WriteAllText(Path.Combine(folder, "web.yaml"), Web);
        File.WriteAllText(Path.Combine(folder, "broken.yaml"), "rules: [unclosed\n");
        var broken = Tool.Run(output, ["lint", "web.yaml", "--config", "broken.yaml"], workingDirectory: folder);
        Assert.Equal(2, broken.ExitCode);
        Assert.Contains("broken.yaml(", broken.Stderr, StringComparison.Ordinal);
        Assert.Contains("not valid YAML", broken.Stderr, StringComparison.Ordinal);

        // A key twice, exactly, is a YAML error before any setting is read (the parser stops there).
        File.WriteAllText(Path.Combine(folder, "twice.yaml"), "rules: {}\nrules: {}\n");
        var twice = Tool.Run(output, ["lint", "web.yaml", "--config", "twice.yaml"], workingDirectory: folder);
        Assert.Equal(2, twice.ExitCode);
        Assert.Contains("twice.yaml(2,1): not valid YAML: Duplicate key", twice.Stderr, StringComparison.Ordinal);

        var missing = Tool.Run(output, ["lint", "web.yaml", "--config", "nowhere.yaml"], workingDirectory: folder);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("nowhere.yaml", missing.Stderr, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static List<(string Id, string Severity)> Ids(ToolRun run)
    {
        using var json = JsonDocument.Parse(run.Stdout);
        return json.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => (f.GetProperty("ruleId").GetString()!, f.GetProperty("severity").GetString()!)).ToList();
    }
}
