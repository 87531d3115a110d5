// The README's KubernetesClient example, verbatim between the markers (ReadmeExampleTests checks that it is).
using k8s;
using k8s.Models;
using StatefulManifests;
using StatefulManifests.KubernetesClient;

namespace StatefulManifests.KubernetesInterop.Tests;

internal static class ReadmeExample
{
    public static string Run()
    {
        // readme-begin
        var web = Workload.StatefulSet("web")
            .Replicas(3)
            .Container("nginx", c => c.Image("nginx:1.27").Port("http", 80))
            .Build();

        // To the official client's objects (validated, as ToYaml is) ...
        WorkloadObjects objects = web.ToKubernetesObjects();
        V1StatefulSet statefulSet = objects.StatefulSet;
        statefulSet.Spec.Replicas = 5;

        // ... and back: validation, linting and the controller simulator work on client objects.
        StatefulWorkload fromClient = KubernetesModel.From(statefulSet, objects.Service, objects.DisruptionBudget);
        Console.WriteLine(fromClient.Validate().Count);            // 0
        Console.WriteLine(fromClient.StatefulSet.Spec!.Replicas);  // 5
        var simulation = fromClient.Simulate();
        // readme-end
        return KubernetesYaml.Serialize(statefulSet) + simulation.GetType().Name;
    }
}
