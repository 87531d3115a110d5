using StatefulManifests.Model;

namespace StatefulManifests;

/// <summary>Builds a <c>projected</c> volume source: <c>sources[]</c> merged into one directory, in the order added.</summary>
public sealed class ProjectedVolumeBuilder : ModelBuilder<ProjectedVolumeBuilder, ProjectedVolumeSource>
{
    internal ProjectedVolumeBuilder(ProjectedVolumeSource model)
        : base(model, ValueList<LocalOrigin>.Empty)
    {
    }

    private ProjectedVolumeBuilder(ProjectedVolumeSource model, ValueList<LocalOrigin> origins)
        : base(model, origins)
    {
    }

    /// <summary>Sets <c>defaultMode</c> for the projected files (default: unset, 0644).</summary>
    public ProjectedVolumeBuilder DefaultMode(int mode) => Set("defaultMode", p => p with { DefaultMode = mode });

    /// <summary>Appends a <c>sources[].configMap</c> projection of ConfigMap <paramref name="configMap"/>.</summary>
    public ProjectedVolumeBuilder ConfigMap(string configMap, bool? optional = null) =>
        AddSource(new VolumeProjection { ConfigMap = new ConfigMapProjection { Name = configMap, Optional = optional } });

    /// <summary>Appends a <c>sources[].secret</c> projection of Secret <paramref name="secret"/>.</summary>
    public ProjectedVolumeBuilder Secret(string secret, bool? optional = null) =>
        AddSource(new VolumeProjection { Secret = new SecretProjection { Name = secret, Optional = optional } });

    /// <summary>
    /// Appends to the <c>items</c> of the last source when it is a configMap or secret: only listed keys are
    /// projected. Without such a source the item starts an (unnamed, so invalid) configMap projection, which
    /// validation reports rather than the DSL dropping it.
    /// </summary>
    public ProjectedVolumeBuilder Item(string key, string path, int? mode = null)
    {
        var item = DownwardApiItems.KeyToPath(key, path, mode);
        var sources = Model.Sources ?? ValueList<VolumeProjection>.Empty;
        var lastIndex = sources.Count - 1;
        var last = lastIndex >= 0 ? sources[lastIndex] : null;
        if (last?.Secret is { } secret)
        {
            return SetSource(lastIndex, "secret", last with { Secret = secret with { Items = ModelLists.Append(secret.Items, item) } });
        }

        if (last?.ConfigMap is { } configMap)
        {
            return SetSource(lastIndex, "configMap", last with { ConfigMap = configMap with { Items = ModelLists.Append(configMap.Items, item) } });
        }

        return AddSource(new VolumeProjection { ConfigMap = new ConfigMapProjection { Items = ValueList.Of(item) } });
    }

    /// <summary>Appends a <c>sources[].downwardAPI</c> item exposing a pod field as a file.</summary>
    public ProjectedVolumeBuilder DownwardApiField(string path, string fieldPath, int? mode = null) =>
        AddSource(new VolumeProjection { DownwardAPI = new DownwardAPIProjection { Items = ValueList.Of(DownwardApiItems.Field(path, fieldPath, mode)) } });

    /// <summary>Appends a <c>sources[].downwardAPI</c> item exposing a resource request or limit as a file.</summary>
    public ProjectedVolumeBuilder DownwardApiResource(string path, string resource, string containerName, string? divisor = null, int? mode = null) =>
        AddSource(new VolumeProjection { DownwardAPI = new DownwardAPIProjection { Items = ValueList.Of(DownwardApiItems.Resource(path, resource, containerName, divisor, mode)) } });

    /// <summary>Appends a <c>sources[].serviceAccountToken</c>: a bound, expiring token at <paramref name="path"/>.</summary>
    /// <param name="path">The file path within the volume.</param>
    /// <param name="expirationSeconds">The <c>expirationSeconds</c> (default: unset, one hour).</param>
    /// <param name="audience">The <c>audience</c> (default: unset, the API server).</param>
    public ProjectedVolumeBuilder ServiceAccountToken(string path, long? expirationSeconds = null, string? audience = null) =>
        AddSource(new VolumeProjection { ServiceAccountToken = new ServiceAccountTokenProjection { Path = path, ExpirationSeconds = expirationSeconds, Audience = audience } });

    /// <summary>
    /// Model-level escape hatch: applies <paramref name="update"/> to the projected source. Compile-time evaluation
    /// may not support arbitrary lambdas.
    /// </summary>
    public ProjectedVolumeBuilder Modify(Func<ProjectedVolumeSource, ProjectedVolumeSource> update) => ModifyModel(update);

    private protected override ProjectedVolumeBuilder With(ProjectedVolumeSource model, ValueList<LocalOrigin> origins) => new(model, origins);

    private ProjectedVolumeBuilder SetSource(int index, string kind, VolumeProjection source) =>
        Set(RelativePath.Of("sources").Index(index).Child(kind, "items"), p => p with { Sources = p.Sources!.SetItem(index, source) });

    private ProjectedVolumeBuilder AddSource(VolumeProjection source) =>
        Set(RelativePath.Of("sources").Index(ModelLists.NextIndex(Model.Sources)), p => p with { Sources = ModelLists.Append(p.Sources, source) });
}
