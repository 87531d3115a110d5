using StatefulManifests.Generators.Helpers;

namespace StatefulManifests.Generators.Models;

/// <summary>A named port of a Service the workload owns.</summary>
/// <param name="Name">The port's <c>name</c>.</param>
/// <param name="Number">The <c>port</c> clients connect to.</param>
/// <param name="Protocol">TCP, UDP or SCTP.</param>
internal sealed record ServicePortSpec(string Name, int Number, string Protocol);

/// <summary>A client Service the workload owns: one that is neither the governing Service nor a per-ordinal one.</summary>
/// <param name="Name">The Service's name.</param>
/// <param name="Namespace">Its namespace, or null when the manifest leaves it to <c>kubectl apply</c>.</param>
/// <param name="Ports">Its named ports.</param>
internal sealed record ClientServiceSpec(string Name, string? Namespace, EquatableArray<ServicePortSpec> Ports);

/// <summary>The per-ordinal Services the workload owns: one per pod, named as the pod and selecting it by its name label.</summary>
/// <param name="Namespace">Their namespace (the set's), or null when the manifest sets none.</param>
/// <param name="Ordinals">The ordinals that have a Service, ascending.</param>
/// <param name="Ports">Their named ports, when every one of them has the same (else empty).</param>
internal sealed record PerOrdinalServicesSpec(string? Namespace, EquatableArray<int> Ordinals, EquatableArray<ServicePortSpec> Ports);

/// <summary>The pre-provisioned PersistentVolumes the workload owns for one claim template.</summary>
/// <param name="Template">The claim template the volumes' claims come from.</param>
/// <param name="Ordinals">The ordinals that have a volume, ascending.</param>
internal sealed record PersistentVolumesSpec(string Template, EquatableArray<int> Ordinals);

/// <summary>
/// The names of the objects a workload owns beside its StatefulSet, Service and budget, as the generated code exposes
/// them: client and per-ordinal Services (names, DNS names, ports), pre-provisioned volumes, ConfigMaps, the pods'
/// ServiceAccount and the CronJobs. Value equality, so the output step is skipped when they did not change.
/// </summary>
/// <param name="Namespace">The StatefulSet's namespace, or null (pre-provisioned volume names depend on it).</param>
/// <param name="ClientServices">The client Services, in install order.</param>
/// <param name="PerOrdinalServices">The per-ordinal Services, or null when there are none.</param>
/// <param name="PersistentVolumes">The pre-provisioned volumes per claim template, in template order.</param>
/// <param name="ConfigMaps">The ConfigMaps' names.</param>
/// <param name="ServiceAccount">The owned ServiceAccount the pods run as, or null.</param>
/// <param name="CronJobs">The CronJobs' names.</param>
internal sealed record OwnedIdentitySpec(
    string? Namespace,
    EquatableArray<ClientServiceSpec> ClientServices,
    PerOrdinalServicesSpec? PerOrdinalServices,
    EquatableArray<PersistentVolumesSpec> PersistentVolumes,
    EquatableArray<string> ConfigMaps,
    string? ServiceAccount,
    EquatableArray<string> CronJobs)
{
    /// <summary>Nothing owned that has an identity worth a member (the companion then looks as it did before owned objects).</summary>
    public bool IsEmpty =>
        ClientServices.Count == 0 && PerOrdinalServices is null && PersistentVolumes.Count == 0 &&
        ConfigMaps.Count == 0 && ServiceAccount is null && CronJobs.Count == 0;
}
