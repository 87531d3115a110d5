using StatefulManifests.Validation;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace StatefulManifests.Yaml;

/// <summary>
/// Parses YAML text into <see cref="YNode"/> documents, keeping positions. Never throws: syntax errors become field
/// errors (documents before the error are kept). Aliases are expanded and merge keys (<c>&lt;&lt;: *base</c>) applied
/// as kubectl's reader applies them; tags are honoured as far as they change what a scalar means. A leading
/// byte-order mark is skipped, as kubectl does. Guards against hostile input, each limit checked before the work it
/// bounds is done, so reading takes time and memory linear in the input: text longer than <see cref="MaxTextLength"/>,
/// more than <see cref="MaxDocuments"/> documents, nesting deeper than <see cref="MaxDepth"/>, and alias or merge-key
/// "bombs" (more than <see cref="MaxExpandedNodes"/> nodes once expanded, counted as the expansion happens) are
/// reported with their position instead of followed.
/// </summary>
internal static class YamlLoader
{
    /// <summary>Deepest nesting read (real manifests nest about 15 levels).</summary>
    public const int MaxDepth = 256;

    /// <summary>Most nodes a document may expand to through aliases and merge keys.</summary>
    public const long MaxExpandedNodes = 1_000_000;

    /// <summary>Longest text read (in UTF-16 characters, 16 Mi): kubectl's own request limit is 3 MiB per object.</summary>
    public const int MaxTextLength = 16 * 1024 * 1024;

    /// <summary>Most documents read from one stream.</summary>
    public const int MaxDocuments = 10_000;

    private const char ByteOrderMark = '\uFEFF';

    private const string StringTag = "tag:yaml.org,2002:str";

    public static List<YNode> Load(string text, string sourceName, List<FieldError> errors)
    {
        var documents = new List<YNode>();
        if (text.Length > MaxTextLength)
        {
            errors.Add(SyntaxError(sourceName, new Mark(0, 1, 1), "the text is longer than " + MaxTextLength.ToString(System.Globalization.CultureInfo.InvariantCulture)
                + " characters; it was not read"));
            return documents;
        }

        if (text.Length > 0 && text[0] == ByteOrderMark)
        {
            // Editors do not count the mark as a column, so positions stay right with it gone.
            text = text.Substring(1);
        }

        var loader = new DocumentLoader(sourceName, errors);
        var lone = Utf16Text.IndexOfLoneSurrogate(text);
        if (lone >= 0)
        {
            var line = 1 + text.Take(lone).Count(c => c == '\n');
            var column = lone - text.LastIndexOf('\n', Math.Max(0, lone - 1));
            errors.Add(SyntaxError(sourceName, new Mark(lone, line, column), "the text holds an unpaired UTF-16 surrogate, which is not Unicode "
                + "(written out it becomes U+FFFD)"));
        }

        try
        {
            var parser = new Parser(new StringReader(text));
            parser.Consume<StreamStart>();
            var read = 0;
            while (parser.TryConsume<DocumentStart>(out var documentStart))
            {
                if (++read > MaxDocuments)
                {
                    throw new YamlException(documentStart.Start, documentStart.End, "the stream has more than " + MaxDocuments.ToString(System.Globalization.CultureInfo.InvariantCulture) + " documents; the rest were not read");
                }

                var root = loader.ReadDocument(parser);
                parser.Consume<DocumentEnd>();
                if (root is not null && root is not YScalar { IsNull: true })
                {
                    documents.Add(root);
                }
            }

            parser.Consume<StreamEnd>();
        }
        catch (YamlException ex)
        {
            errors.Add(SyntaxError(sourceName, ex.Start, ex.Message));
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or IndexOutOfRangeException or NullReferenceException)
        {
            // Defensive: a malformed stream must never escape as an exception from a reader that promises not to throw.
            errors.Add(new FieldError(FieldErrorType.Invalid, FieldPath.Document, null, "YAML syntax error: " + ex.Message));
        }

        return documents;
    }

    private static FieldError SyntaxError(string sourceName, Mark at, string message) =>
        new(FieldErrorType.Invalid, FieldPath.Document, null, "YAML syntax error: " + message)
        {
            Position = new SourcePosition(sourceName, (int)at.Line, (int)at.Column),
        };

    private sealed class DocumentLoader(string sourceName, List<FieldError> errors)
    {
        private readonly Dictionary<string, (YNode Node, long Size)> anchors = new(StringComparer.Ordinal);

        // Entries copied by merge keys in this document: the work a merge-key bomb makes, counted before it is done.
        private long mergedEntries;

        /// <summary>The document's root.</summary>
        public YNode? ReadDocument(IParser parser)
        {
            anchors.Clear();
            mergedEntries = 0;
            return ReadNode(parser, 0).Node;
        }

        private static YamlException ExcessiveAliasing(Mark at) =>
            new(at, at, "document contains excessive aliasing (more than " + MaxExpandedNodes.ToString(System.Globalization.CultureInfo.InvariantCulture)
                + " nodes once aliases and merge keys are expanded)");

        /// <summary>Reads one node; the size counts the nodes it stands for once aliases are expanded.</summary>
        private (YNode Node, long Size) ReadNode(IParser parser, int depth)
        {
            var start = parser.Current!.Start;
            if (depth > MaxDepth)
            {
                throw new YamlException(start, start, "document nests deeper than " + MaxDepth.ToString(System.Globalization.CultureInfo.InvariantCulture) + " levels");
            }

            if (parser.TryConsume<AnchorAlias>(out var alias))
            {
                return anchors.TryGetValue(alias.Value.Value, out var target)
                    ? target
                    : throw new YamlException(alias.Start, alias.End, "unknown anchor '" + alias.Value.Value + "' referenced");
            }

            AnchorName anchor;
            (YNode Node, long Size) result;
            if (parser.TryConsume<Scalar>(out var scalar))
            {
                anchor = scalar.Anchor;
                result = (ReadScalar(scalar, start), 1);
            }
            else if (parser.TryConsume<SequenceStart>(out var sequenceStart))
            {
                anchor = sequenceStart.Anchor;
                var sequence = new YSequence { Line = (int)start.Line, Column = (int)start.Column };
                long size = 1;
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    var (item, itemSize) = ReadNode(parser, depth + 1);
                    sequence.Items.Add(item);
                    size = Add(size, itemSize);
                }

                result = (sequence, size);
            }
            else
            {
                var mappingStart = parser.Consume<MappingStart>();
                anchor = mappingStart.Anchor;
                result = ReadMapping(parser, start, depth);
            }

            if (result.Size > MaxExpandedNodes)
            {
                throw ExcessiveAliasing(start);
            }

            if (!anchor.IsEmpty)
            {
                anchors[anchor.Value] = result;
            }

            return result;
        }

        private (YNode Node, long Size) ReadMapping(IParser parser, Mark start, int depth)
        {
            var mapping = new YMapping { Line = (int)start.Line, Column = (int)start.Column };
            long size = 1;
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var (key, keySize) = ReadNode(parser, depth + 1);
                var (value, valueSize) = ReadNode(parser, depth + 1);
                size = Add(size, Add(keySize, valueSize));
                if (key is not YScalar keyScalar)
                {
                    errors.Add(SyntaxError(sourceName, new Mark(0, key.Line, key.Column), "mapping keys must be scalars (kubectl cannot read this entry); it was skipped"));
                    continue;
                }

                if (keyScalar is { Style: YScalarStyle.Plain, Value: "<<" })
                {
                    Merge(mapping, value, start);
                    continue;
                }

                mapping.Entries.Add(new YEntry(keyScalar, value));
            }

            return (mapping, size);
        }

        /// <summary>
        /// A merge key inserts the entries of a mapping (or of each mapping in a sequence, earlier ones winning) at
        /// its place; as in kubectl's reader, later entries of the same key win.
        /// </summary>
        private void Merge(YMapping target, YNode source, Mark at)
        {
            var sources = source is YSequence sequence ? sequence.Items.AsEnumerable().Reverse().ToList() : [source];
            foreach (var item in sources)
            {
                if (item is not YMapping merged)
                {
                    errors.Add(SyntaxError(sourceName, new Mark(0, item.Line, item.Column), "map merge requires map or sequence of maps as the value"));
                    continue;
                }

                mergedEntries += merged.Entries.Count;
                if (mergedEntries > MaxExpandedNodes)
                {
                    throw ExcessiveAliasing(at);
                }

                target.Entries.AddRange(merged.Entries.Select(e => e with { Merged = true }));
            }
        }

        private YScalar ReadScalar(Scalar scalar, Mark start)
        {
            var style = scalar.Style switch
            {
                ScalarStyle.Plain => YScalarStyle.Plain,
                ScalarStyle.Literal => YScalarStyle.Literal,
                _ => YScalarStyle.Quoted,
            };

            // A tag decides the type: !!str (and any custom or non-specific tag, which kubectl keeps as text) makes a
            // string; !!int, !!float, !!bool and !!null make the text resolve like a plain scalar, and must fit.
            if (!scalar.Tag.IsEmpty)
            {
                var tag = scalar.Tag.Value;
                var expected = tag switch
                {
                    "tag:yaml.org,2002:int" => PlainKind.Int,
                    "tag:yaml.org,2002:float" => PlainKind.Float,
                    "tag:yaml.org,2002:bool" => PlainKind.Bool,
                    "tag:yaml.org,2002:null" => PlainKind.Null,
                    _ => PlainKind.String,
                };
                style = expected == PlainKind.String || tag == StringTag ? YScalarStyle.Quoted : YScalarStyle.Plain;
                var actual = PlainScalarResolver.Resolve(scalar.Value).Kind;
                if (expected != PlainKind.String && actual != expected && !(expected == PlainKind.Float && actual == PlainKind.Int))
                {
                    errors.Add(SyntaxError(sourceName, start, "cannot decode !!" + actual.ToString().ToLowerInvariant() + " `" + scalar.Value
                        + "` as a !!" + expected.ToString().ToLowerInvariant()));
                }
            }

            return new YScalar(scalar.Value, style) { Line = (int)start.Line, Column = (int)start.Column };
        }

        private static long Add(long a, long b) => a > MaxExpandedNodes || b > MaxExpandedNodes ? MaxExpandedNodes + 1 : a + b;
    }
}
