// netstandard2.0 lacks the marker type C# needs for records and init accessors.
namespace System.Runtime.CompilerServices;

/// <summary>Marker for init-only setters (compiler support on netstandard2.0).</summary>
internal static class IsExternalInit
{
}
