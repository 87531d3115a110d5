using StatefulManifests.Generators.Helpers;
using StatefulManifests.Generators.Models;
using StatefulManifests.Model;

namespace StatefulManifests.Generators.Pipeline;

/// <summary>
/// Reads the names of a workload's owned objects (<see cref="StatefulWorkload.Owned"/>) into an equatable
/// <see cref="OwnedIdentitySpec"/>. An object gets a typed identity only when the DSL's public naming rules
/// (<see cref="StatefulSetNames"/>, <see cref="PreProvisionedStorage.VolumeName"/>) give its exact name back, since
/// the generated members compute names with those rules rather than storing each one.
/// </summary>
internal static class OwnedIdentityFactory
{
    /// <summary>The owned identities of <paramref name="workload"/> (as evaluated, before patches, which do not reach owned objects).</summary>
    public static OwnedIdentitySpec Create(StatefulWorkload workload)
    {
        var set = workload.StatefulSet;
        var setName = set.Metadata?.Name ?? string.Empty;
        var setNamespace = set.Metadata?.Namespace;
        var owned = workload.Owned;
        var governing = set.Spec?.ServiceName;

        var services = owned.OfType<Service>().Where(s => !string.IsNullOrEmpty(s.Metadata?.Name) && s.Metadata!.Name != governing).ToList();
        var perOrdinal = services
            .Select(s => (Service: s, Ordinal: PerOrdinalOrdinal(s, setName, setNamespace)))
            .Where(x => x.Ordinal >= 0)
            .OrderBy(x => x.Ordinal)
            .ToList();
        var clients = services.Where(s => perOrdinal.All(p => !ReferenceEquals(p.Service, s)))
            .Select(s => new ClientServiceSpec(s.Metadata!.Name!, s.Metadata.Namespace, PortsOf(s)))
            .ToEquatableArray();

        var account = set.Spec?.Template?.Spec?.ServiceAccountName;
        return new OwnedIdentitySpec(
            setNamespace,
            clients,
            PerOrdinal(perOrdinal, setNamespace),
            Volumes(set, owned.OfType<PersistentVolume>().ToList()),
            NamesOf(owned.OfType<ConfigMap>()),
            !string.IsNullOrEmpty(account) && owned.OfType<ServiceAccount>().Any(a => a.Metadata?.Name == account) ? account : null,
            NamesOf(owned.OfType<CronJob>()));
    }

    // A per-ordinal Service is named as the one pod it selects by the controller's pod-name label, in the set's
    // namespace (the DSL's PerOrdinalServices): its ordinal, or -1 for any other Service.
    private static int PerOrdinalOrdinal(Service service, string setName, string? setNamespace)
    {
        var name = service.Metadata?.Name ?? string.Empty;
        var selector = service.Spec?.Selector;
        if (service.Metadata?.Namespace != setNamespace || selector is not { Count: 1 } ||
            !selector.TryGetValue(StatefulSetBuilder.PodNameLabel, out var pod) || pod != name)
        {
            return -1;
        }

        return StatefulSetNames.PodOrdinal(setName, name) ?? -1;
    }

    private static PerOrdinalServicesSpec? PerOrdinal(List<(Service Service, int Ordinal)> services, string? setNamespace)
    {
        if (services.Count == 0)
        {
            return null;
        }

        var ports = services.Select(s => PortsOf(s.Service)).ToList();
        return new PerOrdinalServicesSpec(
            setNamespace,
            services.Select(s => s.Ordinal).Distinct().ToEquatableArray(),
            ports.All(p => p == ports[0]) ? ports[0] : EquatableArray<ServicePortSpec>.Empty);
    }

    // Pre-provisioned volumes: named PreProvisionedStorage.VolumeName(namespace, claim) for a claim the controller
    // will look up (<template>-<set>-<ordinal>), grouped by template in the set's template order.
    private static EquatableArray<PersistentVolumesSpec> Volumes(StatefulSet set, List<PersistentVolume> volumes)
    {
        var setName = set.Metadata?.Name ?? string.Empty;
        var setNamespace = set.Metadata?.Namespace;
        var templates = (set.Spec?.VolumeClaimTemplates ?? ValueList<PersistentVolumeClaim>.Empty)
            .Select(t => t?.Metadata?.Name)
            .Where(t => !string.IsNullOrEmpty(t))
            .Select(t => t!)
            .Distinct()
            .ToList();
        var result = new List<PersistentVolumesSpec>();
        foreach (var template in templates)
        {
            var ordinals = volumes
                .Select(v => VolumeOrdinal(v, template, setName, setNamespace))
                .Where(o => o >= 0)
                .Distinct()
                .OrderBy(o => o)
                .ToEquatableArray();
            if (ordinals.Count > 0)
            {
                result.Add(new PersistentVolumesSpec(template, ordinals));
            }
        }

        return result.ToEquatableArray();
    }

    private static int VolumeOrdinal(PersistentVolume volume, string template, string setName, string? setNamespace)
    {
        var claim = volume.Spec?.ClaimRef?.Name;
        if (string.IsNullOrEmpty(claim) || volume.Metadata?.Name != PreProvisionedStorage.VolumeName(setNamespace, claim!))
        {
            return -1;
        }

        return StatefulSetNames.ClaimOrdinal(template, setName, claim!) ?? -1;
    }

    private static EquatableArray<ServicePortSpec> PortsOf(Service service) =>
        (service.Spec?.Ports ?? ValueList<ServicePort>.Empty)
            .Where(p => !string.IsNullOrEmpty(p?.Name) && p!.Port is not null)
            .Select(p => new ServicePortSpec(p.Name!, p.Port!.Value, p.Protocol?.Value ?? "TCP"))
            .ToEquatableArray();

    private static EquatableArray<string> NamesOf(IEnumerable<IKubernetesObject> objects) =>
        objects.Select(o => o.Metadata?.Name).Where(n => !string.IsNullOrEmpty(n)).Select(n => n!).Distinct().ToEquatableArray();
}
