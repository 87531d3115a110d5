using k8s;
using k8s.Models;
using StatefulManifests.KubernetesClient.Conversion;
using StatefulManifests.Model;
using StatefulManifests.Validation;

namespace StatefulManifests.KubernetesClient;

/// <summary>
/// Conversions from the StatefulManifests model to the official Kubernetes client's objects (<c>k8s.Models</c>).
/// Every field the model has is carried over; the client's objects compare equal (as JSON) to what
/// <c>KubernetesYaml</c> reads from the YAML the DSL renders.
/// </summary>
public static class KubernetesObjects
{
    /// <summary>
    /// The workload's objects as the YAML <see cref="StatefulWorkload.ToYaml()"/> writes them — validated first, patches
    /// applied. Throws <see cref="ManifestValidationException"/> listing every error of
    /// <see cref="StatefulWorkload.Validate()"/>, as <c>ToYaml</c> does.
    /// </summary>
    /// <param name="workload">The workload.</param>
    public static WorkloadObjects ToKubernetesObjects(this StatefulWorkload workload)
    {
        ArgumentNullException.ThrowIfNull(workload);
        if (workload.Patches.Count > 0)
        {
            // Patches are defined on the rendered YAML (they may set fields the model lacks): read that YAML.
            return FromYaml(workload.ToYaml());
        }

        var errors = workload.Validate();
        if (errors.Count > 0)
        {
            throw new ManifestValidationException(workload.Name, workload.Declaration, errors);
        }

        return new WorkloadObjects(workload.StatefulSet.ToKubernetes(), workload.Service?.ToKubernetes(), workload.DisruptionBudget?.ToKubernetes())
        {
            Owned = workload.Owned.Select(o => (k8s.IKubernetesObject<V1ObjectMeta>)o.ToKubernetesObject()).ToList(),
        };
    }

    /// <summary>
    /// Any object of a kind the model types (the workload's kinds and every owned kind: ConfigMap, Role,
    /// NetworkPolicy, <c>V2HorizontalPodAutoscaler</c>, <c>V1CronJob</c> ...) as the client's object (not validated).
    /// </summary>
    /// <param name="model">The model object.</param>
    /// <exception cref="ArgumentException">The object is of a kind the model keeps untyped (<see cref="UnmodelledObject"/>).</exception>
    /// <exception cref="KubernetesConversionException">A quantity or time is invalid text.</exception>
    public static object ToKubernetesObject(this Model.IKubernetesObject model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var client = KindMap.ClientOf(model.GetType())
            ?? throw new ArgumentException("the client conversion does not cover " + model.GetType().Name, nameof(model));
        var errors = new ConversionErrors();
        var result = Converters.ToClient(model.GetType(), client)(model, FieldPath.Document, errors)!;
        if (errors.All.Count > 0)
        {
            throw new KubernetesConversionException(model.Kind + "/" + model.Metadata?.Name, errors.All);
        }

        return result;
    }

    /// <summary>The StatefulSet as a <see cref="V1StatefulSet"/> (not validated).</summary>
    /// <param name="statefulSet">The model object.</param>
    /// <exception cref="KubernetesConversionException">A quantity or time is invalid text.</exception>
    public static V1StatefulSet ToKubernetes(this StatefulSet statefulSet) => Convert<V1StatefulSet>(statefulSet);

    /// <summary>The Service as a <see cref="V1Service"/> (not validated).</summary>
    /// <param name="service">The model object.</param>
    /// <exception cref="KubernetesConversionException">A quantity or time is invalid text.</exception>
    public static V1Service ToKubernetes(this Service service) => Convert<V1Service>(service);

    /// <summary>The PodDisruptionBudget as a <see cref="V1PodDisruptionBudget"/> (not validated).</summary>
    /// <param name="disruptionBudget">The model object.</param>
    /// <exception cref="KubernetesConversionException">A quantity or time is invalid text.</exception>
    public static V1PodDisruptionBudget ToKubernetes(this PodDisruptionBudget disruptionBudget) => Convert<V1PodDisruptionBudget>(disruptionBudget);

    private static T Convert<T>(Model.IKubernetesObject model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var errors = new ConversionErrors();
        var result = (T)Converters.ToClient(model.GetType(), typeof(T))(model, FieldPath.Document, errors)!;
        if (errors.All.Count > 0)
        {
            throw new KubernetesConversionException(model.Kind + "/" + model.Metadata?.Name, errors.All);
        }

        return result;
    }

    private static WorkloadObjects FromYaml(string yaml)
    {
        var objects = KubernetesYaml.LoadAllFromString(yaml, KindMap.ClientTypes());
        var statefulSet = objects.OfType<V1StatefulSet>().Single();
        var service = objects.OfType<V1Service>().FirstOrDefault(s => s.Metadata?.Name == statefulSet.Spec?.ServiceName);
        var budget = objects.OfType<V1PodDisruptionBudget>().FirstOrDefault();
        return new WorkloadObjects(statefulSet, service, budget)
        {
            Owned = objects.OfType<k8s.IKubernetesObject<V1ObjectMeta>>()
                .Where(o => !ReferenceEquals(o, statefulSet) && !ReferenceEquals(o, service) && !ReferenceEquals(o, budget))
                .ToList(),
        };
    }
}
