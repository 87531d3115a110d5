using StatefulManifests.Validation;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace StatefulManifests.Yaml;

/// <summary>Parses YAML text into <see cref="YNode"/> documents, keeping positions; syntax errors become field errors.</summary>
internal static class YamlLoader
{
    public static List<YNode> Load(string text, string sourceName, List<FieldError> errors)
    {
        var documents = new List<YNode>();
        var parser = new Parser(new StringReader(text));
        var anchors = new Dictionary<string, YNode>(StringComparer.Ordinal);
        try
        {
            parser.Consume<StreamStart>();
            while (parser.TryConsume<DocumentStart>(out _))
            {
                anchors.Clear();
                var root = ReadNode(parser, anchors);
                parser.Consume<DocumentEnd>();
                if (root is not YScalar { IsNull: true })
                {
                    documents.Add(root);
                }
            }

            parser.Consume<StreamEnd>();
        }
        catch (YamlException ex)
        {
            errors.Add(new FieldError(FieldErrorType.Invalid, FieldPath.Document, null, "YAML syntax error: " + ex.Message)
            {
                Position = new SourcePosition(sourceName, (int)ex.Start.Line, (int)ex.Start.Column),
            });
        }

        return documents;
    }

    private static YNode ReadNode(IParser parser, Dictionary<string, YNode> anchors)
    {
        var start = parser.Current!.Start;
        YNode node;
        string anchor;
        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            return anchors.TryGetValue(alias.Value.Value, out var target)
                ? target
                : throw new YamlException(alias.Start, alias.End, "unknown alias *" + alias.Value.Value);
        }

        if (parser.TryConsume<Scalar>(out var scalar))
        {
            var style = scalar.Style switch
            {
                ScalarStyle.Plain => YScalarStyle.Plain,
                ScalarStyle.Literal => YScalarStyle.Literal,
                _ => YScalarStyle.Quoted,
            };
            node = new YScalar(scalar.Value, style) { Line = (int)start.Line, Column = (int)start.Column };
            anchor = scalar.Anchor.IsEmpty ? string.Empty : scalar.Anchor.Value;
        }
        else if (parser.TryConsume<SequenceStart>(out var seqStart))
        {
            var seq = new YSequence { Line = (int)start.Line, Column = (int)start.Column };
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                seq.Items.Add(ReadNode(parser, anchors));
            }

            node = seq;
            anchor = seqStart.Anchor.IsEmpty ? string.Empty : seqStart.Anchor.Value;
        }
        else
        {
            var mapStart = parser.Consume<MappingStart>();
            var map = new YMapping { Line = (int)start.Line, Column = (int)start.Column };
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var key = ReadNode(parser, anchors);
                var value = ReadNode(parser, anchors);
                var keyScalar = key as YScalar ?? throw new YamlException(parser.Current!.Start, parser.Current.End, "mapping keys must be scalars");
                map.Entries.Add(new KeyValuePair<YScalar, YNode>(keyScalar, value));
            }

            node = map;
            anchor = mapStart.Anchor.IsEmpty ? string.Empty : mapStart.Anchor.Value;
        }

        if (anchor.Length > 0)
        {
            anchors[anchor] = node;
        }

        return node;
    }
}
