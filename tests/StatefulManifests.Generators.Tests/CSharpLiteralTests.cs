using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using StatefulManifests.Generators.Emission;

namespace StatefulManifests.Generators.Tests;

/// <summary>Generated string literals read back as exactly the text they were made from.</summary>
public sealed class CSharpLiteralTests
{
    [Theory]
    [InlineData("a: 1\nb: \"quoted\" \\ back\n")]
    [InlineData("tab\there\n")]
    [InlineData("carriage\r\nreturn")]
    [InlineData("line\u2028separator\u0085next\u2029para")]
    [InlineData("nul\0bell\u0007del\u007F")]
    [InlineData("")]
    [InlineData("ünïcödé ✓ 日本")]
    public void Literals_round_trip(string text)
    {
        Assert.Equal(text, ValueOf(CSharpLiteral.Of(text)));
        Assert.Equal(text, ValueOf(CSharpLiteral.Multiline(text)));
    }

    private static string ValueOf(string literal)
    {
        var expression = (LiteralExpressionSyntax)SyntaxFactory.ParseExpression(literal);
        Assert.Empty(expression.GetDiagnostics());
        return (string)expression.Token.Value!;
    }
}
