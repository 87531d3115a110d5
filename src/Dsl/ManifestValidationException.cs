using System.Globalization;
using StatefulManifests.Validation;

namespace StatefulManifests;

/// <summary>
/// Thrown when rendering a workload that has errors. <see cref="Errors"/> holds every one of them; the message lists
/// them one per line in Kubernetes' format, each prefixed with the declaration's <c>file(line)</c>.
/// </summary>
public sealed class ManifestValidationException : Exception
{
    /// <summary>Creates the exception for the workload <paramref name="workloadName"/> declared at <paramref name="declaration"/>.</summary>
    public ManifestValidationException(string workloadName, DeclarationSite? declaration, IReadOnlyList<FieldError> errors)
        : base(Format(workloadName, declaration, errors))
    {
        WorkloadName = workloadName;
        Declaration = declaration;
        Errors = errors;
    }

    /// <summary>The StatefulSet's name.</summary>
    public string WorkloadName { get; }

    /// <summary>Where the workload is declared, when known.</summary>
    public DeclarationSite? Declaration { get; }

    /// <summary>Every error found.</summary>
    public IReadOnlyList<FieldError> Errors { get; }

    private static string Format(string workloadName, DeclarationSite? declaration, IReadOnlyList<FieldError> errors)
    {
        var prefix = declaration is null ? string.Empty : declaration + ": ";
        var count = errors.Count.ToString(CultureInfo.InvariantCulture) + (errors.Count == 1 ? " error" : " errors");
        var header = prefix + "StatefulSet \"" + workloadName + "\" is invalid (" + count + "):";
        return string.Join("\n", new[] { header }.Concat(errors.Select(e => prefix + e)));
    }
}
