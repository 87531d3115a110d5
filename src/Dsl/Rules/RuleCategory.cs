namespace StatefulManifests.Rules;

/// <summary>The category of a rule; it decides the ID range (<c>SM0xxx</c> … <c>SM5xxx</c>).</summary>
public enum RuleCategory
{
    /// <summary><c>SM0xxx</c>: how the DSL is used (declarations, names, mounts).</summary>
    Usage,

    /// <summary><c>SM1xxx</c>: what the Kubernetes API server would reject.</summary>
    ApiValidation,

    /// <summary><c>SM2xxx</c>: what makes a StatefulSet fail or lose data in operation.</summary>
    Reliability,

    /// <summary><c>SM3xxx</c>: what weakens the pods' isolation.</summary>
    Security,

    /// <summary><c>SM4xxx</c>: conventions that keep workloads predictable (images, resources).</summary>
    BestPractice,

    /// <summary><c>SM5xxx</c>: a change against the released manifests that the API server rejects or that risks data.</summary>
    UpdateSafety,
}
