using StatefulManifests.Rules;
using StatefulManifests.Tests.Support;
using StatefulManifests.Validation;
using Xunit.Abstractions;

namespace StatefulManifests.Tests.Rules;

/// <summary>The YAML linter over the real manifests in ../shared/corpus (read in place, never copied).</summary>
public class CorpusLintTests(ITestOutputHelper output)
{
    // The corpus README lists these as not accepted by a current API server (or, for the fixture, not a real spec).
    private static readonly HashSet<string> NotAccepted = new(StringComparer.Ordinal)
    {
        "k8s-api-fixture-v1.32.0-apps.v1.StatefulSet.yaml",
        "k8s-e2e-mysql-galera-noselector.yaml",
        "k8s-e2e-multivolumezk-legacy-v1beta1.yaml",
        "examples-archived-cockroachdb.yaml",
        "kube-score-statefulset-different-labels.yaml",
        "k8s-e2e-etcd--service-dupkey.yaml",
    };

    [Fact]
    public void Manifests_a_real_api_server_accepts_get_no_api_validation_finding()
    {
        if (SharedFiles.Missing(SharedFiles.CorpusDir, output, "the shared corpus"))
        {
            return;
        }

        var checkedWorkloads = 0;
        foreach (var workload in WorkloadFiles().Where(f => !NotAccepted.Contains(Path.GetFileName(f))))
        {
            var files = new[] { workload }.Concat(Companions(workload).Where(f => !NotAccepted.Contains(Path.GetFileName(f)))).ToList();
            var findings = ManifestLinter.LintFiles(files);
            var api = findings.Where(f => f.RuleId.StartsWith("SM1", StringComparison.Ordinal)).ToList();
            output.WriteLine($"{Path.GetFileName(workload)} (+{files.Count - 1}): {findings.Count} findings, {api.Count} API");
            Assert.True(api.Count == 0, "API validation findings on an accepted manifest:\n" + FindingAssert.Dump(api));
            checkedWorkloads++;
        }

        Assert.True(checkedWorkloads >= 25, $"only {checkedWorkloads} workloads checked");
    }

    [Fact]
    public void Known_findings_come_out_at_their_file_line_and_column()
    {
        if (SharedFiles.Missing(SharedFiles.CorpusDir, output, "the shared corpus"))
        {
            return;
        }

        // The Service has no clusterIP line at all, so the finding sits on its nearest written ancestor, `spec:`.
        var notHeadless = Lint("kube-score-statefulset-service-not-headless.yaml");
        AssertAt(notHeadless, RuleIds.GoverningServiceNotHeadless, 5, 1, "spec.clusterIP: governing Service \"svc-test-1\" is not headless (clusterIP is not set, so it gets a virtual IP); set clusterIP: None so each pod gets its own DNS record");
        Assert.DoesNotContain(notHeadless, f => f.RuleId == RuleIds.ServiceSelectsNoPods);

        // The required anti-affinity selects label `app`, which the pods (app.kubernetes.io/name=zk) do not carry.
        var zookeeper = Lint("website-zookeeper.yaml");
        AssertAt(zookeeper, RuleIds.NoHostAntiAffinity, 61, 15, "spec.template.spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector: the host anti-affinity term selects app in (zk), which the pods do not match; the 3 replicas may land on one node and fail together — add a podAntiAffinity term with topologyKey kubernetes.io/hostname whose labelSelector matches the pod labels {app.kubernetes.io/name=zk}");
        Assert.DoesNotContain(zookeeper, f => f.RuleId is RuleIds.NoDisruptionBudget or RuleIds.DisruptionBudgetSelectsNoPods or RuleIds.GoverningServiceNotHeadless);

        AssertAt(Lint("kube-score-statefulset-different-labels.yaml"), RuleIds.SelectorDoesNotMatchTemplate, 12, 7, "spec.template.metadata.labels: the selector requires app=foo but the pod template labels are {app=bar}; the API server rejects a StatefulSet whose selector does not match its template — make the template labels satisfy the selector");
        AssertAt(Lint("k8s-e2e-etcd--service-dupkey.yaml"), RuleIds.DuplicateYamlKey, 3, 1, "metadata: key \"metadata\" appears twice in one mapping; kubectl silently keeps only the last value, so this one is lost — remove or merge the duplicate");
        AssertAt(Lint("k8s-e2e-multivolumezk-legacy-v1beta1.yaml"), RuleIds.UnreadableManifest, 1, 13, "apiVersion: Invalid value: \"apps/v1beta1\": apps/v1beta1 StatefulSet is no longer served by Kubernetes (removed in 1.16); use apps/v1; fix the manifest so it reads as the Kubernetes schema");
        AssertAt(Lint("argocd-application-controller.yaml"), RuleIds.ImageTagNotPinned, 401, 16, "spec.template.spec.containers[0].image: container \"argocd-application-controller\" uses image \"quay.io/argoproj/argocd:latest\" with the latest tag; pin a version tag or a digest so every replica runs the same code");
    }

    [Fact]
    public void Every_corpus_file_lints_and_every_position_is_inside_its_file()
    {
        if (SharedFiles.Missing(SharedFiles.CorpusDir, output, "the shared corpus"))
        {
            return;
        }

        var files = Directory.GetFiles(SharedFiles.CorpusDir!, "*.yaml").OrderBy(f => f, StringComparer.Ordinal).ToList();
        var findings = ManifestLinter.LintFiles(files);
        var lineCounts = files.ToDictionary(f => f, f => File.ReadAllLines(f).Length);

        foreach (var finding in findings)
        {
            Assert.NotNull(finding.Position);
            Assert.InRange(finding.Position!.Line, 1, lineCounts[finding.Position.File]);
            Assert.True(finding.Position.Column >= 1);
        }

        foreach (var group in findings.GroupBy(f => f.RuleId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{group.Key}: {group.Count()}");
        }
    }

    private static IEnumerable<string> WorkloadFiles() =>
        Directory.GetFiles(SharedFiles.CorpusDir!, "*.yaml").Where(f => !Path.GetFileName(f).Contains("--", StringComparison.Ordinal)).OrderBy(f => f, StringComparer.Ordinal);

    private static IEnumerable<string> Companions(string workload) =>
        Directory.GetFiles(SharedFiles.CorpusDir!, Path.GetFileNameWithoutExtension(workload) + "--*.yaml").OrderBy(f => f, StringComparer.Ordinal);

    private static IReadOnlyList<Finding> Lint(string name)
    {
        var path = Path.Combine(SharedFiles.CorpusDir!, name);
        return ManifestLinter.LintFiles(new[] { path }.Concat(name.Contains("--", StringComparison.Ordinal) ? [] : Companions(path)));
    }

    private static void AssertAt(IReadOnlyList<Finding> findings, string id, int line, int column, string message)
    {
        var matching = findings.Where(f => f.RuleId == id).ToList();
        Assert.True(matching.Count == 1, $"expected one {id}:\n{FindingAssert.Dump(findings)}");
        Assert.Equal((line, column), (matching[0].Position!.Line, matching[0].Position!.Column));
        Assert.Equal(message, matching[0].Message);
        Assert.Equal(SourcePositionFile(findings, matching[0]), matching[0].Position!.File);
    }

    // Positions name the file as it was given to the linter.
    private static string SourcePositionFile(IReadOnlyList<Finding> findings, Finding finding) =>
        findings.Select(f => f.Position!.File).First(f => f == finding.Position!.File);
}
