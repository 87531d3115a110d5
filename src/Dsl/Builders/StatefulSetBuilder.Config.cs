using StatefulManifests.Model;
using StatefulManifests.Validation;

namespace StatefulManifests;

/// <summary>Configuration the workload owns: ConfigMaps mounted into its pods, rolled on change.</summary>
public sealed partial class StatefulSetBuilder
{
    /// <summary>
    /// Adds a ConfigMap the workload owns, named <c>&lt;set&gt;-&lt;name&gt;</c> (or <see cref="ConfigRef.ConfigMapName"/>),
    /// with the entries <paramref name="configure"/> gives, and the pod volume <see cref="ConfigRef.Name"/> projecting it;
    /// containers mount it with <see cref="ContainerBuilder.MountConfig"/>. Unless <paramref name="rollPodsOnChange"/>
    /// is false, the pod template carries <c>checksum/config-&lt;name&gt;: &lt;sha256 of the data&gt;</c>
    /// (<see cref="ConfigChecksum"/>), so changing the data changes the template and the controller rolls the pods
    /// onto it: a mounted ConfigMap is otherwise updated in place, late and without the process noticing.
    /// </summary>
    /// <param name="config">The configuration's typed reference.</param>
    /// <param name="configure">The entries, e.g. <c>c =&gt; c.Entry("postgresql.conf", "max_connections = 100")</c>.</param>
    /// <param name="rollPodsOnChange">Whether a data change rolls the pods (default true).</param>
    public StatefulSetBuilder Config(ConfigRef config, Func<ConfigMapBuilder, ConfigMapBuilder> configure, bool rollPodsOnChange = true)
    {
        if (config is null)
        {
            return Update(FieldPath.Document, d => d with
            {
                CallErrors = d.CallErrors.Add(FieldError.Required(FieldPath.Document, "Config(null, ...): a configuration needs a ConfigRef")),
            });
        }

        var mapName = config.ConfigMapNameFor(draft.Name);
        var subject = OwnedObjects.Subject("ConfigMap", mapName);
        var token = DslCallSite.Current;
        var built = Nested.Run(new ConfigMapBuilder(new ConfigMap { Metadata = new ObjectMeta { Name = mapName } }), configure);
        var configMap = built.Model;
        var checksum = ConfigChecksum.Of(configMap);
        return AddOwned(
            subject,
            context => configMap with { Metadata = context.InNamespace(configMap.Metadata) },
            built.Origins.Select(o => o.Resolve(FieldPath.Document, WorkloadDocument.Owned)),
            d =>
            {
                var volumes = d.Pod.Volumes;
                var index = ModelLists.FindIndex(volumes, v => v.Name == config.Name);
                var volume = new Volume { Name = config.Name, ConfigMap = new ConfigMapVolumeSource { Name = mapName } };
                var next = d.WithPod(d.Pod with { Volumes = ModelLists.Upsert(volumes, v => v.Name == config.Name, _ => volume, out _) });
                var origins = next.Origins.Add(new FieldOrigin(PodPath.Child("volumes").Index(index >= 0 ? index : ModelLists.NextIndex(volumes)), token));
                if (rollPodsOnChange)
                {
                    var annotations = ModelLists.SetPairs(next.PodMetadata.Annotations, [(config.ChecksumAnnotation, checksum)]);
                    next = next.WithPodMetadata(next.PodMetadata with { Annotations = annotations });
                    origins = origins.Add(new FieldOrigin(TemplateMetadataPath.Child("annotations").Key(config.ChecksumAnnotation), token));
                }

                return next with
                {
                    Origins = origins,
                    CallErrors = next.CallErrors.AddRange(built.Errors.Select(e => e with { Object = subject })),
                };
            });
    }

    /// <summary>As <see cref="Config(ConfigRef, Func{ConfigMapBuilder, ConfigMapBuilder}, bool)"/> with <c>new ConfigRef(name)</c>.</summary>
    /// <param name="name">The configuration's short name (pod volume name, ConfigMap <c>&lt;set&gt;-&lt;name&gt;</c>).</param>
    /// <param name="configure">The entries.</param>
    /// <param name="rollPodsOnChange">Whether a data change rolls the pods (default true).</param>
    public StatefulSetBuilder Config(string name, Func<ConfigMapBuilder, ConfigMapBuilder> configure, bool rollPodsOnChange = true) =>
        Config(name is null ? null! : new ConfigRef(name), configure, rollPodsOnChange);
}
