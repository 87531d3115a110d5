namespace StatefulManifests.Model;

/// <summary><c>spec.podManagementPolicy</c>: how the StatefulSet controller creates, deletes and updates pods.</summary>
public enum PodManagementPolicy
{
    /// <summary>One pod at a time, in ordinal order, each Running and Ready before the next (the default).</summary>
    OrderedReady,

    /// <summary>All pods at once; updates do not wait on lower ordinals.</summary>
    Parallel,
}

/// <summary><c>spec.updateStrategy.type</c>.</summary>
public enum UpdateStrategyType
{
    /// <summary>The controller replaces pods, highest ordinal first (the default).</summary>
    RollingUpdate,

    /// <summary>Pods are replaced only when someone deletes them.</summary>
    OnDelete,
}

/// <summary><c>spec.persistentVolumeClaimRetentionPolicy.whenDeleted</c> / <c>.whenScaled</c>.</summary>
public enum ClaimRetentionPolicy
{
    /// <summary>Keep the claims (the default).</summary>
    Retain,

    /// <summary>Let the garbage collector delete the claims.</summary>
    Delete,
}
