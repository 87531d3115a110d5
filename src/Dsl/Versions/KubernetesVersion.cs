using System.Globalization;

namespace StatefulManifests.Versions;

/// <summary>
/// A Kubernetes release the manifests are for: <c>major.minor</c>, optionally with a patch (<c>1.35.2</c>) where a
/// patch release changed a default (MaxUnavailableStatefulSet was turned off again in 1.35.4). Without a patch the
/// version means the newest patch of that minor release. The project models <see cref="Oldest"/> to
/// <see cref="Newest"/>; <see cref="TryParse(string?, out KubernetesVersion, out string)"/> rejects anything else with
/// a message, never an exception.
/// </summary>
public readonly struct KubernetesVersion : IEquatable<KubernetesVersion>, IComparable<KubernetesVersion>
{
    private const int AnyPatch = int.MaxValue;

    private readonly int patch;

    private KubernetesVersion(int major, int minor, int patch)
    {
        Major = major;
        Minor = minor;
        this.patch = patch;
    }

    /// <summary>The oldest release the project models: 1.28.</summary>
    public static KubernetesVersion Oldest { get; } = new(1, 28, AnyPatch);

    /// <summary>The newest release the project models, the default target: 1.36.</summary>
    public static KubernetesVersion Newest { get; } = new(1, 36, AnyPatch);

    /// <summary>Every modelled minor release, oldest first (1.28 … 1.36).</summary>
    public static IReadOnlyList<KubernetesVersion> Supported { get; } =
        Enumerable.Range(Oldest.Minor, Newest.Minor - Oldest.Minor + 1).Select(minor => new KubernetesVersion(1, minor, AnyPatch)).ToList();

    /// <summary>The major version (1).</summary>
    public int Major { get; }

    /// <summary>The minor version (28 … 36).</summary>
    public int Minor { get; }

    /// <summary>The patch version, or null for "the newest patch of the minor release".</summary>
    public int? Patch => patch == AnyPatch ? null : patch;

    /// <summary>Compares two versions; a version without a patch is newer than any patch of its minor release.</summary>
    public static bool operator <(KubernetesVersion left, KubernetesVersion right) => left.CompareTo(right) < 0;

    /// <summary>Compares two versions.</summary>
    public static bool operator >(KubernetesVersion left, KubernetesVersion right) => left.CompareTo(right) > 0;

    /// <summary>Compares two versions.</summary>
    public static bool operator <=(KubernetesVersion left, KubernetesVersion right) => left.CompareTo(right) <= 0;

    /// <summary>Compares two versions.</summary>
    public static bool operator >=(KubernetesVersion left, KubernetesVersion right) => left.CompareTo(right) >= 0;

    /// <summary>Value equality.</summary>
    public static bool operator ==(KubernetesVersion left, KubernetesVersion right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(KubernetesVersion left, KubernetesVersion right) => !left.Equals(right);

    /// <summary>
    /// Reads <c>1.31</c>, <c>v1.31</c> or <c>1.35.2</c> (surrounding white space allowed). Returns false with a message
    /// naming the value and the supported range when it is malformed or outside <see cref="Oldest"/>–<see cref="Newest"/>.
    /// </summary>
    public static bool TryParse(string? text, out KubernetesVersion version, out string error)
    {
        version = default;
        var trimmed = (text ?? string.Empty).Trim();
        var digits = trimmed.StartsWith("v", StringComparison.OrdinalIgnoreCase) ? trimmed.Substring(1) : trimmed;
        var parts = digits.Split('.');
        if (parts.Length is < 2 or > 3 || !parts.All(IsNumber))
        {
            error = "'" + trimmed + "' is not a Kubernetes version; write major.minor, such as " + Newest;
            return false;
        }

        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor)
            || (parts.Length == 3 && !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            error = "'" + trimmed + "' is not a Kubernetes version; write major.minor, such as " + Newest;
            return false;
        }

        var parsedPatch = parts.Length == 3 ? int.Parse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture) : AnyPatch;
        var candidate = new KubernetesVersion(major, minor, parsedPatch);
        if (major != 1 || minor < Oldest.Minor || minor > Newest.Minor)
        {
            error = "Kubernetes " + candidate + " is not supported; the project models " + Oldest + " to " + Newest;
            return false;
        }

        version = candidate;
        error = string.Empty;
        return true;
    }

    /// <summary>Reads a version as <see cref="TryParse(string?, out KubernetesVersion, out string)"/> does.</summary>
    /// <exception cref="ArgumentException">The text is malformed or outside the supported range (the message says which).</exception>
    public static KubernetesVersion Parse(string text) =>
        TryParse(text, out var version, out var error) ? version : throw new ArgumentException(error, nameof(text));

    /// <summary>The release <c>1.<paramref name="minor"/></c> (any patch).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The release is outside the supported range.</exception>
    public static KubernetesVersion Of(int minor) =>
        minor >= Oldest.Minor && minor <= Newest.Minor
            ? new KubernetesVersion(1, minor, AnyPatch)
            : throw new ArgumentOutOfRangeException(nameof(minor), minor, "the project models Kubernetes " + Oldest + " to " + Newest);

    /// <summary>A specific patch release of <c>1.<paramref name="minor"/></c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The release is outside the supported range or the patch is negative.</exception>
    public static KubernetesVersion Of(int minor, int patch) =>
        patch >= 0 ? new KubernetesVersion(1, Of(minor).Minor, patch) : throw new ArgumentOutOfRangeException(nameof(patch), patch, "a patch version is 0 or more");

    // A release in the feature table may be older than the supported range (a gate that went alpha in 1.24).
    internal static KubernetesVersion Release(int minor, int patch = 0) => new(1, minor, patch);

    // How the feature table names a release it lists: "1.32" for the release itself (1.32.0), "1.35.4" for a patch.
    internal string ReleaseName => patch == 0 ? Major.ToString(CultureInfo.InvariantCulture) + "." + Minor.ToString(CultureInfo.InvariantCulture) : ToString();

    /// <summary>The version without its patch: the newest patch of the same minor release.</summary>
    public KubernetesVersion MinorRelease => new(Major, Minor, AnyPatch);

    /// <inheritdoc />
    public int CompareTo(KubernetesVersion other) =>
        Major != other.Major ? Major.CompareTo(other.Major) : Minor != other.Minor ? Minor.CompareTo(other.Minor) : patch.CompareTo(other.patch);

    /// <inheritdoc />
    public bool Equals(KubernetesVersion other) => Major == other.Major && Minor == other.Minor && patch == other.patch;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is KubernetesVersion other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => (((Major * 397) ^ Minor) * 397) ^ patch;

    /// <summary><c>1.31</c>, or <c>1.35.2</c> with a patch.</summary>
    public override string ToString() =>
        Major.ToString(CultureInfo.InvariantCulture) + "." + Minor.ToString(CultureInfo.InvariantCulture)
        + (patch == AnyPatch ? string.Empty : "." + patch.ToString(CultureInfo.InvariantCulture));

    private static bool IsNumber(string part) => part.Length is > 0 and <= 9 && part.All(c => c is >= '0' and <= '9');
}
