using StatefulManifests.Model;

namespace StatefulManifests.Validation;

/// <summary>
/// A ConfigMap on create (<c>ValidateConfigMap</c>): every key of <c>data</c> and <c>binaryData</c> a valid config
/// key, no key in both, and everything together at most 1 MiB (what etcd's request limit leaves an object).
/// </summary>
internal static class ConfigMapRules
{
    /// <summary>The most bytes a ConfigMap's data and binary data may hold together.</summary>
    public const int MaxTotalBytes = 1024 * 1024;

    /// <summary>Validates <paramref name="configMap"/>'s content into <paramref name="errors"/>.</summary>
    public static void Validate(ConfigMap configMap, ValidationErrors errors)
    {
        long total = 0;
        var data = configMap.Data ?? ValueMap<string>.Empty;
        var binary = configMap.BinaryData ?? ValueMap<string>.Empty;
        foreach (var entry in data)
        {
            errors.Invalid(FieldPath.Root("data").Key(entry.Key), entry.Key, NameRules.IsConfigMapKey(entry.Key));
            total += System.Text.Encoding.UTF8.GetByteCount(entry.Value ?? string.Empty);
        }

        foreach (var entry in binary)
        {
            var path = FieldPath.Root("binaryData").Key(entry.Key);
            errors.Invalid(path, entry.Key, NameRules.IsConfigMapKey(entry.Key));
            if (data.ContainsKey(entry.Key))
            {
                errors.Invalid(path, entry.Key, "duplicate of key present in data");
            }

            total += DecodedLength(entry.Value ?? string.Empty, path, errors);
        }

        if (total > MaxTotalBytes)
        {
            errors.TooLong(FieldPath.Document, MaxTotalBytes);
        }
    }

    // binaryData values are base64 on the wire; the size limit counts the bytes they decode to.
    private static long DecodedLength(string base64, FieldPath path, ValidationErrors errors)
    {
        try
        {
            return Convert.FromBase64String(base64).LongLength;
        }
        catch (FormatException)
        {
            errors.Invalid(path, "<binary>", "illegal base64 data");
            return 0;
        }
    }
}
