using StatefulManifests.Model;
using StatefulManifests.Validation;

namespace StatefulManifests.Yaml;

/// <summary>A manifest read together with the source positions of every document's fields.</summary>
/// <param name="Manifest">What <see cref="ManifestYaml.Read"/> returns.</param>
/// <param name="Positions">One entry per document of <see cref="ManifestReadResult.Documents"/>, in the same order.</param>
public sealed record PositionedReadResult(ManifestReadResult Manifest, IReadOnlyList<DocumentPositions> Positions);

/// <summary>Where the fields of one YAML document are: field path → file, line and column.</summary>
public sealed class DocumentPositions
{
    private readonly PositionIndex index;

    internal DocumentPositions(string sourceName, PositionIndex index)
    {
        SourceName = sourceName;
        this.index = index;
    }

    /// <summary>The file the document is in.</summary>
    public string SourceName { get; }

    /// <summary>Where the document starts.</summary>
    public SourcePosition Start => At(index.Start);

    /// <summary>True when the document writes <paramref name="path"/> itself.</summary>
    public bool Contains(FieldPath path) => index.TryFind(path, out _);

    /// <summary>
    /// The position of <paramref name="path"/>; for a field the document does not write (a missing probe, an unset
    /// security context) the position of its nearest ancestor that it does write.
    /// </summary>
    public SourcePosition Locate(FieldPath path) => At(index.Locate(path));

    private SourcePosition At((int Line, int Column) position) => new(SourceName, position.Line, position.Column);
}

/// <content>Reading with positions, for linters that report by line.</content>
public static partial class ManifestYaml
{
    /// <summary>
    /// Reads every document like <see cref="Read"/> and also indexes where each document's fields are, so findings
    /// computed on the model can be reported at a line and column. Never throws on bad input.
    /// </summary>
    /// <param name="yaml">The YAML text.</param>
    /// <param name="sourceName">The file name used in positions.</param>
    public static PositionedReadResult ReadWithPositions(string yaml, string sourceName = "manifest.yaml")
    {
        // Same loop as Read, keeping each document's node tree long enough to index it.
        var reader = new ModelReader(sourceName);
        var documents = new List<IKubernetesObject>();
        var positions = new List<DocumentPositions>();
        foreach (var node in YamlLoader.Load(yaml, sourceName, reader.Errors))
        {
            documents.Add(ReadDocument(reader, node));
            positions.Add(new DocumentPositions(sourceName, PositionIndex.Build(node)));
        }

        return new PositionedReadResult(new ManifestReadResult(documents, reader.Errors), positions);
    }
}
