using StatefulManifests.Model;
using StatefulManifests.Validation;
using StatefulManifests.Yaml;

namespace StatefulManifests.Tests.Rules;

/// <summary>ManifestYaml.ReadWithPositions and the field path → line/column index behind it.</summary>
public class PositionIndexTests
{
    private const string Manifest =
        """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          clusterIP: 10.0.0.1
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: web
          labels:
            app.kubernetes.io/name: web
        spec:
          replicas: 3
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
              - name: web
                image: nginx:1.27
                resources:
                  requests:
                    cpu: 100m
          volumeClaimTemplates:
          - metadata: {name: data}
            spec:
              accessModes: [ "ReadWriteOnce" ]
        """;

    private static readonly FieldPath Container0 = FieldPath.Root("spec").Child("template", "spec", "containers").Index(0);

    private static DocumentPositions StatefulSetPositions()
    {
        var read = ManifestYaml.ReadWithPositions(Manifest, "web.yaml");
        Assert.Equal(2, read.Positions.Count);
        return read.Positions[1];
    }

    [Fact]
    public void Reading_with_positions_gives_the_same_documents_and_errors_as_reading()
    {
        var plain = ManifestYaml.Read(Manifest, "web.yaml");
        var positioned = ManifestYaml.ReadWithPositions(Manifest, "web.yaml");

        Assert.Equal(plain.Documents, positioned.Manifest.Documents);
        Assert.Equal(plain.Errors, positioned.Manifest.Errors);
        Assert.Equal(positioned.Manifest.Documents.Count, positioned.Positions.Count);
        Assert.IsType<Service>(positioned.Manifest.Documents[0]);
        Assert.Equal(new SourcePosition("web.yaml", 6, 14), positioned.Positions[0].Locate(FieldPath.Root("spec").Child("clusterIP")));
    }

    [Theory]
    [InlineData("spec.replicas", 15, 13)]
    [InlineData("spec.template.spec.containers[0]", 21, 9)]
    [InlineData("spec.template.spec.containers[0].image", 22, 16)]
    [InlineData("spec.template.spec.containers[0].resources.requests[cpu]", 25, 18)]
    [InlineData("metadata.labels[app.kubernetes.io/name]", 13, 29)]
    [InlineData("spec.template.metadata.labels[app]", 18, 21)]
    [InlineData("spec.volumeClaimTemplates[0].metadata.name", 27, 22)]
    [InlineData("spec.volumeClaimTemplates[0].spec.accessModes[0]", 29, 22)]
    [InlineData("spec.template", 16, 3)]
    public void Scalars_are_located_at_their_value_and_collections_at_their_key(string path, int line, int column)
    {
        var positions = StatefulSetPositions();

        Assert.True(positions.Contains(Parse(path)));
        Assert.Equal(new SourcePosition("web.yaml", line, column), positions.Locate(Parse(path)));
    }

    [Fact]
    public void A_missing_field_falls_back_to_its_nearest_written_ancestor()
    {
        var positions = StatefulSetPositions();
        var probe = Container0.Child("readinessProbe", "httpGet", "port");

        Assert.False(positions.Contains(probe));
        Assert.Equal(new SourcePosition("web.yaml", 21, 9), positions.Locate(probe));
        Assert.Equal(new SourcePosition("web.yaml", 8, 1), positions.Locate(FieldPath.Root("status").Child("replicas")));
        Assert.Equal(new SourcePosition("web.yaml", 8, 1), positions.Start);
    }

    [Fact]
    public void A_duplicate_key_is_located_at_the_value_kubectl_keeps()
    {
        var read = ManifestYaml.ReadWithPositions("kind: Service\nmetadata:\n  name: a\nmetadata:\n  name: b\n", "dup.yaml");

        Assert.Equal(new SourcePosition("dup.yaml", 5, 9), read.Positions[0].Locate(FieldPath.Root("metadata").Child("name")));
    }

    [Fact]
    public void Aliases_are_located_at_their_anchor()
    {
        var read = ManifestYaml.ReadWithPositions("a: &x\n  b: 1\nc: *x\n", "alias.yaml");

        Assert.Equal(new SourcePosition("alias.yaml", 2, 6), read.Positions[0].Locate(FieldPath.Root("c").Child("b")));
    }

    [Theory]
    [InlineData("spec.selector.matchLabels[app]", "spec.selector.matchLabels.app")]
    [InlineData("metadata.labels[app.kubernetes.io/name]", "metadata.labels.app.kubernetes.io/name")]
    [InlineData("spec.containers[0].resources.limits[memory]", "spec.containers[0].resources.limits.memory")]
    [InlineData("spec.replicas", "spec.replicas")]
    public void Map_key_brackets_are_normalised_and_list_indexes_kept(string path, string normalised)
    {
        Assert.Equal(normalised, PositionIndex.Normalise(path));
    }

    // Builds a FieldPath from its text (test convenience: dots separate children, [n] indexes, [k] keys).
    internal static FieldPath Parse(string text)
    {
        FieldPath? path = null;
        foreach (var part in System.Text.RegularExpressions.Regex.Matches(text, @"[^.\[\]]+|\[[^\]]*\]").Cast<System.Text.RegularExpressions.Match>().Select(m => m.Value))
        {
            if (part.StartsWith('['))
            {
                var inner = part[1..^1];
                path = int.TryParse(inner, out var i) ? path!.Index(i) : path!.Key(inner);
            }
            else
            {
                path = path is null ? FieldPath.Root(part) : path.Child(part);
            }
        }

        return path!;
    }
}
