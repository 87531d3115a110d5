using System.Globalization;

namespace StatefulManifests.KubernetesInterop.Tests.Support;

/// <summary>Runs a test body under tr-TR (dotted/dotless i, comma decimals): conversions must not depend on culture.</summary>
public static class TurkishCulture
{
    /// <summary>Runs <paramref name="body"/> with tr-TR as current culture and UI culture.</summary>
    public static void Run(Action body)
    {
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("tr-TR");
        try
        {
            body();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui);
        }
    }
}
