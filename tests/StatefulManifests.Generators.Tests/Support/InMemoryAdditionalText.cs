using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace StatefulManifests.Generators.Tests.Support;

/// <summary>An <c>AdditionalFiles</c> item with its text in memory.</summary>
public sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    /// <inheritdoc />
    public override string Path { get; } = path;

    /// <inheritdoc />
    public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
}
