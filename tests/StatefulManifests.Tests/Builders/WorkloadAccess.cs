using StatefulManifests.Model;

namespace StatefulManifests.Tests.Builders;

/// <summary>Short paths into a built workload's model for assertions.</summary>
internal static class WorkloadAccess
{
    public static StatefulSetSpec Spec(this StatefulWorkload w) => w.StatefulSet.Spec!;

    public static PodSpec Pod(this StatefulWorkload w) => w.StatefulSet.Spec!.Template!.Spec!;

    public static ValueMap<string> PodLabels(this StatefulWorkload w) => w.StatefulSet.Spec!.Template!.Metadata!.Labels!;

    public static Container Container(this StatefulWorkload w, int index = 0) => w.Pod().Containers![index];

    public static ValueMap<string> Map(params (string Key, string Value)[] pairs) => ValueMap.Of(pairs);

    /// <summary>A minimal valid-looking workload to hang a feature on.</summary>
    public static StatefulSetBuilder Minimal(string name = "db") =>
        Workload.StatefulSet(name).Container("main", c => c.Image("example.com/db:1.0"));
}
