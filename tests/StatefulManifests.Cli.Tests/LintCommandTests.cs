using System.Text.Json;
using StatefulManifests.Cli.Tests.Support;
using StatefulManifests.Tests.Support;
using Xunit.Abstractions;

namespace StatefulManifests.Cli.Tests;

/// <summary><c>stateful lint</c> run as a process, as CI runs it.</summary>
public sealed class LintCommandTests(ITestOutputHelper output) : IDisposable
{
    private const string Invalid = """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: web
        spec:
          serviceName: web
          replicas: -1
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

    private readonly string folder = Directory.CreateTempSubdirectory("statefulmanifests-cli-").FullName;

    [Fact]
    public void Text_output_is_compiler_style_grouped_per_file_with_a_summary_and_exit_code_1()
    {
        var file = Write("web.yaml", Invalid);
        var run = Lint(file);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains(file + "(7,13): error SM1002: spec.replicas: Invalid value: -1", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("(https://github.com/statefulmanifests/statefulmanifests/blob/main/docs/diagnostics/SM1002.md)", run.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"\n1 input: 1 error, \d+ warnings?, \d+ info\n$", run.Stdout.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void Min_severity_filters_the_report_and_sets_the_exit_code()
    {
        var valid = Write("web.yaml", Invalid.Replace("replicas: -1", "replicas: 3", StringComparison.Ordinal));
        var all = Lint(valid);
        Assert.Equal(1, all.ExitCode); // best-practice findings exist at info and warning
        var errorsOnly = Lint(valid, "--min-severity", "error");
        Assert.Equal(0, errorsOnly.ExitCode);
        Assert.StartsWith("1 input: 0 errors, 0 warnings, 0 info", errorsOnly.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_output_carries_each_finding_with_its_position_and_the_counts()
    {
        var file = Write("web.yaml", Invalid);
        var run = Lint(file, "--format", "json");
        using var json = JsonDocument.Parse(run.Stdout);
        var replicas = json.RootElement.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("ruleId").GetString() == "SM1002");
        Assert.Equal("error", replicas.GetProperty("severity").GetString());
        Assert.Equal(7, replicas.GetProperty("line").GetInt32());
        Assert.Equal("spec.replicas", replicas.GetProperty("path").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("summary").GetProperty("errors").GetInt32());
        Assert.Equal(file, json.RootElement.GetProperty("inputs")[0].GetString());
    }

    [Fact]
    public void Sarif_output_is_a_2_1_0_log_whose_results_point_at_their_rules()
    {
        var file = Write("web.yaml", Invalid);
        var run = Lint(file, "--format", "sarif");
        using var sarif = JsonDocument.Parse(run.Stdout);
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        Assert.Equal("https://json.schemastore.org/sarif-2.1.0.json", sarif.RootElement.GetProperty("$schema").GetString());
        var only = sarif.RootElement.GetProperty("runs").EnumerateArray().Single();
        var rules = only.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        var results = only.GetProperty("results").EnumerateArray().ToList();
        Assert.NotEmpty(results);
        Assert.All(results, r =>
        {
            Assert.Equal(r.GetProperty("ruleId").GetString(), rules[r.GetProperty("ruleIndex").GetInt32()]);
            Assert.Contains(r.GetProperty("level").GetString(), new[] { "error", "warning", "note" });
            var location = r.GetProperty("locations")[0].GetProperty("physicalLocation");
            // The temporary folder is outside the tool's working directory, so the file is named by an absolute URI.
            Assert.Equal(new Uri(file).AbsoluteUri, location.GetProperty("artifactLocation").GetProperty("uri").GetString());
            Assert.False(location.GetProperty("artifactLocation").TryGetProperty("uriBaseId", out _));
            Assert.True(location.GetProperty("region").GetProperty("startLine").GetInt32() >= 1);
        });
        Assert.All(only.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray(),
            rule => Assert.StartsWith("https://", rule.GetProperty("helpUri").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public void Timing_goes_to_standard_error_and_leaves_the_report_as_it_was()
    {
        var file = Write("web.yaml", Invalid);
        var plain = Lint(file, "--format", "json");
        var timed = Lint(file, "--format", "json", "--timing");
        Assert.Equal(plain.Stdout, timed.Stdout);
        Assert.Matches(@"stateful: read 1 inputs \(\d+\.\d KiB of text\) in \d+ ms, linted them in \d+ ms", timed.Stderr);
        Assert.DoesNotContain("linted them", plain.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Standard_input_is_read_for_a_dash()
    {
        var run = Lint(["-"], Invalid);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("stdin(7,13): error SM1002", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void An_input_that_cannot_be_read_is_exit_code_2_and_the_others_are_still_linted()
    {
        var file = Write("web.yaml", Invalid);
        var run = Lint(file, Path.Combine(folder, "missing.yaml"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("missing.yaml: no such file or folder", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("error SM1002", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Folders_and_globs_expand_to_their_yaml_files()
    {
        Write("a.yaml", Invalid);
        Write(Path.Combine("nested", "b.yml"), Invalid.Replace("name: web", "name: api", StringComparison.Ordinal));
        Write("notes.txt", "not yaml");
        var byFolder = Lint(folder, "--format", "json");
        using (var json = JsonDocument.Parse(byFolder.Stdout))
        {
            Assert.Equal(2, json.RootElement.GetProperty("inputs").GetArrayLength());
        }

        var byGlob = Lint(Path.Combine(folder, "*.yaml"), "--format", "json");
        using var globbed = JsonDocument.Parse(byGlob.Stdout);
        Assert.Equal(1, globbed.RootElement.GetProperty("inputs").GetArrayLength());
    }

    [Fact]
    public void The_corpus_folder_lints_without_an_unreadable_input()
    {
        var corpus = Path.Combine(SharedFiles.RepositoryRoot, "..", "shared", "corpus");
        if (!Directory.Exists(corpus))
        {
            output.WriteLine("skipped: " + corpus + " is absent");
            return;
        }

        var run = Lint(corpus, "--format", "json");
        output.WriteLine(run.Stderr);
        Assert.NotEqual(2, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        var count = Directory.GetFiles(corpus, "*.yaml", SearchOption.AllDirectories).Length + Directory.GetFiles(corpus, "*.yml", SearchOption.AllDirectories).Length;
        Assert.Equal(count, json.RootElement.GetProperty("inputs").GetArrayLength());
        output.WriteLine(count + " corpus files linted");
    }

    [Fact]
    public void Help_shows_examples_and_exit_codes()
    {
        var run = Run(["lint", "--help"], null);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("stateful lint manifests/", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Exit codes: 0 clean", run.Stdout, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
        return path;
    }

    private ToolRun Lint(params string[] arguments) => Tool.Run(output, ["lint", .. arguments]);

    private ToolRun Lint(string[] arguments, string stdin) => Tool.Run(output, ["lint", .. arguments], stdin);

    private ToolRun Run(string[] arguments, string? stdin) => Tool.Run(output, arguments, stdin);
}
