using StatefulManifests.Rules;
using StatefulManifests.Validation;

namespace StatefulManifests.Tests.Rules;

/// <summary>The rule set on plain YAML text and files: pairing, positions, reader errors.</summary>
public sealed class ManifestLinterTests : IDisposable
{
    private const string StatefulSetYaml =
        """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: web
        spec:
          serviceName: web
          replicas: 2
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
                image: nginx
        """;

    private const string ServiceYaml =
        """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          clusterIP: 10.96.0.10
          selector:
            app: web
        """;

    private readonly string directory = Path.Combine(Path.GetTempPath(), "sm-lint-" + Guid.NewGuid().ToString("N"));

    public ManifestLinterTests() => Directory.CreateDirectory(directory);

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void Findings_point_at_the_line_and_column_of_the_offending_value()
    {
        var findings = ManifestLinter.LintText(ServiceYaml + "\n---\n" + StatefulSetYaml, "web.yaml");

        var image = Assert.Single(findings, f => f.RuleId == RuleIds.ImageTagNotPinned);
        Assert.Equal(new SourcePosition("web.yaml", 27, 16), image.Position);
        var headless = Assert.Single(findings, f => f.RuleId == RuleIds.GoverningServiceNotHeadless);
        Assert.Equal(new SourcePosition("web.yaml", 6, 14), headless.Position);
        Assert.Equal("web.yaml(6,14): warning SM2004: spec.clusterIP: governing Service \"web\" is not headless (clusterIP: 10.96.0.10); set clusterIP: None so each pod gets its own DNS record", headless.ToString());
    }

    [Fact]
    public void Unwritten_fields_are_reported_at_their_nearest_ancestor()
    {
        var findings = ManifestLinter.LintText(StatefulSetYaml, "sts.yaml");

        // No podAntiAffinity and no affinity: the finding lands on the pod spec's key (line 15).
        var affinity = Assert.Single(findings, f => f.RuleId == RuleIds.NoHostAntiAffinity);
        Assert.Equal(new SourcePosition("sts.yaml", 15, 5), affinity.Position);
        var pdb = Assert.Single(findings, f => f.RuleId == RuleIds.NoDisruptionBudget);
        Assert.Equal(new SourcePosition("sts.yaml", 7, 13), pdb.Position);
    }

    [Fact]
    public void A_service_in_another_file_governs_the_statefulset_and_is_reported_in_its_file()
    {
        var sts = Write("sts.yaml", StatefulSetYaml);
        var svc = Write("svc.yaml", ServiceYaml);

        var findings = ManifestLinter.LintFiles([sts, svc]);

        var headless = Assert.Single(findings, f => f.RuleId == RuleIds.GoverningServiceNotHeadless);
        Assert.Equal(new SourcePosition(svc, 6, 14), headless.Position);
        Assert.DoesNotContain(findings, f => f.RuleId == RuleIds.MissingReadinessProbe && f.Position?.File == svc);
        Assert.Equal(findings.OrderBy(f => f.Position!.File, StringComparer.Ordinal).ThenBy(f => f.Position!.Line), findings);
    }

    [Fact]
    public void A_service_in_another_namespace_is_not_the_governing_one()
    {
        var other = ServiceYaml.Replace("  name: web", "  name: web\n  namespace: other", StringComparison.Ordinal);
        var sts = StatefulSetYaml.Replace("  name: web\nspec", "  name: web\n  namespace: shop\nspec", StringComparison.Ordinal);

        var findings = ManifestLinter.LintText(other + "\n---\n" + sts, "ns.yaml");

        Assert.DoesNotContain(findings, f => f.RuleId == RuleIds.GoverningServiceNotHeadless);
    }

    [Fact]
    public void A_headless_service_in_the_same_file_under_another_name_reveals_a_mistyped_service_name()
    {
        var headless = ServiceYaml.Replace("clusterIP: 10.96.0.10", "clusterIP: None", StringComparison.Ordinal);
        var sts = StatefulSetYaml.Replace("serviceName: web", "serviceName: web-hs", StringComparison.Ordinal);

        var findings = ManifestLinter.LintText(headless + "\n---\n" + sts, "typo.yaml");
        var apart = ManifestLinter.LintFiles([Write("sts.yaml", sts), Write("svc.yaml", headless)]);

        var typo = Assert.Single(findings, f => f.RuleId == RuleIds.ServiceNameNotGoverningService);
        Assert.Equal(new SourcePosition("typo.yaml", 15, 16), typo.Position);
        Assert.Equal("spec.serviceName: serviceName \"web-hs\" does not name the Service \"web\"; point serviceName at the headless Service that governs the pods", typo.Message);
        Assert.DoesNotContain(apart, f => f.RuleId == RuleIds.ServiceNameNotGoverningService);
    }

    [Fact]
    public void A_budget_that_matches_no_statefulset_is_reported_as_dangling()
    {
        const string budget =
            """
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata:
              name: web
            spec:
              maxUnavailable: 1
              selector:
                matchLabels:
                  app: webb
            """;

        var findings = ManifestLinter.LintText(StatefulSetYaml + "\n---\n" + budget, "pdb.yaml");

        var dangling = Assert.Single(findings, f => f.RuleId == RuleIds.DisruptionBudgetSelectsNoPods);
        Assert.Equal(new SourcePosition("pdb.yaml", 26, 3), dangling.Position);
        Assert.DoesNotContain(findings, f => f.RuleId == RuleIds.NoDisruptionBudget);
    }

    [Fact]
    public void Syntax_errors_and_unreadable_files_are_findings_too()
    {
        var missing = Path.Combine(directory, "missing.yaml");
        var broken = Write("broken.yaml", "apiVersion: v1\nkind: Service\nmetadata: [unclosed\n");

        var findings = ManifestLinter.LintFiles([missing, broken]);

        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal(RuleIds.UnreadableManifest, f.RuleId));
        Assert.Equal(new SourcePosition(broken, 4, 1), findings[0].Position);
        Assert.StartsWith("document: YAML syntax error", findings[0].Message, StringComparison.Ordinal);
        Assert.Equal(new SourcePosition(missing, 1, 1), findings[1].Position);
        Assert.StartsWith("document: cannot read the file: ", findings[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_service_or_budget_of_its_own_is_validated_as_the_api_server_validates_it()
    {
        const string Service = "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  clusterIP: None\n  selector:\n    app: web\n  ports:\n  - port: 70000\n";
        var service = ManifestLinter.LintText(Service, "service.yaml");
        var port = Assert.Single(service, f => f.RuleId == RuleIds.ApiInvalid && f.Path.ToString() == "spec.ports[0].port");
        Assert.Equal(new SourcePosition("service.yaml", 10, 11), port.Position);

        const string Budget = "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  minAvailable: 1\n  maxUnavailable: 1\n  selector:\n    matchLabels:\n      app: web\n";
        Assert.Contains(ManifestLinter.LintText(Budget, "pdb.yaml"), f => f.RuleId.StartsWith("SM1", StringComparison.Ordinal) && f.Position!.File == "pdb.yaml");

        // Paired with a StatefulSet, the same Service is reported once, not again on its own.
        var paired = ManifestLinter.LintSources([("sts.yaml", StatefulSetYaml), ("service.yaml", Service)]);
        Assert.Single(paired, f => f.RuleId == RuleIds.ApiInvalid && f.Path.ToString() == "spec.ports[0].port");
    }

    [Fact]
    public void The_ignore_annotation_opts_one_object_out_of_the_rules_it_names()
    {
        var linted = ManifestLinter.LintText(StatefulSetYaml);
        var some = linted.Where(f => f.Subject == FindingSubject.StatefulSet).Select(f => f.RuleId).Distinct().Take(2).ToList();
        Assert.Equal(2, some.Count);
        var annotated = StatefulSetYaml.Replace("metadata:\n  name: web\nspec:", "metadata:\n  name: web\n  annotations:\n    statefulmanifests/ignore: \"" + some[0] + ", " + some[1].ToLowerInvariant() + "\"\nspec:", StringComparison.Ordinal);
        var remaining = ManifestLinter.LintText(annotated).Select(f => f.RuleId).ToList();
        Assert.DoesNotContain(some[0], remaining);
        Assert.DoesNotContain(some[1], remaining);
        Assert.NotEmpty(remaining);
    }

    [Fact]
    public void Compiler_only_rules_never_come_out_of_the_yaml_linter()
    {
        var yamlIds = ManifestLinter.LintText(ServiceYaml + "\n---\n" + StatefulSetYaml).Select(f => f.RuleId).ToHashSet();

        Assert.All(RuleCatalog.All.Where(d => !d.AppliesToYaml), d => Assert.DoesNotContain(d.Id, yamlIds));
        Assert.All(RuleCatalog.All.Where(d => !d.AppliesToYaml), d => Assert.Contains(d.Id, new[] { RuleIds.DeclarationNotEvaluable, RuleIds.DuplicateWorkloadName, RuleIds.EnclosingTypeNotPartial, RuleIds.NotAWorkloadDeclaration, RuleIds.DeclarationThrows, RuleIds.EnvironmentMismatch, RuleIds.ManifestFileClash, RuleIds.InvalidTargetCluster }));
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, text);
        return path;
    }
}
