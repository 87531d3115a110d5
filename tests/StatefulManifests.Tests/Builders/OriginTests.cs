using StatefulManifests.Validation;

namespace StatefulManifests.Tests.Builders;

/// <summary>FieldOrigin records: which DSL call (token) set which field path.</summary>
public class OriginTests
{
    /// <summary>Runs <paramref name="call"/> with <paramref name="token"/> as the ambient call site, as the compile-time evaluator does.</summary>
    private static T At<T>(string token, Func<T> call)
    {
        using (DslCallSite.Enter(token))
        {
            return call();
        }
    }

    private static IEnumerable<(string Path, object? Token, WorkloadDocument Document)> Flat(StatefulSetBuilder b) =>
        b.Origins.Select(o => (o.Path.ToString(), o.Token, o.Document));

    [Fact]
    public void AtRuntimeTokensAreNullButPathsAreRecorded()
    {
        var b = Workload.StatefulSet("web").Replicas(3);

        Assert.Null(DslCallSite.Current);
        Assert.Equal([("metadata.name", (object?)null, WorkloadDocument.StatefulSet), ("spec.replicas", null, WorkloadDocument.StatefulSet)], Flat(b));
    }

    [Fact]
    public void EnterRestoresThePreviousToken()
    {
        using (DslCallSite.Enter("outer"))
        {
            using (DslCallSite.Enter("inner"))
            {
                Assert.Equal("inner", DslCallSite.Current);
            }

            Assert.Equal("outer", DslCallSite.Current);
        }

        Assert.Null(DslCallSite.Current);
    }

    [Fact]
    public void NestedCallsAreRecordedUnderTheirElementsFullPath()
    {
        var b = At("root", () => Workload.StatefulSet("web"));
        b = At("c1", () => b.Container("first", c => At("img1", () => c.Image("a:1"))));
        b = At("c2", () => b.Container("second", c => At("port", () => c.Port("web", 80))
            .ReadinessProbe(p => At("probe-period", () => p.PeriodSeconds(5)))));
        b = At("claim", () => b.VolumeClaim("data", v => At("storage", () => v.Storage("10GB"))));

        (string, object?, WorkloadDocument)[] expected =
            [
                ("metadata.name", "root", WorkloadDocument.StatefulSet),
                ("spec.template.spec.containers[0]", "c1", WorkloadDocument.StatefulSet),
                ("spec.template.spec.containers[0].image", "img1", WorkloadDocument.StatefulSet),
                ("spec.template.spec.containers[1]", "c2", WorkloadDocument.StatefulSet),
                ("spec.template.spec.containers[1].ports[0]", "port", WorkloadDocument.StatefulSet),
                ("spec.template.spec.containers[1].readinessProbe", "c2", WorkloadDocument.StatefulSet),
                ("spec.template.spec.containers[1].readinessProbe.periodSeconds", "probe-period", WorkloadDocument.StatefulSet),
                ("spec.volumeClaimTemplates[0]", "claim", WorkloadDocument.StatefulSet),
                ("spec.volumeClaimTemplates[0].spec.resources.requests[storage]", "storage", WorkloadDocument.StatefulSet),
            ];

        Assert.Equal(expected, Flat(b));
    }

    [Fact]
    public void AWeightedTermsCallCoversItsWeightAndItsInnerCallsLieInTheTerm()
    {
        var b = Workload.StatefulSet("web").PodAntiAffinity(a => At("preferred", () => a.Preferred(50, t => At("key", () => t.TopologyKey("zone")))))
            .NodeAffinity(a => At("node-preferred", () => a.Preferred(5, t => At("expr", () => t.MatchExpression("disk", StatefulManifests.Model.NodeSelectorOperator.Exists)))));

        var flat = Flat(b).ToList();
        Assert.Contains(("spec.template.spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0]", "preferred", WorkloadDocument.StatefulSet), flat);
        Assert.Contains(("spec.template.spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm.topologyKey", "key", WorkloadDocument.StatefulSet), flat);
        Assert.Contains(("spec.template.spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0]", "node-preferred", WorkloadDocument.StatefulSet), flat);
        Assert.Contains(("spec.template.spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].preference.matchExpressions[0]", "expr", WorkloadDocument.StatefulSet), flat);
    }

    [Fact]
    public void ReconfiguringAnExistingContainerRecordsItsOriginalIndex()
    {
        var b = Workload.StatefulSet("web").Container("a", c => c.Image("a:1")).Container("b", c => c.Image("b:1"));
        b = b.Container("a", c => At("retag", () => c.Image("a:2")));

        Assert.Equal(("spec.template.spec.containers[0].image", (object?)"retag"), b.Origins.Select(o => (o.Path.ToString(), o.Token)).Last());
    }

    [Fact]
    public void ServiceBudgetAndPatchOriginsNameTheirDocument()
    {
        var b = Workload.StatefulSet("web")
            .Service(s => At("pnra", () => s.PublishNotReadyAddresses()))
            .DisruptionBudget(p => At("min", () => p.MinAvailable(2)))
            .PatchService(p => At("patch", () => p.Add("/spec/ports/0/appProtocol", "http")));

        var flat = Flat(b).ToList();
        Assert.Contains(("spec.publishNotReadyAddresses", "pnra", WorkloadDocument.Service), flat);
        Assert.Contains(("spec.minAvailable", "min", WorkloadDocument.DisruptionBudget), flat);
        Assert.Contains(("spec.ports[0].appProtocol", "patch", WorkloadDocument.Service), flat);
    }

    [Fact]
    public void AnErrorPathMapsToTheLongestContainingOrigin()
    {
        var b = Workload.StatefulSet("web")
            .Container("main", c => c.Image("x:1").Requests(cpu: "100m"))
            .VolumeClaim("data", v => At("storage-call", () => v.Storage("10GB")));
        var errorPath = FieldPath.Root("spec").Child("volumeClaimTemplates").Index(0).Child("spec", "resources", "requests").Key("storage");

        var origin = b.Origins.Where(o => errorPath.IsWithin(o.Path)).OrderByDescending(o => o.Path.ToString().Length).First();

        Assert.Equal("storage-call", origin.Token);
    }

    [Fact]
    public void OriginsAreNotPartOfTheWorkload()
    {
        var runtime = Workload.StatefulSet("web").Replicas(1);
        var evaluated = At("t", () => Workload.StatefulSet("web").Replicas(1));

        Assert.NotEqual(Flat(runtime), Flat(evaluated));
        Assert.Equal(runtime.Build(), evaluated.Build());
    }

    [Fact]
    public void OriginsAccumulateImmutably()
    {
        var b = Workload.StatefulSet("web");
        var c = b.Replicas(1);

        Assert.Single(b.Origins);
        Assert.Equal(2, c.Origins.Count);
    }

    [Fact]
    public void TheAmbientTokenIsPerThread()
    {
        using var ready = new Barrier(2);
        string? seenByOther = "unset";
        var other = new Thread(() =>
        {
            ready.SignalAndWait();
            seenByOther = (string?)Workload.StatefulSet("t").Replicas(1).Origins[^1].Token;
            ready.SignalAndWait();
        });
        other.Start();

        using (DslCallSite.Enter("main-thread"))
        {
            ready.SignalAndWait();
            ready.SignalAndWait();
        }

        other.Join();
        Assert.Null(seenByOther);
    }
}
