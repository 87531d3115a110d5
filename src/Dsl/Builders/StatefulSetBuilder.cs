using StatefulManifests.Model;
using StatefulManifests.Validation;

namespace StatefulManifests;

/// <summary>
/// The fluent, immutable description of a stateful workload: an <c>apps/v1 StatefulSet</c>, its governing
/// headless Service and an optional PodDisruptionBudget. Start with <see cref="Workload.StatefulSet"/>; every
/// method returns a NEW builder and leaves the receiver unchanged, so a shared base declaration can be reused.
/// Methods never throw for bad values: they record them, and <see cref="Build"/>.<see cref="StatefulWorkload.Validate()"/>
/// or <see cref="Render"/> report every problem with its Kubernetes field path.
/// <para>
/// Defaults applied by <see cref="Build"/>, each overridable: selector = the stable identity labels only
/// (<c>app.kubernetes.io/name: &lt;name&gt;</c>, see <see cref="SelectorLabels"/>), never a version, because
/// <c>spec.selector</c> is immutable; pod template labels = selector labels + <see cref="Labels"/>; a headless
/// Service named <c>spec.serviceName</c> (default: the set's name) deriving its ports from the containers'
/// (<see cref="Service"/>, <see cref="WithoutService"/>); claim templates mounted by name; no
/// PodDisruptionBudget unless <see cref="DisruptionBudget()"/> is called.
/// </para>
/// </summary>
public sealed partial class StatefulSetBuilder
{
    private static readonly FieldPath MetadataPath = FieldPath.Root("metadata");
    private static readonly FieldPath SpecPath = FieldPath.Root("spec");
    private static readonly FieldPath TemplateMetadataPath = SpecPath.Child("template", "metadata");
    private static readonly FieldPath PodPath = SpecPath.Child("template", "spec");

    private readonly StatefulSetDraft draft;

    internal StatefulSetBuilder(StatefulSetDraft draft) => this.draft = draft;

    /// <summary>The StatefulSet's <c>metadata.name</c>.</summary>
    public string Name => draft.Name;

    /// <summary>Where the declaration is (from caller information), or null when unknown.</summary>
    public DeclarationSite? Declaration => draft.Declaration;

    /// <summary>
    /// Which DSL call set which field, in call order: each entry's token is <see cref="DslCallSite.Current"/> at
    /// the time of the call (null at runtime). Analyzers map a validation error to the entry with the longest path
    /// containing the error's path. Not part of the built workload's equality.
    /// </summary>
    public IReadOnlyList<FieldOrigin> Origins => draft.Origins;

    /// <summary>Sets <c>metadata.namespace</c> of the StatefulSet, its Service and its PodDisruptionBudget (default: unset, the namespace <c>kubectl apply</c> targets).</summary>
    public StatefulSetBuilder Namespace(string @namespace) =>
        Update(MetadataPath.Child("namespace"), d => d with { Metadata = d.Metadata with { Namespace = @namespace } });

    /// <summary>Adds <c>metadata.labels</c> on the StatefulSet object itself (default: none; pods get <see cref="Labels"/>).</summary>
    public StatefulSetBuilder StatefulSetLabels(params (string Key, string Value)[] labels) =>
        Update(MetadataPath.Child("labels"), d => d with { Metadata = d.Metadata with { Labels = ModelLists.SetPairs(d.Metadata.Labels, labels) } });

    /// <summary>Adds <c>metadata.annotations</c> on the StatefulSet object itself (default: none).</summary>
    public StatefulSetBuilder StatefulSetAnnotations(params (string Key, string Value)[] annotations) =>
        Update(MetadataPath.Child("annotations"), d => d with { Metadata = d.Metadata with { Annotations = ModelLists.SetPairs(d.Metadata.Annotations, annotations) } });

    /// <summary>
    /// Replaces the selector labels (<c>spec.selector.matchLabels</c>; default <c>app.kubernetes.io/name: &lt;name&gt;</c>),
    /// which also label the pods and are selected by the Service and the PodDisruptionBudget. Keep them to stable
    /// identity: the selector is immutable after creation, so a version label here blocks every upgrade.
    /// </summary>
    public StatefulSetBuilder SelectorLabels(params (string Key, string Value)[] labels) =>
        Update(SpecPath.Child("selector", "matchLabels"), d => d with { SelectorLabels = ModelLists.SetPairs(null, labels) });

    /// <summary>
    /// Appends a <c>spec.selector.matchExpressions</c> requirement (values only for In and NotIn). Pod labels are
    /// not derived from expressions: make sure <see cref="Labels"/> satisfies them.
    /// </summary>
    public StatefulSetBuilder SelectorExpression(string key, LabelSelectorOperator @operator, params string[] values) =>
        Update(
            SpecPath.Child("selector", "matchExpressions").Index(ModelLists.NextIndex(draft.SelectorExpressions)),
            d => d with { SelectorExpressions = ModelLists.Append(d.SelectorExpressions, SelectorEdits.Requirement(key, @operator, values)) });

    /// <summary>
    /// Adds pod template labels (<c>spec.template.metadata.labels</c>) besides the selector labels, e.g. a version.
    /// Where a key is also a selector label, the selector label's value is used so the pods always match, and a
    /// different value given here is a validation error (<see cref="StatefulWorkload.DeclarationErrors"/>).
    /// </summary>
    public StatefulSetBuilder Labels(params (string Key, string Value)[] labels) =>
        Update(TemplateMetadataPath.Child("labels"), d => d.WithPodMetadata(d.PodMetadata with { Labels = ModelLists.SetPairs(d.PodMetadata.Labels, labels) }));

    /// <summary>Adds pod template annotations (<c>spec.template.metadata.annotations</c>; changing them rolls the pods).</summary>
    public StatefulSetBuilder PodAnnotations(params (string Key, string Value)[] annotations) =>
        Update(TemplateMetadataPath.Child("annotations"), d => d.WithPodMetadata(d.PodMetadata with { Annotations = ModelLists.SetPairs(d.PodMetadata.Annotations, annotations) }));

    /// <summary>Renders the workload: <c>Build().ToYaml()</c>. Throws <see cref="ManifestValidationException"/> listing every error.</summary>
    public string Render() => Build().ToYaml();

    private StatefulSetBuilder Update(FieldPath path, Func<StatefulSetDraft, StatefulSetDraft> update, WorkloadDocument document = WorkloadDocument.StatefulSet)
    {
        var origin = new FieldOrigin(path, DslCallSite.Current) { Document = document };
        var next = update(draft);
        return new StatefulSetBuilder(next with { Origins = next.Origins.Add(origin) });
    }

    private StatefulSetBuilder UpdateSpec(string field, Func<StatefulSetSpec, StatefulSetSpec> update) =>
        Update(SpecPath.Child(field), d => d with { Spec = update(d.Spec) });

    private StatefulSetBuilder UpdatePod(string field, Func<PodSpec, PodSpec> update) =>
        Update(PodPath.Child(field), d => d.WithPod(update(d.Pod)));

    /// <summary>
    /// Runs a nested builder lambda for an element of the workload at <paramref name="path"/> of
    /// <paramref name="document"/>, stores the result with <paramref name="store"/> and records the origins of the
    /// call and of every call inside the lambda (only the new ones: a seed may carry earlier calls' origins).
    /// </summary>
    private StatefulSetBuilder Nest<TBuilder>(
        FieldPath path,
        TBuilder seed,
        Func<TBuilder, TBuilder> configure,
        Func<StatefulSetDraft, TBuilder, StatefulSetDraft> store,
        WorkloadDocument document = WorkloadDocument.StatefulSet)
        where TBuilder : class, INestedBuilder
    {
        var token = DslCallSite.Current;
        var built = Nested.Run(seed, configure);
        var origins = draft.Origins
            .Add(new FieldOrigin(path, token) { Document = document })
            .AddRange(built.Origins.Skip(seed.Origins.Count).Select(o => o.Resolve(path, document)));
        return new StatefulSetBuilder(store(draft, built) with { Origins = origins });
    }

    private StatefulSetBuilder NestInPod<TBuilder>(FieldPath path, TBuilder seed, Func<TBuilder, TBuilder> configure, Func<PodSpec, TBuilder, PodSpec> store)
        where TBuilder : class, INestedBuilder =>
        Nest(path, seed, configure, (d, b) => d.WithPod(store(d.Pod, b)));
}
