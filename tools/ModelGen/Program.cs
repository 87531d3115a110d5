// Regenerates src/Dsl/Model/**/Generated/*.g.cs and src/Dsl/Yaml/Generated/*.g.cs from the Kubernetes OpenAPI v3
// documents in ../shared/k8s-api. Run from the repository root:
//   dotnet run --project tools/ModelGen -- ../shared/k8s-api/openapi/v3 src/Dsl
// Only facts (field names and types) are taken from the schema; no descriptions are copied.
using System.Text.Json;
using ModelGen;

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: ModelGen <openapi-v3-dir> <src/Dsl dir>");
    return 2;
}

var schemas = SchemaSet.Load(args[0]);
var types = schemas.Closure(Hints.Roots);

// Records are named by the schema's short name: two groups defining the same name would silently overwrite.
var clash = types.GroupBy(SchemaSet.ShortName).FirstOrDefault(g => g.Count() > 1);
if (clash is not null)
{
    Console.Error.WriteLine("ModelGen: two schemas share the name " + clash.Key + ": " + string.Join(", ", clash));
    return 1;
}

var written = new Emitter(schemas, types).WriteAll(args[1]);
Console.WriteLine($"ModelGen: {types.Count} types, {written} files written under {args[1]}");
return 0;
