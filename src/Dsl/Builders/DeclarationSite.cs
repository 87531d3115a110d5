using System.Globalization;

namespace StatefulManifests;

/// <summary>Where a workload is declared in C# source (from caller information), printed as <c>file(line)</c>.</summary>
/// <param name="File">The source file path.</param>
/// <param name="Line">The 1-based line.</param>
public sealed record DeclarationSite(string File, int Line)
{
    /// <inheritdoc />
    public override string ToString() => File + "(" + Line.ToString(CultureInfo.InvariantCulture) + ")";
}
