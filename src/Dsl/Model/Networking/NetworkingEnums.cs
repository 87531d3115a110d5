namespace StatefulManifests.Model;

/// <summary>A NetworkPolicy's <c>policyTypes</c> entry: which direction of traffic the policy restricts.</summary>
public enum PolicyType
{
    /// <summary>Traffic into the selected pods.</summary>
    Ingress,

    /// <summary>Traffic out of the selected pods.</summary>
    Egress,
}
