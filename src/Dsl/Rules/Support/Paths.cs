using StatefulManifests.Validation;

namespace StatefulManifests.Rules.Support;

/// <summary>Field paths the rules report at, built once (the same text the validator uses).</summary>
internal static class Paths
{
    public static readonly FieldPath Metadata = FieldPath.Root("metadata");
    public static readonly FieldPath Name = Metadata.Child("name");
    public static readonly FieldPath Spec = FieldPath.Root("spec");
    public static readonly FieldPath Replicas = Spec.Child("replicas");
    public static readonly FieldPath ServiceName = Spec.Child("serviceName");
    public static readonly FieldPath Selector = Spec.Child("selector");
    public static readonly FieldPath UpdateStrategy = Spec.Child("updateStrategy");
    public static readonly FieldPath RollingUpdate = UpdateStrategy.Child("rollingUpdate");
    public static readonly FieldPath RetentionPolicy = Spec.Child("persistentVolumeClaimRetentionPolicy");
    public static readonly FieldPath ClaimTemplates = Spec.Child("volumeClaimTemplates");
    public static readonly FieldPath Template = Spec.Child("template");
    public static readonly FieldPath TemplateLabels = Template.Child("metadata", "labels");
    public static readonly FieldPath PodSpec = Template.Child("spec");
    public static readonly FieldPath Containers = PodSpec.Child("containers");
    public static readonly FieldPath InitContainers = PodSpec.Child("initContainers");
    public static readonly FieldPath Volumes = PodSpec.Child("volumes");
    public static readonly FieldPath PodAntiAffinity = PodSpec.Child("affinity", "podAntiAffinity");
}
