using StatefulManifests.Model;
using StatefulManifests.Validation;

namespace StatefulManifests;

/// <summary>The documents beside the StatefulSet (Service, PodDisruptionBudget) and the JSON-patch escape hatch.</summary>
public sealed partial class StatefulSetBuilder
{
    /// <summary>Customises the generated headless Service (and turns it back on after <see cref="WithoutService"/>).</summary>
    public StatefulSetBuilder Service(Func<ServiceBuilder, ServiceBuilder> configure) =>
        Nest(
            FieldPath.Document,
            draft.Service ?? ServiceBuilder.Default,
            configure,
            (d, s) => d with { Service = s, WithoutService = false },
            WorkloadDocument.Service);

    /// <summary>
    /// Generates no Service: <c>spec.serviceName</c> is then only set by <see cref="ServiceName"/>, naming a Service
    /// you manage elsewhere.
    /// </summary>
    public StatefulSetBuilder WithoutService() => Update(FieldPath.Document, d => d with { WithoutService = true }, WorkloadDocument.Service);

    /// <summary>
    /// Adds a PodDisruptionBudget (named after the set, selecting the selector labels) with <c>maxUnavailable: 1</c>
    /// unless a budget was already set: voluntary disruptions (node drains) then take one replica at a time.
    /// </summary>
    public StatefulSetBuilder DisruptionBudget() => Budget(null, null);

    /// <summary>Adds a PodDisruptionBudget with <c>minAvailable</c> or <c>maxUnavailable</c> pod counts (neither: maxUnavailable 1).</summary>
    public StatefulSetBuilder DisruptionBudget(int? minAvailable = null, int? maxUnavailable = null) =>
        Budget(ModelLists.Optional(minAvailable), ModelLists.Optional(maxUnavailable));

    /// <summary>Adds a PodDisruptionBudget with <c>minAvailable</c> or <c>maxUnavailable</c> as percentages such as <c>"50%"</c>.</summary>
    public StatefulSetBuilder DisruptionBudget(string? minAvailable = null, string? maxUnavailable = null) =>
        Budget(ModelLists.Optional(minAvailable), ModelLists.Optional(maxUnavailable));

    /// <summary>Adds (or further configures) the PodDisruptionBudget.</summary>
    public StatefulSetBuilder DisruptionBudget(Func<DisruptionBudgetBuilder, DisruptionBudgetBuilder> configure) =>
        Nest(
            FieldPath.Document,
            draft.DisruptionBudget ?? DisruptionBudgetBuilder.Empty,
            configure,
            (d, b) => d with { DisruptionBudget = b },
            WorkloadDocument.DisruptionBudget);

    /// <summary>Removes the PodDisruptionBudget (the default: none).</summary>
    public StatefulSetBuilder WithoutDisruptionBudget() =>
        Update(FieldPath.Document, d => d with { DisruptionBudget = null }, WorkloadDocument.DisruptionBudget);

    /// <summary>
    /// Escape hatch for a field the model lacks: RFC 6902 add/replace/remove with JSON pointers, applied to the
    /// rendered StatefulSet document: <c>.Patch(p =&gt; p.Add("/spec/template/spec/hostUsers", false))</c>.
    /// A pointer that does not resolve is reported by <see cref="StatefulWorkload.Validate()"/>, and the patched documents
    /// are what validation and the analyzers check (<see cref="StatefulWorkload.Applied()"/>): a patch cannot smuggle in a
    /// value the API server would reject.
    /// </summary>
    public StatefulSetBuilder Patch(Func<PatchBuilder, PatchBuilder> configure) => AddPatches(WorkloadDocument.StatefulSet, configure);

    /// <summary>As <see cref="Patch"/>, applied to the rendered Service.</summary>
    public StatefulSetBuilder PatchService(Func<PatchBuilder, PatchBuilder> configure) => AddPatches(WorkloadDocument.Service, configure);

    /// <summary>As <see cref="Patch"/>, applied to the rendered PodDisruptionBudget.</summary>
    public StatefulSetBuilder PatchDisruptionBudget(Func<PatchBuilder, PatchBuilder> configure) => AddPatches(WorkloadDocument.DisruptionBudget, configure);

    private StatefulSetBuilder Budget(IntOrString? minAvailable, IntOrString? maxUnavailable) =>
        DisruptionBudget(b =>
        {
            if (minAvailable is null && maxUnavailable is null)
            {
                return b.HasNoBudget ? b.MaxUnavailable(1) : b;
            }

            return b.Budget(minAvailable, maxUnavailable);
        });

    private StatefulSetBuilder AddPatches(WorkloadDocument target, Func<PatchBuilder, PatchBuilder> configure)
    {
        var built = Nested.Run(new PatchBuilder(target), configure);
        var origins = built.Patches.Select((p, i) => new FieldOrigin(JsonPointer.ToFieldPath(p.Path), built.Tokens[i]) { Document = target });
        return new StatefulSetBuilder(draft with { Patches = draft.Patches.AddRange(built.Patches), Origins = draft.Origins.AddRange(origins) });
    }
}
