using System.Globalization;

namespace StatefulManifests;

/// <summary>
/// The names the StatefulSet controller and cluster DNS give a set's pods and claims (reference §A.2): the one
/// definition the reconciliation model, the DNS view and the generated companion classes (<c>WebManifest.PodName</c>)
/// all use.
/// </summary>
public static class StatefulSetNames
{
    /// <summary>The pod with <paramref name="ordinal"/>: <c>&lt;set&gt;-&lt;ordinal&gt;</c> (<c>web-0</c>).</summary>
    /// <param name="setName">The StatefulSet's name.</param>
    /// <param name="ordinal">The pod's ordinal.</param>
    public static string PodName(string setName, int ordinal) =>
        (setName ?? throw new ArgumentNullException(nameof(setName))) + "-" + ordinal.ToString(CultureInfo.InvariantCulture);

    /// <summary>The claim the controller creates from a claim template for a pod: <c>&lt;template&gt;-&lt;pod&gt;</c> (<c>www-web-0</c>).</summary>
    /// <param name="templateName">The claim template's name.</param>
    /// <param name="podName">The pod's name (<see cref="PodName"/>).</param>
    public static string ClaimName(string templateName, string podName) =>
        (templateName ?? throw new ArgumentNullException(nameof(templateName))) + "-" + (podName ?? throw new ArgumentNullException(nameof(podName)));

    /// <summary>
    /// The ordinal of <paramref name="podName"/> when it is a name the controller gives a pod of
    /// <paramref name="setName"/> (<see cref="PodName"/> of some ordinal), else null: <c>db-007</c>, <c>db-x</c> and
    /// <c>dbx-1</c> are not pods of <c>db</c>.
    /// </summary>
    /// <param name="setName">The StatefulSet's name.</param>
    /// <param name="podName">The name to read.</param>
    public static int? PodOrdinal(string setName, string podName)
    {
        if (setName is null || podName is null)
        {
            return null;
        }

        var ordinal = Reconciliation.PodIdentity.ParseOrdinal(podName);
        return ordinal >= 0 && podName == PodName(setName, ordinal) ? ordinal : null;
    }

    /// <summary>
    /// The ordinal of <paramref name="claimName"/> when it is the claim the controller looks up for a pod of
    /// <paramref name="setName"/> from the template <paramref name="templateName"/> (<c>&lt;template&gt;-&lt;set&gt;-&lt;ordinal&gt;</c>), else null.
    /// </summary>
    /// <param name="templateName">The claim template's name.</param>
    /// <param name="setName">The StatefulSet's name.</param>
    /// <param name="claimName">The name to read.</param>
    public static int? ClaimOrdinal(string templateName, string setName, string claimName)
    {
        if (templateName is null || setName is null || claimName is null)
        {
            return null;
        }

        var ordinal = Reconciliation.PodIdentity.ParseOrdinal(claimName);
        return ordinal >= 0 && Reconciliation.PodIdentity.IsClaimName(claimName, templateName, setName, ordinal) ? ordinal : null;
    }

    /// <summary>A Service's DNS name: <c>&lt;service&gt;.&lt;namespace&gt;.svc.&lt;cluster-domain&gt;</c>.</summary>
    /// <param name="serviceName">The Service's name.</param>
    /// <param name="namespace">Its namespace.</param>
    /// <param name="clusterDomain">The cluster DNS domain (<c>cluster.local</c>).</param>
    public static string ServiceDomain(string serviceName, string @namespace, string clusterDomain) =>
        (serviceName ?? throw new ArgumentNullException(nameof(serviceName))) + "." +
        (@namespace ?? throw new ArgumentNullException(nameof(@namespace))) + ".svc." +
        (clusterDomain ?? throw new ArgumentNullException(nameof(clusterDomain)));

    /// <summary>
    /// A pod's stable DNS name under its governing headless Service:
    /// <c>&lt;pod&gt;.&lt;service&gt;.&lt;namespace&gt;.svc.&lt;cluster-domain&gt;</c>.
    /// </summary>
    /// <param name="podName">The pod's name.</param>
    /// <param name="serviceName">The governing Service (<c>spec.serviceName</c>).</param>
    /// <param name="namespace">The namespace.</param>
    /// <param name="clusterDomain">The cluster DNS domain.</param>
    public static string PodFqdn(string podName, string serviceName, string @namespace, string clusterDomain) =>
        (podName ?? throw new ArgumentNullException(nameof(podName))) + "." + ServiceDomain(serviceName, @namespace, clusterDomain);
}
