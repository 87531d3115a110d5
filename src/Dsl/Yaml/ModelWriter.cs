using System.Globalization;
using StatefulManifests.Model;

namespace StatefulManifests.Yaml;

/// <summary>
/// Turns model records into <see cref="YNode"/> trees. The per-type methods are generated
/// (<c>Generated/*Writers.g.cs</c>); these helpers write one field each and omit null fields.
/// </summary>
internal static partial class ModelWriter
{
    internal static void Str(YMapping m, string key, string? v)
    {
        if (v is not null)
        {
            m.Add(key, StrNode(v));
        }
    }

    internal static YNode StrNode(string v) => Scalars.String(v);

    internal static void Int(YMapping m, string key, int? v)
    {
        if (v is { } x)
        {
            m.Add(key, IntNode(x));
        }
    }

    internal static YNode IntNode(int v) => Scalars.Typed(v.ToString(CultureInfo.InvariantCulture));

    internal static void Long(YMapping m, string key, long? v)
    {
        if (v is { } x)
        {
            m.Add(key, LongNode(x));
        }
    }

    internal static YNode LongNode(long v) => Scalars.Typed(v.ToString(CultureInfo.InvariantCulture));

    internal static void Bool(YMapping m, string key, bool? v)
    {
        if (v is { } x)
        {
            m.Add(key, BoolNode(x));
        }
    }

    internal static YNode BoolNode(bool v) => Scalars.Typed(v ? "true" : "false");

    internal static void Double(YMapping m, string key, double? v)
    {
        if (v is { } x)
        {
            m.Add(key, DoubleNode(x));
        }
    }

    internal static YNode DoubleNode(double v) =>
        double.IsNaN(v) ? Scalars.Typed(".nan") : double.IsInfinity(v) ? Scalars.Typed(v > 0 ? ".inf" : "-.inf") : Scalars.Number(GoJsonNumbers.Format(v));

    internal static void Quantity(YMapping m, string key, Model.Quantity? v)
    {
        if (v is { } x)
        {
            m.Add(key, QuantityNode(x));
        }
    }

    // Quantities are JSON strings in Kubernetes; "1" is quoted like any other number-looking string.
    internal static YNode QuantityNode(Model.Quantity v) => Scalars.String(v.ToString());

    internal static void IntOrString(YMapping m, string key, Model.IntOrString? v)
    {
        if (v is { } x)
        {
            m.Add(key, IntOrStringNode(x));
        }
    }

    internal static YNode IntOrStringNode(Model.IntOrString v) => v.IsString ? Scalars.String(v.StringValue!) : IntNode(v.IntValue);

    internal static void Enum<T>(YMapping m, string key, EnumValue<T>? v)
        where T : struct, System.Enum
    {
        if (v is { } x)
        {
            m.Add(key, EnumNode(x));
        }
    }

    internal static YNode EnumNode<T>(EnumValue<T> v)
        where T : struct, System.Enum => Scalars.String(v.Value);

    internal static void Raw(YMapping m, string key, RawValue? v)
    {
        if (v is not null)
        {
            m.Add(key, RawNode(v));
        }
    }

    internal static YNode RawNode(RawValue v)
    {
        switch (v.Kind)
        {
            case RawValueKind.Null:
                return Scalars.Typed("null");
            case RawValueKind.Boolean:
                return Scalars.Typed(v.Scalar!);
            case RawValueKind.Number:
                return Scalars.Number(v.Scalar!);
            case RawValueKind.String:
                return Scalars.String(v.Scalar!);
            case RawValueKind.List:
                var seq = new YSequence();
                seq.Items.AddRange(v.List!.Select(RawNode));
                return seq;
            default:
                var map = new YMapping();
                foreach (var entry in v.Map!)
                {
                    map.Add(entry.Key, RawNode(entry.Value));
                }

                return map;
        }
    }

    internal static void Obj<T>(YMapping m, string key, T? v, Func<T, YNode> write)
        where T : class
    {
        if (v is not null)
        {
            m.Add(key, write(v));
        }
    }

    internal static void List<T>(YMapping m, string key, ValueList<T>? v, Func<T, YNode> item)
    {
        if (v is not null)
        {
            var seq = new YSequence();
            foreach (var x in v)
            {
                seq.Items.Add(item(x));
            }

            m.Add(key, seq);
        }
    }

    internal static void Map<T>(YMapping m, string key, ValueMap<T>? v, Func<T, YNode> item)
    {
        if (v is not null)
        {
            var map = new YMapping();
            foreach (var entry in v)
            {
                map.Add(entry.Key, item(entry.Value));
            }

            m.Add(key, map);
        }
    }
}
