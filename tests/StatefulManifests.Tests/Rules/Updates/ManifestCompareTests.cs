using StatefulManifests.Rules;
using StatefulManifests.Tests.Support;

namespace StatefulManifests.Tests.Rules.Updates;

/// <summary>Issue 10, deliverable 3b: the same check on plain YAML, released files against new files.</summary>
public sealed class ManifestCompareTests : IDisposable
{
    private const string Released = """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: db
          namespace: prod
        spec:
          serviceName: db
          replicas: 3
          selector:
            matchLabels:
              app: db
          template:
            metadata:
              labels:
                app: db
            spec:
              containers:
                - name: db
                  image: postgres:16.3
          volumeClaimTemplates:
            - metadata:
                name: data
              spec:
                accessModes: ["ReadWriteOnce"]
                resources:
                  requests:
                    storage: 10Gi
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: db
          namespace: prod
        spec:
          clusterIP: None
          selector:
            app: db
          ports:
            - name: pg
              port: 5432
        """;

    private readonly string folder = Path.Combine(Path.GetTempPath(), "sm-compare-" + Guid.NewGuid().ToString("N"));

    public ManifestCompareTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void AChangedSelectorIsReportedAtItsLineInTheNewFile()
    {
        var updated = Released.Replace("      app: db\n  template", "      app: db\n      tier: primary\n  template", StringComparison.Ordinal)
            .Replace("        app: db\n    spec:", "        app: db\n        tier: primary\n    spec:", StringComparison.Ordinal);

        var findings = ManifestLinter.CompareFiles([Write("released.yaml", Released)], [Write("db.yaml", updated)]);

        var finding = Assert.Single(findings);
        Assert.Equal(RuleIds.ForbiddenStatefulSetUpdate, finding.RuleId);
        Assert.Equal((Path.Combine(folder, "db.yaml"), 9), (finding.Position!.File, finding.Position.Line));
        Assert.Contains("kubectl delete statefulset db -n prod --cascade=orphan", finding.Message, StringComparison.Ordinal);
        Assert.Contains("spec: Forbidden: updates to statefulset spec for fields other than", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AClaimTemplateChangeGivesTheErrorAndTheDataWarningAtTheStorageLine()
    {
        var updated = Released.Replace("storage: 10Gi", "storage: 20Gi", StringComparison.Ordinal);

        var findings = ManifestLinter.CompareSources([("released.yaml", Released)], [("db.yaml", updated)]);

        Assert.Equal([RuleIds.ForbiddenStatefulSetUpdate, RuleIds.ClaimTemplateStorageChanged], findings.Select(f => f.RuleId));
        Assert.Equal(27, findings[1].Position!.Line);
        Assert.Contains("data-db-0, data-db-1, data-db-2", findings[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AServiceChangeIsReportedInTheService()
    {
        var updated = Released.Replace("clusterIP: None", "clusterIP: 10.96.0.30", StringComparison.Ordinal);

        var finding = Assert.Single(ManifestLinter.CompareSources([("released.yaml", Released)], [("db.yaml", updated)]));

        Assert.Equal((RuleIds.ForbiddenServiceUpdate, FindingSubject.Service), (finding.RuleId, finding.Subject));
        Assert.Equal(35, finding.Position!.Line);
        Assert.Contains("kubectl delete service db -n prod", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ObjectsAreMatchedByNamespaceAndName()
    {
        var otherNamespace = Released.Replace("namespace: prod", "namespace: staging", StringComparison.Ordinal).Replace("app: db", "app: x", StringComparison.Ordinal);
        Assert.Empty(ManifestLinter.CompareSources([("released.yaml", Released)], [("db.yaml", otherNamespace)]));
        Assert.Empty(ManifestLinter.CompareSources([("released.yaml", Released)], [("db.yaml", Released.Replace("image: postgres:16.3", "image: postgres:16.4", StringComparison.Ordinal))]));
    }

    [Fact]
    public void TheIgnoreAnnotationOptsAnObjectOut()
    {
        var updated = Released.Replace("storage: 10Gi", "storage: 20Gi", StringComparison.Ordinal)
            .Replace("  name: db\n  namespace: prod\nspec:\n  serviceName", "  name: db\n  namespace: prod\n  annotations:\n    statefulmanifests/ignore: SM5003\nspec:\n  serviceName", StringComparison.Ordinal);

        Assert.Equal([RuleIds.ForbiddenStatefulSetUpdate], ManifestLinter.CompareSources([("released.yaml", Released)], [("db.yaml", updated)]).Select(f => f.RuleId));
    }

    [Fact]
    public void AnUnreadableBaselineIsReportedNotPassed()
    {
        var findings = ManifestLinter.CompareFiles([Path.Combine(folder, "missing.yaml")], [Write("db.yaml", Released)]);

        Assert.Equal(RuleIds.UnreadableManifest, Assert.Single(findings).RuleId);
        Assert.Throws<ArgumentNullException>(() => ManifestLinter.CompareFiles(null!, []));
    }

    private string Write(string name, string yaml)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, yaml);
        return path;
    }
}
