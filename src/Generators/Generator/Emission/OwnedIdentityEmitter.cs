using StatefulManifests.Generators.Models;
using static StatefulManifests.Generators.Emission.IdentityEmitter;

namespace StatefulManifests.Generators.Emission;

/// <summary>
/// Writes the identities of the objects a workload owns (<see cref="OwnedIdentitySpec"/>): client Services (name, DNS
/// name, ports), per-ordinal Services, pre-provisioned PersistentVolumes, ConfigMaps, the pods' ServiceAccount and the
/// CronJobs. Names that follow a rule are computed by the DSL's public helpers (<c>StatefulSetNames</c>,
/// <c>PreProvisionedStorage.VolumeName</c>), as the pod and claim names are. Nothing is written for a workload that
/// owns none of them.
/// </summary>
internal static class OwnedIdentityEmitter
{
    private const string Volumes = "global::StatefulManifests.PreProvisionedStorage.";

    // Members the generated bodies refer to by simple name from inside the nested classes: a nested class of the
    // same name would hide them.
    private static readonly string[] OuterMembers = ["Name", "Namespace", "ClusterDomain", "PodName", "ClaimName", "Fqdn", "Ports"];

    /// <summary>Writes the owned identities into the workload's class.</summary>
    public static void Emit(SourceWriter w, IdentitySpec identity)
    {
        var owned = identity.Owned;
        if (owned.IsEmpty)
        {
            return;
        }

        EmitClientServices(w, owned);
        EmitPerOrdinalServices(w, identity, owned.PerOrdinalServices);
        EmitVolumes(w, identity, owned);
        EmitNames(w, "ConfigMaps", "The names of the ConfigMaps the workload owns.", owned.ConfigMaps, "ConfigMap");
        if (owned.ServiceAccount is { } account)
        {
            w.Summary("The ServiceAccount the workload owns and its pods run as (<c>spec.template.spec.serviceAccountName</c>).");
            w.Line("public const string ServiceAccountName = " + CSharpLiteral.Of(account) + ";").Line();
        }

        EmitNames(w, "CronJobs", "The names of the CronJobs the workload owns (its backups).", owned.CronJobs, "CronJob");
    }

    private static void EmitClientServices(SourceWriter w, OwnedIdentitySpec owned)
    {
        if (owned.ClientServices.Count == 0)
        {
            return;
        }

        w.Summary("The client Services the workload owns beside the governing one: a class per Service, with its name, DNS name and ports.");
        w.Line("public static class ClientServices").Open();
        var names = Identifiers.Distinct(owned.ClientServices.Select(s => s.Name), ["ClientServices", .. OuterMembers]);
        for (var i = 0; i < names.Count; i++)
        {
            var service = owned.ClientServices[i];
            w.Summary("Client Service <c>" + Xml(service.Name) + "</c>.");
            w.Line("public static class " + names[i]).Open();
            w.Summary("The Service's name (<c>metadata.name</c>).");
            w.Line("public const string Name = " + CSharpLiteral.Of(service.Name) + ";").Line();
            EmitFqdn(w, "The Service's DNS name", "()", "(string @namespace = \"default\")", "Name", service.Namespace);
            EmitServicePorts(w, service.Ports);
            w.Close();
            if (i < names.Count - 1)
            {
                w.Line();
            }
        }

        w.Close().Line();
    }

    private static void EmitPerOrdinalServices(SourceWriter w, IdentitySpec identity, PerOrdinalServicesSpec? services)
    {
        if (services is null)
        {
            return;
        }

        var range = Range(services.Ordinals);
        w.Summary("The per-ordinal Services the workload owns: one per pod, named as the pod and selecting it by its <c>statefulset.kubernetes.io/pod-name</c> label, for ordinals " + range + ".");
        w.Line("public static class PerOrdinalServices").Open();
        w.Summary("The name of the Service of the pod with <paramref name=\"ordinal\"/> (the pod's name, <see cref=\"PodName\"/>).");
        w.Line("/// <param name=\"ordinal\">The pod's ordinal, one of " + range + ".</param>");
        w.Line("/// <exception cref=\"global::System.ArgumentOutOfRangeException\">The manifest has no Service for that ordinal.</exception>");
        w.Line("public static string Name(int ordinal)").Open();
        EmitOrdinalCheck(w, services.Ordinals, "the per-ordinal Services of " + identity.Name);
        w.Line("return PodName(ordinal);");
        w.Close().Line();
        EmitFqdn(w, "The DNS name of the Service of the pod with <paramref name=\"ordinal\"/>", "(int ordinal)", "(int ordinal, string @namespace = \"default\")", "Name(ordinal)", services.Namespace, "/// <param name=\"ordinal\">The pod's ordinal, one of " + range + ".</param>");
        EmitServicePorts(w, services.Ports);
        w.Close().Line();
    }

    private static void EmitVolumes(SourceWriter w, IdentitySpec identity, OwnedIdentitySpec owned)
    {
        if (owned.PersistentVolumes.Count == 0)
        {
            return;
        }

        var ns = owned.Namespace is null ? "null" : CSharpLiteral.Of(owned.Namespace);
        w.Summary("The pre-provisioned PersistentVolumes the workload owns, one method per claim template: the volume bound to the pod's claim (<c>&lt;namespace&gt;-&lt;claim&gt;</c>, or the claim's name without a namespace).");
        w.Line("public static class PersistentVolumes").Open();
        var names = Identifiers.Distinct(owned.PersistentVolumes.Select(v => v.Template), ["PersistentVolumes", .. OuterMembers]);
        for (var i = 0; i < names.Count; i++)
        {
            var volumes = owned.PersistentVolumes[i];
            var range = Range(volumes.Ordinals);
            w.Summary("The PersistentVolume bound to the claim of template <c>" + Xml(volumes.Template) + "</c> for the pod with <paramref name=\"ordinal\"/>.");
            w.Line("/// <param name=\"ordinal\">The pod's ordinal, one of " + range + ".</param>");
            w.Line("/// <exception cref=\"global::System.ArgumentOutOfRangeException\">The manifest has no volume for that ordinal.</exception>");
            w.Line("public static string " + names[i] + "(int ordinal)").Open();
            EmitOrdinalCheck(w, volumes.Ordinals, "the " + volumes.Template + " volumes of " + identity.Name);
            w.Line("return " + Volumes + "VolumeName(" + ns + ", " + Names + "ClaimName(" + CSharpLiteral.Of(volumes.Template) + ", PodName(ordinal)));");
            w.Close();
            if (i < names.Count - 1)
            {
                w.Line();
            }
        }

        w.Close().Line();
    }

    // Fqdn() of a Service: the namespace is the manifest's, or the caller's when the manifest leaves it to kubectl.
    private static void EmitFqdn(SourceWriter w, string summary, string parameters, string parametersWithNamespace, string name, string? ns, string? parameterDoc = null)
    {
        w.Summary(summary + ": <c>&lt;service&gt;.&lt;namespace&gt;.svc.&lt;cluster-domain&gt;</c> (<see cref=\"ClusterDomain\"/>).");
        if (parameterDoc is not null)
        {
            w.Line(parameterDoc);
        }

        if (ns is null)
        {
            w.Line("/// <param name=\"namespace\">The namespace the manifest is applied to (it does not set one).</param>");
            w.Line("public static string Fqdn" + parametersWithNamespace + " => " + Names + "ServiceDomain(" + name + ", @namespace, ClusterDomain);");
        }
        else
        {
            w.Line("public static string Fqdn" + parameters + " => " + Names + "ServiceDomain(" + name + ", " + CSharpLiteral.Of(ns) + ", ClusterDomain);");
        }
    }

    private static void EmitServicePorts(SourceWriter w, IReadOnlyList<ServicePortSpec> ports)
    {
        if (ports.Count == 0)
        {
            return;
        }

        w.Line();
        w.Summary("The Service's named ports (<c>spec.ports[*].port</c>, what clients connect to).");
        w.Line("public static class Ports").Open();
        var names = Identifiers.Distinct(ports.Select(p => p.Name), "Ports");
        for (var i = 0; i < names.Count; i++)
        {
            w.Summary("Port <c>" + Xml(ports[i].Name) + "</c>: " + Number(ports[i].Number) + "/" + ports[i].Protocol + ".");
            w.Line("public const int " + names[i] + " = " + Number(ports[i].Number) + ";");
            if (i < names.Count - 1)
            {
                w.Line();
            }
        }

        w.Close();
    }

    // The objects exist for these ordinals only (the manifest's replicas, or a pre-provisioned count).
    private static void EmitOrdinalCheck(SourceWriter w, IReadOnlyList<int> ordinals, string what)
    {
        var message = CSharpLiteral.Of(what + " exist for ordinals " + RangeText(ordinals));
        if (IsContiguous(ordinals))
        {
            w.Line("if (ordinal < " + Number(ordinals[0]) + " || ordinal > " + Number(ordinals[ordinals.Count - 1]) + ")").Open();
        }
        else
        {
            w.Line("if (global::System.Array.IndexOf(new[] { " + string.Join(", ", ordinals.Select(Number)) + " }, ordinal) < 0)").Open();
        }

        w.Line("throw new global::System.ArgumentOutOfRangeException(nameof(ordinal), ordinal, " + message + ");");
        w.Close().Line();
    }

    private static bool IsContiguous(IReadOnlyList<int> ordinals) => ordinals[ordinals.Count - 1] - ordinals[0] == ordinals.Count - 1;

    private static string RangeText(IReadOnlyList<int> ordinals) =>
        IsContiguous(ordinals)
            ? ordinals.Count switch
            {
                1 => Number(ordinals[0]),
                2 => Number(ordinals[0]) + " and " + Number(ordinals[1]),
                _ => Number(ordinals[0]) + " to " + Number(ordinals[ordinals.Count - 1]),
            }
            : string.Join(", ", ordinals.Select(Number));

    private static string Range(IReadOnlyList<int> ordinals) => "<c>" + RangeText(ordinals) + "</c>";
}
