using System.Globalization;
using StatefulManifests.Model;
using StatefulManifests.Validation;
using K8sIntOrString = k8s.Models.IntOrString;
using ResourceQuantity = k8s.Models.ResourceQuantity;

namespace StatefulManifests.KubernetesClient.Conversion;

/// <summary>
/// The scalar pairs: the same CLR type on both sides, closed-set strings (<see cref="EnumValue{TEnum}"/> ↔ string),
/// quantities, int-or-string, times (text in the model, <see cref="DateTime"/> in the client) and free-form data
/// (<see cref="RawValue"/> ↔ <see cref="object"/>).
/// </summary>
internal static class Scalars
{
    // metav1.Time is RFC 3339 in UTC; fractions appear only in MicroTime (and in DateTimes a program made).
    private const string SecondsFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";
    private const string FractionFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";
    private static readonly string[] TimeFormats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    public static ValueConverter? ToClient(Type model, Type client)
    {
        if (model == client)
        {
            return (value, _, _) => value;
        }

        if (model.IsGenericType && model.GetGenericTypeDefinition() == typeof(EnumValue<>) && client == typeof(string))
        {
            return (value, _, _) => value.ToString();
        }

        if (model == typeof(Quantity) && client == typeof(ResourceQuantity))
        {
            return (value, path, errors) => QuantityToClient((Quantity)value, path, errors);
        }

        if (model == typeof(Model.IntOrString) && client == typeof(K8sIntOrString))
        {
            return (value, _, _) => IntOrStringToClient((Model.IntOrString)value);
        }

        if (model == typeof(string) && client == typeof(DateTime))
        {
            return (value, path, errors) => TimeToClient((string)value, path, errors);
        }

        if (model == typeof(RawValue) && client == typeof(object))
        {
            return (value, _, _) => RawJson.ToPlain((RawValue)value);
        }

        // The wire form of bytes (a ConfigMap's binaryData) is base64 text, which is what the model keeps.
        if (model == typeof(string) && client == typeof(byte[]))
        {
            return (value, path, errors) => BytesToClient((string)value, path, errors);
        }

        return null;
    }

    public static ValueConverter? ToModel(Type client, Type model)
    {
        if (model == client)
        {
            return (value, _, _) => value;
        }

        if (model.IsGenericType && model.GetGenericTypeDefinition() == typeof(EnumValue<>) && client == typeof(string))
        {
            return (value, _, _) => Activator.CreateInstance(model, (string)value);
        }

        if (model == typeof(Quantity) && client == typeof(ResourceQuantity))
        {
            return (value, _, _) => Quantity.FromText(((ResourceQuantity)value).ToString());
        }

        if (model == typeof(Model.IntOrString) && client == typeof(K8sIntOrString))
        {
            return (value, _, _) => IntOrStringToModel((K8sIntOrString)value);
        }

        if (model == typeof(string) && client == typeof(DateTime))
        {
            return (value, _, _) => TimeToModel((DateTime)value);
        }

        if (model == typeof(RawValue) && client == typeof(object))
        {
            return (value, _, _) => RawJson.FromObject(value);
        }

        if (model == typeof(string) && client == typeof(byte[]))
        {
            return (value, _, _) => Convert.ToBase64String((byte[])value);
        }

        return null;
    }

    /// <summary>The model's text of a time: RFC 3339 in UTC, with a fraction only when there is one.</summary>
    public static string TimeToModel(DateTime time)
    {
        var utc = time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : DateTime.SpecifyKind(time, DateTimeKind.Utc);
        return utc.ToString(utc.Ticks % TimeSpan.TicksPerSecond == 0 ? SecondsFormat : FractionFormat, CultureInfo.InvariantCulture);
    }

    private static object? BytesToClient(string base64, FieldPath path, ConversionErrors errors)
    {
        try
        {
            return Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            errors.Invalid(path, base64, "not base64 text");
            return null;
        }
    }

    private static object? TimeToClient(string text, FieldPath path, ConversionErrors errors)
    {
        if (DateTimeOffset.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time.UtcDateTime;
        }

        errors.Invalid(path, text, "not an RFC 3339 time (e.g. 2024-01-31T12:00:00Z)");
        return null;
    }

    private static object? QuantityToClient(Quantity quantity, FieldPath path, ConversionErrors errors)
    {
        if (!quantity.IsValid)
        {
            errors.Invalid(path, quantity.ToString(), quantity.Error!);
            return null;
        }

        return new ResourceQuantity(quantity.ToString());
    }

    private static K8sIntOrString IntOrStringToClient(Model.IntOrString value) =>
        value.IsString ? value.StringValue! : value.IntValue;

    // The client keeps only the text (and writes digits as a number), so a number is what digits mean here.
    private static Model.IntOrString IntOrStringToModel(K8sIntOrString value) =>
        int.TryParse(value.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? Model.IntOrString.FromInt(number)
            : Model.IntOrString.FromString(value.Value ?? string.Empty);
}
