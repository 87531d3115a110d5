namespace StatefulManifests.Model;

/// <summary>Order-sensitive hash combination (netstandard2.0 has no <c>System.HashCode</c>).</summary>
internal static class HashCodes
{
    public static int Combine(int seed, int value) => unchecked((seed * 31) + value);
}
