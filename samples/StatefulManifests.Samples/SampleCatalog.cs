namespace StatefulManifests.Samples;

/// <summary>Every sample workload by file name, in a fixed order (used by the renderer and the sample tests).</summary>
public static class SampleCatalog
{
    /// <summary>The samples.</summary>
    public static IReadOnlyList<(string Name, StatefulSetBuilder Builder)> All { get; } =
    [
        ("web", SampleWorkloads.Web),
        ("mysql-cluster", SampleWorkloads.MySqlCluster),
        ("zookeeper", SampleWorkloads.ZooKeeper),
        ("postgres", SampleWorkloads.Postgres),
        ("session-cache", SampleWorkloads.SessionCache),
    ];
}
