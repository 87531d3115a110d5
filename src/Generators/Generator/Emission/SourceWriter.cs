using System.Text;

namespace StatefulManifests.Generators.Emission;

/// <summary>A StringBuilder that tracks indentation and always writes <c>\n</c> line ends (same bytes on every OS).</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder text = new();
    private int indent;

    /// <summary>Writes one line at the current indentation (an empty line has no trailing spaces).</summary>
    public SourceWriter Line(string line = "")
    {
        if (line.Length > 0)
        {
            text.Append(' ', indent * 4).Append(line);
        }

        text.Append('\n');
        return this;
    }

    /// <summary>
    /// Writes text that may span lines (a verbatim literal): indented on its first line only, because every
    /// character of its later lines belongs to the literal.
    /// </summary>
    public SourceWriter Raw(string text)
    {
        this.text.Append(' ', indent * 4).Append(text).Append('\n');
        return this;
    }

    /// <summary>Writes <c>{</c> and indents.</summary>
    public SourceWriter Open()
    {
        Line("{");
        indent++;
        return this;
    }

    /// <summary>Outdents and writes <c>}</c>.</summary>
    public SourceWriter Close()
    {
        indent--;
        return Line("}");
    }

    /// <summary>Writes an XML doc summary.</summary>
    public SourceWriter Summary(string xmlText) => Line("/// <summary>" + xmlText + "</summary>");

    /// <inheritdoc />
    public override string ToString() => text.ToString();
}
