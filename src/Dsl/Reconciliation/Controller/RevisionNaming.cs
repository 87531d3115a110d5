using System.Globalization;
using System.Text;

namespace StatefulManifests.Reconciliation;

/// <summary>
/// ControllerRevision names as Kubernetes computes them (reference §A.2 — stateful_set_utils.go): <c>&lt;set&gt;-&lt;hash&gt;</c>, where the
/// hash is the 32-bit FNV-1 hash of the revision data followed by the decimal collision count, printed in decimal and
/// passed through <c>rand.SafeEncodeString</c> (each character mapped into <c>bcdfghjklmnpqrstvwxz2456789</c>).
/// </summary>
public static class RevisionNaming
{
    private const string SafeAlphabet = "bcdfghjklmnpqrstvwxz2456789";
    private const int MaxPrefixLength = 223;
    private const uint OffsetBasis = 2166136261;

    /// <summary>The revision name for <paramref name="data"/> under <paramref name="collisionCount"/>.</summary>
    public static string Name(string setName, string data, int collisionCount) => NameFromHash(setName, Hash(data, collisionCount));

    /// <summary>The safe-encoded hash of <paramref name="data"/> plus <paramref name="collisionCount"/>.</summary>
    public static string Hash(string data, int collisionCount)
    {
        // HashControllerRevision: the data first, then the decimal collision count, into one FNV-1 state.
        var state = Fnv1Append(OffsetBasis, Encoding.UTF8.GetBytes(data));
        state = Fnv1Append(state, Encoding.UTF8.GetBytes(collisionCount.ToString(CultureInfo.InvariantCulture)));
        return SafeEncode(state.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary><c>ControllerRevisionName</c>: the set name (cut to 223 characters) and the hash.</summary>
    public static string NameFromHash(string setName, string hash) =>
        (setName.Length > MaxPrefixLength ? setName.Substring(0, MaxPrefixLength) : setName) + "-" + hash;

    /// <summary>The 32-bit FNV-1 hash (multiply, then xor) of <paramref name="bytes"/>.</summary>
    public static uint Fnv1(byte[] bytes) => Fnv1Append(OffsetBasis, bytes);

    /// <summary><c>rand.SafeEncodeString</c>: maps every character into an alphabet without vowels or look-alikes.</summary>
    public static string SafeEncode(string text)
    {
        var encoded = new char[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            encoded[i] = SafeAlphabet[text[i] % SafeAlphabet.Length];
        }

        return new string(encoded);
    }

    private static uint Fnv1Append(uint state, byte[] bytes)
    {
        const uint Prime = 16777619;
        var hash = state;
        foreach (var b in bytes)
        {
            hash = unchecked(hash * Prime);
            hash ^= b;
        }

        return hash;
    }
}
