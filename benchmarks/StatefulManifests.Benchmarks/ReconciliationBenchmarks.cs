using BenchmarkDotNet.Attributes;
using StatefulManifests.Model;
using StatefulManifests.Reconciliation;

namespace StatefulManifests.Benchmarks;

/// <summary>
/// The cost of simulating a rolling update as the set grows. A controller pass (and a kubelet tick) must stay about
/// linear in the number of replicas: pods are indexed by ordinal, never searched per pod. Every benchmark starts from
/// a fork of a converged set (forking is linear too, and measured on its own).
/// </summary>
[MemoryDiagnoser]
public class ReconciliationBenchmarks
{
    private const int StepsMeasured = 20;
    private StatefulSetSimulation orderedReady = null!;
    private StatefulSetSimulation parallel = null!;
    private StatefulSetSimulation maxUnavailable = null!;

    /// <summary>Number of replicas.</summary>
    [Params(10, 1_000, 10_000)]
    public int Replicas { get; set; }

    /// <summary>Builds the converged sets once per parameter value.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var options = new SimulationOptions { RecordTimeline = false, PassHistoryLimit = 20 };
        parallel = Converged(Web(PodManagementPolicy.Parallel), options);

        // An OrderedReady set of 10,000 pods would take 10,000 passes to create one by one; instead, orphan the pods
        // of the Parallel set and let an OrderedReady set adopt them (how Kubernetes users change an immutable field).
        orderedReady = parallel.Fork();
        orderedReady.DeleteStatefulSet(DeletionPropagation.Orphan);
        orderedReady.Tick();
        orderedReady.Apply(Web(PodManagementPolicy.OrderedReady));
        Require(orderedReady.RunUntilStable());

        var gateOn = options with { FeatureGates = FeatureGates.Kubernetes136 with { MaxUnavailableStatefulSet = true } };
        maxUnavailable = Converged(Web(PodManagementPolicy.Parallel).WithMaxUnavailable("25%"), gateOn);
    }

    /// <summary>One controller pass over a converged OrderedReady set: the pure per-pass cost (the pass changes nothing).</summary>
    [Benchmark]
    public PassReport SteadyStatePass() => orderedReady.Reconcile();

    /// <summary>Forking a converged set (part of the rolling-update benchmarks below).</summary>
    [Benchmark(Baseline = true)]
    public StatefulSetSimulation Fork() => orderedReady.Fork();

    /// <summary>20 steps (pass + kubelet tick) of an OrderedReady rolling update: one pod replaced at a time.</summary>
    [Benchmark]
    public PassReport RollingUpdateOrderedReady() => RollingUpdateSteps(orderedReady);

    /// <summary>20 steps of a Parallel rolling update (MaxUnavailableStatefulSet off: one pod per pass).</summary>
    [Benchmark]
    public PassReport RollingUpdateParallel() => RollingUpdateSteps(parallel);

    /// <summary>A complete rolling update with the gate on and maxUnavailable 25% (four waves, so linear overall).</summary>
    [Benchmark]
    public StabilityReport FullRollingUpdateMaxUnavailable25Percent()
    {
        var sim = maxUnavailable.Fork();
        sim.SetImage("nginx:1.27");
        return Require(sim.RunUntilStable());
    }

    private static PassReport RollingUpdateSteps(StatefulSetSimulation converged)
    {
        var sim = converged.Fork();
        sim.SetImage("nginx:1.27");
        return sim.Step(StepsMeasured);
    }

    private static StatefulSetSimulation Converged(StatefulSet set, SimulationOptions options)
    {
        var sim = StatefulSetSimulation.Create(set, options);
        Require(sim.RunUntilStable());
        return sim;
    }

    private static StabilityReport Require(StabilityReport report) =>
        report.Converged ? report : throw new InvalidOperationException(report.Explanation);

    private StatefulSet Web(PodManagementPolicy policy) => new()
    {
        Metadata = new ObjectMeta { Name = "web" },
        Spec = new StatefulSetSpec
        {
            Replicas = Replicas,
            ServiceName = "web",
            PodManagementPolicy = policy,
            Selector = new LabelSelector { MatchLabels = ValueMap.Of(("app", "web")) },
            Template = new PodTemplateSpec
            {
                Metadata = new ObjectMeta { Labels = ValueMap.Of(("app", "web")) },
                Spec = new PodSpec { Containers = ValueList.Of(new Container { Name = "nginx", Image = "nginx:1.25" }) },
            },
            VolumeClaimTemplates = ValueList.Of(new PersistentVolumeClaim
            {
                Metadata = new ObjectMeta { Name = "data" },
                Spec = new PersistentVolumeClaimSpec
                {
                    AccessModes = ValueList.Of<EnumValue<AccessMode>>(AccessMode.ReadWriteOnce),
                    Resources = new VolumeResourceRequirements { Requests = ValueMap.Of(("storage", Quantity.FromText("1Gi"))) },
                },
            }),
        },
    };
}
