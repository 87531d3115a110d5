using k8s.Models;
using StatefulManifests.KubernetesClient.Conversion;
using StatefulManifests.Model;
using StatefulManifests.Validation;

namespace StatefulManifests.KubernetesClient;

/// <summary>
/// Conversions from the official Kubernetes client's objects (<c>k8s.Models</c>) to the StatefulManifests model, so
/// that code holding a <see cref="V1StatefulSet"/> (an operator, a test against a cluster) can use
/// <see cref="StatefulWorkload.Validate()"/>, <c>WorkloadLinter.Lint</c> and <see cref="StatefulWorkload.Simulate"/>.
/// Total: every client value has a model value (invalid ones included, for validation to report).
/// </summary>
public static class KubernetesModel
{
    /// <summary>
    /// A workload from the client's objects. Fields the client sets that the model has no property for (the client
    /// follows a newer schema) become the workload's escape-hatch patches, so <see cref="StatefulWorkload.ToYaml()"/>
    /// and <see cref="KubernetesObjects.ToKubernetesObjects"/> still give them back.
    /// </summary>
    /// <param name="statefulSet">The StatefulSet.</param>
    /// <param name="service">Its governing Service, if any.</param>
    /// <param name="disruptionBudget">Its PodDisruptionBudget, if any.</param>
    public static StatefulWorkload From(V1StatefulSet statefulSet, V1Service? service = null, V1PodDisruptionBudget? disruptionBudget = null)
    {
        ArgumentNullException.ThrowIfNull(statefulSet);
        var set = statefulSet.ToModel();
        var svc = service?.ToModel();
        var budget = disruptionBudget?.ToModel();
        var patches = new List<ManifestPatch>();
        if (svc is not null)
        {
            patches.AddRange(UnmodelledFields.Patches(WorkloadDocument.Service, service!, svc.ToKubernetes()));
        }

        patches.AddRange(UnmodelledFields.Patches(WorkloadDocument.StatefulSet, statefulSet, set.ToKubernetes()));
        if (budget is not null)
        {
            patches.AddRange(UnmodelledFields.Patches(WorkloadDocument.DisruptionBudget, disruptionBudget!, budget.ToKubernetes()));
        }

        return new StatefulWorkload(set, svc, budget, patches.ToValueList());
    }

    /// <summary>The model's StatefulSet (fields the model lacks are left out; <see cref="From"/> keeps them).</summary>
    /// <param name="statefulSet">The client object.</param>
    public static StatefulSet ToModel(this V1StatefulSet statefulSet) => Convert<StatefulSet>(statefulSet);

    /// <summary>The model's Service (fields the model lacks are left out; <see cref="From"/> keeps them).</summary>
    /// <param name="service">The client object.</param>
    public static Service ToModel(this V1Service service) => Convert<Service>(service);

    /// <summary>The model's PodDisruptionBudget (fields the model lacks are left out; <see cref="From"/> keeps them).</summary>
    /// <param name="disruptionBudget">The client object.</param>
    public static PodDisruptionBudget ToModel(this V1PodDisruptionBudget disruptionBudget) => Convert<PodDisruptionBudget>(disruptionBudget);

    /// <summary>
    /// Any client object of a kind the model types (see <see cref="KubernetesObjects.ToKubernetesObject"/>) as the
    /// model's record (fields the model lacks are left out).
    /// </summary>
    /// <param name="client">The client object.</param>
    /// <exception cref="ArgumentException">The model does not type the object's class.</exception>
    public static Model.IKubernetesObject ToModelObject(this object client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var model = KindMap.ModelOf(client.GetType())
            ?? throw new ArgumentException("the model does not type " + client.GetType().Name, nameof(client));
        return (Model.IKubernetesObject)Converters.ToModel(client.GetType(), model)(client, FieldPath.Document, new ConversionErrors())!;
    }

    private static T Convert<T>(object client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return (T)Converters.ToModel(client.GetType(), typeof(T))(client, FieldPath.Document, new ConversionErrors())!;
    }
}
