using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace StatefulManifests.Generators.Tests.Support;

/// <summary>
/// MSBuild properties as the compiler hands them to generators (<c>build_property.X</c>), from a dictionary, and
/// optionally item metadata of additional files (<c>build_metadata.AdditionalFiles.X</c>), by file path.
/// </summary>
public sealed class TestOptions(IReadOnlyDictionary<string, string> properties, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? fileMetadata = null) : AnalyzerConfigOptionsProvider
{
    private readonly DictionaryOptions global = new(properties.ToImmutableDictionary(p => "build_property." + p.Key, p => p.Value));

    /// <summary>No properties.</summary>
    public static TestOptions None { get; } = new(new Dictionary<string, string>());

    /// <inheritdoc />
    public override AnalyzerConfigOptions GlobalOptions => global;

    /// <inheritdoc />
    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => DictionaryOptions.Empty;

    /// <inheritdoc />
    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        fileMetadata is not null && fileMetadata.TryGetValue(textFile.Path, out var metadata)
            ? new DictionaryOptions(metadata.ToImmutableDictionary(m => "build_metadata.AdditionalFiles." + m.Key, m => m.Value))
            : DictionaryOptions.Empty;

    private sealed class DictionaryOptions(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static DictionaryOptions Empty { get; } = new(ImmutableDictionary<string, string>.Empty);

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
