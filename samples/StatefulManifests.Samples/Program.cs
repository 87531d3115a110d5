using StatefulManifests;
using StatefulManifests.Samples;

// Renders every sample workload to <output>/<name>.yaml (default: samples/out/manifests) and says where.
var output = Path.GetFullPath(args.Length > 0 ? args[0] : Path.Combine(FindSamplesDir(), "out", "manifests"));
Directory.CreateDirectory(output);
foreach (var (name, builder) in SampleCatalog.All)
{
    var path = Path.Combine(output, name + ".yaml");
    var yaml = builder.Render();
    if (!File.Exists(path) || File.ReadAllText(path) != yaml)
    {
        File.WriteAllText(path, yaml);
    }

    Console.WriteLine($"{name,-16} -> {path}");
}

Console.WriteLine($"Rendered {SampleCatalog.All.Count} workloads to {output}");
return 0;

static string FindSamplesDir()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (dir.Name == "samples")
        {
            return dir.FullName;
        }
    }

    return Directory.GetCurrentDirectory();
}
