using System.Globalization;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using StatefulManifests.Import;

namespace StatefulManifests.Cli.Tests.Import;

/// <summary>The importer in-process: C# spelling, names, determinism, folding and escape-hatch patches.</summary>
public sealed class ImporterTests
{
    private const string Set = """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: NAME
        spec:
          serviceName: NAME
          selector:
            matchLabels:
              app: NAME
          template:
            metadata:
              labels:
                app: NAME
            spec:
              hostAliases:
              - ip: 127.0.0.1
                hostnames: [local]
              containers:
              - name: app
                image: app:1
                args: ARGS
        """;

    [Theory]
    [InlineData("plain")]
    [InlineData("quote \" and backslash \\ and tab \t")]
    [InlineData("line one\nline two\r\nend\n")]
    [InlineData("non-ASCII: é ü 日本 🚀")]
    [InlineData("invisible: \u200B\u00A0\u2028\u0085\u0001")]
    [InlineData("lone surrogates: \uD800 and \uDC00 and a pair \uD83D\uDE80")]
    public void String_literals_mean_exactly_the_text(string text)
    {
        var literal = CSharpText.Literal(text);
        var parsed = (LiteralExpressionSyntax)SyntaxFactory.ParseExpression(literal);
        Assert.Empty(parsed.GetDiagnostics());
        Assert.Equal(text, parsed.Token.ValueText);
        Assert.DoesNotContain('\n', literal);
        Assert.True(IsWellFormed(literal), "a literal must be writable as UTF-8: " + literal);
    }

    [Theory]
    [InlineData("my-db", "MyDb")]
    [InlineData("web.v2", "WebV2")]
    [InlineData("0db", "_0db")]
    [InlineData("---", "Workload")]
    public void Kubernetes_names_become_PascalCase_identifiers(string name, string identifier) =>
        Assert.Equal(identifier, CSharpText.Identifier(name, "Workload"));

    [Fact]
    public void Keywords_get_an_at_sign_and_colliding_names_a_deterministic_suffix()
    {
        Assert.Equal("@class", CSharpText.ClassName("class"));
        Assert.Null(CSharpText.ClassName("my-class"));
        var result = Import([("a.yaml", Yaml("my-db", "[]")), ("b.yaml", Yaml("my.db", "[]").Replace("  namespace: x\n", string.Empty, StringComparison.Ordinal))], new ImportOptions { ClassName = "class" });
        Assert.Contains("public static partial class @class", result.Source, StringComparison.Ordinal);
        Assert.Contains("StatefulSetBuilder MyDb() => Workload.StatefulSet(\"my-db\")", result.Source, StringComparison.Ordinal);
        Assert.Contains("StatefulSetBuilder MyDb2() => Workload.StatefulSet(\"my.db\")", result.Source, StringComparison.Ordinal);
        AssertCompiles(result.Source);
    }

    [Fact]
    public void Text_values_survive_as_C_sharp_literals_through_compile_and_render()
    {
        var args = "[\"say \\\"hi\\\" \\\\ there\", \"multi\\nline\\n\", \"ünï 日本\"]";
        var result = Import([("a.yaml", Yaml("web", args))]);
        Assert.Contains(".Args(\"say \\\"hi\\\" \\\\ there\", \"multi\\n\" +", result.Source, StringComparison.Ordinal);
        var (assembly, diagnostics) = GeneratedCode.Compile(result.Source);
        Assert.Empty(diagnostics);
        var built = GeneratedCode.Declarations(assembly!, "ImportedWorkloads").Single().Builder.Build();
        Assert.Equal(["say \"hi\" \\ there", "multi\nline\n", "ünï 日本"], built.StatefulSet.Spec!.Template!.Spec!.Containers![0].Args!);
    }

    [Fact]
    public void A_field_without_a_DSL_method_becomes_a_commented_patch_that_applies()
    {
        var result = Import([("a.yaml", Yaml("web", "[x]"))]);
        Assert.Contains("// escape hatch: the DSL has no method that sets spec.template.spec.hostAliases to this value", result.Source, StringComparison.Ordinal);
        Assert.Contains(".Add(\"/spec/template/spec/hostAliases\", RawValue.FromList(new[]", result.Source, StringComparison.Ordinal);
        var (assembly, _) = GeneratedCode.Compile(result.Source);
        var yaml = GeneratedCode.Declarations(assembly!, "ImportedWorkloads").Single().Builder.Render();
        var alias = Assert.Single(StatefulManifests.Yaml.ManifestYaml.Read(yaml).StatefulSets.Single().Spec!.Template!.Spec!.HostAliases!);
        Assert.Equal("127.0.0.1", alias.Ip);
        Assert.Equal(["local"], alias.Hostnames!);
    }

    [Fact]
    public void A_default_the_original_lacks_is_removed_by_a_patch_with_its_reason()
    {
        // A governing Service with a cluster IP: the DSL makes Services headless, so the import says it removes that.
        var service = "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  labels:\n    app: web\nspec:\n  selector:\n    app: web\n";
        var result = Import([("a.yaml", Yaml("web", "[x]") + "---\n" + service)]);
        Assert.Contains("// escape hatch: the DSL writes Service spec.clusterIP by default; the original leaves it unset", result.Source, StringComparison.Ordinal);
        Assert.Contains(".PatchService(p => p", result.Source, StringComparison.Ordinal);
        Assert.Contains(".Remove(\"/spec/clusterIP\")", result.Source, StringComparison.Ordinal);
        Assert.Equal(["StatefulSet", "Service"], result.Imported.Select(o => o.Kind));
    }

    [Fact]
    public void Keyword_parameter_names_are_escaped_in_named_arguments()
    {
        var yaml = Yaml("web", "[x]").Replace("      hostAliases:", "      tolerations:\n      - operator: Exists\n        effect: NoSchedule\n      hostAliases:", StringComparison.Ordinal);
        var result = Import([("a.yaml", yaml)]);
        Assert.Contains(".Toleration(@operator: TolerationOperator.Exists, effect: TaintEffect.NoSchedule)", result.Source, StringComparison.Ordinal);
        AssertCompiles(result.Source);
    }

    [Fact]
    public void Server_written_fields_are_dropped_with_a_note_and_other_kinds_are_skipped_with_their_position()
    {
        var fromCluster = Yaml("web", "[x]").Replace("  name: web\n", "  name: web\n  uid: abc-1234\n  resourceVersion: \"42\"\n  creationTimestamp: \"2024-01-01T00:00:00Z\"\n", StringComparison.Ordinal)
            + "status:\n  replicas: 1\n  availableReplicas: 1\n";
        var deployment = "---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n";
        var result = Import([("web.yaml", fromCluster + deployment)]);
        Assert.DoesNotContain("status", result.Source, StringComparison.Ordinal);
        Assert.DoesNotContain("1234", result.Source, StringComparison.Ordinal);
        Assert.Empty(result.Errors);
        Assert.Contains(result.Notes, n => n.StartsWith("web.yaml(1,1): StatefulSet web: dropped status", StringComparison.Ordinal));
        Assert.Contains(result.Notes, n => n.Contains("dropped metadata (server-written fields)", StringComparison.Ordinal));
        var skipped = Assert.Single(result.Skipped);
        var deploymentLine = (fromCluster + "---\n").Count(c => c == '\n') + 1;
        Assert.Equal(("Deployment", "api", deploymentLine), (skipped.Kind, skipped.Name, skipped.Position.Line));
        AssertCompiles(result.Source);
    }

    [Fact]
    public void A_duplicate_key_is_imported_as_kubectl_reads_it_with_a_warning()
    {
        var yaml = Yaml("web", "[x]").Replace("spec:\n  serviceName", "spec:\n  replicas: 1\n  replicas: 5\n  serviceName", StringComparison.Ordinal);
        var result = Import([("web.yaml", yaml)]);
        Assert.Empty(result.Errors);
        Assert.Contains(".Replicas(5)", result.Source, StringComparison.Ordinal);
        Assert.Contains(result.Notes, n => n.Contains("duplicate key", StringComparison.Ordinal) && n.EndsWith("imported as kubectl reads it", StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_input_gives_the_same_bytes_in_any_culture()
    {
        var corpus = StatefulManifests.Tests.Support.SharedFiles.CorpusDir;
        var inputs = corpus is null
            ? [("a.yaml", Yaml("istanbul", "[\"I ı İ i\"]"))]
            : Directory.GetFiles(corpus, "*.yaml").Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllText(f))).Append(("a.yaml", Yaml("istanbul", "[\"I ı İ i\"]"))).ToList();
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            var invariant = Import(inputs).Source;
            CultureInfo.CurrentCulture = new CultureInfo("tr-TR");
            var turkish = Import(inputs).Source;
            Assert.Equal(invariant, turkish);
            Assert.Equal(turkish, Import(inputs).Source);
            Assert.DoesNotContain("\r", invariant, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    private static ImportResult Import(IEnumerable<(string, string)> sources, ImportOptions? options = null) => WorkloadImporter.Import(sources, options);

    private static string Yaml(string name, string args) => Set.Replace("NAME", name, StringComparison.Ordinal).Replace("ARGS", args, StringComparison.Ordinal) + "\n";

    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static void AssertCompiles(string source)
    {
        var (assembly, diagnostics) = GeneratedCode.Compile(source);
        Assert.Empty(diagnostics);
        Assert.NotNull(assembly);
    }
}
