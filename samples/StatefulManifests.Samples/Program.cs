using StatefulManifests.Samples;

// `dotnet build` already wrote every sample's YAML (evaluated at compile time by the source generator) to
// bin/<Configuration>/net10.0/manifests/. Running the samples shows the typed identities the generator emitted
// beside the YAML: stable pod names, DNS names and claim names, as tests and tools would use them.
var manifests = Path.Combine(AppContext.BaseDirectory, "manifests");
Console.WriteLine($"YAML written at build time: {manifests}");
foreach (var file in Directory.Exists(manifests) ? Directory.GetFiles(manifests, "*.yaml").Order(StringComparer.Ordinal).ToArray() : [])
{
    Console.WriteLine($"  {Path.GetFileName(file)}");
}

Console.WriteLine();
Console.WriteLine($"{SampleWorkloads.WebManifest.Name}: {SampleWorkloads.WebManifest.Replicas} pods behind Service {SampleWorkloads.WebManifest.ServiceName}");
for (var ordinal = 0; ordinal < SampleWorkloads.WebManifest.Replicas; ordinal++)
{
    Console.WriteLine($"  {SampleWorkloads.WebManifest.PodFqdn(ordinal)}  claim {SampleWorkloads.WebManifest.Claims.Www(ordinal)}");
}

Console.WriteLine($"{SampleWorkloads.MySqlClusterManifest.Name}: primary {SampleWorkloads.MySqlClusterManifest.PodFqdn(0)}:{SampleWorkloads.MySqlClusterManifest.Ports.Mysql}");
Console.WriteLine($"{SampleWorkloads.ZooKeeperManifest.Name}: ensemble {string.Join(",", SampleWorkloads.ZooKeeperManifest.PodNames.Select(p => p + "." + SampleWorkloads.ZooKeeperManifest.ServiceName + ":" + SampleWorkloads.ZooKeeperManifest.Ports.Client))}");
Console.WriteLine($"{SampleWorkloads.PostgresManifest.Name}: primary {SampleWorkloads.PostgresManifest.PodFqdn(0)}:{SampleWorkloads.PostgresManifest.Ports.Postgres}, data on claim {SampleWorkloads.PostgresManifest.Claims.Data(0)}");
return 0;
