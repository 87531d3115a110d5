namespace StatefulManifests;

/// <summary>
/// Marks a static property or method whose value is a workload declaration (a <see cref="StatefulSetBuilder"/>).
/// The StatefulManifests source generator evaluates it at compile time, validates it, and emits its YAML and typed
/// identities; the analyzers report its problems on the offending call.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class StatefulWorkloadAttribute : Attribute
{
    /// <summary>
    /// The file name (without extension) of the generated manifest, default: the StatefulSet's name.
    /// </summary>
    public string? FileName { get; set; }
}
