using StatefulManifests.Model;
using StatefulManifests.Validation;
using StatefulManifests.Yaml;

namespace StatefulManifests;

/// <summary>
/// A built workload: the StatefulSet, its governing Service and PodDisruptionBudget (each optional but the set),
/// the objects it owns beside them (<see cref="Owned"/>), and the escape-hatch patches applied when rendering.
/// Immutable, with value equality over all of them; <see cref="Declaration"/> is not part of equality.
/// </summary>
/// <param name="StatefulSet">The <c>apps/v1 StatefulSet</c>.</param>
/// <param name="Service">The <c>v1 Service</c>, or null.</param>
/// <param name="DisruptionBudget">The <c>policy/v1 PodDisruptionBudget</c>, or null.</param>
/// <param name="Patches">The JSON patches applied to the rendered documents, in order.</param>
public sealed record StatefulWorkload(StatefulSet StatefulSet, Service? Service, PodDisruptionBudget? DisruptionBudget, ValueList<ManifestPatch> Patches)
{
    /// <summary>Where the workload is declared (from caller information), or null.</summary>
    public DeclarationSite? Declaration { get; init; }

    /// <summary>
    /// Mistakes in how the workload was declared that its objects no longer show, such as a pod label the selector
    /// label of the same key replaced: reported by <see cref="Validate()"/> with the others. Empty for a workload not
    /// built by the DSL.
    /// </summary>
    public ValueList<FieldError> DeclarationErrors { get; init; } = ValueList<FieldError>.Empty;

    /// <summary>
    /// The objects the workload owns beside its StatefulSet, Service and budget (ConfigMaps, ServiceAccount, RBAC,
    /// client Services, NetworkPolicy, HorizontalPodAutoscaler, CronJobs, pre-provisioned volumes and claims), in
    /// install order (see <see cref="Documents"/>). Rendered, validated and linted with the rest; patches do not reach
    /// them.
    /// </summary>
    public ValueList<IKubernetesObject> Owned
    {
        get => owned;
        init => owned = OwnedObjects.InInstallOrder(value ?? ValueList<IKubernetesObject>.Empty);
    }

    private readonly ValueList<IKubernetesObject> owned = ValueList<IKubernetesObject>.Empty;

    /// <summary>The StatefulSet's name.</summary>
    public string Name => StatefulSet.Metadata?.Name ?? string.Empty;

    /// <summary>
    /// The documents in install order: what the pods refer to first (ServiceAccount and RBAC, ConfigMaps, volumes and
    /// claims), then the Services (the governing one first, so DNS exists before pods) and the NetworkPolicy, then
    /// the StatefulSet, then what refers to it (PodDisruptionBudget, HorizontalPodAutoscaler, CronJobs).
    /// </summary>
    public IReadOnlyList<IKubernetesObject> Documents
    {
        get
        {
            var documents = new List<IKubernetesObject>(3 + Owned.Count);
            var core = new List<IKubernetesObject>(3);
            if (Service is not null)
            {
                core.Add(Service);
            }

            core.Add(StatefulSet);
            if (DisruptionBudget is not null)
            {
                core.Add(DisruptionBudget);
            }

            // Owned objects are already in install order; each core document goes before the first owned object
            // ranked after it (the governing Service before owned Services: same rank, declared first).
            var next = 0;
            foreach (var document in core)
            {
                var rank = OwnedObjects.InstallRank(document.Kind);
                while (next < Owned.Count && OwnedObjects.InstallRank(Owned[next].Kind) < rank)
                {
                    documents.Add(Owned[next++]);
                }

                documents.Add(document);
            }

            documents.AddRange(Owned.Skip(next));
            return documents;
        }
    }

    /// <summary>
    /// A workload from the documents of its manifest, in any order: the StatefulSet (the first, when there are
    /// several), its governing Service (the Service named by <c>spec.serviceName</c>), the first PodDisruptionBudget,
    /// and every other object as <see cref="Owned"/>. The inverse of <see cref="Documents"/>: a workload's documents
    /// read back give an equal workload.
    /// </summary>
    /// <param name="documents">The documents (as <see cref="ManifestYaml.Read"/> returns them).</param>
    /// <param name="patches">The workload's patches.</param>
    /// <exception cref="ArgumentException">There is no StatefulSet among the documents.</exception>
    public static StatefulWorkload FromDocuments(IEnumerable<IKubernetesObject> documents, ValueList<ManifestPatch>? patches = null)
    {
        var all = (documents ?? throw new ArgumentNullException(nameof(documents))).Where(d => d is not null).ToList();
        var statefulSet = all.OfType<StatefulSet>().FirstOrDefault()
            ?? throw new ArgumentException("the documents hold no StatefulSet", nameof(documents));
        var serviceName = statefulSet.Spec?.ServiceName;
        var service = serviceName is null ? null : all.OfType<Service>().FirstOrDefault(s => s.Metadata?.Name == serviceName);
        var budget = all.OfType<PodDisruptionBudget>().FirstOrDefault();
        var rest = all.Where(d => !ReferenceEquals(d, statefulSet) && !ReferenceEquals(d, service) && !ReferenceEquals(d, budget));
        return new StatefulWorkload(statefulSet, service, budget, patches ?? ValueList<ManifestPatch>.Empty)
        {
            Owned = ValueList.Of(rest.ToArray()),
        };
    }

    /// <summary>
    /// Every problem at once: the validator's findings for the StatefulSet, Service and budget as patched
    /// (<see cref="Applied()"/>), then for the owned objects (<see cref="OwnedObjectsValidator"/>), then any patch that
    /// does not apply. Empty when the workload is valid.
    /// </summary>
    public IReadOnlyList<FieldError> Validate() => Check(Versions.TargetCluster.Default, out _);

    /// <summary>
    /// As <see cref="Validate()"/>, for <paramref name="target"/>'s Kubernetes release and feature gates: a field the
    /// release does not have is an error, a field whose gate is off is dropped before validation, as the API server does.
    /// </summary>
    public IReadOnlyList<FieldError> Validate(Versions.TargetCluster target) => Check(target, out _);

    /// <summary>
    /// The errors of the patches alone (a path that does not resolve, an operation that cannot apply, a value of the
    /// wrong shape): the part of <see cref="Validate()"/> the validator does not produce. Empty when there are no patches.
    /// </summary>
    public IReadOnlyList<FieldError> PatchErrors()
    {
        Apply(out _, out var patchErrors);
        return patchErrors;
    }

    /// <summary>
    /// The workload as its YAML says it: the patches applied and the documents read back into the model (this
    /// workload itself when it has no patches). Validation, the rule catalogue and <see cref="Simulate"/> look at
    /// this, so a patch cannot smuggle in a value they would reject. Fields a patch added that the model lacks are
    /// kept in the YAML only.
    /// </summary>
    public StatefulWorkload Applied() => Apply(out _, out _);

    /// <summary>As <see cref="Applied()"/>, also giving <see cref="PatchErrors"/> from the same rendering.</summary>
    /// <param name="patchErrors">The patches' errors (empty when every patch applied).</param>
    public StatefulWorkload Applied(out IReadOnlyList<FieldError> patchErrors)
    {
        var applied = Apply(out _, out var errors);
        patchErrors = errors;
        return applied;
    }

    /// <summary>
    /// A reconciliation model of this workload: the StatefulSet controller (Kubernetes v1.36 semantics), a kubelet
    /// and the DNS of the governing Service and of the client and per-ordinal Services the workload owns, driven step by step from a test (see <c>docs/reconciliation.md</c>).
    /// </summary>
    /// <param name="options">Feature gates, kubelet timing and the like (default: v1.36 defaults).</param>
    public Reconciliation.StatefulSetSimulation Simulate(Reconciliation.SimulationOptions? options = null)
    {
        var applied = Applied();
        var simulation = Reconciliation.StatefulSetSimulation.Create(applied.StatefulSet, applied.Service, options);

        // Owned claims exist before the set's pods (install order), so the controller adopts them by name.
        foreach (var claim in applied.Owned.OfType<PersistentVolumeClaim>())
        {
            simulation.Cluster.CreateClaim(claim);
        }

        // The client and per-ordinal Services the workload owns are in the cluster too, for the DNS view.
        foreach (var client in applied.Owned.OfType<Service>())
        {
            simulation.ApplyClientService(client);
        }

        return simulation;
    }

    /// <summary>
    /// The YAML stream of <see cref="Documents"/> (via <see cref="ManifestYaml"/>), with the patches applied.
    /// Throws <see cref="ManifestValidationException"/> listing every error of <see cref="Validate()"/>.
    /// </summary>
    public string ToYaml() => ToYaml(Versions.TargetCluster.Default);

    /// <summary>As <see cref="ToYaml()"/>, validating for <paramref name="target"/> (<see cref="Validate(Versions.TargetCluster)"/>).</summary>
    public string ToYaml(Versions.TargetCluster target)
    {
        var errors = Check(target, out var rendered);
        if (errors.Count > 0)
        {
            throw new ManifestValidationException(Name, Declaration, errors);
        }

        return rendered is null ? ManifestYaml.Write(Documents) : rendered.ToYaml();
    }

    /// <inheritdoc />
    public bool Equals(StatefulWorkload? other) =>
        other is not null
        && StatefulSet.Equals(other.StatefulSet)
        && Equals(Service, other.Service)
        && Equals(DisruptionBudget, other.DisruptionBudget)
        && Owned.Equals(other.Owned)
        && Patches.Equals(other.Patches)
        && DeclarationErrors.Equals(other.DeclarationErrors);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = StatefulSet.GetHashCode();
        hash = (hash * 31) + (Service?.GetHashCode() ?? 0);
        hash = (hash * 31) + (DisruptionBudget?.GetHashCode() ?? 0);
        hash = (hash * 31) + Owned.GetHashCode();
        hash = (hash * 31) + Patches.GetHashCode();
        return (hash * 31) + DeclarationErrors.GetHashCode();
    }

    // Validates what the YAML will say: the patched documents when there are patches.
    private List<FieldError> Check(Versions.TargetCluster target, out WorkloadRenderer? rendered)
    {
        var applied = Apply(out rendered, out var patchErrors);
        var errors = WorkloadValidator.Validate(applied.StatefulSet, applied.Service, applied.DisruptionBudget, target ?? Versions.TargetCluster.Default).ToList();
        errors.AddRange(OwnedObjectsValidator.Validate(applied.Owned));
        errors.AddRange(DeclarationErrors);
        errors.AddRange(patchErrors);
        return errors;
    }

    // Renders and patches once; the patched documents read back, with every patch that failed to apply or to read.
    private StatefulWorkload Apply(out WorkloadRenderer? rendered, out List<FieldError> patchErrors)
    {
        patchErrors = [];
        if (Patches.Count == 0)
        {
            rendered = null;
            return this;
        }

        rendered = WorkloadRenderer.Render(this);
        patchErrors.AddRange(rendered.Errors);
        return rendered.ReadBack(patchErrors);
    }
}
