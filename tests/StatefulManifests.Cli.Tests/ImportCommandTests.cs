using StatefulManifests.Cli.Tests.Import;
using StatefulManifests.Cli.Tests.Support;
using Xunit.Abstractions;

namespace StatefulManifests.Cli.Tests;

/// <summary><c>stateful import</c> run as a process: inputs, output, skipped objects and exit codes.</summary>
public sealed class ImportCommandTests(ITestOutputHelper output) : IDisposable
{
    private const string StatefulSet = """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: my-db
        spec:
          serviceName: my-db
          replicas: 3
          selector:
            matchLabels:
              app.kubernetes.io/name: my-db
          template:
            metadata:
              labels:
                app.kubernetes.io/name: my-db
            spec:
              containers:
              - name: db
                image: postgres:16
                ports:
                - name: sql
                  containerPort: 5432
        """;

    private const string Service = """
        apiVersion: v1
        kind: Service
        metadata:
          name: my-db
          labels:
            app.kubernetes.io/name: my-db
        spec:
          clusterIP: None
          selector:
            app.kubernetes.io/name: my-db
          ports:
          - name: sql
            port: 5432
            targetPort: sql
        """;

    private const string ConfigMap = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
        data:
          a: b
        """;

    private readonly string folder = Directory.CreateTempSubdirectory("statefulmanifests-import-").FullName;

    [Fact]
    public void A_file_becomes_a_declaration_that_relies_on_the_DSL_defaults_and_compiles_without_warnings()
    {
        var run = Import(Write("db.yaml", StatefulSet + "\n---\n" + Service));
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("public static StatefulSetBuilder MyDb() => Workload.StatefulSet(\"my-db\")", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("// relies on the default: spec.selector.matchLabels is the DSL's identity selector (app.kubernetes.io/name: my-db)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("// relies on the default: the Service's ports are the containers' ports", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("// relies on the default: the Service is headless (clusterIP: None)", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(".SelectorLabels(", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(".Service(", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Patch", run.Stdout, StringComparison.Ordinal);
        Assert.Contains(".Port(\"sql\", 5432)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("imported 1 StatefulSet(s) from 1 input(s), skipped 0 object(s)", run.Stderr, StringComparison.Ordinal);
        var (assembly, diagnostics) = GeneratedCode.Compile(run.Stdout);
        Assert.Empty(diagnostics);
        Assert.NotNull(assembly);
    }

    [Fact]
    public void A_folder_pairs_a_StatefulSet_with_its_Service_from_another_file()
    {
        Write("sts.yaml", StatefulSet);
        Write("nested/svc.yml", Service.Replace("clusterIP: None", "clusterIP: None\n  publishNotReadyAddresses: true", StringComparison.Ordinal));
        var run = Import(folder);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains(".Service(s => s", run.Stdout, StringComparison.Ordinal);
        Assert.Contains(".PublishNotReadyAddresses()", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("from 2 input(s)", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Standard_input_is_read_with_dash_and_a_skipped_kind_is_reported_with_its_position()
    {
        var run = Tool.Run(output, ["import", "-", "--namespace", "Contoso.Deploy", "--class", "Databases"], ConfigMap + "\n---\n" + StatefulSet);
        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("// Imported by `stateful import`", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("namespace Contoso.Deploy;", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("public static partial class Databases", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("stdin(1,1): skipped ConfigMap settings: the DSL declares StatefulSets", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("the Service my-db is not among the imported files", run.Stdout, StringComparison.Ordinal);
        Assert.Contains(".WithoutService()", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_goes_to_a_file_or_into_a_folder_and_an_existing_file_is_not_overwritten()
    {
        var input = Write("db.yaml", StatefulSet);
        var file = Path.Combine(folder, "out", "Db.cs");
        var first = Import(input, "-o", file);
        Assert.Equal(0, first.ExitCode);
        Assert.Equal(string.Empty, first.Stdout);
        Assert.Contains("public static StatefulSetBuilder MyDb()", File.ReadAllText(file), StringComparison.Ordinal);

        File.WriteAllText(file, "// mine");
        var again = Import(input, "-o", file);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("exists; not overwritten (use --force", again.Stderr, StringComparison.Ordinal);
        Assert.Equal("// mine", File.ReadAllText(file));
        Assert.Equal(0, Import(input, "-o", file, "--force").ExitCode);
        Assert.NotEqual("// mine", File.ReadAllText(file));

        var dir = Directory.CreateDirectory(Path.Combine(folder, "src")).FullName;
        Assert.Equal(0, Import(input, "-o", dir, "--class", "Workloads").ExitCode);
        Assert.True(File.Exists(Path.Combine(dir, "Workloads.cs")));
    }

    [Fact]
    public void An_unreadable_input_exits_2_and_malformed_YAML_is_an_error_with_file_and_line()
    {
        var missing = Import(Path.Combine(folder, "nope.yaml"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("nope.yaml: no such file or folder", missing.Stderr, StringComparison.Ordinal);

        var bad = Write("bad.yaml", StatefulSet.Replace("replicas: 3", "replicas: three", StringComparison.Ordinal));
        var run = Import(bad, Write("good.yaml", StatefulSet.Replace("my-db", "other", StringComparison.Ordinal)));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(bad + "(7,13): ", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("(not imported)", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Workload.StatefulSet(\"other\")", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\"my-db\"", run.Stdout, StringComparison.Ordinal);

        var nothing = Import(Write("cm.yaml", ConfigMap));
        Assert.Equal(2, nothing.ExitCode);
        Assert.Contains("no StatefulSet to import; nothing written", nothing.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_class_name_is_a_usage_error_and_help_shows_examples()
    {
        var invalid = Import(Write("db.yaml", StatefulSet), "--class", "not-a-name");
        Assert.NotEqual(0, invalid.ExitCode);
        Assert.Contains("--class: 'not-a-name' is not a valid C# class name", invalid.Output, StringComparison.Ordinal);

        var help = Tool.Run(output, ["import", "--help"]);
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("kubectl get sts web -o yaml | stateful import - > Web.cs", help.Stdout, StringComparison.Ordinal);
        Assert.Contains("--namespace", help.Stdout, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private ToolRun Import(params string[] arguments) => Tool.Run(output, ["import", .. arguments]);
}
