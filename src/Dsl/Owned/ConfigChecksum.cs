using System.Security.Cryptography;
using System.Text;
using StatefulManifests.Model;

namespace StatefulManifests;

/// <summary>
/// The checksum a pod template carries for a ConfigMap it mounts (Helm's <c>checksum/config</c> idiom): the pods'
/// template changes exactly when the data does, so the StatefulSet controller rolls them onto the new configuration.
/// Deterministic: keys in ordinal order, each key and value as UTF-8 with its length, data before binaryData.
/// </summary>
public static class ConfigChecksum
{
    /// <summary>The lowercase hex SHA-256 of <paramref name="configMap"/>'s <c>data</c> and <c>binaryData</c>.</summary>
    /// <param name="configMap">The ConfigMap.</param>
    public static string Of(ConfigMap configMap)
    {
        if (configMap is null)
        {
            throw new ArgumentNullException(nameof(configMap));
        }

        using var stream = new MemoryStream();
        Write(stream, "data", configMap.Data);
        Write(stream, "binaryData", configMap.BinaryData);
        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(stream.ToArray());
        var text = new StringBuilder(hash.Length * 2);
        foreach (var b in hash)
        {
            text.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    // Length-prefixed fields, so {"a": "bc"} and {"ab": "c"} never hash alike.
    private static void Write(Stream stream, string section, ValueMap<string>? map)
    {
        WriteField(stream, section);
        foreach (var entry in (map ?? ValueMap<string>.Empty).OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            WriteField(stream, entry.Key);
            WriteField(stream, entry.Value ?? string.Empty);
        }
    }

    private static void WriteField(Stream stream, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        var length = BitConverter.GetBytes(bytes.Length);
        if (!BitConverter.IsLittleEndian)
        {
            Array.Reverse(length);
        }

        stream.Write(length, 0, length.Length);
        stream.Write(bytes, 0, bytes.Length);
    }
}
